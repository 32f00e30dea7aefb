// Durable file writes. A file is written to a temporary file in the same folder, flushed to the
// disk, then renamed over the target: a rename within one file system is atomic, so a crash or a
// SIGKILL at any moment leaves the old file or the new one, never half a file.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;

/** Where a file is written before it is renamed into place. Names carry the writer's pid, so leftovers of dead writers can be swept. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Remove a file so that the removal survives a crash. */
export async function removeFileDurably(path: string): Promise<void> {
  await rm(path, { force: true });
  await syncFolder(dirname(path));
}

/**
 * Append one line in a single write. Appends of one small line by one write(2) do not
 * interleave with other writers' lines, and a crash loses at most the last line.
 */
export async function appendLineDurably(path: string, line: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a');
  try {
    await handle.write(`${line.replace(/\n/g, ' ')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename is only durable once the folder holding it is flushed too. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or flush a folder; the rename is still atomic there.
  }
}

/** Delete temporary files left in `dir` by writers that no longer run (killed mid-write). Returns how many. */
export async function sweepStaleTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let swept = 0;
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    await rm(join(dir, name), { force: true });
    swept++;
  }
  return swept;
}

export function isTempFile(name: string): boolean {
  return TEMP_FILE.test(name);
}

export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
