// Holds the Library that answers questions, and replaces it when the data changes.
// Refreshes run one at a time. Each builds a complete new Library beside the current one and
// swaps it in with one assignment, so a question asked during a refresh is answered from a
// whole library, old or new, never a mix. A refused file leaves the current library serving.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Library } from '../library.js';
import type { ArticleIndex } from '../search/article-index.js';
import { indexStoredArticle } from './index-stored-article.js';
import type { ChangeEntry, DataStore, FileProblem, StoredArticle, Upload } from './data-store.js';
import { diffArticleIndexes, type ArticleChange } from './library-diff.js';
import { IndexTimeoutError, sharedIndexer } from './off-thread-index.js';

export type RefreshAction = 'reload' | 'put' | 'rollback';

export type RefreshOutcome =
  | {
      ok: true;
      action: RefreshAction;
      /** The holder's generation after this refresh; unchanged when the refresh changed nothing. */
      generation: number;
      /** Per article: what was added and removed. Only the affected article for put and rollback. */
      changes: ArticleChange[];
      /** The change-log entry, for put and rollback (absent when the upload equals the current file). */
      change?: ChangeEntry | undefined;
    }
  | { ok: false; action: RefreshAction; reason: string; problems: FileProblem[] };

export { indexStoredArticle };

interface BuiltArticle {
  stored: StoredArticle;
  index: ArticleIndex;
}

export class LibraryHolder {
  readonly store: DataStore;
  private current: Library;
  private built = new Map<string, BuiltArticle>();
  private queue: Promise<unknown> = Promise.resolve();
  private swaps = 0;
  /** The store's change stamp when this holder last read the folder. */
  private seenStamp = 'none';
  private listeners = new Set<(library: Library, outcome: RefreshOutcome & { ok: true }) => void>();

  private constructor(store: DataStore) {
    this.store = store;
    this.current = new Library([]);
  }

  /**
   * Load every valid article of the store. Files that cannot be served are returned as problems
   * and left out, so one bad file does not keep the others from being served.
   */
  static async open(store: DataStore): Promise<{ holder: LibraryHolder; problems: FileProblem[] }> {
    const holder = new LibraryHolder(store);
    // The worker loads the engine (a few hundred ms) while the folder is read.
    sharedIndexer(store.limits.indexTimeoutMs).warm();
    // Taken before reading, so a change made while the folder is read is noticed afterwards.
    holder.seenStamp = await store.changeStamp();
    const { articles, problems } = await store.readAll();
    const { built, problems: indexProblems } = await holder.buildAll(articles);
    holder.swapIn(built);
    return { holder, problems: [...problems, ...indexProblems] };
  }

  /** The library to answer from. Read it once per question. */
  get library(): Library {
    return this.current;
  }

  /** How many times a library was swapped in: 1 once opened, then one more per refresh that changed something. */
  get generation(): number {
    return this.swaps;
  }

