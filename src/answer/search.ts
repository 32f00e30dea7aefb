// /search: the best passages for some words, with their paragraph numbers.
import type { ArticleIndex } from '../search/article-index.js';
import type { Answer } from '../types.js';
import { ANSWER_BUDGET, foundAnswer, notFoundAnswer, truncate, type AnswerContext, type Candidate } from './compose.js';

export function answerSearch(ix: ArticleIndex, ctx: AnswerContext, terms: string): Answer {
  if (!terms.trim()) return notFoundAnswer(ix, ctx, [], 'Search for what? Give a few words, for example /search sanctions.');
  const hits = ix.search.search(terms, 6).filter((h) => h.coverage >= 0.3);
  if (hits.length === 0) return notFoundAnswer(ix, ctx, []);
  const candidates: Candidate[] = hits.map((h) => {
    const s = ix.article.sentences[h.index]!;
    return { fact: `¶${s.paragraph}: ${s.text}`, sentence: h.index, score: h.score, confidence: Math.min(0.95, h.coverage) };
  });
  const per = Math.floor(ANSWER_BUDGET / Math.min(3, candidates.length)) - 4;
  const text = candidates
    .slice(0, 3)
    .map((c) => truncate(c.fact, per))
    .join(' | ');
  return foundAnswer(ix, ctx, { ...candidates[0]!, text, paragraphs: candidates.slice(0, 3).map((c) => ix.article.sentences[c.sentence]!.paragraph) }, candidates.slice(1));
}
