// The reader: rank the article's sentences for a question, describe the best few (and the one
// the extractors answered from) by features the data can weigh, and pick the span of each that
// answers the question's type. The weights come from `npm run calibrate`
// (scripts/calibrate.ts) and live in reader-weights.json; nothing here is a hand-tuned score.
import type { ArticleIndex } from '../search/article-index.js';
import { SentenceSearch, type SentenceHit, type TermMatch } from '../search/sentence-search.js';
import { contentTokens, stem, tokenize, type Token } from '../text/tokens.js';
import { STOP_WORDS } from '../text/lexicon.js';
import { antonymsOf } from '../text/wordnet.js';
import { eventVerbUnknown } from './match.js';
import { findAnswerSpans, findKindSpans, focusNoun, questionType, type AnswerType, type Span } from './answer-type.js';
import type { LeadWeights } from './lead-check.js';

/** How many of the search's best sentences the reader weighs. */
export const READER_DEPTH = 10;
/** How far down the ranking the extractors' sentence is still weighed beside the reader's. */
const EXTRACTOR_SEARCH_DEPTH = 64;

/** An article this long reads as reference text rather than a news story. */
export const LONG_ARTICLE_SENTENCES = 120;

/** The features of one candidate sentence, by name; calibrate.ts fits a weight for each. */
export const FEATURE_NAMES = [
  'bias',
  'bm25Share',
  'reciprocalRank',
  'coverage',
  'termShare',
  'bigramShare',
  'density',
  'paragraphShare',
  'paragraphTop',
  'neighbourShare',
  'namesInSentence',
  'namesInParagraph',
  'unknownName',
  'unknownTerms',
  'unknownVerb',
  'typedSpan',
  'typedSpanNear',
  'typedSpanFresh',
  'novelty',
  'shortSentence',
  'negationMismatch',
  'extractorSentence',
  'extractorConfidence',
  'extractorFound',
  'longArticle',
  'extractorConfidenceLong',
  'extractorRefusedShort',
  'typeOther',
  'timeSpanNear',
  'numberSpanNear',
  'personSpanNear',
  'placeSpanNear',
  'nameSpanNear',
  'coverageBest',
  'bigramBest',
  'missingRareTerm',
  'bm25Margin',
  'countsNoun',
  'topicFreeCoverage',
  'oppositeWord',
  'asksNegation',
  'negationMissing',
  'kindSpanNear',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface ReaderCandidate {
  sentence: number;
  /**
   * The words that answer the question's type and where they stand in the sentence (for
   * trimming around them), or undefined when the sentence holds none. Worked out when first
   * asked for: only the chosen answer and the shown alternatives need it.
   */
  lead: () => Span | undefined;
  features: Record<FeatureName, number>;
}

export interface ReaderInput {
  question: string;
  /** The answer type, when the command says it and the text does not ("/when the verdict"). */
  type?: AnswerType | undefined;
  /** The sentence the extractors answered from, when they answered. */
  extractorSentence?: number | undefined;
  extractorConfidence?: number | undefined;
  /** No candidates unless some sentence covers this share of the question (a refusal is then certain). */
  minCoverage?: number | undefined;
}

/** Paragraph-level BM25, built once per article: SQuAD-style questions are written about one paragraph. */
const paragraphSearches = new WeakMap<ArticleIndex, SentenceSearch>();
function paragraphSearch(ix: ArticleIndex): SentenceSearch {
  let search = paragraphSearches.get(ix);
  if (!search) {
    search = new SentenceSearch(ix.article.paragraphs.map((p) => ({ index: p.number, text: p.text })));
    paragraphSearches.set(ix, search);
  }
  return search;
}

/** The stems of each paragraph, made when first asked for. */
const paragraphStemSets = new WeakMap<ArticleIndex, Map<number, Set<string>>>();
function paragraphStems(ix: ArticleIndex, paragraph: number): Set<string> {
  let byParagraph = paragraphStemSets.get(ix);
  if (!byParagraph) paragraphStemSets.set(ix, (byParagraph = new Map()));
  let stems = byParagraph.get(paragraph);
  if (!stems) {
    stems = new Set<string>();
    for (const s of ix.article.paragraphs[paragraph - 1]?.sentences ?? []) for (const t of tokenize(s.text)) stems.add(t.stem);
    byParagraph.set(paragraph, stems);
  }
  return stems;
}

/** What the reader reads of a sentence whatever the question: its tokens, its content words, whether it negates. */
interface SentenceWords {
  tokens: readonly Token[];
  content: Token[];
  negated: boolean;
  /** Each stem's positions in `tokens`, in order. */
  at: Map<string, number[]>;
}

/** Each sentence's words, made when first asked for: the same sentences are candidates question after question. */
const sentenceWordMaps = new WeakMap<ArticleIndex, Map<number, SentenceWords>>();
function sentenceWords(ix: ArticleIndex, index: number): SentenceWords {
  let bySentence = sentenceWordMaps.get(ix);
  if (!bySentence) sentenceWordMaps.set(ix, (bySentence = new Map()));
  let words = bySentence.get(index);
  if (!words) {
    const text = ix.article.sentences[index]!.text;
    const tokens = tokenize(text);
    const at = new Map<string, number[]>();
    tokens.forEach((t, i) => {
      const list = at.get(t.stem);
      if (list) list.push(i);
      else at.set(t.stem, [i]);
    });
    words = { tokens, content: tokens.filter((t) => !STOP_WORDS.has(t.norm)), negated: NEGATION.test(text), at };
    bySentence.set(index, words);
  }
  return words;
}

/** The headline's stems, once per article. */
const headlineStemSets = new WeakMap<ArticleIndex, Set<string>>();
function headlineStems(ix: ArticleIndex): Set<string> {
  let stems = headlineStemSets.get(ix);
  if (!stems) headlineStemSets.set(ix, (stems = new Set(tokenize(ix.article.headline).map((t) => t.stem))));
  return stems;
}

/** Whether some of the sentence's own tokens inside a span of it pass `test` (no new tokenizing, no array). */
function someTokenIn(tokens: readonly Token[], span: Span, test: (t: Token) => boolean): boolean {
  for (const t of tokens) if (t.start >= span.start && t.end <= span.end && test(t)) return true;
  return false;
}

const NEGATION = /\b(?:not|never|no|none|nor|neither|without|n't|cannot|fail(?:ed|s)?\s+to)\b/i;

/** Capitalised words of a question that are not its first word: the names it asks about. */
function questionNames(question: string): Token[] {
  return tokenize(question).filter((t, i) => i > 0 && /^\p{Lu}/u.test(t.raw) && !STOP_WORDS.has(t.norm));
}

/**
 * The stems that say the opposite of a word of the question (WordNet's antonyms), each with the
 * question's stems it opposes; a stem the question itself uses is no opposite.
 */
function oppositesOf(questionTokens: readonly Token[]): Map<string, string[]> {
  const asked = new Set(questionTokens.map((t) => t.stem));
  const out = new Map<string, string[]>();
  for (const stem of asked) {
    for (const other of antonymsOf(stem) ?? []) if (!asked.has(other)) out.set(other, [...(out.get(other) ?? []), stem]);
  }
  return out;
}

/** Positions in the sentence's tokens of the words that matched the question. */
function matchedPositions(words: SentenceWords, hit: SentenceHit): number[] {
  // Each matched stem's positions, looked up rather than every token tested; a stem's positions are its own.
  const out: number[] = [];
  for (const s of hit.matchedStems) for (const i of words.at.get(s) ?? NO_POSITIONS) out.push(i);
  return out.sort((a, b) => a - b);
}
const NO_POSITIONS: readonly number[] = [];

/** Share of the question's adjacent word pairs that stand near each other, in order, in the sentence. */
function bigramShare(terms: TermMatch[], words: SentenceWords): number {
  if (terms.length < 2) return 0;
  let pairs = 0;
  for (let k = 0; k + 1 < terms.length; k++) if (pairNear(terms[k]!.expansions, terms[k + 1]!.expansions, words.at)) pairs++;
  return pairs / (terms.length - 1);
}

/** A word of `first` followed within three words by a word of `then` (`at`: the sentence's positions of each stem). */
function pairNear(first: Map<string, number>, then: Map<string, number>, at: Map<string, number[]>): boolean {
  for (const a of first.keys()) {
    const from = at.get(a);
    if (!from) continue;
    for (const b of then.keys()) {
      const to = at.get(b);
      if (!to) continue;
      for (const i of from) for (const j of to) if (j > i && j - i <= 3) return true;
    }
  }
  return false;
}

/** Character window of the matched words. */
function matchedWindow(tokens: readonly Token[], positions: number[]): { start: number; end: number } | undefined {
  if (positions.length === 0) return undefined;
  return { start: tokens[positions[0]!]!.start, end: tokens[positions[positions.length - 1]!]!.end };
}

function spanDistance(window: { start: number; end: number } | undefined, span: Span): number {
  if (!window) return 200;
  if (span.end <= window.start) return window.start - span.end;
  if (span.start >= window.end) return span.start - window.end;
  return 0;
}

/**
 * The best few sentences for a question, each with its features and answer span. The question's
 * type decides which spans count (a time for when, a number for how many, …).
 */
export function readCandidates(ix: ArticleIndex, input: ReaderInput): { type: AnswerType; candidates: ReaderCandidate[] } {
  const type = input.type ?? questionType(input.question);
  const terms = ix.search.terms(input.question);
  if (terms.length === 0) return { type, candidates: [] };
  const hits = ix.search.search(terms, READER_DEPTH);
  if (extraSentence(input, hits)) {
    const extra = ix.search.search(terms, EXTRACTOR_SEARCH_DEPTH).find((h) => h.index === input.extractorSentence);
    if (extra) hits.push(extra);
  }
  if (hits.length === 0) return { type, candidates: [] };
  // A year the question names pins the event: a sentence whose paragraph never writes that year
  // tells of another one ("how many families left in 1998" is not answered by this week's leak).
  const years = [...new Set(input.question.match(/\b(?:1[5-9]|20)\d{2}\b/g) ?? [])];
  const eligible = hits.filter((hit) => years.every((year) => ix.article.paragraphs[ix.article.sentences[hit.index]!.paragraph - 1]?.text.includes(year)));
  // Without the extractors' answer and with no sentence covering enough of the question, the
  // answer is a refusal whatever the features say (calibrate.ts checks that on every fitted question).
  if (input.extractorSentence === undefined && !eligible.some((h) => h.coverage >= (input.minCoverage ?? 0))) return { type, candidates: [] };
  const top = hits[0]!.score;
  let secondScore = 0;
  for (let k = 1; k < hits.length; k++) secondScore = Math.max(secondScore, hits[k]!.score);
  const paragraphs = paragraphSearch(ix).search(input.question, 5);
  const paragraphTop = paragraphs[0]?.score ?? 1;
  const paragraphScore = new Map(paragraphs.map((p) => [p.index, p.score / paragraphTop]));
  const names = questionNames(input.question);
  const unknownNames = names.filter((t) => !ix.search.knows(t.raw)).length;
  const unknownTerms = terms.filter((t) => t.expansions.size === 0).length / terms.length;
  const asksNegation = NEGATION.test(input.question);
  const unknownVerb = eventVerbUnknown(ix, input.question) ? 1 : 0;
  const questionStems = new Set(contentTokens(input.question).map((t) => t.stem));
  const counted = type === 'number' ? countedNoun(input.question) : undefined;
  // The noun a what/which question asks for ("what instrument"), to find the words of its kind.
  const focus = focusNoun(input.question);
  const opposites = oppositesOf(tokenize(input.question));
  // The headline's words ("iPod") are in most questions and stand for "it" in most sentences:
  // how much of the rest of the question a sentence covers says more.
  const topic = headlineStems(ix);
  const topicFree = terms.filter((t) => !topic.has(t.token.stem));
  const topicFreeWeight = topicFree.reduce((sum, t) => sum + t.idf, 0);
  const scoreBySentence = new Map(hits.map((h) => [h.index, h.score]));
  const extractorFound = input.extractorSentence !== undefined ? 1 : 0;
  // The extractors were written for news; on long reference text their answers are right less
  // often, and the fit learns by how much.
  const longArticle = ix.article.sentences.length >= LONG_ARTICLE_SENTENCES ? 1 : 0;

  const maxIdf = Math.max(...terms.map((t) => t.idf), 1e-9);
  const known = terms.filter((t) => t.expansions.size > 0);
  const candidates = eligible.map((hit, rank): ReaderCandidate => {
    const sentence = ix.article.sentences[hit.index]!;
    const words = sentenceWords(ix, hit.index);
    const { tokens, content, negated } = words;
    const positions = matchedPositions(words, hit);
    const window = matchedWindow(tokens, positions);
    const windowLength = positions.length ? positions[positions.length - 1]! - positions[0]! + 1 : 1;
    const paragraphWords = paragraphStems(ix, sentence.paragraph);
    // A span answers only with a word of its own beside the question's ("the city" is no answer to
    // "what city", though WordNet files "the City" of London as one).
    const ownWord = (t: Token) => !questionStems.has(t.stem) && !STOP_WORDS.has(t.norm);
    const spans = findAnswerSpans(ix, hit.index, type).filter((s) => someTokenIn(tokens, s, ownWord));
    // The span nearest the matched words (the first of the nearest).
    let nearest: { s: Span; d: number } | undefined;
    for (const s of spans) {
      const d = spanDistance(window, s);
      if (!nearest || d < nearest.d) nearest = { s, d };
    }
    let neighbourScore = 0;
    for (const i of [hit.index - 1, hit.index + 1]) if (ix.article.sentences[i]?.paragraph === sentence.paragraph) neighbourScore = Math.max(neighbourScore, scoreBySentence.get(i) ?? 0);
    let novel = 0;
    for (const t of content) if (!hit.matchedStems.has(t.stem)) novel++;
    const near = nearest ? 1 / (1 + nearest.d / 40) : 0;
    const kinds = (focus ? findKindSpans(ix, hit.index, focus) : []).filter((s) => someTokenIn(tokens, s, ownWord));
    let kindNear = 0;
    for (const s of kinds) kindNear = Math.max(kindNear, 1 / (1 + spanDistance(window, s) / 40));
    // A rare word of the question that the article uses, but not here: the sentence tells of something else.
    let missing = 0;
    for (const t of known) if (!hit.matched.includes(t.token)) missing = Math.max(missing, t.idf / maxIdf);
    let topicFreeMatched = 0;
    for (const t of topicFree) if (hit.matched.includes(t.token)) topicFreeMatched += t.idf;
    const runnerUp = hit === hits[0] ? secondScore : top;
    const ownConfidence = input.extractorSentence === hit.index ? (input.extractorConfidence ?? 0) : 0;
    const features: Record<FeatureName, number> = {
      bias: 1,
      bm25Share: hit.score / top,
      reciprocalRank: 1 / (rank + 1),
      coverage: hit.coverage,
      termShare: hit.matched.length / terms.length,
      bigramShare: bigramShare(terms, words),
      density: positions.length / windowLength,
      paragraphShare: paragraphScore.get(sentence.paragraph) ?? 0,
      paragraphTop: paragraphs[0]?.index === sentence.paragraph ? 1 : 0,
      neighbourShare: neighbourScore / top,
      namesInSentence: names.length ? countOf(names, (n) => tokens.some((t) => t.stem === n.stem)) / names.length : 1,
      namesInParagraph: names.length ? countOf(names, (t) => paragraphWords.has(t.stem)) / names.length : 1,
      unknownName: unknownNames > 0 ? 1 : 0,
      unknownTerms,
      unknownVerb,
      typedSpan: spans.length > 0 ? 1 : 0,
      typedSpanNear: near,
      typedSpanFresh: nearest && !someTokenIn(tokens, nearest.s, (t) => questionStems.has(t.stem)) ? 1 : 0,
      novelty: content.length ? novel / content.length : 0,
      shortSentence: Math.min(1, 8 / Math.max(1, content.length)),
      negationMismatch: asksNegation !== negated ? 1 : 0,
      extractorSentence: input.extractorSentence === hit.index ? 1 : 0,
      extractorConfidence: ownConfidence,
      extractorFound,
      longArticle,
      // On news, the genre the extractors were written for, their refusal is a measured signal.
      extractorRefusedShort: (1 - extractorFound) * (1 - longArticle),
      extractorConfidenceLong: longArticle * ownConfidence,
      typeOther: type === 'other' ? 1 : 0,
      timeSpanNear: type === 'time' ? near : 0,
      numberSpanNear: type === 'number' ? near : 0,
      personSpanNear: type === 'person' ? near : 0,
      placeSpanNear: type === 'place' ? near : 0,
      nameSpanNear: type === 'name' ? near : 0,
      coverageBest: 0,
      bigramBest: 0,
      missingRareTerm: missing,
      bm25Margin: (hit.score - runnerUp) / top,
      countsNoun: counted !== undefined && spans.some((sp) => someTokenIn(tokens, sp, (t) => t.stem === counted)) ? 1 : 0,
      topicFreeCoverage: topicFreeWeight > 0 ? topicFreeMatched / topicFreeWeight : hit.coverage,
      // The sentence writes the opposite of a word of the question and not the word itself
      // ("a decrease in the input size" asked of "an increase"): it tells of something else.
      oppositeWord: tokens.some((t) => opposites.get(t.stem)?.some((asked) => !words.at.has(asked))) ? 1 : 0,
      // A question that asks about what did not happen ("which film did he not direct") is
      // answered by a sentence that says so: one without a negation tells what did happen.
      asksNegation: asksNegation ? 1 : 0,
      negationMissing: asksNegation && !negated ? 1 : 0,
      kindSpanNear: kindNear,
    };
    let lead: { span: Span | undefined } | undefined;
    // A word of the kind the question asks for ("piano" for "what instrument") leads before a capitalised name.
    const pick = () => (lead ??= { span: leadSpan(sentence.text, tokens, positions, type, input.question, questionStems, counted, (kinds.length ? kinds : spans).map((sp) => ({ ...sp, d: spanDistance(window, sp) }))) }).span;
    return { sentence: hit.index, lead: pick, features };
  });
  // How each compares with the others for the same question: each candidate's score is linear in
  // its own features, so the best coverage and the best word order are marked for it.
  const bestCoverage = Math.max(...candidates.map((c) => c.features.coverage));
  const bestBigram = Math.max(...candidates.map((c) => c.features.bigramShare));
  for (const c of candidates) {
    c.features.coverageBest = c.features.coverage >= bestCoverage - 1e-9 ? 1 : 0;
    c.features.bigramBest = bestBigram > 0 && c.features.bigramShare >= bestBigram - 1e-9 ? 1 : 0;
  }
  return { type, candidates };
}

function countOf<T>(items: T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}

/** "How many people were killed": the noun counted, to prefer the number written before it. */
function countedNoun(question: string): string | undefined {
  const m = /\bhow\s+(?:many|much)\s+([\p{L}-]+)/iu.exec(question);
  return m ? stem(m[1]!) : undefined;
}

/** Breaks a run of words: punctuation between two tokens. */
const RUN_BREAK = /[,;:.()"!?—–]/;

/**
 * The span an answer leads with: the typed span nearest the matched words (for "how many X" one
 * that counts X, when there is one; for "what instrument" the word of that kind, "piano", when the
 * sentence has one: the caller passes those spans instead); for a what/which question with no typed span, the new words
 * right after (or else before) the words the question matched: "described as *sarcastic*".
 */
function leadSpan(
  text: string,
  tokens: readonly Token[],
  positions: number[],
  type: AnswerType,
  question: string,
  asked: ReadonlySet<string>,
  counted: string | undefined,
  spans: (Span & { d: number })[],
): Span | undefined {
  const counts = counted ? spans.filter((sp) => tokenize(sp.text).some((t) => t.stem === counted)) : [];
  // The more of a span the question already says, the less it is the new fact ("New York City's"
  // for a question about New York): each repeated share counts as 40 characters further away.
  const repeated = (sp: Span) => {
    const words = tokenize(sp.text);
    return words.length ? words.filter((t) => asked.has(t.stem)).length / words.length : 0;
  };
  const pool = counts.length ? counts : spans;
  const nearest = [...pool].sort((a, b) => a.d + 40 * repeated(a) - (b.d + 40 * repeated(b)))[0];
  if (nearest) return nearest;
  if (type !== 'name' && !/^\s*what\b/i.test(question)) return undefined;
  if (positions.length === 0) return undefined;
  const matched = new Set(positions);
  const run = (from: number, step: 1 | -1): Span | undefined => {
    const picked: Token[] = [];
    for (let i = from; i >= 0 && i < tokens.length && picked.length < 6; i += step) {
      if (matched.has(i)) break;
      const [left, right] = step === 1 ? [tokens[i - 1]!, tokens[i]!] : [tokens[i]!, tokens[i + 1]!];
      // Punctuation breaks a run, but not inside a number ("380,000", "2.5").
      const breaks = RUN_BREAK.test(text.slice(left.end, right.start)) && !(right.start - left.end === 1 && /\d$/.test(left.raw) && /^\d/.test(right.raw));
      if (picked.length > 0 && breaks) break;
      if (picked.length === 0 && breaks && step === 1 && i === from) return undefined;
      picked.push(tokens[i]!);
    }
    const words = step === 1 ? picked : picked.reverse();
    while (words.length && STOP_WORDS.has(words[0]!.norm)) words.shift();
    while (words.length && STOP_WORDS.has(words[words.length - 1]!.norm)) words.pop();
    if (words.length === 0) return undefined;
    const start = words[0]!.start;
    const end = words[words.length - 1]!.end;
    return { text: text.slice(start, end), start, end };
  };
  // "What did Russia propose": the thing asked is the verb's object, after the match; the words
  // before it are the one who did it.
  const after = run(positions[positions.length - 1]! + 1, 1);
  if (after || /^\s*what\s+(?:do|does|did)\b/i.test(question)) return after;
  return run(positions[0]! - 1, -1);
}

function extraSentence(input: ReaderInput, hits: SentenceHit[]): boolean {
  return input.extractorSentence !== undefined && !hits.some((h) => h.index === input.extractorSentence);
}

/** The decision made with the probabilities, chosen by calibrate.ts (by utility on the fitted real articles). */
export interface ReaderDecision {
  /** When the extractors refused: the reader answers from its best sentence at this probability or above. */
  threshold: number;
  /** When the extractors answered: another sentence replaces theirs only when this much more probable. */
  swapMargin: number;
  /** When the extractors answered: their answer is refused below this probability. */
  keepThreshold: number;
  /**
   * On a news-length article, an extractors' answer this sure (other than a whole sentence) is
   * taken without consulting the reader: the cheapest part of the decision, chosen as low as it
   * can be without changing any fitted answer.
   */
  trustExtractor: number;
  /**
   * When the extractors refused and no sentence the search found covers this share of the
   * question, the reader is not consulted: chosen as high as it can be without changing any
   * fitted answer.
   */
  minCoverage: number;
  /**
   * An answer (the extractors' or the reader's) from a sentence that writes the opposite of a
   * word of the question ("an increase" asked as "a decrease") is refused below this probability.
   */
  oppositeThreshold: number;
}

/** What calibrate.ts fits: a weight per feature, the decision made with the probabilities, and the lead check's weights. */
export interface ReaderWeights extends ReaderDecision {
  features: readonly string[];
  weights: number[];
  lead: LeadWeights;
}

/**
 * Each candidate's probability of being the one that answers the question, from one choice among
 * the candidates and "none of them" (whose score is 0): a conditional logit. The candidates of a
 * question compete, so a sentence as good as its rivals is less sure than one that stands alone.
 */
export function probabilities(weights: ReaderWeights, candidates: readonly { features: Record<FeatureName, number> }[]): number[] {
  const scores = candidates.map((c) => {
    let z = 0;
    for (let i = 0; i < weights.features.length; i++) z += (weights.weights[i] ?? 0) * (c.features[weights.features[i] as FeatureName] ?? 0);
    return z;
  });
  return choiceProbabilities(scores);
}

/** exp(score) over 1 (the "none" option) plus the sum of exp(score), computed without overflow. */
export function choiceProbabilities(scores: readonly number[]): number[] {
  const top = Math.max(0, ...scores);
  const exps = scores.map((z) => Math.exp(z - top));
  const total = Math.exp(-top) + exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}
