// The versioned data folder (DATA_DIR) behind moderators' refreshes:
//
//   DATA_DIR/articles/<slug>.txt|md          the articles being served
//   DATA_DIR/articles/<slug>.facts.json      optional curated facts for an article
//   DATA_DIR/history/<slug>/<time>__<file>   every version that was replaced ("….absent": there was none)
//   DATA_DIR/changes.jsonl                   one line per change: put, rollback, reload
//
// Nothing is changed before the new content is validated, every write is atomic, and every
// replaced version is kept, so any version can be restored and a restore can itself be undone.
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { z } from 'zod';
import type { Article } from '../types.js';
import { appendLineDurably, isTempFile, removeFileDurably, sweepStaleTempFiles, writeFileAtomic } from './atomic-file.js';
import { FACTS_FILE, validateFactsFile, type CuratedFacts } from './curated-facts.js';
import { LockBusyError, withFolderLock } from './folder-lock.js';
import { readJsonLines } from './json-lines.js';
import { DEFAULT_LIMITS, formatBytes, type ArticleLimits } from './limits.js';
import { RESERVED_SLUGS, normalizeSlug, reservedSlugProblem, slugForFile, slugSchema } from './slug.js';
import { ARTICLE_FILE, validateArticleFile } from './validate-article.js';
import { indexingProblem, uploadProblem } from './off-thread-index.js';

export interface DataPaths {
  root: string;
  articles: string;
  history: string;
  changeLog: string;
  scopeDefaults: string;
  auditLog: string;
  /** Held while a change is written, so processes sharing the folder take turns. */
  lock: string;
}

/** An article as stored: its parsed text, its curated facts, and a fingerprint of both files' bytes. */
export interface StoredArticle {
  slug: string;
  file: string;
  article: Article;
  facts?: CuratedFacts | undefined;
  factsFile?: string | undefined;
  /** Equal fingerprints mean equal bytes, so an index built from one serves the other. */
  fingerprint: string;
}

/** A file that cannot be served, and what to do about it. */
export interface FileProblem {
  file: string;
  reason: string;
}

export interface FolderContents {
  articles: StoredArticle[];
  problems: FileProblem[];
}

export const changeEntrySchema = z.object({
  time: z.iso.datetime(),
  action: z.enum(['put', 'rollback', 'reload']),
  actor: z.string(),
  slug: z.string().optional(),
  /** The file in the articles folder that changed. */
  file: z.string().optional(),
  /** History version holding what this change replaced (undo by restoring it). */
  saved: z.string().optional(),
  /** For a rollback: the history version that was restored. */
  restored: z.string().optional(),
  /** True when the change removed the file (a rollback to before it existed). */
  removed: z.boolean().optional(),
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;

/** One kept version of a file: its content, or the fact that the file did not exist. */
export interface HistoryVersion {
  id: string;
  slug: string;
  file: string;
  savedAt: string;
  absent: boolean;
}

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  /** The article's slug; defaults to the one the file name gives. */
  slug?: string | undefined;
}

export type StoreChange =
  | { ok: true; slug: string; file: string; unchanged: boolean; change?: ChangeEntry | undefined }
  | { ok: false; reason: string };

const VERSION_NAME = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)__(.+?)(\.absent)?$/;

export class DataStore {
  readonly paths: DataPaths;
  readonly limits: ArticleLimits;
  /** Changes made through this object run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private lastVersionTime = 0;

  private constructor(paths: DataPaths, limits: ArticleLimits) {
    this.paths = paths;
    this.limits = limits;
  }

  /**
   * The store over a data folder. Articles live in `root/articles/`, or directly in `root` when it
   * already holds article files (the layouts `readArticles` accepts). Temporary files left by a
   * writer that was killed are swept away.
   */
  static async open(root: string, options: { limits?: ArticleLimits } = {}): Promise<DataStore> {
    const store = new DataStore(pathsFor(root), options.limits ?? DEFAULT_LIMITS);
    await sweepStaleTempFiles(store.paths.articles);
    await sweepStaleTempFiles(store.paths.root);
    for (const slug of await listOrEmpty(store.paths.history)) await sweepStaleTempFiles(join(store.paths.history, slug));
    return store;
  }

