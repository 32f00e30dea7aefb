// Building Answer objects: the fact first, the supporting sentence after, short enough to read
// at a glance, with citations and the next-best candidates.
import type { ArticleIndex } from '../search/article-index.js';
import type { Alternative, Answer, CommandName } from '../types.js';

export const NOT_IN_ARTICLE = 'That is not in the article.';
/** Answers stay short: the scorer and people both want the fact, not a page. */
export const ANSWER_BUDGET = 300;

/** A candidate answer found in one article. */
export interface Candidate {
  fact: string;
  /** Index of the supporting sentence. */
  sentence: number;
  /** Further paragraphs that support it (besides the sentence's own). */
  paragraphs?: number[];
  /** Text to show instead of the whole sentence (for example the sentence and the next). */
  evidence?: string;
  score: number;
  /** 0..1 */
  confidence: number;
  /** When set, the answer text is exactly this (still trimmed to budget). */
  text?: string;
}

export interface AnswerContext {
  input: string;
  command: CommandName;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:—-]+$/, '')}…`;
}

/** "fact — evidence", trimmed so the whole stays within budget, the fact never cut first. */
function composeText(fact: string, evidence: string, budget = ANSWER_BUDGET): string {
  const f = truncate(fact.trim(), Math.min(budget, 200));
  const e = evidence.trim();
  if (!e || sameWhenNormalized(f, e)) return f;
  const room = budget - f.length - 3;
  if (room < 40) return f;
  return `${f} — ${truncate(e, room)}`;
}

function normalizeForCompare(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * normalizeForCompare(a) === normalizeForCompare(b), without making either: on ASCII text they
 * are equal when both hold the same runs of letters and digits, case aside (every answer asks this
 * of a whole sentence). Other text, whose lowercase can hold new ASCII letters, is normalized.
 */
function sameWhenNormalized(a: string, b: string): boolean {
  if (NOT_ASCII.test(a) || NOT_ASCII.test(b)) return normalizeForCompare(a) === normalizeForCompare(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isAlphanumeric(a.charCodeAt(i))) i++;
    while (j < b.length && !isAlphanumeric(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    // One run of letters and digits each, compared in lowercase: they must end together.
    for (;;) {
      const x = i < a.length ? a.charCodeAt(i) : -1;
      const y = j < b.length ? b.charCodeAt(j) : -1;
      const inA = x >= 0 && isAlphanumeric(x);
      const inB = y >= 0 && isAlphanumeric(y);
      if (!inA || !inB) {
        if (inA !== inB) return false;
        break;
      }
      if ((x | 0x20) !== (y | 0x20)) return false;
      i++;
      j++;
    }
  }
}

/** [0-9A-Za-z] by character code. */
function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function sentenceText(ix: ArticleIndex, sentence: number): string {
  return ix.article.sentences[sentence]?.text ?? '';
}

export function paragraphOf(ix: ArticleIndex, sentence: number): number {
  return ix.article.sentences[sentence]?.paragraph ?? 1;
}

export function foundAnswer(ix: ArticleIndex, ctx: AnswerContext, best: Candidate, others: Candidate[] = []): Answer {
  const evidence = best.evidence ?? sentenceText(ix, best.sentence);
  // The supporting paragraph first, then the others in reading order.
  const own = paragraphOf(ix, best.sentence);
  const paragraphs = [own, ...[...new Set(best.paragraphs ?? [])].filter((p) => p !== own).sort((a, b) => a - b)].slice(0, 6);
  const seen = new Set([`${best.fact}|${best.sentence}`]);
  const alternatives: Alternative[] = [];
  for (const c of others) {
    const key = `${c.fact}|${c.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    alternatives.push({ fact: c.fact, evidence: c.evidence ?? sentenceText(ix, c.sentence), citation: { article: ix.article.slug, paragraph: paragraphOf(ix, c.sentence) } });
    if (alternatives.length >= 5) break;
  }
  return {
    input: ctx.input,
    command: ctx.command,
    found: true,
    answer: best.text !== undefined ? truncate(best.text, ANSWER_BUDGET) : composeText(best.fact, evidence),
    fact: truncate(best.fact, 256),
    evidence,
    citations: paragraphs.map((paragraph) => ({ article: ix.article.slug, paragraph })),
    confidence: clamp01(best.confidence),
    suggestions: [],
    alternatives,
    article: { slug: ix.article.slug, headline: ix.article.headline },
  };
}

export function notFoundAnswer(ix: ArticleIndex | undefined, ctx: AnswerContext, suggestions: string[] = [], reason = NOT_IN_ARTICLE): Answer {
  const unique = [...new Set(suggestions.map((s) => s.trim()).filter(Boolean))].slice(0, 5).map((s) => truncate(s, 120));
  let answer = reason;
  if (unique.length) {
    const list = unique.join('; ');
    answer = truncate(`${reason} Closest in the article: ${list}${/[.!?…]$/.test(list) ? '' : '.'}`, ANSWER_BUDGET);
  }
  return {
    input: ctx.input,
    command: ctx.command,
    found: false,
    answer,
    fact: '',
    evidence: '',
    citations: [],
    confidence: 0,
    suggestions: unique,
    alternatives: [],
    article: ix ? { slug: ix.article.slug, headline: ix.article.headline } : undefined,
  };
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(1, n)) : 0;
}
