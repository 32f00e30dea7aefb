import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerInput, type Library } from '../src/index.js';
import { summarizeFacts } from '../src/search/article-index.js';
import { DataStore, LibraryHolder, describeChange, diffLines, type RefreshOutcome } from '../src/store/index.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

async function openHolder(files?: Parameters<typeof makeDataDir>[0]) {
  const data = makeDataDir(files);
  cleanup = data.cleanup;
  const store = await DataStore.open(data.dir);
  const { holder, problems } = await LibraryHolder.open(store);
  return { dir: data.dir, store, holder, problems };
}

const edition = (n: number, topic: string) =>
  `${topic} report, edition ${n}\n\nThe ${topic} committee met on Monday. It discussed the budget. Edition ${n} closes the meeting.\n`;

describe('the library holder', () => {
  it('GIVEN at least 200 questions interleaved with a reload of every article THEN each is answered from a whole library, old or new, never a mix', async () => {
    const topics = Array.from({ length: 24 }, (_, i) => `topic${String(i).padStart(2, '0')}`);
    const { dir, holder } = await openHolder(Object.fromEntries(topics.map((t) => [`${t}.txt`, edition(1, t)])));
    const old = holder.library;
    for (const t of topics) writeFileSync(join(dir, 'articles', `${t}.txt`), edition(2, t));

    let refreshing = true;
    const reload = holder.reload('test').finally(() => (refreshing = false));
    const seen: Array<{ library: Library; duringRefresh: boolean }> = [];
    const ask = (i: number) => {
      const library = holder.library; // what an adapter reads once per question
      const topic = topics[i % topics.length]!;
      const answer = answerInput(library, `/who chaired the meeting article:${topic}`);
      const editions = new Set(library.list().map((ix) => /edition (\d)/.exec(ix.article.headline)![1]));
      expect(editions.size).toBe(1);
      expect(library.size).toBe(topics.length);
      expect(answer.article?.headline).toBe(library.get(topic)!.article.headline);
      seen.push({ library, duringRefresh: refreshing });
    };
    // Questions keep coming, one per turn of the event loop, before, during and after the refresh.
    for (let i = 0; i < 200 || refreshing || seen.filter((s) => !s.duringRefresh).length < 20; i++) {
      ask(i);
      await nextTurn();
    }
    const outcome = await reload;

    expect(outcome.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(200);
    expect(seen.filter((s) => s.duringRefresh).length).toBeGreaterThan(10);
    expect(seen.every((s) => !s.duringRefresh || s.library === old)).toBe(true);
    expect(seen.some((s) => s.library === holder.library)).toBe(true);
    expect(new Set(seen.map((s) => s.library))).toEqual(new Set([old, holder.library]));
    expect(holder.library.get('topic00')!.article.headline).toBe('topic00 report, edition 2');
  });

  it('GIVEN a new version THEN the refresh says which paragraphs were added and removed', async () => {
    const { holder } = await openHolder();
    const outcome = await holder.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v2.txt') }, 'test');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const [change] = outcome.changes;
    expect(change).toMatchObject({
      slug: 'harbour',
      status: 'changed',
      headline: 'Harbour bridge reopens after storm repairs, a day late',
      previousHeadline: 'Harbour bridge reopens after storm repairs',
    });
    expect(change!.facts.paragraphs.added).toEqual([
      expect.stringContaining('reopened on Wednesday'),
      'Her deputy, Pablo Ruiz, said a second inspection is planned for March.',
    ]);
    expect(change!.facts.paragraphs.removed).toEqual([expect.stringContaining('reopened on Tuesday')]);
    // People, quotes and times depend on the extractors (being written); paragraphs do not.
    expect(describeChange(change!)).toMatch(/^\+2 −1 paragraphs(, |$)/);
    expect(holder.library.get('harbour')!.article.headline).toBe(change!.headline);
    expect(outcome.change).toMatchObject({ action: 'put', actor: 'test', slug: 'harbour' });
  });

  it('GIVEN curated facts put and then rolled back THEN the refreshes report the people and quotes added, then removed', async () => {
    const { holder } = await openHolder();
    const extracted = summarizeFacts(holder.library.get('harbour')!);
    const put = await holder.put({ fileName: 'harbour.facts.json', bytes: fixture('harbour.facts.json') }, 'test');
    expect(put.ok).toBe(true);
    if (!put.ok) return;
    const curated = summarizeFacts(holder.library.get('harbour')!);
    // Whatever the extractors found, the curated people and quote are served, and the diff says so.
    expect(curated.people).toEqual(expect.arrayContaining(['Marek Lind (chief engineer of the port authority)', 'Ana Ruiz (mayor of Kessel)']));
    expect(curated.quotes).toContain('Marek Lind: "The bridge is safe for heavy trucks again,"');
    expect(put.changes[0]!.facts).toEqual({
      paragraphs: { added: [], removed: [] },
      people: diffLines(extracted.people, curated.people),
      quotes: diffLines(extracted.quotes, curated.quotes),
      times: { added: [], removed: [] },
    });
    expect(put.changes[0]!.facts.people.added).toEqual(expect.arrayContaining(['Marek Lind (chief engineer of the port authority)', 'Ana Ruiz (mayor of Kessel)']));

    const back = await holder.rollback('harbour', 'test');
    expect(back.ok && back.changes[0]!.facts.people).toEqual(diffLines(curated.people, extracted.people));
    expect(summarizeFacts(holder.library.get('harbour')!)).toEqual(extracted);
  });

  it('GIVEN a bad file written into the folder by hand WHEN the folder is reloaded THEN the reload is refused as a whole and the old library keeps serving', async () => {
    const { dir, holder } = await openHolder();
    const library = holder.library;
    writeFileSync(join(dir, 'articles', 'harbour.txt'), fixture('harbour-v2.txt'));
    writeFileSync(join(dir, 'articles', 'notes.txt'), 'Notes\n\nBuy milk.\n');
    const outcome = await holder.reload('test');
    expect(outcome).toMatchObject({ ok: false, problems: [{ file: 'notes.txt', reason: expect.stringMatching(/needs at least 3/) }] });
    expect(holder.library).toBe(library);
    expect(holder.library.get('harbour')!.article.headline).toBe('Harbour bridge reopens after storm repairs');
  });

  it('GIVEN a folder with one bad file WHEN it is opened THEN the good articles are served and the bad one is reported', async () => {
    const { holder, problems } = await openHolder({ 'harbour.txt': fixture('harbour-v1.txt'), 'broken.txt': Buffer.from([0xff, 0xfe, 0x00]) });
    expect(holder.library.list().map((ix) => ix.article.slug)).toEqual(['harbour']);
    expect(problems).toEqual([{ file: 'broken.txt', reason: expect.stringMatching(/UTF-16/) }]);
  });

  it('GIVEN a reload that changes nothing THEN the library is not swapped and every article is reported unchanged', async () => {
    const { holder } = await openHolder({ 'harbour.txt': fixture('harbour-v1.txt'), 'library-fund.md': fixture('library-fund.md') });
    const [library, generation] = [holder.library, holder.generation];
    const outcome = await holder.reload('test');
    expect(outcome.ok && outcome.changes.map((c) => [c.slug, c.status])).toEqual([
      ['harbour', 'unchanged'],
      ['library-fund', 'unchanged'],
    ]);
    expect(holder.library).toBe(library);
    expect(holder.generation).toBe(generation);
  });

  it('GIVEN refreshes requested at once THEN they run one after another, in order, and none is lost', async () => {
    const { holder } = await openHolder();
    const generations: number[] = [];
    holder.onSwap((_library, outcome) => generations.push(outcome.generation));
    const outcomes = await Promise.all([
      holder.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v2.txt') }, 'a'),
      holder.put({ fileName: 'library-fund.md', bytes: fixture('library-fund.md') }, 'b'),
      holder.rollback('harbour', 'c'),
      holder.reload('d'),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
    expect(outcomes.map((o) => (o.ok ? o.generation : 0))).toEqual([2, 3, 4, 4]);
    expect(generations).toEqual([2, 3, 4]);
    expect(holder.library.get('harbour')!.article.headline).toBe('Harbour bridge reopens after storm repairs');
    expect(holder.library.get('library-fund')).toBeDefined();
  });

  it('GIVEN an operator edits a file and records a reload from a terminal THEN a running holder follows on its next check, and not before', async () => {
    const { dir, holder } = await openHolder();
    expect(await holder.reloadIfChanged()).toBeUndefined();
    writeFileSync(join(dir, 'articles', 'harbour.txt'), fixture('harbour-v2.txt'));
    expect(await holder.reloadIfChanged()).toBeUndefined(); // an edit alone is not live until reloaded
    await (await DataStore.open(dir)).recordReload('cli:operator');
    const outcome = await holder.reloadIfChanged();
    expect(outcome).toMatchObject({ ok: true, action: 'reload', changes: [{ slug: 'harbour', status: 'changed' }] });
    expect(await holder.reloadIfChanged()).toBeUndefined();
  });

  it('GIVEN articles read before WHEN their bytes did not change THEN reading the folder again reuses them', async () => {
    const { store } = await openHolder({ 'harbour.txt': fixture('harbour-v1.txt'), 'library-fund.md': fixture('library-fund.md') });
    const first = await store.readAll();
    const again = await store.readAll(new Map(first.articles.map((a) => [a.slug, a])));
    expect(again.articles[0]).toBe(first.articles[0]);
    await store.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v2.txt') }, 'test');
    const changed = await store.readAll(new Map(first.articles.map((a) => [a.slug, a])));
    expect(changed.articles[0]).not.toBe(first.articles[0]);
    expect(changed.articles[1]).toBe(first.articles[1]);
  });

  it('GIVEN two processes serving one folder WHEN one puts a new version THEN the other notices the change log and reloads', async () => {
    const { dir, holder: first } = await openHolder();
    const { holder: second } = await LibraryHolder.open(await DataStore.open(dir));
    const reloads: RefreshOutcome[] = [];
    const stop = second.watch({ intervalMs: 10, onReload: (o) => reloads.push(o) });
    try {
      await first.put({ fileName: 'harbour.txt', bytes: fixture('harbour-v2.txt') }, 'shard-0');
      await vi.waitFor(() => expect(second.library.get('harbour')!.article.headline).toBe('Harbour bridge reopens after storm repairs, a day late'), { timeout: 5000, interval: 10 });
      expect(reloads[0]).toMatchObject({ ok: true, action: 'reload' });
      // A reload that follows another process is not written to the change log again.
      expect((await first.store.history()).changes.map((c) => c.action)).toEqual(['put']);
    } finally {
      stop();
    }
  });
});

describe('the diff of two versions', () => {
  it('GIVEN repeated lines THEN each repeat counts, and order follows the articles', () => {
    expect(diffLines(['a', 'b', 'a', 'c'], ['b', 'a', 'd', 'd'])).toEqual({ added: ['d', 'd'], removed: ['a', 'c'] });
    expect(diffLines([], [])).toEqual({ added: [], removed: [] });
  });
});
