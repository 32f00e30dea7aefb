// Whether a reader's answer leads with its span. The span is picked by hand (the one of the asked
// type nearest the matched words), and on long reference text it is often not the fact even when
// the sentence is: on the fitted real articles, of the answers whose sentence held the fact and
// that had a lead, 1,337 led with a span naming it and 1,206 with something else in bold (SQuAD's
// token F1 of 0.5 or more counts as naming it). A logistic model fitted by calibrate.ts
// gives the probability that the span is the fact; below one half the answer is the sentence
// alone, because a wrong fact in bold misleads more than no bold at all.
import { tokenize } from '../text/tokens.js';
import { isVerbForm } from '../text/words.js';
import type { AnswerType, Span } from './answer-type.js';
import type { FeatureName } from './reader.js';

/** The features of a lead; calibrate.ts fits a weight for each. */
export const LEAD_FEATURE_NAMES = [
  'bias',
  'typeTime',
  'typeNumber',
  'typePerson',
  'typePlace',
  'typeName',
  'typedLead',
  'oneOfSpans',
  'typedSpanNear',
  'typedSpanFresh',
  'countsNoun',
  'shortLead',
  'leadDigit',
  'leadCapital',
  'leadRepeats',
  'coverage',
  'probability',
  'longArticle',
  'leadVerb',
] as const;
export type LeadFeatureName = (typeof LEAD_FEATURE_NAMES)[number];

export interface LeadWeights {
  features: readonly string[];
  weights: number[];
}

export interface LeadContext {
  type: AnswerType;
  /** The stems of the question's words. */
  asked: ReadonlySet<string>;
  /** The sentence's spans of the asked type. */
  spans: readonly Span[];
  /** The reader's features of the sentence. */
  sentence: Readonly<Record<FeatureName, number>>;
  /** The reader's probability that the sentence answers the question. */
  probability: number;
}

export function leadFeatures(lead: Span, at: LeadContext): Record<LeadFeatureName, number> {
  const words = tokenize(lead.text);
  let repeats = 0;
  for (const w of words) if (at.asked.has(w.stem)) repeats++;
  return {
    bias: 1,
    typeTime: at.type === 'time' ? 1 : 0,
    typeNumber: at.type === 'number' ? 1 : 0,
    typePerson: at.type === 'person' ? 1 : 0,
    typePlace: at.type === 'place' ? 1 : 0,
    typeName: at.type === 'name' ? 1 : 0,
    // One of the spans of the asked type, rather than the words beside the match ("what" questions).
    typedLead: at.spans.some((s) => s.start === lead.start && s.end === lead.end) ? 1 : 0,
    // The fewer spans of the type the sentence holds, the less the pick is a guess.
    oneOfSpans: at.spans.length ? 1 / at.spans.length : 0,
    typedSpanNear: at.sentence.typedSpanNear,
    typedSpanFresh: at.sentence.typedSpanFresh,
    countsNoun: at.sentence.countsNoun,
    shortLead: 1 / Math.max(1, words.length),
    leadDigit: /\d/.test(lead.text) ? 1 : 0,
    leadCapital: /^\p{Lu}/u.test(lead.text) ? 1 : 0,
    leadRepeats: words.length ? repeats / words.length : 0,
    coverage: at.sentence.coverage,
    probability: at.probability,
    // Reference text rather than news: its questions ask for longer facts than a span beside the match.
    longArticle: at.sentence.longArticle,
    // A verb in the past or third person ("Trump went", "made directly to"): a clause, not the thing asked.
    leadVerb: words.some((w) => /^\p{Ll}/u.test(w.raw) && isVerbForm(w.raw, ['past', 's'])) ? 1 : 0,
  };
}

/** The probability that the lead is the fact (logistic). */
export function leadProbability(weights: LeadWeights, features: Record<LeadFeatureName, number>): number {
  let z = 0;
  for (let i = 0; i < weights.features.length; i++) z += (weights.weights[i] ?? 0) * (features[weights.features[i] as LeadFeatureName] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** Lead with the span only when it is more likely the fact than not. */
export function leadsWith(weights: LeadWeights, lead: Span, at: LeadContext): boolean {
  return leadProbability(weights, leadFeatures(lead, at)) >= 0.5;
}
