import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataStore } from '../src/store/index.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

async function openStore(files?: Parameters<typeof makeDataDir>[0]) {
  const data = makeDataDir(files);
  cleanup = data.cleanup;
  return { dir: data.dir, store: await DataStore.open(data.dir) };
}

const current = (dir: string, file = 'harbour.txt') => readFileSync(join(dir, 'articles', file), 'utf8');

describe('the versioned data folder', () => {
  it('GIVEN v1 WHEN v2 is put, rolled back, and rolled back again THEN v1 is restored, then v2 again, and every step is kept and logged', async () => {
    const { dir, store } = await openStore();
    const v1 = fixture('harbour-v1.txt').toString();
    const v2 = fixture('harbour-v2.txt').toString();

    const put = await store.put({ fileName: 'harbour.txt', bytes: Buffer.from(v2) }, 'discord:1 (ann)');
    expect(put).toMatchObject({ ok: true, slug: 'harbour', file: 'harbour.txt', unchanged: false });
    expect(current(dir)).toBe(v2);
    const [kept] = await store.versions('harbour');
    expect(kept).toMatchObject({ slug: 'harbour', file: 'harbour.txt', absent: false });
    expect(readFileSync(join(dir, 'history', 'harbour', kept!.id), 'utf8')).toBe(v1);

    const back = await store.rollback('harbour', 'discord:2 (bo)');
    expect(back).toMatchObject({ ok: true, change: { action: 'rollback', restored: kept!.id } });
    expect(current(dir)).toBe(v1);

    const undo = await store.rollback('harbour', 'discord:1 (ann)');
    expect(undo.ok).toBe(true);
    expect(current(dir)).toBe(v2);

    const { changes } = await store.history(10);
    expect(changes.map((c) => [c.action, c.slug, c.actor])).toEqual([
      ['rollback', 'harbour', 'discord:1 (ann)'],
      ['rollback', 'harbour', 'discord:2 (bo)'],
      ['put', 'harbour', 'discord:1 (ann)'],
    ]);
    const versions = await store.versions('harbour');
    expect(versions).toHaveLength(3);
    expect(versions.map((v) => v.savedAt)).toEqual([...versions.map((v) => v.savedAt)].sort().reverse());
    expect(versions.map((v) => readFileSync(join(dir, 'history', 'harbour', v.id), 'utf8'))).toEqual([v1, v2, v1]);
  });

  it('GIVEN several kept versions THEN any one can be restored by its id', async () => {
    const { dir, store } = await openStore();
    const v1 = fixture('harbour-v1.txt').toString();
    await store.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v2.txt') }, 'a');
    await store.put({ fileName: 'harbour.txt', bytes: Buffer.from(v1.replace('six weeks', 'seven weeks')) }, 'a');
    const oldest = (await store.versions('harbour')).at(-1)!;
    const restored = await store.rollback('harbour', 'a', oldest.id);
    expect(restored.ok).toBe(true);
    expect(current(dir)).toBe(v1);
    expect(await store.rollback('harbour', 'a', 'no-such-version')).toEqual({ ok: false, reason: '"harbour" has no version "no-such-version"' });
  });

  it('GIVEN a newly added article WHEN it is rolled back THEN it is removed, and undoing brings it back', async () => {
    const { dir, store } = await openStore();
    const added = await store.put({ fileName: 'Library Fund.md', bytes: fixture('library-fund.md') }, 'a');
    expect(added).toMatchObject({ ok: true, slug: 'library-fund', file: 'library-fund.md' });
    expect((await store.versions('library-fund'))[0]).toMatchObject({ absent: true, file: 'library-fund.md' });

    const removed = await store.rollback('library-fund', 'a');
    expect(removed).toMatchObject({ ok: true, change: { removed: true } });
    expect(existsSync(join(dir, 'articles', 'library-fund.md'))).toBe(false);
    expect(store.slugs()).toEqual(['harbour']);

    await store.rollback('library-fund', 'a');
    expect(current(dir, 'library-fund.md')).toBe(fixture('library-fund.md').toString());
  });

  it('GIVEN the only article WHEN a rollback would remove it THEN it is refused and the article stays', async () => {
    const { dir, store } = await openStore({});
    await store.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v1.txt') }, 'a');
    const outcome = await store.rollback('harbour', 'a');
    expect(outcome).toEqual({ ok: false, reason: 'restoring "harbour" to before it existed would leave no articles: add another article first' });
    expect(current(dir)).toBe(fixture('harbour-v1.txt').toString());
  });

  it('GIVEN no kept version THEN a rollback is refused, and an impossible slug is refused too', async () => {
    const { store } = await openStore();
    expect(await store.rollback('harbour', 'a')).toEqual({ ok: false, reason: 'there is no earlier version of "harbour" to restore' });
    expect(await store.rollback('***', 'a')).toEqual({ ok: false, reason: '"***" is not an article name' });
  });

  it('GIVEN the same bytes as the current file THEN the put is a no-op that keeps no version and logs nothing', async () => {
    const { store } = await openStore();
    const outcome = await store.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v1.txt') }, 'a');
    expect(outcome).toEqual({ ok: true, slug: 'harbour', file: 'harbour.txt', unchanged: true });
    expect(await store.versions('harbour')).toEqual([]);
    expect((await store.history()).changes).toEqual([]);
  });

  it('GIVEN an .md upload for an article stored as .txt THEN it replaces the .txt file, so one slug never has two files', async () => {
    const { dir, store } = await openStore();
    const outcome = await store.put({ fileName: 'whatever.md', bytes: fixture('harbour-v2.txt'), slug: 'Harbour' }, 'a');
    expect(outcome).toMatchObject({ ok: true, slug: 'harbour', file: 'harbour.txt' });
    expect(readdirSync(join(dir, 'articles'))).toEqual(['harbour.txt']);
  });

  it('GIVEN curated facts WHEN they are put and rolled back THEN the facts file appears and is removed again, kept in the same history', async () => {
    const { dir, store } = await openStore();
    expect((await store.put({ fileName: 'harbour.facts.json', bytes: fixture('harbour.facts.json') }, 'a')).ok).toBe(true);
    const stored = await store.readOne('harbour');
    expect(stored && 'facts' in stored && stored.facts?.people[0]?.role).toBe('chief engineer of the port authority');
    await store.rollback('harbour', 'a');
    expect(existsSync(join(dir, 'articles', 'harbour.facts.json'))).toBe(false);
    expect((await store.versions('harbour')).map((v) => v.file)).toEqual(['harbour.facts.json', 'harbour.facts.json']);
  });

  it('GIVEN a change log whose last line was cut short by a crash THEN history skips it and reports it', async () => {
    const { store } = await openStore();
    await store.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v2.txt') }, 'a');
    appendFileSync(store.paths.changeLog, '{"time":"2024-01-0');
    const { changes, skipped } = await store.history();
    expect(changes.map((c) => c.action)).toEqual(['put']);
    expect(skipped).toBe(1);
  });

  it('GIVEN more changes than the limit THEN history lists the newest ones only', async () => {
    const { store } = await openStore();
    for (let i = 0; i < 4; i++) await store.recordReload(`op${i}`);
    expect((await store.history(2)).changes.map((c) => c.actor)).toEqual(['op3', 'op2']);
  });

  it('GIVEN a folder with articles at its top level THEN the store serves that folder as it is', async () => {
    const { dir } = await openStore();
    const store = await DataStore.open(join(dir, 'articles'));
    expect(store.paths.articles).toBe(join(dir, 'articles'));
    expect((await store.readAll()).articles.map((a) => a.slug)).toEqual(['harbour']);
  });
});
