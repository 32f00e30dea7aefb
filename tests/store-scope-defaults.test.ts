import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, ScopeDefaults } from '../src/store/index.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'docent-scopes-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('default article per scope', () => {
  it('GIVEN choices made for two servers WHEN the store is opened again THEN both choices are still there', async () => {
    const path = join(dir, 'scope-defaults.json');
    const first = await ScopeDefaults.open(path);
    await first.set('guild:1', 'harbour', 'discord:9');
    await first.set('guild:2', 'library-fund');
    const reopened = await ScopeDefaults.open(path);
    expect([reopened.get('guild:1'), reopened.get('guild:2'), reopened.get('guild:3')]).toEqual(['harbour', 'library-fund', undefined]);
    expect(reopened.problem).toBeUndefined();
    expect(reopened.entries().find(([id]) => id === 'guild:1')![1]).toMatchObject({ slug: 'harbour', setBy: 'discord:9' });
  });

  it('GIVEN a cleared choice THEN it is gone after re-opening', async () => {
    const path = join(dir, 'scope-defaults.json');
    const store = await ScopeDefaults.open(path);
    await store.set('guild:1', 'harbour');
    await store.set('guild:1', undefined);
    expect((await ScopeDefaults.open(path)).get('guild:1')).toBeUndefined();
  });

  it('GIVEN a corrupt file THEN it is reported and read as empty, AND the next choice sets it aside instead of overwriting it', async () => {
    const path = join(dir, 'scope-defaults.json');
    writeFileSync(path, '{"version": 1, "scopes": {"guild:1": {"slug": "harb');
    const store = await ScopeDefaults.open(path);
    expect(store.problem).toMatch(/is not valid JSON; starting with no default articles/);
    expect(store.get('guild:1')).toBeUndefined();
    await store.set('guild:2', 'harbour');
    expect((await ScopeDefaults.open(path)).get('guild:2')).toBe('harbour');
    const kept = readdirSync(dir).find((f) => f.startsWith('scope-defaults.json.corrupt-'))!;
    expect(readFileSync(join(dir, kept), 'utf8')).toContain('"slug": "harb');
  });

  it('GIVEN a file of the wrong shape THEN the problem names the bad field', async () => {
    const path = join(dir, 'scope-defaults.json');
    writeFileSync(path, JSON.stringify({ version: 1, scopes: { 'guild:1': { slug: '../etc', setAt: new Date().toISOString() } } }));
    const store = await ScopeDefaults.open(path);
    expect(store.problem).toMatch(/scopes\.guild:1\.slug/);
    expect(store.get('guild:1')).toBeUndefined();
  });

  it('GIVEN two processes choosing for different servers THEN neither choice overwrites the other', async () => {
    const path = join(dir, 'scope-defaults.json');
    const [shard0, shard1] = [await ScopeDefaults.open(path), await ScopeDefaults.open(path)];
    await shard0.set('guild:1', 'harbour');
    await shard1.set('guild:2', 'library-fund');
    const reopened = await ScopeDefaults.open(path);
    expect([reopened.get('guild:1'), reopened.get('guild:2')]).toEqual(['harbour', 'library-fund']);
  });

  it('GIVEN an invalid slug THEN the choice is refused and nothing is written', async () => {
    const store = await ScopeDefaults.open(join(dir, 'scope-defaults.json'));
    await expect(store.set('guild:1', '../../secrets')).rejects.toThrow(/not an article slug/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the audit log', () => {
  it('GIVEN allowed and denied attempts THEN each is one line with who, where, what, result and time, newest first when read', async () => {
    const log = new AuditLog(join(dir, 'audit.jsonl'));
    await log.record({ who: 'discord:1 (ann)', where: 'guild:5/channel:6', what: '/refresh file:harbour.txt', result: 'ok', detail: '+2 −1 paragraphs' });
    await log.record({ who: 'discord:2 (bo)', where: 'dm:2', what: '/refresh rollback article:harbour\n@everyone', result: 'denied', detail: 'moderators only' });
    const lines = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const recent = await log.recent(5);
    expect(recent.map((e) => [e.who, e.result])).toEqual([
      ['discord:2 (bo)', 'denied'],
      ['discord:1 (ann)', 'ok'],
    ]);
    expect(recent[0]!.what).toBe('/refresh rollback article:harbour\n@everyone');
    expect(Date.parse(recent[0]!.time)).not.toBeNaN();
  });

  it('GIVEN many records at once THEN every one is written whole', async () => {
    const log = new AuditLog(join(dir, 'audit.jsonl'));
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.record({ who: `u${i}`, where: 'cli', what: 'x'.repeat(5000), result: 'refused' })));
    const recent = await log.recent(100);
    expect(recent).toHaveLength(50);
    expect(recent.every((e) => e.what.length === 1000)).toBe(true);
  });
});
