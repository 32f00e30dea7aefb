// Long articles: the ranking that reads only the sentences a question's words occur in must be
// the ranking of a scan of every sentence, and the "long" benchmark section reports what the
// contract fixes. Nothing here is timed: speed is measured by `npm run bench` only.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildArticleIndex, type ArticleIndex } from '../src/search/article-index.js';
import type { SentenceHit, TermMatch } from '../src/search/sentence-search.js';
import { readArticleFile } from '../src/index.js';
import { measureLong } from '../scripts/bench-long.js';
import { readQuestionSets } from '../scripts/bench-article.js';

const EVAL = fileURLToPath(new URL('./fixtures/eval', import.meta.url));

/** The search's own state, to rank by scanning every sentence as BM25 is written. */
interface SearchState {
  docs: { index: number; tf: Map<string, number>; length: number }[];
  df: Map<string, number>;
  avgLength: number;
}

function scanEverySentence(ix: ArticleIndex, terms: TermMatch[], limit: number): SentenceHit[] {
  const { docs, df, avgLength } = ix.search as unknown as SearchState;
  const idfOf = (d: number) => Math.log(1 + (docs.length - d + 0.5) / (d + 0.5));
  const totalWeight = terms.reduce((sum, t) => sum + t.idf, 0);
  const hits: SentenceHit[] = [];
  for (const doc of docs) {
    let score = 0;
    let covered = 0;
    const matched: TermMatch['token'][] = [];
    const matchedStems = new Set<string>();
    for (const term of terms) {
      let best = 0;
      let bestStem = '';
      for (const [s, w] of term.expansions) {
        const tf = doc.tf.get(s);
        if (!tf) continue;
        const part = (w * idfOf(df.get(s) ?? 0) * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * doc.length) / avgLength));
        if (part > best) {
          best = part;
          bestStem = s;
        }
      }
      if (best > 0) {
        score += best;
        covered += term.idf * (term.expansions.get(bestStem) ?? 1);
        matched.push(term.token);
        matchedStems.add(bestStem);
      }
    }
    if (score > 0) hits.push({ index: doc.index, score, coverage: totalWeight ? covered / totalWeight : 0, matched, matchedStems });
  }
  return hits.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, limit);
}

describe('ranking sentences in a long article', () => {
  it('GIVEN every question of our own sets, some misspelt WHEN sentences are ranked THEN the hits, scores and matched words are those of a scan of every sentence', () => {
    let compared = 0;
    for (const set of readQuestionSets(EVAL)) {
      const ix = buildArticleIndex(readArticleFile(set.articlePath));
      // A slip in every longer word too ("sanctoins"), so that typo matching is compared as well.
      const questions = set.inputs.flatMap((q) => [q, q.replace(/\b(\w)(\w)(\w)(\w{2,})\b/g, '$1$3$2$4')]);
      for (const q of questions) {
        const terms = ix.search.terms(q);
        for (const limit of [1, 6, 16, 1000]) {
          expect(ix.search.search(terms, limit), `${set.slug}: ${q} (${limit})`).toEqual(scanEverySentence(ix, terms, limit));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('the long section of the benchmark', () => {
  it('GIVEN a folder of articles with their questions WHEN it is measured THEN every article is reported with its size AND the worst figure per 100 KB is the largest of them AND every question was answered', () => {
    const sets = readQuestionSets(EVAL);
    const long = measureLong({ folder: EVAL, buildRuns: 1, passes: 1 });
    expect(long.articles).toBe(sets.length);
    expect(long.perArticle.map((a) => a.slug)).toEqual(sets.map((s) => s.slug));
    expect(long.perArticle.every((a) => a.kb > 0)).toBe(true);
    expect(long.kb).toBeCloseTo(long.perArticle.reduce((sum, a) => sum + a.kb, 0), 6);
    expect(long.buildMsPer100Kb).toBe(Math.max(...long.perArticle.map((a) => a.msPer100Kb)));
    expect(long.questions).toBe(sets.reduce((sum, s) => sum + s.inputs.length, 0));
    expect(long.answers).toBe(long.questions);
    expect(long.p99Ms).toBeGreaterThanOrEqual(long.p50Ms);
  });

  it('GIVEN a folder without question sets THEN it says so instead of reporting nothing', () => {
    expect(() => measureLong({ folder: join(EVAL, 'articles'), buildRuns: 1, passes: 1 })).toThrow(/no question sets/);
  });
});
