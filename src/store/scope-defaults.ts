// Which article each scope (a Discord server, a DM, a console) asks about by default. Kept in a
// small JSON file so the choice survives restarts. A corrupt file is reported and read as empty,
// and is set aside (not overwritten) on the next change, so nothing is lost.
import { readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.js';
import { withFolderLock } from './folder-lock.js';
import { slugSchema } from './slug.js';

const scopeChoiceSchema = z.object({
  slug: slugSchema,
  setBy: z.string().max(200).optional(),
  setAt: z.iso.datetime(),
});

const scopeDefaultsFileSchema = z.object({
  version: z.literal(1),
  scopes: z.record(z.string().min(1).max(100), scopeChoiceSchema),
});

export type ScopeChoice = z.infer<typeof scopeChoiceSchema>;
type ScopeDefaultsFile = z.infer<typeof scopeDefaultsFileSchema>;

type FileRead = { ok: true; data: ScopeDefaultsFile } | { ok: false; problem: string };

export class ScopeDefaults {
  readonly path: string;
  /** The data folder's lock (DataPaths.lock): shards setting defaults at once take turns on it. */
  readonly lockPath: string;
  private scopes: Map<string, ScopeChoice>;
  /** Why the file could not be read when it was opened, if it could not. */
  readonly problem: string | undefined;
  private corrupt: boolean;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string, scopes: Map<string, ScopeChoice>, problem: string | undefined, lockPath: string) {
    this.path = path;
    this.lockPath = lockPath;
    this.scopes = scopes;
    this.problem = problem;
    this.corrupt = problem !== undefined;
  }

  /** `lockPath` defaults to the `.lock` beside the file, which is the data folder's lock. */
  static async open(path: string, options: { lockPath?: string } = {}): Promise<ScopeDefaults> {
    const lockPath = options.lockPath ?? join(dirname(path), '.lock');
    const read = await readDefaultsFile(path);
    return read.ok ? new ScopeDefaults(path, new Map(Object.entries(read.data.scopes)), undefined, lockPath) : new ScopeDefaults(path, new Map(), read.problem, lockPath);
  }

  /** The slug chosen for a scope, if any. */
  get(scopeId: string): string | undefined {
    return this.scopes.get(scopeId)?.slug;
  }

  /** Every choice, by scope. */
  entries(): Array<[string, ScopeChoice]> {
    return [...this.scopes];
  }

  /** Choose a scope's default article (`undefined` clears it) and save at once. */
  set(scopeId: string, slug: string | undefined, setBy?: string): Promise<void> {
    if (scopeId === '' || scopeId.length > 100) return Promise.reject(new Error('a scope id is 1 to 100 characters'));
    if (slug !== undefined && !slugSchema.safeParse(slug).success) return Promise.reject(new Error(`"${slug}" is not an article slug`));
    return this.serialise(async () => {
      // Other processes (shards) write their own scopes to this file: start from what is on disk.
      const onDisk = await readDefaultsFile(this.path);
      if (onDisk.ok) this.scopes = new Map(Object.entries(onDisk.data.scopes));
      if (this.corrupt) {
        await rename(this.path, `${this.path}.corrupt-${Date.now()}`).catch(() => undefined);
        this.corrupt = false;
      }
      if (slug === undefined) this.scopes.delete(scopeId);
      else this.scopes.set(scopeId, { slug, setAt: new Date().toISOString(), ...(setBy !== undefined && { setBy: setBy.slice(0, 200) }) });
      const file: ScopeDefaultsFile = { version: 1, scopes: Object.fromEntries(this.scopes) };
      await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
    });
  }

  /**
   * One change at a time: in this process by a queue, across processes by the data folder's lock.
   * Reading the file and writing it back must not interleave with another process's (issue 10:
   * three shards setting 50 servers each kept 55 of 150).
   */
  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const locked = () => withFolderLock(this.lockPath, task);
    const run = this.queue.then(locked, locked);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

async function readDefaultsFile(path: string): Promise<FileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, data: { version: 1, scopes: {} } };
    return { ok: false, problem: `${path} cannot be read: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${path} is not valid JSON; starting with no default articles` };
  }
  const parsed = scopeDefaultsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${path} is not a default-articles file (${issue.path.join('.') || 'top level'}: ${issue.message}); starting with no default articles` };
  }
  return { ok: true, data: parsed.data };
}
