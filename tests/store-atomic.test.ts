import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerInput } from '../src/index.js';
import { DataStore, LibraryHolder, writeFileAtomic } from '../src/store/index.js';
import { sweepStaleTempFiles } from '../src/store/atomic-file.js';
import { LockBusyError, withFolderLock } from '../src/store/folder-lock.js';
import { bigArticle, makeDataDir } from './fixtures/store/helpers.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const PUT_LOOP = fileURLToPath(new URL('./fixtures/store/put-loop.ts', import.meta.url));

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'docent-atomic-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `root`, relative paths. */
function allFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

describe('atomic writes', () => {
  it('GIVEN many writes over one file, some at once THEN the file holds one whole version and no temporary file is left', async () => {
    const path = join(dir, 'sub', 'file.txt');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(path, `version ${i}\n`.repeat(1000))));
    expect(readFileSync(path, 'utf8')).toMatch(/^(version (\d+)\n)\1*$/);
    expect(allFiles(dir)).toEqual(['sub/file.txt']);
  });

  it('GIVEN a write that fails at the rename THEN the error is raised and no temporary file is left', async () => {
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken', 'child'), 'x');
    await expect(writeFileAtomic(join(dir, 'taken'), 'data')).rejects.toThrow();
    expect(allFiles(dir)).toEqual(['taken/child']);
  });

  it('GIVEN temporary files left by a dead writer and by a live one THEN sweeping removes only the dead writer\'s', async () => {
    writeFileSync(join(dir, '.a.txt.999999999.abcd.tmp'), 'half');
    writeFileSync(join(dir, `.b.txt.${process.pid}.abcd.tmp`), 'in progress');
    writeFileSync(join(dir, 'c.txt'), 'kept');
    expect(await sweepStaleTempFiles(dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([`.b.txt.${process.pid}.abcd.tmp`, 'c.txt']);
  });
});

describe('the folder lock', () => {
  it('GIVEN two processes putting versions of one article at once THEN every replaced version is kept', async () => {
    const data = makeDataDir();
    try {
      const [a, b] = [await DataStore.open(data.dir), await DataStore.open(data.dir)];
      const versions = Array.from({ length: 8 }, (_, i) => bigArticle(i + 1, 4));
      await Promise.all(versions.map((text, i) => (i % 2 ? a : b).put({ fileName: 'harbour.txt', bytes: Buffer.from(text) }, `p${i % 2}`)));
      const kept = (await a.versions('harbour')).map((v) => readFileSync(join(data.dir, 'history', 'harbour', v.id), 'utf8'));
      const current = readFileSync(join(data.dir, 'articles', 'harbour.txt'), 'utf8');
      // The original and all but the last written version are in the history; the last one is current.
      expect(new Set([...kept, current]).size).toBe(versions.length + 1);
      expect(kept).toHaveLength(versions.length);
    } finally {
      data.cleanup();
    }
  });

  it('GIVEN a lock held by a live process THEN a writer waits, then gives up with a polite reason', async () => {
    const lock = join(dir, '.lock');
    let release = () => {};
    const held = withFolderLock(lock, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((r) => setTimeout(r, 10));
    await expect(withFolderLock(lock, async () => 'never', { waitMs: 60 })).rejects.toThrow(LockBusyError);
    release();
    await held;
    expect(await withFolderLock(lock, async () => 'then it runs')).toBe('then it runs');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('GIVEN a lock left by a process that died THEN the next writer takes it over', async () => {
    mkdirSync(join(dir, '.lock'));
    writeFileSync(join(dir, '.lock', 'owner'), '999999999');
    expect(await withFolderLock(join(dir, '.lock'), async () => 'ran', { waitMs: 0 })).toBe('ran');
  });
});

/** Start the put loop, let it finish `rounds` rounds, wait `delayMs` more, then SIGKILL it. */
async function killMidWrite(dataDir: string, mode: 'store' | 'raw', rounds: number, delayMs: number): Promise<number> {
  // Node runs the TypeScript itself (tsx as a loader), so the SIGKILL hits the writing process,
  // not an npx or tsx wrapper that would leave the writer running.
  const child = spawn(process.execPath, ['--import', 'tsx', PUT_LOOP, dataDir, ...(mode === 'raw' ? ['--raw'] : [])], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<number>((resolve, reject) => {
    let finished = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      finished = Math.max(finished, ...chunk.toString().trim().split('\n').map(Number));
      if (finished >= rounds) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(finished) : reject(new Error(`put loop exited ${code}: ${stderr}`))));
  });
  return done;
}

describe('a writer killed in the middle of a refresh', () => {
  it('GIVEN a process replacing and rolling back a 400 KB article, or rewriting it in a tight loop, WHEN it is SIGKILLed at various moments THEN the folder always loads, with one whole version', async () => {
    const data = makeDataDir({ 'other.txt': 'Other article\n\nIt has one sentence. It has two. It has three.\n' });
    try {
      // Through the store (validate, keep the old version, write, log) and as bare rewrites.
      for (const [mode, rounds, delayMs] of [
        ['store', 1, 0],
        ['store', 3, 23],
        ['raw', 5, 0],
        ['raw', 20, 3],
      ] as const) {
        await killMidWrite(data.dir, mode, rounds, delayMs);

        const store = await DataStore.open(data.dir); // sweeps what the killed writer left
        const { articles, problems } = await store.readAll();
        expect(problems).toEqual([]);
        const big = articles.find((a) => a.slug === 'big')!;
        const version = /^Big article version (\d+)$/.exec(big.article.headline)![1];
        expect(big.article.paragraphs.at(-1)!.text).toBe(`Version ${version} ends here.`);
        expect(big.article.paragraphs.slice(0, -1).every((p) => p.text.startsWith(`Paragraph of version ${version}.`))).toBe(true);
        expect(allFiles(data.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

        // Every kept version is whole too, and the log reads.
        for (const v of await store.versions('big')) {
          const text = readFileSync(join(data.dir, 'history', 'big', v.id), 'utf8');
          if (!v.absent) expect(text).toBe(bigArticle(Number(/version (\d+)/.exec(text)![1])));
        }
        expect((await store.history(1000)).changes.length).toBeGreaterThan(0);
      }
      // The next start serves it, and the next change takes over the lock the killed writer held.
      const next = await DataStore.open(data.dir);
      expect(await next.put({ fileName: 'big.txt', bytes: Buffer.from(bigArticle(999)) }, 'after-crash')).toMatchObject({ ok: true });
      const { holder, problems } = await LibraryHolder.open(next);
      expect(problems).toEqual([]);
      expect(answerInput(holder.library, '/search budget article:big').article?.slug).toBe('big');
    } finally {
      data.cleanup();
    }
  });
});
