// Issue 10, finding 1: one uploaded file froze the bot. Indexing must stay near-linear on any
// text, and whatever still takes too long runs in a worker under a time limit, so questions keep
// being answered and the file is refused with a reason.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDataCli } from '../cli/data.js';
import { answerInput, parseArticle, readArticles } from '../src/index.js';
import { Library } from '../src/library.js';
import { buildArticleIndex } from '../src/search/article-index.js';
import { DEFAULT_LIMITS, DataStore, LibraryHolder, sharedIndexer, type ArticleLimits } from '../src/store/index.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';
import { hostileShapes } from './support/hostile-shapes.js';

let cleanup = () => {};
afterEach(() => cleanup());

/**
 * Limits under which the small harbour article indexes (a few ms warm, about 0.5 s in a cold
 * worker) and SLOW_ARTICLE cannot (about 5 s): wide margins both ways, so no test here
 * depends on how busy the machine is.
 */
const TIGHT: ArticleLimits = { ...DEFAULT_LIMITS, maxBytes: 4 * 1024 * 1024, indexTimeoutMs: 2000 };
/**
 * 500,000 one-line paragraphs, 3 MB: the slowest shape per byte we know (about 5 s to index on
 * this machine, warm), so a 2 s limit refuses it with a wide margin whatever the engine's speed-ups.
 */
const SLOW_ARTICLE = `Slow article\n\nStart. Middle.\n\n${'A b.\n\n'.repeat(500_000)}End.\n`;

async function warmWorker() {
  // A fresh worker's first article pays for compiling the engine; do that before timing anything.
  await sharedIndexer(TIGHT.indexTimeoutMs).index({ article: parseArticle(fixture('harbour-v1.txt').toString(), 'warm') });
}

describe('hostile text', () => {
  it('GIVEN each pathological shape of about 1 MB (one long word, 100k short paragraphs, one repeated character, punctuation runs, nested quotes, …) THEN indexing completes', { timeout: 120_000 }, () => {
    for (const [shape, text] of Object.entries(hostileShapes(1000))) {
      const index = buildArticleIndex(parseArticle(text, 'hostile'));
      expect(index.article.sentences.length, shape).toBeGreaterThan(0);
    }
  });
});

describe('indexing off the main thread, with a time limit', () => {
  it('GIVEN an upload that takes longer to index than the limit THEN it is refused with the reason, nothing is written, and the current library keeps answering', { timeout: 60_000 }, async () => {
    const data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt') });
    cleanup = data.cleanup;
    await warmWorker();
    const { holder, problems } = await LibraryHolder.open(await DataStore.open(data.dir, { limits: TIGHT }));
    expect(problems).toEqual([]);
    const before = holder.library;

    const outcome = await holder.put({ fileName: 'slow.txt', bytes: Buffer.from(SLOW_ARTICLE) }, 'test');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toContain('indexing took longer than 2 s; the file may be malformed');
    expect(readdirSync(join(data.dir, 'articles'))).toEqual(['harbour.txt']);
    expect(readdirSync(data.dir)).not.toContain('history');
    expect(holder.library).toBe(before);
    expect(answerInput(holder.library, '/who Marek Lind').answer).toContain('chief engineer');
  });

  it('GIVEN a file on disk that cannot be indexed in time WHEN the bot starts THEN that file is skipped with its reason and the others serve', { timeout: 60_000 }, async () => {
    const data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt'), 'slow.txt': SLOW_ARTICLE });
    cleanup = data.cleanup;
    await warmWorker();
    const { holder, problems } = await LibraryHolder.open(await DataStore.open(data.dir, { limits: TIGHT }));
    expect(problems).toEqual([{ file: 'slow.txt', reason: 'indexing took longer than 2 s; the file may be malformed' }]);
    expect(holder.library.list().map((ix) => ix.article.slug)).toEqual(['harbour']);
  });

  it('GIVEN a file that cannot be indexed in time THEN `npm run data -- validate` refuses it with the same reason', { timeout: 60_000 }, async () => {
    const data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt') });
    cleanup = data.cleanup;
    await warmWorker();
    const file = join(data.dir, 'slow.txt');
    writeFileSync(file, SLOW_ARTICLE);
    const err: string[] = [];
    const status = await runDataCli(['validate', file], { out: () => {}, err: (l) => err.push(l), env: { MAX_ARTICLE_BYTES: String(TIGHT.maxBytes), INDEX_TIMEOUT_SECONDS: '2' } });
    expect(status).toBe(1);
    expect(err.join('\n')).toContain('indexing took longer than 2 s; the file may be malformed');
  });
});

describe('an index built in the worker', () => {
  // Compared as data right after building, not by answers: answering has process-wide caches,
  // and the same index can answer a question differently after other questions were asked
  // (seen on the council article's "/quote the police spokesperson"; it predates the worker).
  it('GIVEN every article of our sets THEN the index built in the worker (sent back as data) equals the one built on the main thread, and answers', { timeout: 120_000 }, async () => {
    const fixtures = join(import.meta.dirname, 'fixtures');
    const sets = readdirSync(fixtures).filter((d) => d === 'eval' || d.startsWith('holdout')).map((d) => join(fixtures, d)).filter((d) => existsSync(join(d, 'articles')));
    const indexer = sharedIndexer(60_000);
    let compared = 0;
    for (const set of sets) {
      for (const article of readArticles(join(set, 'articles'))) {
        const inWorker = await indexer.index({ article });
        const onMain = buildArticleIndex(article);
        const { names: workerNames, ...workerData } = inWorker;
        const { names: mainNames, ...mainData } = onMain;
        expect(workerData, article.slug).toEqual(mainData);
        expect(Object.getPrototypeOf(inWorker.search)).toBe(Object.getPrototypeOf(onMain.search));
        expect(workerNames.getIndex().docs).toEqual(mainNames.getIndex().docs);
        expect(workerNames.search('nobody at all').length).toBe(mainNames.search('nobody at all').length);
        const questions = join(set, 'questions', `${article.slug}.jsonl`);
        const first = existsSync(questions) ? readFileSync(questions, 'utf8').split('\n').find((l) => l.trim()) : undefined;
        if (first) expect(answerInput(new Library([inWorker]), (JSON.parse(first) as { q: string }).q).command).toBeDefined();
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});
