// What kind of answer a question asks for, and the stretches of a sentence that are of that kind:
// a person or group for who, a time for when, a place for where, a number with its unit for how
// many / how much, a name or noun phrase for what and which.
import type { ArticleIndex } from '../search/article-index.js';
import { NUMBER_WORD_PATTERN, STOP_WORDS } from '../text/lexicon.js';
import { tokenize } from '../text/tokens.js';
import { ancestorsOf, compoundsOf, lemmaSenses, nounSenses } from '../text/wordnet.js';
import { isVerbForm, nounLemmas } from '../text/words.js';

export type AnswerType = 'person' | 'time' | 'place' | 'number' | 'name' | 'other';

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Nouns after "what"/"which" that ask for a time, a place, a number or a person. */
const TIME_NOUNS = /^(?:year|years|date|day|month|time|century|decade|era|period|age|season)$/i;
const PLACE_NOUNS = /^(?:city|country|state|place|town|location|region|continent|area|province|county|island|nation|village|capital|street|neighborhood|neighbourhood|borough|venue|building|site)$/i;
const NUMBER_NOUNS = /^(?:number|amount|dollar|dollars|percentage|percent|proportion|share|size|population|total|rate|price|cost|value|temperature|speed|height|length|distance|weight|magnitude|count|sum|fraction)$/i;
const PERSON_NOUNS = /^(?:person|man|woman|people|artist|singer|actor|actress|author|writer|director|president|king|queen|emperor|leader|player|musician|composer|scientist|company|group|band|organization|organisation|team|party|member|members|character|producer)$/i;

/**
 * The noun a what/which question asks for, from the words after its question word: past its verb,
 * article and "kind of" ("what kind of instrument" → instrument), the first word and the one right
 * after it when that one is a noun too ("what record label" → record, label; "what company
 * produces" → company). Lowercase, as written.
 */
