// "Other matches" a person may trust: candidates of the kind the question asks for (a person for
// who, a number for how many, never a fragment of a clock time for a count), none that repeats the
// answer given, none twice. A pure function over an Answer, so any adapter (and the answerers
// themselves) can apply the same check to whatever ranking produced the candidates.
import type { Alternative, Answer, Question } from '../types.js';
import { NUMBER_WORD_PATTERN } from '../text/lexicon.js';
import { questionType } from './answer-type.js';

/** How many passages a /search answer shows itself (the best one and the next two). */
export const SEARCH_PASSAGES_IN_ANSWER = 3;

/** What kind of fact a question asks for. */
export type FactKind = 'person' | 'number' | 'time' | 'place' | 'quote' | 'any';

/** The kind of fact `question` asks for: by its command, and for /ask by the reader's reading of its question word. */
export function expectedFactKind(question: Pick<Question, 'command' | 'text'>): FactKind {
  switch (question.command) {
    case 'who':
      return 'person';
    case 'when':
      return 'time';
    case 'where':
      return 'place';
    case 'quote':
      return 'quote';
    case 'search':
      return 'any';
    case 'ask': {
      const type = questionType(question.text);
      return type === 'name' || type === 'other' ? 'any' : type;
    }
  }
}

const NUMBER = new RegExp(String.raw`\d|\b(?:${NUMBER_WORD_PATTERN}|half|several|few)\b`, 'i');
/** Words that open a noun phrase rather than a name: "the US", "a Russian official". */
const DETERMINER = /^(?:the|a|an|this|that|these|those|some|many|his|her|their|its|our)\b/i;

/** Lowercase, quotes and white space unified. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name a fact opens with: "Anna Lind, the city's transport councillor" → "anna lind". */
function leadingName(fact: string): string {
  return comparable(fact.split(/[,;(:—–]/, 1)[0] ?? fact).replace(/^(?:dr|mr|mrs|ms|prof)\.? /, '');
}

/**
 * True when the candidate's number is part of a clock time in its sentence ("about 2" taken from
 * "2:15 a.m."): a time, not a count.
 */
export function isClockFragment(alternative: Pick<Alternative, 'fact' | 'evidence'>): boolean {
  const digits = /\d+(?:[.,]\d+)?/.exec(alternative.fact)?.[0];
  if (!digits) return false;
  const evidence = alternative.evidence;
  let at = evidence.indexOf(digits);
  if (at < 0) return false;
  while (at >= 0) {
    const after = evidence.slice(at + digits.length, at + digits.length + 6);
    const standsAlone = !/^[:.]\d|^\s?(?:a\.?m\b|p\.?m\b|o'clock)/i.test(after) && !/\d[:.]$/.test(evidence.slice(Math.max(0, at - 2), at));
    if (standsAlone) return false;
    at = evidence.indexOf(digits, at + 1);
  }
  return true;
}

/** Whether a candidate is of the kind asked for. `people` are the names (and aliases) the article's people go by. */
export function fitsFactKind(alternative: Pick<Alternative, 'fact' | 'evidence'>, kind: FactKind, people: readonly string[] = []): boolean {
  const fact = alternative.fact.trim();
  if (!fact) return false;
  switch (kind) {
    case 'person': {
      const name = leadingName(fact);
      if (people.length) return people.some((p) => name === comparable(p) || name.endsWith(` ${comparable(p)}`));
      return /^[A-Z]/.test(fact) && !DETERMINER.test(fact);
    }
    case 'number':
      return NUMBER.test(fact) && !isClockFragment(alternative);
    default:
      return true;
  }
}

/**
 * Two facts name the same thing when one holds the other ("Marcus Whitfield" and "Marcus
 * Whitfield (a former logistics manager)"), or, for people, when they open with the same name.
 */
function sameFact(a: string, b: string, kind: FactKind): boolean {
  const x = comparable(a).replace(/[.,;:!?"]+$/, '');
  const y = comparable(b).replace(/[.,;:!?"]+$/, '');
  if (!x || !y) return false;
  return x === y || x.startsWith(y) || y.startsWith(x) || (kind === 'person' && leadingName(a) === leadingName(b));
}

/**
 * The alternatives worth showing after `answer`: of the kind `question` asks for, not the answer
 * itself, each once, in the engine's order.
 */
export function otherMatches(answer: Pick<Answer, 'fact' | 'answer' | 'alternatives'>, question: Pick<Question, 'command' | 'text'>, people: readonly string[] = []): Alternative[] {
  const kind = expectedFactKind(question);
  const main = answer.fact || answer.answer;
  const kept: Alternative[] = [];
  // A search's reply lists its best passages itself: the matches after them are the other ones.
  const candidates = question.command === 'search' ? answer.alternatives.slice(SEARCH_PASSAGES_IN_ANSWER - 1) : answer.alternatives;
  for (const alternative of candidates) {
    if (!fitsFactKind(alternative, kind, people)) continue;
    if (sameFact(alternative.fact, main, kind)) continue;
    if (kept.some((k) => sameFact(k.fact, alternative.fact, kind))) continue;
    kept.push(alternative);
  }
  return kept;
}