  /**
   * Read and validate every article and facts file. Problems are collected, never thrown.
   * `known` holds articles read before: one whose files still have the same bytes is returned
   * as it was, without parsing it again, so a reload that changes little costs little.
   */
  async readAll(known?: ReadonlyMap<string, StoredArticle>): Promise<FolderContents> {
    const names = await listOrEmpty(this.paths.articles);
    const articleFiles = names.filter(isArticleFileName).sort();
    if (articleFiles.length === 0) {
      return { articles: [], problems: [{ file: this.paths.articles, reason: 'there are no .txt or .md article files in this folder' }] };
    }
    const articles: StoredArticle[] = [];
    const problems: FileProblem[] = [];
    const seen = new Map<string, string>();
    for (const file of articleFiles) {
      const slug = slugForFile(file);
      const twin = seen.get(slug);
      if (twin) {
        problems.push({ file, reason: `${twin} and ${file} are both the article "${slug}": remove or rename one` });
        continue;
      }
      seen.set(slug, file);
      const read = await this.readStored(slug, file, names.includes(`${slug}.facts.json`) ? `${slug}.facts.json` : undefined, known?.get(slug));
      if ('reason' in read) problems.push(read);
      else articles.push(read);
      await yieldToEventLoop(); // let questions be answered while a large folder is read
    }
    return { articles, problems };
  }

  /** Read one article by slug: the stored article, `undefined` when there is none, or the problem. */
  async readOne(slug: string): Promise<StoredArticle | FileProblem | undefined> {
    const file = this.articleFileOf(slug);
    if (!file) return undefined;
    const factsFile = existsSync(join(this.paths.articles, `${slug}.facts.json`)) ? `${slug}.facts.json` : undefined;
    return this.readStored(slug, file, factsFile);
  }

  /**
   * Index an article in the worker, within the time limit, before anything is written: why it
   * cannot be served, or undefined when it can. A file that passes validation can still take the
   * extractors too long (issue 10), and once on disk it would be re-read at every start.
   */
  checkIndexing(stored: Pick<StoredArticle, 'article' | 'facts'>): Promise<string | undefined> {
    return indexingProblem(stored, this.limits.indexTimeoutMs);
  }

  /** The curated facts kept for a slug, if any and valid, read without parsing its article. */
  private async currentFacts(slug: string): Promise<CuratedFacts | undefined> {
    const factsFile = `${slug}.facts.json`;
    if (await this.unsafeFile(join(this.paths.articles, factsFile))) return undefined;
    const bytes = await readFile(join(this.paths.articles, factsFile)).catch(() => undefined);
    if (!bytes) return undefined;
    const check = validateFactsFile(bytes, factsFile, this.limits);
    return check.ok ? check.facts : undefined;
  }

  /** Every slug with an article file, sorted. */
  slugs(): string[] {
    return [...new Set(listOrEmptySync(this.paths.articles).filter(isArticleFileName).map(slugForFile))].sort();
  }