function focusWords(after: readonly string[]): string[] {
  const words = after.map((w) => w.replace(/'s?$/, ''));
  let i = 0;
  while (i < words.length && /^(?:is|was|are|were|did|does|do|has|have|had|the|a|an|kind|kinds|type|types|sort|sorts|form|forms|of)$/.test(words[i]!)) i++;
  const first = words[i];
  if (!first || STOP_WORDS.has(first)) return [];
  const second = words[i + 1];
  return second && !STOP_WORDS.has(second) && !isVerbForm(second) && nounSenses(second) ? [first, second] : [first];
}

const QUESTION_WORD = /\b(who|whom|whose|when|where|how|what|which|why)\b((?:\s+[\w'-]+){0,4})/i;

/** The type of answer a question asks for, read from its question word and the noun after it. */
export function questionType(question: string): AnswerType {
  const q = question.trim().toLowerCase().replace(/^(?:and|so|but|also|then)\s+/, '');
  const wh = QUESTION_WORD.exec(q);
  if (!wh) return 'other';
  const word = wh[1]!;
  // "what was the date of …", "what dollar amount": the nouns after the question word, past its verb and article.
  const after = (wh[2] ?? '').trim().split(/\s+/).filter(Boolean);
  const next = after[0] ?? '';
  switch (word) {
    case 'who':
    case 'whom':
    case 'whose':
      return 'person';
    case 'when':
      return 'time';
    case 'where':
      return 'place';
    case 'how':
      return /^(?:many|much|long|old|large|big|far|high|tall|deep|often|fast|heavy|wide)$/.test(next) ? 'number' : 'other';
    case 'what':
    case 'which': {
      const nouns = after.filter((w) => !/^(?:is|was|are|were|did|does|do|has|have|had|the|a|an|kind|type|sort|form|of)$/.test(w)).slice(0, 2);
      if (nouns.some((n) => TIME_NOUNS.test(n))) return 'time';
      if (nouns.some((n) => NUMBER_NOUNS.test(n))) return 'number';
      if (nouns.some((n) => PLACE_NOUNS.test(n))) return 'place';
      if (nouns.some((n) => PERSON_NOUNS.test(n))) return 'person';
      return /^(?:is|was|are|were|did|does|do|has|have|had)$/.test(next) ? 'other' : 'name';
    }
    default:
      return 'other';
  }
}

/**
 * The type a command asks for when its text has no question word of its own ("/when the
 * verdict", "/who thanked Putin"); undefined when the text says it or the command does not.
 */
export function typeOfCommand(command: string, text: string): AnswerType | undefined {
  if (QUESTION_WORD.test(text)) return undefined;
  return command === 'who' ? 'person' : command === 'when' ? 'time' : command === 'where' ? 'place' : undefined;
}

const NUMBER = new RegExp(
  String.raw`(?:[$€£¥]\s?)?(?:\d[\d,.]*|(?:${NUMBER_WORD_PATTERN})\b)(?:\s*%|\s+per ?cent)?(?:\s+(?:million|billion|thousand|hundred|trillion)\b)?(?:[\s-]+(?!(?:and|or|of|the|a|in|on|at|to|was|were|is|are|by|for|from|with)\b)[a-z]+){0,2}`,
  'gi',
);
const CENTURY = /\b(?:(?:early|mid|late)[- ])?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ]century\b|\b(?:(?:early|mid|late)[- ])?(?:1\d|20)\d0s\b/gi;
/** A run of capitalised words ("Destiny's Child", "New York City"), joined by "of", "the", "and", "de". */
const NAME_RUN = /\b\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:(?:of|the|and|de|du|von|van|del|la|le)\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;

function allMatches(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ text: m[0].trim(), start: m.index, end: m.index + m[0].trim().length })).filter((s) => s.text.length > 0);
}

/** Capitalised runs, except a lone sentence-initial word that is only capitalised because it opens the sentence. */
function nameRuns(text: string): Span[] {
  return allMatches(text, NAME_RUN).filter((s) => !(s.start === 0 && !/\s/.test(s.text) && STOP_WORDS.has(s.text.toLowerCase())));
}

interface SpanSources {
  times: Map<number, Span[]>;
  people: Map<number, Span[]>;
  places: Map<number, string[]>;
}

/** The article's times, people and places by sentence, gathered once per article. */
const sourcesByArticle = new WeakMap<ArticleIndex, SpanSources>();
function spanSources(ix: ArticleIndex): SpanSources {
  let sources = sourcesByArticle.get(ix);
  if (sources) return sources;
  sources = { times: new Map(), people: new Map(), places: new Map() };
  const add = <T>(map: Map<number, T[]>, sentence: number, item: T) => {
    const list = map.get(sentence);
    if (list) list.push(item);
    else map.set(sentence, [item]);
  };
  const textOf = (i: number) => ix.article.sentences[i]?.text ?? '';
  for (const t of ix.times) if (t.kind !== 'duration') add(sources.times, t.sentence, { text: textOf(t.sentence).slice(t.start, t.end), start: t.start, end: t.end });
  for (const m of ix.facts.mentions) if (!m.pronoun) add(sources.people, m.sentence, { text: textOf(m.sentence).slice(m.start, m.end), start: m.start, end: m.end });
  for (const p of ix.places) for (const s of new Set(p.mentions)) add(sources.places, s, p.name);
  sourcesByArticle.set(ix, sources);
  return sources;
}

/**
 * The noun a what/which question asks for ("what instrument did he play" → "instrument", "what
 * record label" → "label", "which city" → "city"), when WordNet knows it as a noun; undefined for
 * other questions and for those that ask for a time or a number.
 */
export function focusNoun(question: string): string | undefined {
  const type = questionType(question);
  if (type !== 'name' && type !== 'place' && type !== 'person') return undefined;
  const wh = QUESTION_WORD.exec(question.trim().toLowerCase());
  if (!wh || (wh[1] !== 'what' && wh[1] !== 'which')) return undefined;
  const words = focusWords((wh[2] ?? '').trim().split(/\s+/).filter(Boolean));
  const head = words[words.length - 1];
  return head && nounSenses(head) ? head : undefined;
}

/** A sentence's word is of the focus's kind when one of its first two senses is (measured against one and three). */
const KIND_SENSES = 2;
/** A kind this close to the top of WordNet ("thing", "event", "group": fewer than five synsets up to "entity") says nothing. */
const MIN_DEPTH = 5;
/**
 * The synsets a focus noun names: its first sense, and the first sense of each compound WordNet
 * names after it ("instrument" → musical instrument, keyboard instrument, …: "piano" is a kind
 * of musical instrument, not of WordNet's first "instrument", a device that requires skill).
 */
const focusKinds = new Map<string, ReadonlySet<number>>();
function kindsOf(focus: string): ReadonlySet<number> {
  let kinds = focusKinds.get(focus);
  if (kinds) return kinds;
  const senses = [...(nounSenses(focus) ?? []).slice(0, 1)];
  const lemma = nounLemmas(focus).find((l) => lemmaSenses(l));
  if (lemma) for (const compound of compoundsOf(lemma)) senses.push(lemmaSenses(compound)![0]!);
  kinds = new Set(senses.filter((sense) => ancestorsOf(sense).size >= MIN_DEPTH));
  focusKinds.set(focus, kinds);
  return kinds;
}

function isUnder(sense: number, kinds: ReadonlySet<number>): boolean {
  const ancestors = ancestorsOf(sense);
  for (const k of kinds) if (ancestors.has(k)) return true;
  return false;
}

/** The words and names of a sentence that WordNet files as kinds (or instances) of the focus: "piano" for an instrument, "Warsaw" for a city. */
function kindSpans(text: string, focus: string): Span[] {
  const kinds = kindsOf(focus);
  if (kinds.size === 0) return [];
  const tokens = tokenize(text);
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
      const words = tokens.slice(i, i + n);
      if (words.some((t, k) => k > 0 && text.slice(words[k - 1]!.end, t.start) !== ' ')) continue;
      if (n === 1 && (STOP_WORDS.has(words[0]!.norm) || /^\d/.test(words[0]!.raw))) continue;
      const senses = nounSenses(words.map((t) => t.raw).join(' ').toLowerCase());
      if (!senses || !senses.slice(0, KIND_SENSES).some((sense) => isUnder(sense, kinds))) continue;
      const start = words[0]!.start;
      const end = words[n - 1]!.end;
      out.push({ text: text.slice(start, end), start, end });
      i += n - 1;
      break;
    }
  }
  return out;
}

