// One writer at a time across processes: shards of one bot, or the bot and an operator's
// `npm run data`, may change the same data folder. Without the lock, two puts racing on one
// article could each keep the same old version and one new version would be lost.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning } from './atomic-file.js';

/** Thrown when another process held the lock for longer than the wait allows. */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
}

/** A lock without an owner is being taken right now, unless it is this old (its taker died). */
const OWNERLESS_STALE_MS = 5000;

/**
 * Run `task` while holding the lock folder `lockPath` (mkdir is atomic). A lock left by a
 * process that died (a SIGKILL mid-refresh) is taken over.
 */
export async function withFolderLock<T>(lockPath: string, task: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  for (;;) {
    try {
      await mkdir(lockPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath)) {
      await rm(lockPath, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new LockBusyError('another change to the data is in progress: try again in a moment');
    await sleep(20);
  }
  try {
    await writeFile(join(lockPath, 'owner'), String(process.pid));
    return await task();
  } finally {
    await rm(lockPath, { recursive: true, force: true });
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  const owner = await readFile(join(lockPath, 'owner'), 'utf8').catch(() => undefined);
  if (owner !== undefined && /^\d+$/.test(owner)) return !isRunning(Number(owner));
  const made = await stat(lockPath).catch(() => undefined);
  return made === undefined || Date.now() - made.mtimeMs > OWNERLESS_STALE_MS;
}