  /**
   * Add or replace an article (`.txt`/`.md`) or its curated facts (`.facts.json`). The content is
   * validated first; the version it replaces is kept in the history folder.
   */
  put(upload: Upload, actor: string): Promise<StoreChange> {
    return this.serialiseChange(async () => {
      const slug = upload.slug !== undefined ? normalizeSlug(upload.slug) : slugForFile(upload.fileName);
      if (slug === undefined) return refuse(`"${upload.slug}" cannot be an article name: use letters, digits and dashes`);
      const reserved = reservedSlugProblem(slug);
      if (reserved) return refuse(`${upload.fileName}: ${reserved}`);

      // Any .json upload is meant as curated facts; the facts check explains the naming rule.
      if (/\.json$/i.test(upload.fileName)) {
        const alone = validateFactsFile(upload.bytes, upload.fileName, this.limits);
        if (!alone.ok) return refuse(alone.reason);
        const stored = await this.readOne(slug);
        if (stored === undefined) return refuse(`there is no article "${slug}" for these facts: add the article first`);
        if ('reason' in stored) return refuse(`the article "${slug}" cannot be read (${stored.reason}): fix the article first`);
        const check = validateFactsFile(upload.bytes, upload.fileName, this.limits, stored.article);
        if (!check.ok) return refuse(check.reason);
        const indexing = await this.checkIndexing({ article: stored.article, facts: check.facts });
        if (indexing) return refuse(indexing);
        return this.replaceFile(slug, `${slug}.facts.json`, upload.bytes, { action: 'put', actor });
      }

      // Read, validated and indexed in the worker, within the time limit: a hostile file costs the
      // main thread nothing before it is refused.
      const problem = await uploadProblem({ bytes: upload.bytes, fileName: upload.fileName, limits: this.limits, facts: await this.currentFacts(slug) });
      if (problem) return refuse(problem);
      // A replacement keeps the existing file's name, so one slug never has two files.
      const file = this.articleFileOf(slug) ?? `${slug}.${upload.fileName.split('.').pop()!.toLowerCase()}`;
      return this.replaceFile(slug, file, upload.bytes, { action: 'put', actor });
    });
  }

  /**
   * Restore a kept version of an article or its facts: by default the newest, which is the one
   * the last change replaced. The current content is kept first, so rolling back again undoes it.
   */
  rollback(slugTyped: string, actor: string, versionId?: string): Promise<StoreChange> {
    return this.serialiseChange(async () => {
      const slug = normalizeSlug(slugTyped);
      if (slug === undefined) return refuse(`"${slugTyped}" is not an article name`);
      const versions = await this.versions(slug);
      const version = versionId === undefined ? versions[0] : versions.find((v) => v.id === versionId);
      if (!version) {
        return refuse(versionId === undefined ? `there is no earlier version of "${slug}" to restore` : `"${slug}" has no version "${versionId}"`);
      }
      const isArticle = !FACTS_FILE.test(version.file);
      const file = isArticle ? (this.articleFileOf(slug) ?? version.file) : version.file;

      if (version.absent) {
        if (isArticle && this.slugs().length === 1 && this.slugs()[0] === slug) {
          return refuse(`restoring "${slug}" to before it existed would leave no articles: add another article first`);
        }
        return this.replaceFile(slug, file, undefined, { action: 'rollback', actor, restored: version.id });
      }
      const bytes = await readFile(join(this.paths.history, slug, version.id));
      const check = isArticle ? validateArticleFile(bytes, file, this.limits) : validateFactsFile(bytes, file, this.limits);
      if (!check.ok) return refuse(`the version from ${version.savedAt} cannot be restored: ${check.reason}`);
      return this.replaceFile(slug, file, bytes, { action: 'rollback', actor, restored: version.id });
    });
  }