const kindsByArticle = new WeakMap<ArticleIndex, Map<string, readonly Span[]>>();
/**
 * The kinds of a focus noun (focusNoun) a sentence names: "piano" for "what instrument", "Warsaw"
 * for "which city" (remembered: callers must not change them).
 */
export function findKindSpans(ix: ArticleIndex, sentenceIndex: number, focus: string): readonly Span[] {
  let byKey = kindsByArticle.get(ix);
  if (!byKey) kindsByArticle.set(ix, (byKey = new Map()));
  const key = `${focus} ${sentenceIndex}`;
  let spans = byKey.get(key);
  if (!spans) byKey.set(key, (spans = kindSpans(ix.article.sentences[sentenceIndex]?.text ?? '', focus)));
  return spans;
}

/** Each sentence's spans by type, found when first asked for: the same sentences are read for question after question. */
const spansByArticle = new WeakMap<ArticleIndex, Map<AnswerType, Map<number, readonly Span[]>>>();

/** The stretches of a sentence that are answers of the asked type (remembered: callers must not change them). */
export function findAnswerSpans(ix: ArticleIndex, sentenceIndex: number, type: AnswerType): readonly Span[] {
  let byType = spansByArticle.get(ix);
  if (!byType) spansByArticle.set(ix, (byType = new Map()));
  let bySentence = byType.get(type);
  if (!bySentence) byType.set(type, (bySentence = new Map()));
  let spans = bySentence.get(sentenceIndex);
  if (!spans) bySentence.set(sentenceIndex, (spans = spansOf(ix, sentenceIndex, type)));
  return spans;
}

function spansOf(ix: ArticleIndex, sentenceIndex: number, type: AnswerType): Span[] {
  const text = ix.article.sentences[sentenceIndex]?.text ?? '';
  switch (type) {
    case 'time':
      return [...(spanSources(ix).times.get(sentenceIndex) ?? []), ...allMatches(text, CENTURY)];
    case 'number':
      return allMatches(text, NUMBER).filter((s) => /[\da-z]/i.test(s.text));
    case 'person':
      return [...(spanSources(ix).people.get(sentenceIndex) ?? []), ...nameRuns(text)];
    case 'place': {
      const places = (spanSources(ix).places.get(sentenceIndex) ?? []).flatMap((name) => {
        const at = text.indexOf(name);
        return at < 0 ? [] : [{ text: name, start: at, end: at + name.length }];
      });
      return [...places, ...nameRuns(text)];
    }
    case 'name':
      return nameRuns(text);
    default:
      return [];
  }
}
