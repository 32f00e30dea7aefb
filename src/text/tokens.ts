// Words, their offsets and their stems: the common currency of matching.
import { PHRASAL_VERBS, QUESTION_FILLER, STOP_WORDS, SYNONYM_GROUPS } from './lexicon.js';
import { boundedMemo } from './memo.js';
import { irregularBase } from './words.js';
import { readStemRelations, WORDNET_TABLE, type StemRelations } from './wordnet.js';

export interface Token {
  /** The word as written. */
  raw: string;
  /** Lowercase, without possessive 's and accents folded. */
  norm: string;
  stem: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['.\-&][\p{L}\p{N}]+)*/gu;

/** Without accents, case kept: "Beyoncé" → "Beyonce", so a name typed without its accent still matches. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Plain ASCII letters, digits, hyphens and ampersands (what /^[a-z0-9&-]*$/i accepts): lowercasing
 * is all normalizing does to them. A loop over the codes: this runs for every word of an article
 * as it is indexed, and is cheaper than calling into a regular expression for a short word.
 */
function isPlainWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38 || c === 45)) return false;
  }
  return true;
}

/** Lowercase, fold accents and drop a possessive ending: "Nauert's" → "nauert". */
export function normalizeWord(word: string): string {
  // Most words of English text; the Unicode normalization below costs several times more, and
  // the other words (names with accents, possessives) come back often: remembered.
  if (isPlainWord(word)) return word.toLowerCase();
  return normalizeOther(word);
}

const normalizeOther: (word: string) => string = boundedMemo(50_000, (word) =>
  foldAccents(word)
    .toLowerCase()
    .replace(/'s?$/, '')
    .replace(/\.$/, ''),
);

/**
 * A light suffix-stripping stemmer: not linguistically exact, but it maps the forms news uses
 * ("reopened", "reopens", "reopening") to one key, consistently for question and article.
 */
export const stem: (word: string) => string = boundedMemo(100_000, computeStem);

/** The stemmer's suffix rules, in order: the first that applies (leaving three letters or more) wins. */
const STEM_RULES: [RegExp, string][] = [
  // "died", "ties", "lied": -ied and -ies after one letter are -ie and -d or -s ("dy" would be too short).
  [/^(.)ie[ds]$/, '$1ie'],
  [/ational$/, 'ate'],
  [/izations?$/, 'ize'],
  [/isations?$/, 'ise'],
  [/ations?$/, 'ate'],
  [/nesses?$/, ''],
  // "biologist" meets "biology", "journalist" meets "journal". The stem must keep four letters:
  // a lookbehind checks that in constant time, where '(.{4,})ists?$' rescanned the word from
  // every position (quadratic on one long word).
  [/(?<=.{4})ists?$/, ''],
  [/ments?$/, ''],
  [/ingly$/, ''],
  [/edly$/, ''],
  [/ings?$/, ''],
  [/ied$/, 'y'],
  [/ies$/, 'y'],
  [/sses$/, 'ss'],
  [/([^aeiou])ed$/, '$1'],
  [/eed$/, 'ee'],
  [/ers?$/, ''],
  [/(?<=.{5})ors?$/, ''],
  [/ions?$/, ''],
  [/als?$/, ''],
  [/([^su])s$/, '$1'],
];
/** The second pass: -er, -or and -ion only. */
const SECOND_PASS_RULES = STEM_RULES.filter(([p]) => /[eo]rs|ion/.test(p.source));

function computeStem(word: string): string {
  let w = normalizeWord(word);
  // WordNet's irregular forms ("met" → "meet", "men" → "man"), also behind a prefix ("rebuilt" → "rebuild").
  const direct = irregularBase(w);
  const prefixed = direct === undefined && /^re[a-z]{3,}$/.test(w) ? irregularBase(w.slice(2)) : undefined;
  w = direct ?? (prefixed !== undefined ? `re${prefixed}` : w);
  if (w.length <= 3 || /\d/.test(w)) return w;
  // A second pass for -er, -or and -ion only, so that "gathered" → "gather" → "gath" meets
  // "gather" → "gath", and "questioned" → "question" → "quest" meets "question".
  for (let pass = 0; pass < 2; pass++) {
    for (const [pattern, replacement] of pass === 0 ? STEM_RULES : SECOND_PASS_RULES) {
      if (pattern.test(w)) {
        const next = w.replace(pattern, replacement);
        if (next.length >= 3) {
          w = next;
          break;
        }
      }
    }
  }
  if (w.length >= 4) w = w.replace(/[ey]$/, '');
  // "restoration" → "restorat" meets "restoring" → "restor".
  if (w.length >= 7) w = w.replace(/at$/, '');
  w = w.replace(/([bdfgk-nprtz])\1$/, '$1');
  return w;
}

/**
 * The words of a text with their offsets. Memoised: answering reads the same sentences again and
 * again. The arrays are shared, so they are read-only: a caller that sorted or popped one would
 * change the answer to every later question (as a pop() on wordsOf's arrays once did).
 */
export const tokenize: (text: string) => readonly Token[] = boundedMemo(20_000, computeTokens);

/** "come across" → the stem of "find", keyed by the particle as written, then the verb's stem. */
let phrasalByParticle: Map<string, Map<string, string>> | undefined;
function phrasalVerbs(): Map<string, Map<string, string>> {
  if (!phrasalByParticle) {
    phrasalByParticle = new Map();
    for (const [phrase, verb] of PHRASAL_VERBS) {
      const [base, word] = phrase.split(' ') as [string, string];
      let byVerb = phrasalByParticle.get(word);
      if (!byVerb) phrasalByParticle.set(word, (byVerb = new Map()));
      byVerb.set(stem(base), stem(verb));
    }
  }
  return phrasalByParticle;
}

/** Only spaces, tabs or line breaks between two offsets (and at least one). */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text[from] === ' ') return true;
  return /^\s+$/.test(text.slice(from, to));
}

