// Issue 10, finding 7: a compressed download refused, a huge file read whole before its size was
// checked, symbolic links followed out of the data folder, an audit log that grows forever.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment } from '../bot/attachments.js';
import { runDataCli } from '../cli/data.js';
import { AuditLog, DataStore, LibraryHolder } from '../src/store/index.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

const ARTICLE = fixture('harbour-v1.txt');
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const gzipped = gzipSync(ARTICLE);
    // A host that compresses whatever the client asks for, as some proxies do.
    response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': String(gzipped.length) });
    response.end(gzipped);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('downloads', () => {
  it('GIVEN an attachment host that answers with Content-Encoding: gzip THEN the file is decoded and accepted, its size counted after decoding', async () => {
    const download = await downloadAttachment(`${base}/harbour.txt`, { hosts: ['127.0.0.1'], maxBytes: 1024 * 1024, timeoutMs: 10_000 });
    expect(download).toEqual({ ok: true, bytes: ARTICLE });
    const small = await downloadAttachment(`${base}/harbour.txt`, { hosts: ['127.0.0.1'], maxBytes: 100, timeoutMs: 10_000 });
    expect(small.ok).toBe(false);
  });
});

describe('files refused by what they are, before they are read', () => {
  it('GIVEN `npm run data -- put /dev/zero` THEN it is refused as not a regular file, without reading it', async () => {
    const data = makeDataDir();
    cleanup = data.cleanup;
    const err: string[] = [];
    const status = await runDataCli(['--data', data.dir, 'put', '/dev/zero'], { out: () => {}, err: (l) => err.push(l), env: {}, actor: 'cli:test' });
    expect(status).toBe(1);
    expect(err.join('\n')).toContain('not a regular file');
  });

  it('GIVEN a file over the size limit THEN put refuses it by its size', async () => {
    const data = makeDataDir();
    cleanup = data.cleanup;
    const big = join(data.dir, 'big.txt');
    writeFileSync(big, `Big\n\n${'A sentence here. '.repeat(200)}`);
    const err: string[] = [];
    const status = await runDataCli(['--data', data.dir, 'put', big], { out: () => {}, err: (l) => err.push(l), env: { MAX_ARTICLE_BYTES: '1024' }, actor: 'cli:test' });
    expect(status).toBe(1);
    expect(err.join('\n')).toMatch(/the file is 3\.\d KB; the limit is 1 KB/);
  });
});

describe('symbolic links in the data folder', () => {
  it('GIVEN an outside file linked into articles/ THEN it is not served nor copied, and the others serve', async () => {
    const data = makeDataDir({ 'harbour.txt': ARTICLE });
    const outside = mkdtempSync(join(tmpdir(), 'docent-outside-'));
    cleanup = () => {
      data.cleanup();
      rmSync(outside, { recursive: true, force: true });
    };
    writeFileSync(join(outside, 'secret.txt'), fixture('harbour-v2.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(data.dir, 'articles', 'linked.txt'));
    const { holder, problems } = await LibraryHolder.open(await DataStore.open(data.dir));
    expect(problems).toEqual([{ file: 'linked.txt', reason: expect.stringContaining('is a symbolic link') }]);
    expect(holder.library.list().map((ix) => ix.article.slug)).toEqual(['harbour']);
    const put = await holder.put({ fileName: 'linked.txt', bytes: ARTICLE }, 'test');
    expect(put.ok).toBe(false);
    expect(existsSync(join(data.dir, 'history', 'linked'))).toBe(false);
  });

  it('GIVEN a history folder linked outside the data folder THEN a change is refused and nothing is written outside', async () => {
    const data = makeDataDir({ 'harbour.txt': ARTICLE });
    const outside = mkdtempSync(join(tmpdir(), 'docent-outside-'));
    cleanup = () => {
      data.cleanup();
      rmSync(outside, { recursive: true, force: true });
    };
    mkdirSync(join(data.dir, 'history'));
    symlinkSync(outside, join(data.dir, 'history', 'harbour'));
    const store = await DataStore.open(data.dir);
    const put = await store.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v2.txt') }, 'test');
    expect(put.ok).toBe(false);
    expect(!put.ok && put.reason).toContain('is a symbolic link');
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('the audit log', () => {
  it('GIVEN far more entries than the size limit holds THEN the log is rotated, keeping at most N old files, each within the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docent-audit-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    const log = new AuditLog(join(dir, 'audit.jsonl'), { maxBytes: 2000, keep: 2 });
    for (let i = 0; i < 100; i++) await log.record({ who: `discord:${i}`, where: 'guild:1/channel:2', what: '/refresh all', result: 'denied', detail: 'Moderators only' });
    expect(readdirSync(dir).sort()).toEqual(['audit.jsonl', 'audit.jsonl.1', 'audit.jsonl.2']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(2000);
    expect((await log.recent(3)).map((e) => e.who)).toEqual(['discord:99', 'discord:98', 'discord:97']);
  });
});
