// Indexing off the main thread, with a time limit. An uploaded file is hostile until indexed:
// a text shape the extractors handle badly must not stall every question meanwhile (issue 10:
// one 64 KB file made every /who wait 12–15 s). Each article is indexed in a worker thread; past
// the limit the worker is terminated, the file refused with a reason, and the current library
// keeps serving. The index comes back as plain data and is given its methods again here.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { ArticleIndex, NameEntry } from '../search/article-index.js';
import { SentenceSearch } from '../search/sentence-search.js';
import type { CuratedFacts } from './curated-facts.js';
import type { StoredArticle } from './data-store.js';
import type { ArticleLimits } from './limits.js';

/** The default limit (DEFAULT_LIMITS.indexTimeoutMs). */
export const DEFAULT_INDEX_TIMEOUT_MS = 10_000;

export interface IndexRequest {
  id: number;
  stored?: Pick<StoredArticle, 'article' | 'facts'>;
  /** An uploaded file to read, validate and index, for a verdict only. */
  upload?: { bytes: Uint8Array; fileName: string; limits: ArticleLimits; facts?: CuratedFacts | undefined };
}

/** An ArticleIndex as it crosses threads: the Fuse name finder as its documents and index. */
export type PlainIndex = Omit<ArticleIndex, 'names'> & {
  names: { docs: NameEntry[]; options: IFuseOptions<NameEntry> };
};

export type IndexReply =
  | { id: number; ok: true; index: PlainIndex }
  | { id: number; ok: true; refused: string | undefined }
  | { id: number; ok: false; message: string };

/** Indexing did not finish within the limit: the file is refused, the worker replaced. */
export class IndexTimeoutError extends Error {
  override name = 'IndexTimeoutError';
}

/** "indexing took longer than 10 s; the file may be malformed". */
export function describeTimeout(timeoutMs: number): string {
  const seconds = timeoutMs / 1000;
  return `indexing took longer than ${Number.isInteger(seconds) ? seconds : seconds.toFixed(2).replace(/0$/, '')} s; the file may be malformed`;
}

/**
 * One worker, reused for every article while it behaves (starting one costs a few hundred
 * milliseconds: it loads the engine), replaced after a timeout. Requests run one at a time.
 */
export class OffThreadIndexer {
  private worker: Worker | undefined;
  /** Resolves once the worker has loaded the engine. */
  private ready: Promise<void> = Promise.resolve();
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  readonly timeoutMs: number;

  constructor(options: { timeoutMs?: number } = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_INDEX_TIMEOUT_MS;
  }

  /** Index `stored` in the worker. Rejects with IndexTimeoutError past the limit, or with the engine's error. */
  async index(stored: Pick<StoredArticle, 'article' | 'facts'>): Promise<ArticleIndex> {
    const reply = await this.enqueue({ stored });
    if (!('index' in reply)) throw new Error('the indexing worker sent no index');
    return rehydrate(reply.index);
  }

  /**
   * Read, validate and index an uploaded file in the worker: why it is refused (validation's
   * reason), or undefined. Rejects as index() does. The main thread never parses the file.
   */
  async checkUpload(upload: NonNullable<IndexRequest['upload']>): Promise<string | undefined> {
    const reply = await this.enqueue({ upload });
    return 'refused' in reply ? reply.refused : undefined;
  }