/** Starts with an uppercase letter (ASCII checked directly, other letters by their Unicode category). */
export function startsUppercase(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 65 && first <= 90) return true;
  if (first < 128) return false;
  return /^\p{Lu}/u.test(word);
}

function computeTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const norm = normalizeWord(raw);
    if (norm === '') continue;
    // "came across", "tipped off": the verb takes the stem of the word it means; the particle goes.
    const verb = tokens[tokens.length - 1];
    const byVerb = verb ? phrasalVerbs().get(norm) : undefined;
    const meaning = verb && byVerb && onlySpaceBetween(text, verb.end, m.index) ? byVerb.get(verb.stem) : undefined;
    if (meaning) {
      tokens[tokens.length - 1] = { ...verb!, stem: meaning, end: m.index + raw.length };
      continue;
    }
    tokens.push({ raw, norm, stem: stem(raw), start: m.index, end: m.index + raw.length });
    // "4,000-seat", "US-Russia": the parts are words too.
    if (raw.includes('-')) {
      let offset = 0;
      for (const part of raw.split('-')) {
        if (part.length >= 2 && part !== raw) tokens.push({ raw: part, norm: normalizeWord(part), stem: stem(part), start: m.index + offset, end: m.index + offset + part.length });
        offset += part.length + 1;
      }
    }
  }
  return tokens;
}

function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm) || QUESTION_FILLER.has(norm);
}

/** A stop word, unless written as an acronym ("WHO", "US" are names, not "who", "us"). */
export function isStopToken(t: Token): boolean {
  return isStopWord(t.norm) && !/^[A-Z]{2,}$/.test(t.raw);
}

/** The words of a question that carry its meaning, in order. */
export function contentTokens(text: string): Token[] {
  return tokenize(text).filter((t) => !isStopToken(t));
}

function groupsByStem(groups: readonly string[][]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const group of groups) {
    const stems = group.map(stem);
    for (const s of stems) {
      const set = out.get(s) ?? new Set<string>();
      for (const other of stems) if (other !== s) set.add(other);
      out.set(s, set);
    }
  }
  return out;
}

/**
 * Where synonyms come from: the hand-written groups of lexicon.ts (news paraphrase: "blaze" for
 * "fire", "detained" for "arrested") and WordNet's derived forms ("death" for "die"). Both, as
 * measured (README, "How it works"); `chooseSynonymSources` exists to measure them apart. Made on
 * first use, so that no word is stemmed at import: scripts/build-wordnet.ts first chooses the
 * irregular forms the stemmer starts from.
 */
let handSynonyms: Map<string, Set<string>> | undefined;
/** Read on first use, so that scripts/build-wordnet.ts can stem words before the table exists. */
let wordnet: StemRelations | undefined;
const merged = new Map<string, ReadonlySet<string>>();

/**
 * Use only some sources, or another WordNet table (scripts/score-sets.ts measures with it). Call it
 * before answering anything: answers already memoised keep the synonyms they were found with.
 */
export function chooseSynonymSources(sources: { hand: boolean; wordnet: boolean | string | URL }): void {
  handSynonyms = sources.hand ? groupsByStem(SYNONYM_GROUPS) : new Map();
  wordnet = sources.wordnet === false ? new Map<string, ReadonlySet<string>>() : readStemRelations(sources.wordnet === true ? WORDNET_TABLE : sources.wordnet);
  merged.clear();
}

/** Stems that mean nearly the same as this one, or are a form derived from it. */
export function synonymsOf(stemmed: string): ReadonlySet<string> {
  wordnet ??= readStemRelations();
  handSynonyms ??= groupsByStem(SYNONYM_GROUPS);
  const hand = handSynonyms.get(stemmed);
  const derived = wordnet.get(stemmed);
  if (!hand || !derived) return hand ?? derived ?? EMPTY;
  // Both: the union, kept (there are at most as many as the hand-written words).
  let out = merged.get(stemmed);
  if (!out) {
    out = new Set([...hand, ...derived]);
    merged.set(stemmed, out);
  }
  return out;
}
const EMPTY: ReadonlySet<string> = new Set();

/** Damerau–Levenshtein distance (adjacent transpositions count once), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows of the table, reused from call to call (row i at (i % 3) * width): names and
  // typos are compared on every question, and a table of arrays per pair was most of what that allocated.
  const width = b.length + 1;
  if (distanceRows.length < 3 * width) distanceRows = new Int32Array(3 * Math.max(width, 64));
  const rows = distanceRows;
  for (let j = 0; j < width; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = (i % 3) * width;
    const above = ((i - 1) % 3) * width;
    const twoAbove = ((i + 1) % 3) * width;
    rows[row] = i;
    let rowMin = Infinity;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[above + j]! + 1, rows[row + j - 1]! + 1, rows[above + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[twoAbove + j - 2]! + 1);
      rows[row + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return rows[(a.length % 3) * width + b.length]!;
}
let distanceRows = new Int32Array(3 * 64);

/** How many typos a word of this length may carry and still be the same word. */
export function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}
