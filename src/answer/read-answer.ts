// Extraction first, the reader as the arbiter and the fallback: the extractors' answer is one
// candidate among the sentences the search ranks best, the fitted weights choose, and a measured
// probability below the fitted threshold says "not in the article".
import { z } from 'zod';
import type { ArticleIndex } from '../search/article-index.js';
import type { Answer, Alternative } from '../types.js';
import { ANSWER_BUDGET, notFoundAnswer, paragraphOf, sentenceText, truncate, type AnswerContext } from './compose.js';
import { FEATURE_NAMES, LONG_ARTICLE_SENTENCES, probabilities, READER_DEPTH, readCandidates, type ReaderCandidate, type ReaderWeights } from './reader.js';
import { findAnswerSpans, questionType, typeOfCommand, type AnswerType, type Span } from './answer-type.js';
import { LEAD_FEATURE_NAMES, leadsWith } from './lead-check.js';
import { contentTokens } from '../text/tokens.js';
import fittedWeights from './reader-weights.json' with { type: 'json' };

const weightsSchema = z.object({
  features: z.array(z.enum(FEATURE_NAMES)),
  weights: z.array(z.number().finite()),
  threshold: z.number().min(0).max(1),
  swapMargin: z.number().min(0).max(1),
  keepThreshold: z.number().min(0).max(1),
  trustExtractor: z.number().min(0).max(1.01),
  minCoverage: z.number().min(0).max(1.01),
  oppositeThreshold: z.number().min(0).max(1.01),
  lead: z.object({ features: z.array(z.enum(LEAD_FEATURE_NAMES)), weights: z.array(z.number().finite()) }),
});

let committed: ReaderWeights | undefined;
/**
 * The committed fit, checked where it enters (on the first question, so that calibrate.ts can
 * run while the features and the file disagree): a file that does not parse is a clear error.
 */
export function readerWeights(): ReaderWeights {
  committed ??= weightsSchema.parse(fittedWeights);
  return committed;
}

/** The sentence an extractor's answer rests on, found by its evidence. */
export function extractorSentence(ix: ArticleIndex, answer: Answer): number | undefined {
  if (!answer.found || !answer.evidence) return undefined;
  const evidence = answer.evidence;
  const exact = ix.article.sentences.find((s) => s.text === evidence);
  return (exact ?? ix.article.sentences.find((s) => s.text.length > 0 && evidence.startsWith(s.text)))?.index;
}

export interface ScoredCandidate extends ReaderCandidate {
  probability: number;
}

/** The reader's candidates for a question, most probable first. */
export function scoreQuestion(ix: ArticleIndex, question: string, extracted: Answer, weights: ReaderWeights = readerWeights(), type?: AnswerType): ScoredCandidate[] {
  const sentence = extractorSentence(ix, extracted);
  const { candidates } = readCandidates(ix, { question, type, extractorSentence: sentence, extractorConfidence: extracted.found ? extracted.confidence : undefined, minCoverage: weights.minCoverage });
  // The candidates are this call's own: each takes its probability in place rather than as a copy.
  const scored = candidates as ScoredCandidate[];
  const p = probabilities(weights, scored);
  scored.forEach((c, i) => (c.probability = p[i]!));
  return scored.sort((a, b) => b.probability - a.probability || a.sentence - b.sentence);
}

/** "span — sentence", the sentence cut at word boundaries around the span when both do not fit. */
export function composeRead(text: string, span: string, at: { start: number; end: number } | undefined): string {
  const lead = span && span.length < text.length * 0.8 ? truncate(span, 120) : '';
  const room = ANSWER_BUDGET - (lead ? lead.length + 3 : 0);
  const body = text.length <= room ? text : windowAround(text, at ?? { start: 0, end: 0 }, room);
  return lead ? `${lead} — ${body}` : body;
}

