// One writer at a time across processes: shards of one bot, or the bot and an operator's
// `npm run data`, may change the same data folder. Without the lock, two puts racing on one
// article could each keep the same old version and one new version would be lost.
//
// Taking the lock is a mkdir (atomic). Taking over a lock whose owner died is itself done under a
// second mkdir lock, and the lock is checked again there: issue 10 found that six writers seeing
// one stale lock all removed it, each removing the others' fresh locks, and five rounds in six lost
// versions the CLI had reported saved. Now exactly one of them removes the stale lock; the others
// find a live lock when they look again, and wait.
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning } from './atomic-file.js';

/** Thrown when another process held the lock for longer than the wait allows. */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
}

/** A lock without an owner is being taken right now, unless it is this old (its taker died). */
const OWNERLESS_STALE_MS = 5000;
/** A takeover takes milliseconds; one this old was left by a process killed in the middle of it. */
const TAKEOVER_STALE_MS = 5000;

/**
 * Run `task` while holding the lock folder `lockPath`. A lock left by a process that died (a
 * SIGKILL mid-refresh) is taken over, by one waiting process at a time.
 */
export async function withFolderLock<T>(lockPath: string, task: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  // Unique to this holding: the owner file proves the lock is still ours when we release it.
  const token = `${process.pid} ${randomBytes(6).toString('hex')}`;
  for (;;) {
    try {
      await mkdir(lockPath);
      try {
        await writeFile(join(lockPath, 'owner'), token);
        break;
      } catch (error) {
        // Our new lock was removed before we could sign it: only a takeover of an ownerless lock
        // older than OWNERLESS_STALE_MS does that, so we were stalled; start again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        continue;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath)) {
      await takeOverStale(lockPath);
      continue;
    }
    if (Date.now() > deadline) throw new LockBusyError('another change to the data is in progress: try again in a moment');
    await sleep(10 + Math.random() * 20);
  }
  try {
    return await task();
  } finally {
    // Release only our own lock: never one another process took over meanwhile.
    const owner = await readFile(join(lockPath, 'owner'), 'utf8').catch(() => undefined);
    if (owner === token) await removeLockFolder(lockPath);
  }
}

/** Remove a stale lock, unless another process is doing so or has already taken the lock since. */
async function takeOverStale(lockPath: string): Promise<void> {
  const takeover = `${lockPath}.takeover`;
  try {
    await mkdir(takeover);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const made = await stat(takeover).catch(() => undefined);
    if (made && Date.now() - made.mtimeMs > TAKEOVER_STALE_MS) await rm(takeover, { recursive: true, force: true });
    return; // someone else is taking it over: look again after them
  }
  try {
    // Judge one lock folder and remove that one only. A missing lock is nobody's to remove: seen
    // missing (just released) and removed a moment later, it would be the next writer's fresh lock,
    // and two writers would hold it at once (the lost version of the six-writer test, round 9).
    const judged = await stat(lockPath).catch(() => undefined);
    if (judged && (await isStale(lockPath, judged))) {
      const now = await stat(lockPath).catch(() => undefined);
      if (now && sameFolder(now, judged)) await removeLockFolder(lockPath);
    }
  } finally {
    await rm(takeover, { recursive: true, force: true });
  }
}

/** Move the folder aside first (atomic), then delete it: a half-deleted lock is never seen. */
async function removeLockFolder(lockPath: string): Promise<void> {
  const aside = `${lockPath}.removed-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/**
 * Whether the lock's owner died, or it has had no owner for too long. `made` is the folder as
 * stat saw it before the owner was read, so that the age is that folder's.
 */
async function isStale(lockPath: string, made?: Stats): Promise<boolean> {
  const folder = made ?? (await stat(lockPath).catch(() => undefined));
  const owner = await readFile(join(lockPath, 'owner'), 'utf8').catch(() => undefined);
  const pid = owner === undefined ? undefined : /^(\d+)(?:\s|$)/.exec(owner)?.[1];
  if (pid !== undefined) return !isRunning(Number(pid));
  return folder === undefined || Date.now() - folder.mtimeMs > OWNERLESS_STALE_MS;
}

/** The same folder, not a new one made in its place (an inode number can be reused; its birth time differs). */
function sameFolder(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.birthtimeMs === b.birthtimeMs;
}
