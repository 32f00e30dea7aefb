// The worker side of off-thread indexing (see off-thread-index.ts): index one stored article and
// post the index back as plain data. Only the name finder (a Fuse object, whose options hold
// functions) cannot be cloned, so its documents and options are sent instead.
import { parentPort } from 'node:worker_threads';
import type { StoredArticle } from './data-store.js';
import { indexStoredArticle } from './index-stored-article.js';
import type { PlainIndex, IndexRequest, IndexReply } from './off-thread-index.js';
import { validateArticleFile } from './validate-article.js';

parentPort?.on('message', (request: IndexRequest) => {
  let reply: IndexReply;
  try {
    if (request.upload) {
      // An upload checked whole here, reading included: nothing of it touches the main thread,
      // and only the verdict goes back.
      const check = validateArticleFile(request.upload.bytes, request.upload.fileName, request.upload.limits);
      if (check.ok) indexStoredArticle({ article: check.article, facts: request.upload.facts });
      parentPort?.postMessage({ id: request.id, ok: true, refused: check.ok ? undefined : check.reason } satisfies IndexReply);
      return;
    }
    const index = indexStoredArticle(request.stored as StoredArticle);
    const { names, ...rest } = index;
    const options = Object.fromEntries(Object.entries(names.options).filter(([, value]) => typeof value !== 'function'));
    const plain: PlainIndex = { ...rest, names: { docs: [...names.getIndex().docs], options } };
    reply = { id: request.id, ok: true, index: plain };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
// Loaded: from now on the time limit measures indexing, not the engine's start-up.
parentPort?.postMessage({ ready: true });