/** A stretch of `text` of at most `room` characters that holds [at.start, at.end), cut at word boundaries. */
function windowAround(text: string, at: { start: number; end: number }, room: number): string {
  const middle = (at.start + at.end) / 2;
  let start = Math.max(0, Math.round(middle - room / 2));
  let end = Math.min(text.length, start + room - 2);
  start = Math.max(0, end - (room - 2));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at.start ? space + 1 : start;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > at.end ? space : end;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/**
 * The span an answer from this candidate is built around, and whether it leads the answer in bold
 * (the lead check); a span that does not lead still places the window on a long sentence.
 */
function leadOf(ix: ArticleIndex, asked: ReadonlySet<string>, type: AnswerType, candidate: ScoredCandidate, weights: ReaderWeights): { span: Span; leads: boolean } | undefined {
  const span = candidate.lead();
  if (!span) return undefined;
  const at = { type, asked, spans: findAnswerSpans(ix, candidate.sentence, type), sentence: candidate.features, probability: candidate.probability };
  return { span, leads: leadsWith(weights.lead, span, at) };
}

/** The commands whose answers the reader weighs (not /quote or /search). */
export const ANSWERED_BY_READER: ReadonlySet<string> = new Set(['ask', 'who', 'when', 'where']);

/** The reader's decision over the extractors' answer for a question. */
export function decideAnswer(ix: ArticleIndex, ctx: AnswerContext, text: string, extracted: Answer, weights: ReaderWeights = readerWeights()): Answer {
  if (!ANSWERED_BY_READER.has(ctx.command) || !text.trim()) return extracted;
  // A sure answer of the extractors on a news-length article: the fit found the reader changes
  // none of these, so it is not consulted (the reader is most of the cost of an answer).
  const short = ix.article.sentences.length < LONG_ARTICLE_SENTENCES;
  if (short && extracted.found && extracted.fact !== extracted.evidence && extracted.confidence >= weights.trustExtractor) return extracted;
  const ranked = scoreQuestion(ix, text, extracted, weights, typeOfCommand(ctx.command, text));
  const top = ranked[0];
  if (!top) return extracted;
  // The extractors' answer stands unless another sentence is clearly more probable; it is refused
  // only when even it is improbable. Without it, the reader's best answers above the threshold.
  const own = extracted.found ? ranked.find((c) => c.features.extractorSentence === 1) : undefined;
  if (extracted.found && !own) return extracted;
  const best = own && top.probability < own.probability + weights.swapMargin ? own : top;
  // A sentence that writes the opposite of a word of the question needs more to be believed.
  const floor = Math.max(own ? weights.keepThreshold : weights.threshold, best.features.oppositeWord === 1 ? weights.oppositeThreshold : 0);
  if (best.probability < floor) {
    if (!extracted.found) return { ...extracted, confidence: best.probability };
    return { ...notFoundAnswer(ix, ctx, [`¶${paragraphOf(ix, top.sentence)}: ${sentenceText(ix, top.sentence)}`]), confidence: best.probability };
  }
  const type = typeOfCommand(ctx.command, text) ?? questionType(text);
  const asked = new Set(contentTokens(text).map((t) => t.stem));
  if (best === own) {
    // A sentence answer ("what did …") leads with the reader's span when it has one the lead check believes.
    const lead = extracted.fact === extracted.evidence ? leadOf(ix, asked, type, best, weights) : undefined;
    return lead?.leads && lead.span.text !== extracted.evidence ? { ...extracted, fact: lead.span.text, answer: composeRead(extracted.evidence, lead.span.text, lead.span), confidence: best.probability } : { ...extracted, confidence: best.probability };
  }
  const sentence = ix.article.sentences[best.sentence]!;
  const placed = leadOf(ix, asked, type, best, weights);
  const lead = placed?.leads ? placed.span : undefined;
  // Other matches are a list opened on purpose: one is listed when it is more probable than a
  // blind pick among the sentences the reader weighs. (The candidates share one probability, so
  // the answering threshold would list half as many as the per-sentence model did, and rescue
  // half as many wrong answers.)
  const alternatives: Alternative[] = ranked
    .slice(1)
    .filter((c) => c.probability >= 1 / READER_DEPTH && c.sentence !== best.sentence)
    .slice(0, 5)
    .map((c) => ({ fact: leadText(leadOf(ix, asked, type, c, weights)) || sentenceText(ix, c.sentence), evidence: sentenceText(ix, c.sentence), citation: { article: ix.article.slug, paragraph: paragraphOf(ix, c.sentence) } }));
  return {
    input: ctx.input,
    command: ctx.command,
    found: true,
    answer: composeRead(sentence.text, lead?.text ?? '', placed?.span),
    fact: truncate(lead?.text || sentence.text, 256),
    evidence: sentence.text,
    citations: [{ article: ix.article.slug, paragraph: sentence.paragraph }],
    confidence: best.probability,
    suggestions: [],
    alternatives,
    article: { slug: ix.article.slug, headline: ix.article.headline },
  };
}

function leadText(lead: { span: Span; leads: boolean } | undefined): string {
  return lead?.leads ? lead.span.text : '';
}
