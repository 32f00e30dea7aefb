// The text of a found answer as a person reads it in Discord: the fact first in bold, then the
// sentence it comes from once, the fact bolded inside it where it occurs, so nothing is said twice.
// Kept within DESCRIPTION_BUDGET characters whenever the engine's own answer is, so an answer that
// is precise through `ask` stays precise through Discord (the scorer counts the description).
import type { Answer } from '../src/index.js';
import { escapeText } from './discord-text.js';

/** What the public scorer allows an answer (shared/eval/score.mjs MAX_LEN): a reply read at a glance. */
export const DESCRIPTION_BUDGET = 320;

/** A fact at least this long is not repeated as a lead when the sentence holds it: it would read twice. */
const LONG_FACT = 40;

const ELLIPSIS = '…';

/**
 * Lowercase with white space unified, for comparing what two texts say. Facts and evidence are the
 * engine's cleaned article text, whose quotes are already straight, so this stays one pass: every
 * reply rendered without the answer cache runs it.
 */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Where `needle` occurs in `haystack`, ignoring case (both are cleaned article text, so offsets agree). */
export function findSpan(haystack: string, needle: string): { start: number; end: number } | undefined {
  const lower = haystack.toLowerCase();
  // As written first; then without closing punctuation, which the sentence may place elsewhere.
  for (const wanted of [needle.trim(), needle.trim().replace(/[.,;:]+$/, '')]) {
    if (wanted.length < 2) continue;
    const at = lower.indexOf(wanted.toLowerCase());
    if (at >= 0) return { start: at, end: at + wanted.length };
  }
  return undefined;
}