  /** Kept versions of an article and its facts, newest first. */
  async versions(slug: string): Promise<HistoryVersion[]> {
    if (!slugSchema.safeParse(slug).success) return [];
    const names = await listOrEmpty(join(this.paths.history, slug));
    return names
      .map((id) => ({ id, m: VERSION_NAME.exec(id) }))
      .filter((v): v is { id: string; m: RegExpExecArray } => v.m !== null)
      .map(({ id, m }) => ({ id, slug, file: m[2]!, savedAt: fromStamp(m[1]!), absent: m[3] !== undefined }))
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** The last changes, newest first. */
  async history(limit = 20): Promise<{ changes: ChangeEntry[]; skipped: number }> {
    const { entries, skipped } = await readJsonLines(this.paths.changeLog, changeEntrySchema);
    return { changes: entries.slice(-Math.max(0, limit)).reverse(), skipped };
  }

  /** Record that the folder was reloaded, so other processes watching the change log reload too. */
  recordReload(actor: string): Promise<ChangeEntry> {
    return this.serialise(() => this.appendChange({ action: 'reload', actor }));
  }

  /**
   * Changes whenever the change log does: cheap enough to poll, so every process (or shard)
   * serving this folder can notice that another one changed it.
   */
  async changeStamp(): Promise<string> {
    // The articles folder's own time changes with every file renamed into it or removed from it,
    // so a writer killed after its rename but before its change-log line (issue 10) is still
    // noticed; a reload then reads only the files whose bytes changed.
    const of = async (path: string) => {
      try {
        const s = await stat(path);
        return `${s.ino}:${s.size}:${s.mtimeMs}`;
      } catch {
        return 'none';
      }
    };
    return `${await of(this.paths.changeLog)}|${await of(this.paths.articles)}`;
  }

  private async readStored(slug: string, file: string, factsFile: string | undefined, known?: StoredArticle): Promise<StoredArticle | FileProblem> {
    for (const name of [file, ...(factsFile ? [factsFile] : [])]) {
      const problem = await this.unsafeFile(join(this.paths.articles, name));
      if (problem) return { file: name, reason: problem };
    }
    const bytes = await readFile(join(this.paths.articles, file));
    const factBytes = factsFile ? await readFile(join(this.paths.articles, factsFile)) : undefined;
    const hash = createHash('sha256').update(bytes);
    if (factBytes) hash.update('\u0000facts\u0000').update(factBytes);
    const fingerprint = hash.digest('hex');
    if (known && known.fingerprint === fingerprint && known.file === file) return known;

    const check = validateArticleFile(bytes, file, this.limits);
    if (!check.ok) return { file, reason: check.reason };
    let facts: CuratedFacts | undefined;
    if (factsFile && factBytes) {
      // Names are not checked against the article here: a new article version may drop a name
      // the facts mention, and that must not make the whole folder unloadable.
      const factsCheck = validateFactsFile(factBytes, factsFile, this.limits);
      if (!factsCheck.ok) return { file: factsFile, reason: factsCheck.reason };
      facts = factsCheck.facts;
    }
    return { slug, file, article: check.article, facts, factsFile: facts ? factsFile : undefined, fingerprint };
  }

  /**
   * Why a file in the data folder must not be read, or undefined. A symbolic link is refused: it
   * would serve, and copy into the history, a file from anywhere on the machine (issue 10). A
   * file over the size limit is refused by its size, before it is read.
   */
  private async unsafeFile(path: string): Promise<string | undefined> {
    const info = await lstat(path).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) return 'is a symbolic link; only files kept inside the data folder are served: replace the link with the file itself';
    if (!info.isFile()) return 'is not a regular file';
    if (info.size > this.limits.maxBytes) return `the file is ${formatBytes(info.size)}; the limit is ${formatBytes(this.limits.maxBytes)}`;
    return undefined;
  }

  /** Why a change may not write here: a linked article file or history folder would write outside the data folder. */
  private async unsafeToWrite(slug: string, file: string): Promise<string | undefined> {
    for (const path of [this.paths.history, join(this.paths.history, slug), join(this.paths.articles, file)]) {
      const info = await lstat(path).catch(() => undefined);
      if (info?.isSymbolicLink()) return `${path} is a symbolic link; Docent writes only inside the data folder: replace the link with a folder or file`;
    }
    return undefined;
  }

  /** The article file for a slug (`<slug>.txt` or `<slug>.md`), if there is one. */
  private articleFileOf(slug: string): string | undefined {
    return listOrEmptySync(this.paths.articles).find((f) => isArticleFileName(f) && slugForFile(f) === slug);
  }

