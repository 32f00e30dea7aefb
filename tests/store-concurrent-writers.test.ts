// Issue 10, findings 3–5: writers killed, racing, or taking over a dead writer's lock lost versions
// the CLI had reported saved, left running bots serving an old version, and lost per-server
// defaults. Real processes race here, started together over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataStore, LibraryHolder, ScopeDefaults, writeFileAtomic } from '../src/store/index.js';
import { appendLineDurably } from '../src/store/atomic-file.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WRITER = fileURLToPath(new URL('./fixtures/store/lock-writer.ts', import.meta.url));
/** A pid far above Linux's default pid_max: the owner of the stale lock is surely dead. */
const DEAD_PID = '4000000';

const edition = (round: number, writer: number) =>
  `Harbour report, round ${round} writer ${writer}\n\nThe harbour committee met on Monday. It discussed the budget. Round ${round} edition ${writer} closes the meeting.\n`;

let writers: ChildProcess[] = [];

function ask(child: ChildProcess, order: object): Promise<{ ok: boolean; saved?: string; reason?: string }> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`writer exited with ${code}`));
    child.once('exit', exited);
    child.once('message', (reply: { ok: boolean }) => {
      child.off('exit', exited);
      resolve(reply);
    });
    child.send(order);
  });
}

beforeAll(async () => {
  writers = Array.from({ length: 6 }, () => fork(WRITER, [], { cwd: REPO, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  await Promise.all(writers.map((w) => new Promise((resolve) => w.once('message', resolve))));
}, 60_000);

afterAll(() => {
  for (const w of writers) w.kill();
});

/** Every article text the folder still holds: the current file and every kept version. */
function everyVersion(dir: string, slug: string): Set<string> {
  const history = join(dir, 'history', slug);
  const kept = readdirSync(history).map((id) => readFileSync(join(history, id), 'utf8'));
  return new Set([readFileSync(join(dir, 'articles', `${slug}.txt`), 'utf8'), ...kept]);
}

describe('concurrent writers', () => {
  it('GIVEN a lock left by a dead writer and six writers putting at once, 20 rounds THEN exactly one takes the lock at a time and no version reported saved is lost', { timeout: 600_000 }, async () => {
    const data = makeDataDir({ 'harbour.txt': edition(0, 0) });
    try {
      for (let round = 1; round <= 20; round++) {
        mkdirSync(join(data.dir, '.lock'));
        writeFileSync(join(data.dir, '.lock', 'owner'), DEAD_PID);
        const replies = await Promise.all(writers.map((w, i) => ask(w, { kind: 'put', dir: data.dir, text: edition(round, i + 1), slug: 'harbour' })));
        expect(replies.filter((r) => !r.ok), `round ${round}`).toEqual([]);
        const versions = everyVersion(data.dir, 'harbour');
        for (let i = 1; i <= 6; i++) expect(versions.has(edition(round, i)), `round ${round}, writer ${i}`).toBe(true);
        // Every saved version named in a reply exists.
        for (const r of replies) expect(readdirSync(join(data.dir, 'history', 'harbour'))).toContain(r.saved);
      }
      const log = readFileSync(join(data.dir, 'changes.jsonl'), 'utf8').trim().split('\n');
      expect(log).toHaveLength(120);
    } finally {
      data.cleanup();
    }
  });

  it('GIVEN three processes each setting 50 servers\' default article at once THEN all 150 are kept', { timeout: 120_000 }, async () => {
    const data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt') });
    try {
      const replies = await Promise.all(writers.slice(0, 3).map((w, i) => ask(w, { kind: 'defaults', dir: data.dir, from: i * 50, count: 50 })));
      expect(replies.filter((r) => !r.ok)).toEqual([]);
      const defaults = await ScopeDefaults.open(join(data.dir, 'scope-defaults.json'));
      expect(defaults.entries()).toHaveLength(150);
    } finally {
      data.cleanup();
    }
  });
});

describe('a writer killed at each step of a put', () => {
  // The steps of DataStore.replaceFile, in order. A SIGKILL after step k leaves exactly the state
  // of steps 1..k on disk, so each prefix is applied here, with the same primitives, and a bot
  // that was running before must then serve what is on disk.
  const STEPS = ['keep the old version in history', 'write the temporary file', 'rename it over the article', 'append the change-log line'] as const;

  for (let killedAfter = 0; killedAfter <= STEPS.length; killedAfter++) {
    const what = killedAfter === 0 ? 'before any step' : `after "${STEPS[killedAfter - 1]}"`;
    it(`GIVEN a put killed ${what} THEN a running bot serves what is on disk, and the next writer's put goes through`, async () => {
      const data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt') });
      try {
        const store = await DataStore.open(data.dir);
        const { holder } = await LibraryHolder.open(store);
        const target = join(store.paths.articles, 'harbour.txt');
        const next = fixture('harbour-v2.txt');
        const temp = join(store.paths.articles, `.harbour.txt.${DEAD_PID}.abcdef.tmp`);
        const steps = [
          async () => writeFileAtomic(join(store.paths.history, 'harbour', '2020-01-01T00-00-00-000Z__harbour.txt'), readFileSync(target)),
          async () => writeFileSync(temp, next),
          async () => (await import('node:fs/promises')).rename(temp, target),
          async () => appendLineDurably(store.paths.changeLog, JSON.stringify({ time: new Date().toISOString(), action: 'put', actor: 'killed', slug: 'harbour', file: 'harbour.txt' })),
        ];
        for (const step of steps.slice(0, killedAfter)) await step();

        await holder.reloadIfChanged();
        expect(holder.library.get('harbour')!.article.headline).toBe(readFileSync(target, 'utf8').split('\n')[0]);

        const after = await holder.put({ fileName: 'harbour.txt', bytes: Buffer.from(edition(9, 9)) }, 'next writer');
        expect(after.ok).toBe(true);
        expect(holder.library.get('harbour')!.article.headline).toBe('Harbour report, round 9 writer 9');
      } finally {
        data.cleanup();
      }
    });
  }
});