/** A quote-shaped fact, as the engine writes one: `Speaker (role): "the words"`. */
export function splitQuoteFact(fact: string): { speaker: string; words: string } | undefined {
  const m = /^([^:"\n]{1,160}): "([\s\S]+)"$/.exec(fact.trim());
  return m ? { speaker: m[1]!.trim(), words: m[2]!.trim() } : undefined;
}

/** The quoted stretches of a sentence, without their closing punctuation. */
function quotedParts(sentence: string): string[] {
  return [...sentence.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.replace(/[\s.,;:!?]+$/, '').trim()).filter((p) => p.length > 0);
}

/** The answer's text after the fact, when it says something the evidence does not (the engine may add a note). */
function answerBeyond(answer: Answer, evidence: string): string {
  const text = answer.answer.trim();
  const fact = answer.fact.trim();
  if (!fact || text === fact || !text.startsWith(fact)) return '';
  const rest = text.slice(fact.length).replace(/^[\s,.;:—–-]+/, '').trim();
  const restCore = comparable(rest.replace(/…$/, ''));
  if (!restCore || comparable(evidence).includes(restCore)) return '';
  return rest;
}

/** The sentence with `span` in bold, escaped. */
function withBold(sentence: string, span: { start: number; end: number } | undefined): string {
  if (!span) return escapeText(sentence);
  return `${escapeText(sentence.slice(0, span.start))}**${escapeText(sentence.slice(span.start, span.end))}**${escapeText(sentence.slice(span.end))}`;
}

/** Cut `sentence` to `max` characters at a word boundary, keeping `span` (shifted to the cut text) when it fits. */
function cutAround(
  sentence: string,
  span: { start: number; end: number } | undefined,
  max: number,
): { text: string; span: { start: number; end: number } | undefined } {
  if (sentence.length <= max) return { text: sentence, span };
  let from = 0;
  if (span && span.end > max - ELLIPSIS.length) {
    // Start a little before the fact, at a word, so it and its context fit.
    from = Math.max(0, span.start - Math.floor((max - (span.end - span.start)) / 3));
    const space = sentence.lastIndexOf(' ', from);
    from = space > 0 ? space + 1 : from;
  }
  const prefix = from > 0 ? ELLIPSIS : '';
  const room = max - prefix.length - ELLIPSIS.length;
  let end = from + room;
  const space = sentence.lastIndexOf(' ', end);
  if (space > from) end = space;
  const text = `${prefix}${sentence.slice(from, end).replace(/[\s,;:]+$/, '')}${ELLIPSIS}`;
  const shifted = span && span.start >= from && span.end <= end ? { start: span.start - from + prefix.length, end: span.end - from + prefix.length } : undefined;
  return { text, span: shifted };
}

interface Shape {
  /** Shown first, in bold; empty when the sentence itself leads. */
  lead: string;
  /** A note the engine added beyond the fact. */
  note: string;
  /** The sentence, once; empty when the lead already says all of it. */
  sentence: string;
  /** The part of the sentence to bold. */
  span: { start: number; end: number } | undefined;
}

/** Decide what the reply says, each thing once. */
export function shapeAnswer(answer: Pick<Answer, 'fact' | 'answer' | 'evidence'> & Partial<Answer>): Shape {
  const fact = (answer.fact || answer.answer).trim();
  const evidence = answer.evidence.trim();
  const note = answerBeyond(answer as Answer, evidence);
  if (!evidence) return { lead: fact, note, sentence: '', span: undefined };
  const factCore = comparable(fact);
  const evidenceCore = comparable(evidence);
  // The fact is the sentence (or nearly): say it once, in bold.
  if (factCore === evidenceCore || (evidenceCore.includes(factCore) && factCore.length >= 0.8 * evidenceCore.length)) {
    return { lead: '', note, sentence: evidence, span: { start: 0, end: evidence.length } };
  }
  if (factCore.includes(evidenceCore)) return { lead: fact, note, sentence: '', span: undefined };
  const quote = splitQuoteFact(fact);
  if (quote) {
    // The quote is a stretch of the sentence: name the speaker, and bold the words where they stand.
    const span = findSpan(evidence, quote.words);
    if (span) {
      const speaker = /^unattributed$/i.test(quote.speaker) ? '' : quote.speaker;
      return { lead: speaker, note, sentence: evidence, span };
    }
    // Every quoted word of the sentence is in the quote shown: the sentence would repeat it.
    const parts = quotedParts(evidence);
    if (parts.length && parts.every((p) => comparable(quote.words).includes(comparable(p)))) {
      return { lead: fact, note, sentence: '', span: undefined };
    }
    return { lead: fact, note, sentence: evidence, span: undefined };
  }
  // A time the engine resolved ("Wednesday (12 March 2025)") is written without its date in the sentence.
  const span = findSpan(evidence, fact) ?? findSpan(evidence, fact.replace(/ \([^()]*\)$/, ''));
  // A long fact, or one the sentence opens with, is read in bold where it stands rather than twice.
  if (span && (span.start === 0 || fact.length >= LONG_FACT)) return { lead: '', note, sentence: evidence, span };
  return { lead: fact, note, sentence: evidence, span };
}

function compose(shape: Shape, sentenceText: string, span: Shape['span'], quoted: boolean): string {
  const lines: string[] = [];
  if (shape.lead) lines.push(`**${escapeText(shape.lead)}**`);
  if (shape.note) lines.push(escapeText(shape.note));
  if (sentenceText) {
    const body = withBold(sentenceText, span);
    lines.push(quoted && shape.lead ? `> ${body}` : body);
  }
  return lines.join('\n');
}

/**
 * The description of a found answer. Richest form first; when it is longer than `budget`, the
 * quote mark and then the sentence give way (cut at a word, the fact kept in view).
 */
export function describeAnswer(answer: Pick<Answer, 'fact' | 'answer' | 'evidence'>, budget = DESCRIPTION_BUDGET): string {
  const shape = shapeAnswer(answer);
  const full = compose(shape, shape.sentence, shape.span, true);
  if (full.length <= budget || !shape.sentence) return full;
  const plain = compose(shape, shape.sentence, shape.span, false);
  if (plain.length <= budget) return plain;
  // Cut the sentence by what is over, a little more each time escapes make it longer than planned.
  let room = shape.sentence.length - (plain.length - budget);
  for (let attempt = 0; attempt < 4 && room > 20; attempt++) {
    const cut = cutAround(shape.sentence, shape.span, room);
    // A sentence that is the whole answer stays bold when cut.
    const whole = shape.span && shape.span.start === 0 && shape.span.end === shape.sentence.length;
    const text = compose(shape, cut.text, whole ? { start: 0, end: cut.text.length - ELLIPSIS.length } : cut.span, false);
    if (text.length <= budget) return text;
    room -= text.length - budget;
  }
  return plain;
}