  private enqueue(request: Omit<IndexRequest, 'id'>): Promise<IndexReply & { ok: true }> {
    const run = this.queue.then(
      () => this.runOne(request),
      () => this.runOne(request),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Start the worker now, so that it loads the engine while the caller reads files. */
  warm(): void {
    this.ensureWorker();
  }

  /** Stop the worker (it is started again when needed). The worker never keeps the process alive. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private async runOne(request: Omit<IndexRequest, 'id'>): Promise<IndexReply & { ok: true }> {
    const worker = this.ensureWorker();
    await this.ready;
    const id = this.nextId++;
    return new Promise<IndexReply & { ok: true }>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: IndexReply) => {
        if (reply.id !== id) return;
        done();
        if (reply.ok) resolve(reply);
        else reject(new Error(reply.message));
      };
      const onError = (error: Error) => {
        done();
        this.forget(worker);
        reject(error);
      };
      const onExit = (code: number) => {
        done();
        this.forget(worker);
        reject(new Error(`the indexing worker stopped (exit code ${code})`));
      };
      const timer = setTimeout(() => {
        done();
        this.forget(worker);
        void worker.terminate();
        reject(new IndexTimeoutError(describeTimeout(this.timeoutMs)));
      }, this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, ...request } satisfies IndexRequest);
    });
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      // The project runs TypeScript through tsx without a build step. A worker does not inherit a
      // loader registered in code (vitest), and on Node 20 its entry file is loaded before an
      // --import hook applies, so the worker starts as a small script that registers tsx's
      // require hook and then requires the TypeScript entry. Both are found by absolute path, so
      // this works whatever the working directory: under vitest, npm start and npm run data.
      const tsxCjs = createRequire(import.meta.url).resolve('tsx/cjs/api');
      const entry = fileURLToPath(new URL('./index-worker.ts', import.meta.url));
      const boot = `require(${JSON.stringify(tsxCjs)}).register(); require(${JSON.stringify(entry)});`;
      const worker = new Worker(boot, { eval: true });
      worker.unref();
      this.worker = worker;
      this.ready = new Promise<void>((resolve, reject) => {
        const started = (message: unknown) => {
          if ((message as { ready?: boolean } | null)?.ready !== true) return;
          worker.off('message', started);
          resolve();
        };
        worker.on('message', started);
        worker.once('error', (error) => {
          this.forget(worker);
          reject(error);
        });
        worker.once('exit', (code) => {
          this.forget(worker);
          reject(new Error(`the indexing worker stopped while starting (exit code ${code})`));
        });
      });
      // Reported to the request that waits for it; never an unhandled rejection.
      this.ready.catch(() => undefined);
    }
    return this.worker;
  }

  private forget(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
  }
}

const indexers = new Map<number, OffThreadIndexer>();

/** One indexer (one worker) per time limit for the whole process, so that every holder, shard and test shares it. */
export function sharedIndexer(timeoutMs = DEFAULT_INDEX_TIMEOUT_MS): OffThreadIndexer {
  let indexer = indexers.get(timeoutMs);
  if (!indexer) indexers.set(timeoutMs, (indexer = new OffThreadIndexer({ timeoutMs })));
  return indexer;
}

/**
 * Give a cloned index its methods back: the search's prototype, and the name finder rebuilt over
 * the same names and options (a few dozen names: cheaper than getting a prebuilt Fuse index right).
 */
export function rehydrate(plain: PlainIndex): ArticleIndex {
  const search = Object.setPrototypeOf(plain.search, SentenceSearch.prototype) as SentenceSearch;
  const names = new Fuse(plain.names.docs, plain.names.options);
  return { ...plain, search, names };
}

/** Why `stored` cannot be served (it fails to index, or takes longer than `timeoutMs`), or undefined when it can. */
export async function indexingProblem(stored: Pick<StoredArticle, 'article' | 'facts'>, timeoutMs: number): Promise<string | undefined> {
  try {
    await sharedIndexer(timeoutMs).index(stored);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return error instanceof IndexTimeoutError ? message : `the article could not be indexed: ${message}`;
  }
}

/** Why an uploaded article file cannot be served (validation, indexing, or the time limit), or undefined; checked wholly in the worker. */
export async function uploadProblem(upload: NonNullable<IndexRequest['upload']>): Promise<string | undefined> {
  try {
    return await sharedIndexer(upload.limits.indexTimeoutMs).checkUpload(upload);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return error instanceof IndexTimeoutError ? message : `the article could not be indexed: ${message}`;
  }
}