  /**
   * Keep the current state of `file` in the history, then write `bytes` over it (or remove it when
   * `bytes` is undefined), then log the change. Killed between steps, the folder still holds
   * whole files: at worst the history keeps one extra copy, or the log misses the last line.
   */
  private async replaceFile(
    slug: string,
    file: string,
    bytes: Uint8Array | undefined,
    change: { action: 'put' | 'rollback'; actor: string; restored?: string },
  ): Promise<StoreChange> {
    const unsafe = await this.unsafeToWrite(slug, file);
    if (unsafe) return { ok: false, reason: unsafe };
    const target = join(this.paths.articles, file);
    const current = await readFile(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (current === undefined && bytes === undefined) return { ok: true, slug, file, unchanged: true };
    if (current !== undefined && bytes !== undefined && Buffer.compare(current, bytes) === 0) return { ok: true, slug, file, unchanged: true };

    const saved = await this.keepVersion(slug, file, current);
    if (bytes === undefined) await removeFileDurably(target);
    else await writeFileAtomic(target, bytes);
    const entry = await this.appendChange({ ...change, slug, file, saved, ...(bytes === undefined && { removed: true }) });
    return { ok: true, slug, file, unchanged: false, change: entry };
  }

  /** Write a file's current content (or its absence) into the history; returns the version id. */
  private async keepVersion(slug: string, file: string, content: Uint8Array | undefined): Promise<string> {
    const dir = join(this.paths.history, slug);
    // Version ids sort by time; two changes in one millisecond get distinct, ordered ids.
    let time = Math.max(Date.now(), this.lastVersionTime + 1);
    const taken = new Set(await listOrEmpty(dir));
    while ([...taken].some((name) => name.startsWith(toStamp(time)))) time++;
    this.lastVersionTime = time;
    const id = `${toStamp(time)}__${file}${content === undefined ? '.absent' : ''}`;
    await writeFileAtomic(join(dir, id), content ?? '');
    return id;
  }

  private async appendChange(fields: Omit<ChangeEntry, 'time'>): Promise<ChangeEntry> {
    const entry: ChangeEntry = { time: new Date().toISOString(), ...fields };
    await appendLineDurably(this.paths.changeLog, JSON.stringify(entry));
    return entry;
  }

  /** Like serialise, but a lock held too long by another process is a refusal, not an error. */
  private async serialiseChange(task: () => Promise<StoreChange>): Promise<StoreChange> {
    try {
      return await this.serialise(task);
    } catch (error) {
      if (error instanceof LockBusyError) return refuse(error.message);
      throw error;
    }
  }

  /** One change at a time: in this process by a queue, across processes by the folder lock. */
  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const locked = () => withFolderLock(this.paths.lock, task);
    const run = this.queue.then(locked, locked);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function refuse(reason: string): StoreChange {
  return { ok: false, reason };
}

function pathsFor(root: string): DataPaths {
  const nested = join(root, 'articles');
  // A folder that already holds articles at its top level is used as is (readArticles does the same).
  const flat = !existsSync(nested) && listOrEmptySync(root).some(isArticleFileName);
  return {
    root,
    articles: flat ? root : nested,
    history: join(root, 'history'),
    changeLog: join(root, 'changes.jsonl'),
    scopeDefaults: join(root, 'scope-defaults.json'),
    auditLog: join(root, 'audit.jsonl'),
    lock: join(root, '.lock'),
  };
}

function isArticleFileName(name: string): boolean {
  return ARTICLE_FILE.test(name) && !name.startsWith('.') && !isTempFile(name) && !RESERVED_SLUGS.has(slugForFile(name));
}

async function listOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

function listOrEmptySync(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}

/** "2024-03-05T10-11-12-123Z": an ISO time that is safe in file names on every system. */
function toStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

function fromStamp(stamp: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)-(\d{3}Z)$/.exec(stamp);
  return m ? `${m[1]}:${m[2]}:${m[3]}.${m[4]}` : stamp;
}