  /** Called after each swap, with the new library. Returns a function that unsubscribes. */
  onSwap(listener: (library: Library, outcome: RefreshOutcome & { ok: true }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reload every article from the folder. All or nothing: when any file is refused, the current
   * library keeps serving and the problems are returned. `record: false` does not write the
   * change log (a process following another one's change must not echo it back).
   */
  reload(actor: string, options: { record?: boolean } = {}): Promise<RefreshOutcome> {
    return this.serialise(async () => {
      const { articles, problems } = await this.store.readAll(this.knownArticles());
      if (problems.length) return refused('reload', problems);
      const { built, problems: indexProblems } = await this.buildAll(articles);
      if (indexProblems.length) return refused('reload', indexProblems);
      const slugs = new Set([...this.built.keys(), ...built.keys()]);
      const changes = [...slugs].sort().map((slug) => diffArticleIndexes(this.built.get(slug)?.index, built.get(slug)?.index));
      if (options.record !== false) await this.store.recordReload(actor);
      return this.finish('reload', built, changes);
    });
  }

  /** Add or replace an article or its curated facts, then serve it. */
  put(upload: Upload, actor: string): Promise<RefreshOutcome> {
    return this.serialise(async () => {
      const stored = await this.store.put(upload, actor);
      if (!stored.ok) return refused('put', [{ file: upload.fileName, reason: stored.reason }]);
      return this.refreshOne('put', stored.slug, stored.change);
    });
  }

  /** Restore the previous (or a given) version of an article or its facts, then serve it. */
  rollback(slug: string, actor: string, versionId?: string): Promise<RefreshOutcome> {
    return this.serialise(async () => {
      const stored = await this.store.rollback(slug, actor, versionId);
      if (!stored.ok) return refused('rollback', [{ file: slug, reason: stored.reason }]);
      return this.refreshOne('rollback', stored.slug, stored.change);
    });
  }

  /**
   * Reload when the store's change log moved since this holder last looked: how a process (or
   * shard) follows a change another one made. Resolves to undefined when nothing moved. After
   * this holder's own changes it reloads too, which is cheap: unchanged files are not re-read.
   */
  async reloadIfChanged(actor = 'watcher'): Promise<RefreshOutcome | undefined> {
    const stamp = await this.store.changeStamp();
    if (stamp === this.seenStamp) return undefined;
    this.seenStamp = stamp;
    return this.reload(actor, { record: false });
  }

  /**
   * Call reloadIfChanged every `intervalMs`. Returns a function that stops watching. The timer
   * does not keep the process alive.
   */
  watch(options: { intervalMs?: number; onReload?: (outcome: RefreshOutcome) => void; onError?: (error: unknown) => void } = {}): () => void {
    let busy = false;
    const tick = async (): Promise<void> => {
      if (busy) return;
      busy = true;
      try {
        const outcome = await this.reloadIfChanged();
        if (outcome) options.onReload?.(outcome);
      } catch (error) {
        options.onError?.(error);
      } finally {
        busy = false;
      }
    };
    // tick() catches everything itself, so the promise setInterval would drop cannot reject.
    const timer = setInterval(() => void tick(), options.intervalMs ?? 2000);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async refreshOne(action: RefreshAction, slug: string, change: ChangeEntry | undefined): Promise<RefreshOutcome> {
    const stored = await this.store.readOne(slug);
    if (stored && 'reason' in stored) return refused(action, [stored]);
    const next = new Map(this.built);
    if (stored) {
      const { built, problems } = await this.buildAll([stored], this.built);
      if (problems.length) return refused(action, problems);
      next.set(slug, built.get(slug)!);
    } else if (!this.built.has(slug)) {
      // Written but not readable back under its slug: report it rather than fail on the diff.
      return refused(action, [{ file: slug, reason: `"${slug}" was written but cannot be read back as an article` }]);
    } else next.delete(slug);
    const changes = [diffArticleIndexes(this.built.get(slug)?.index, next.get(slug)?.index)];
    return this.finish(action, next, changes, change);
  }

  /** Index each article, reusing the index of any whose files did not change. */
  private async buildAll(articles: StoredArticle[], reuse = this.built): Promise<{ built: Map<string, BuiltArticle>; problems: FileProblem[] }> {
    const built = new Map<string, BuiltArticle>();
    const problems: FileProblem[] = [];
    for (const stored of articles) {
      const previous = reuse.get(stored.slug);
      if (previous && previous.stored.fingerprint === stored.fingerprint) {
        built.set(stored.slug, { ...previous, stored });
        continue;
      }
      try {
        // Off the main thread, with a time limit: questions keep being answered meanwhile, and a
        // file the extractors choke on is refused instead of stalling the bot.
        built.set(stored.slug, { stored, index: await sharedIndexer(this.store.limits.indexTimeoutMs).index(stored) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push({ file: stored.file, reason: error instanceof IndexTimeoutError ? message : `the article could not be indexed: ${message}` });
      }
      await yieldToEventLoop();
    }
    return { built, problems };
  }

  /** What was read from disk for each served article, for readAll to skip unchanged files. */
  private knownArticles(): Map<string, StoredArticle> {
    return new Map([...this.built].map(([slug, b]) => [slug, b.stored]));
  }

  private finish(action: RefreshAction, built: Map<string, BuiltArticle>, changes: ArticleChange[], change?: ChangeEntry): RefreshOutcome {
    const changed = changes.some((c) => c.status !== 'unchanged') || [...built].some(([slug, b]) => this.built.get(slug)?.stored.fingerprint !== b.stored.fingerprint);
    if (changed) this.swapIn(built);
    const outcome = { ok: true as const, action, generation: this.swaps, changes, change };
    if (changed) for (const listener of this.listeners) listener(this.current, outcome);
    return outcome;
  }

  /** The one assignment that makes a new library live. */
  private swapIn(built: Map<string, BuiltArticle>): void {
    // Articles in file-name order, as readArticles gives them: the first is the default article.
    const ordered = [...built.values()].sort((a, b) => (a.stored.file < b.stored.file ? -1 : a.stored.file > b.stored.file ? 1 : 0));
    this.built = built;
    this.current = new Library(ordered.map((b) => b.index));
    this.swaps++;
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function refused(action: RefreshAction, problems: FileProblem[]): RefreshOutcome {
  const reason = problems.map((p) => `${p.file}: ${p.reason}`).join('\n');
  return { ok: false, action, reason, problems };
}
