// Finds capitalised names in sentences and tells people from organisations and places,
// from the way news prose uses them (titles, "of the", "said", "in", word endings).
import type { Article } from '../types.js';
import { COUNTRIES_AND_NATIONALITIES, MONTHS, ORGANISATION_WORDS, PLACE_NOUNS, PLACE_WORDS, ROLE_NOUNS, SPEECH_VERBS, STOP_WORDS, TITLES, WEEKDAYS } from '../text/lexicon.js';
import { normalizeWord, startsUppercase } from '../text/tokens.js';

export type NameKind = 'person' | 'organisation' | 'place' | 'other';

/** A word of a sentence, with what matters for finding names. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** Lowercase, possessive dropped. */
  norm: string;
  capitalized: boolean;
  possessive: boolean;
  /** Text between the previous word and this one. */
  gap: string;
}

/** A capitalised run in a sentence, with leading titles split off. */
export interface NameSpan {
  sentence: number;
  /** Word indexes within the sentence: [first, last] of the name proper (titles excluded). */
  first: number;
  last: number;
  text: string;
  start: number;
  end: number;
  /** Title words inside the run before the name ("Russian President"). */
  title: string;
  kind: NameKind;
}

/** A letter or digit of any script, for the characters outside ASCII. */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Is the code point a letter or a digit (\p{L} or \p{N})? ASCII answered directly. */
function isLetterOrNumber(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
}

/** The end of the run of letters and digits at `pos` (`pos` itself when there is none). */
function runEnd(text: string, pos: number): number {
  while (pos < text.length) {
    const cp = text.codePointAt(pos)!;
    if (!isLetterOrNumber(cp)) break;
    pos += cp > 0xffff ? 2 : 1;
  }
  return pos;
}

/**
 * The end of the word that starts at `start` (a letter or digit): what
 * /[\p{L}\p{N}]+(?:['.\-&][\p{L}\p{N}]+)*\.?'?s?/u matches there. Every part after the first
 * run is taken when it can be and nothing follows that could fail, so the greedy reading is the
 * match and no backtracking is needed. Read by hand: the regular expression, with its Unicode
 * classes and a match array per word, was most of what splitting an article into words cost.
 */
function wordEnd(text: string, start: number): number {
  let pos = runEnd(text, start);
  for (;;) {
    const c = text.charCodeAt(pos);
    // ' . - & joining two runs ("O'Brien", "U.S", "al-Assad", "AT&T")
    if ((c === 39 || c === 46 || c === 45 || c === 38) && pos + 1 < text.length && isLetterOrNumber(text.codePointAt(pos + 1)!)) pos = runEnd(text, pos + 1);
    else break;
  }
  if (text.charCodeAt(pos) === 46) pos++; // .
  if (text.charCodeAt(pos) === 39) pos++; // '
  if (text.charCodeAt(pos) === 115) pos++; // s
  return pos;
}
const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'van', 'von', 'der', 'den', 'al', 'bin', 'la', 'le', 'du', 'di', 'dos', 'ibn']);
const TIME_WORDS = new Set([...MONTHS, ...WEEKDAYS, 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const TITLE_MODIFIERS = new Set(['prime', 'vice', 'deputy', 'permanent', 'special', 'chief', 'general', 'senior', 'junior', 'acting', 'interim', 'foreign', 'home', 'state', 'lord', 'first', 'executive']);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'new', 'upper', 'lower', 'central', 'united']);
/** Nationality adjectives ("Russian", "British", "Chinese") name no place by themselves. */
const NATIONALITY = /(?:ian|ean|ese|ish|ians|eans)$/;
/** Words before a lone name that show it is a place ("in Stavanger", "to Skarvik"). */
const NAME_LINK_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'above', 'below', 'inside', 'outside', 'across', 'into', 'via', 'toward', 'towards']);

const ABBREVIATION = /^(?:[A-Z]|Dr|Mr|Mrs|Ms|St|Mt|Jr|Sr|Prof|Gen|Sgt|Lt|Col|Capt|Gov|Sen|Rep|Rev|Det|Insp|Supt|[a-z]\.[a-z])\.$/;
const POSSESSIVE = /^.{2,}'s$|^.{2,}s'$/;

/** Starts with an uppercase letter, or has one right after a hyphen ("al-Assad"). */
function isCapitalized(raw: string): boolean {
  return startsUppercase(raw) || (raw.includes('-') && /-\p{Lu}/u.test(raw));
}

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let last = 0;
  // Word after word, as a global search for the word's pattern would find them: each starts at
  // the first letter or digit after the previous one's end.
  for (let pos = 0; pos < text.length; ) {
    const cp = text.codePointAt(pos)!;
    if (!isLetterOrNumber(cp)) {
      pos += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = pos;
    pos = wordEnd(text, start);
    let raw = text.slice(start, pos);
    // A trailing period belongs to the word only for abbreviations and initials ("Dr.", "F.", "St.").
    if (raw.endsWith('.') && !ABBREVIATION.test(raw)) raw = raw.slice(0, -1);
    const lastChar = raw[raw.length - 1];
    const possessive = (lastChar === 's' || lastChar === "'") && POSSESSIVE.test(raw);
    words.push({
      text: raw,
      start,
      end: start + raw.length,
      norm: normalizeWord(raw),
      capitalized: isCapitalized(raw),
      possessive,
      gap: text.slice(last, start),
    });
    last = start + raw.length;
  }
  return words;
}

/** Words that appear capitalised somewhere other than the start of a sentence, and words seen in lowercase. */
export interface CaseEvidence {
  midCapitalized: Set<string>;
  lowercase: Set<string>;
}

export function gatherCaseEvidence(sentenceWords: Word[][]): CaseEvidence {
  const midCapitalized = new Set<string>();
  const lowercase = new Set<string>();
  for (const words of sentenceWords) {
    words.forEach((w, i) => {
      // (A single space, the usual gap, opens nothing: the tests below would both fail on it.)
      const sentenceStart = i === 0 || (w.gap !== ' ' && (/["'(:]\s*$/.test(w.gap) || /[.!?]\s*(?:["']\s*)?$/.test(w.gap)));
      if (w.capitalized && !sentenceStart) midCapitalized.add(w.norm);
      if (!w.capitalized) lowercase.add(w.norm);
    });
  }
  return { midCapitalized, lowercase };
}

function isTitleWord(w: Word): boolean {
  const n = w.norm.endsWith('.') ? w.norm.slice(0, -1) : w.norm;
  const tail = n.slice(n.lastIndexOf('-') + 1);
  return TITLES.has(n) || TITLES.has(tail) || (w.capitalized && ROLE_NOUNS.has(n)) || n === 'under' || n === 'then-president' || n === 'former' || n === 'acting' || n === 'deputy';
}

/** Find capitalised runs in one sentence. */
export function findNameSpans(sentenceIndex: number, words: Word[], evidence: CaseEvidence): NameSpan[] {
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (!w.capitalized || !startsName(words, i, evidence)) {
      i++;
      continue;
    }
    let j = i;
    // Extend the run across capitalised words and connectors ("Institute of Geohazards", "Secretary of State").
    while (j + 1 < words.length) {
      const next = words[j + 1]!;
      const cur = words[j]!;
      if (!/^\s+$/.test(next.gap) && next.gap !== '') break;
      if (cur.possessive && !(next.capitalized && (ORGANISATION_WORDS.has(next.norm) || PLACE_WORDS.has(next.norm)))) break;
      if (next.capitalized) {
        j++;
        continue;
      }
      // "Eastshire Fire and Rescue Service", "Food and Drug Administration": one organisation when
      // the run after "and" ends in a word that makes one.
      if (next.norm === 'and' && j + 2 < words.length && words[j + 2]!.capitalized && /^\s+$/.test(words[j + 2]!.gap)) {
        let k = j + 2;
        while (k + 1 < words.length && words[k + 1]!.capitalized && /^\s+$/.test(words[k + 1]!.gap)) k++;
        if (ORGANISATION_WORDS.has(words[k]!.norm)) {
          j = k;
          continue;
        }
      }
      if (CONNECTORS.has(next.norm) && j + 2 < words.length) {
        const after = words[j + 2]!;
        const joinable = ORGANISATION_WORDS.has(cur.norm) || TITLES.has(cur.norm) || ROLE_NOUNS.has(cur.norm) || PLACE_WORDS.has(cur.norm) || next.norm !== 'of';
        const afterThe = after.norm === 'the' && j + 3 < words.length && words[j + 3]!.capitalized;
        if (joinable && (after.capitalized || afterThe) && /^\s+$/.test(after.gap)) {
          j += afterThe ? 3 : 2;
          continue;
        }
      }
      break;
    }
    spans.push(...classifyRun(sentenceIndex, words, i, j));
    i = j + 1;
  }
  return spans;
}

function startsName(words: Word[], i: number, evidence: CaseEvidence): boolean {
  const w = words[i]!;
  const sentenceStart = i === 0 || /["'(:]\s*$/.test(w.gap);
  if (/^[A-Z]{2,}$/.test(w.text.replace(/'s$/, ''))) return true; // an acronym: "WHO said"
  if (!sentenceStart) return !STOP_WORDS.has(w.norm);
  if (STOP_WORDS.has(w.norm)) return false;
  if (evidence.midCapitalized.has(w.norm)) return true;
  if (evidence.lowercase.has(w.norm)) return false;
  const next = words[i + 1];
  return Boolean(next && next.capitalized && /^\s+$/.test(next.gap)) || isTitleWord(w);
}

function classifyRun(sentence: number, words: Word[], from: number, to: number): NameSpan[] {
  // Split leading titles off: "Russian President Vladimir Putin" → title "Russian President", name
  // "Vladimir Putin"; "Under Secretary of State Tom Shannon" → name "Tom Shannon".
  let nameFrom = from;
  for (let k = from; k < to; k++) {
    if (!isTitleWord(words[k]!)) continue;
    let next = k + 1;
    if (words[next]?.norm === 'of' && next + 1 < to && words[next + 1]!.capitalized) next += 2;
    if (next <= to && !ORGANISATION_WORDS.has(words[next]!.norm)) nameFrom = next;
  }
  while (nameFrom < to && (CONNECTORS.has(words[nameFrom]!.norm) || words[nameFrom]!.norm === 'the')) nameFrom++;
  const nameWords = words.slice(nameFrom, to + 1);
  if (nameWords.length === 0) return [];
  const lastNorm = nameWords[nameWords.length - 1]!.norm;
  // Made only for a run that is kept (most runs are), and literally rather than by spreading a
  // shared base: this runs for every capitalised run of the article. The keys keep their order.
  const span = (kind: NameKind): NameSpan[] => [
    {
      sentence,
      first: nameFrom,
      last: to,
      text: cleanName(nameWords),
      start: nameWords[0]!.start,
      end: nameWords[nameWords.length - 1]!.end,
      title: words
        .slice(from, nameFrom)
        .map((w) => w.text)
        .join(' '),
      kind,
    },
  ];

  if (nameWords.some((w) => TIME_WORDS.has(w.norm))) return [];
  // "Prime Minister", "Permanent Representative": a title with no name after it.
  if (nameWords.every((w) => isTitleWord(w) || TITLE_MODIFIERS.has(w.norm))) return [];
  if (nameWords.length === 1 && NATIONALITY.test(lastNorm)) return span('other');
  if (nameWords.every((w) => COUNTRIES_AND_NATIONALITIES.has(w.norm) || COMPASS.has(w.norm))) return span('place');
  if (nameWords.some((w) => ORGANISATION_WORDS.has(w.norm))) return span('organisation');
  // "the rights group Open Verask", "the Civic Renewal party": named beside the word for what it is.
  const before = words[from - 1];
  const after = words[to + 1];
  const namedAsOrganisation = (w: Word | undefined, gap: string) => w !== undefined && !w.capitalized && ORGANISATION_WORDS.has(w.norm) && /^\s+$/.test(gap);
  if (namedAsOrganisation(before, words[from]!.gap) || (!words[to]!.possessive && namedAsOrganisation(after, after?.gap ?? ''))) return span('organisation');
  if (PLACE_WORDS.has(lastNorm) || nameWords.some((w) => PLACE_WORDS.has(w.norm) && w.norm !== 'st')) return span('place');
  if (nameWords.length >= 2 && nameWords.length <= 4 && nameWords.every((w) => !CONNECTORS.has(w.norm) || w.norm !== 'of')) {
    if (nameWords.some((w) => /^[A-Z]{2,}$/.test(w.text) || COUNTRIES_AND_NATIONALITIES.has(w.norm))) return span('organisation');
    return span('person');
  }
  if (nameWords.length === 1) {
    const w = nameWords[0]!;
    // "CNN", "BuzzFeed" are organisations; "MacAskill", "McNeil", "O'Brien", "DiMaggio" are surnames.
    const surnamePrefix = /^(?:Mc|Mac|O'|D'|Di|De|La|Le|Van|Von|Fitz)\p{Lu}/u.test(w.text);
    if (/^[A-Z0-9]{2,}$/.test(w.text.replace(/'s?$/, '')) || (/\p{Ll}\p{Lu}/u.test(w.text) && !surnamePrefix)) return span('organisation');
    if (nameFrom > from && TITLES.has(words[nameFrom - 1]!.norm)) return span('person');
    return span('other');
  }
  return span('organisation');
}

function cleanName(words: Word[]): string {
  return words
    .map((w, k) => (k === 0 || words[k]!.gap === '' ? '' : ' ') + w.text)
    .join('')
    .replace(/'s?$/, '')
    .trim();
}

/**
 * A lone capitalised word ("Trump", "Skarvik", "BuzzFeed") is a person when it acts like one
 * (followed by a verb of speech or a past-tense verb) and never stands where places stand.
 */
export function isNationality(norm: string): boolean {
  return NATIONALITY.test(norm);
}

export function singleWordKind(norm: string, uses: { words: Word[]; index: number }[]): NameKind {
  if (NATIONALITY.test(norm) || norm.includes('-')) return 'other';
  if (COUNTRIES_AND_NATIONALITIES.has(norm)) return 'place';
  let actsLikePerson = 0;
  let placeLike = 0;
  for (const { words, index } of uses) {
    const prev = words[index - 1];
    const next = words[index + 1];
    if (prev && NAME_LINK_PREPOSITIONS.has(prev.norm) && /^\s+$/.test(words[index]!.gap)) placeLike++;
    // "the village of Skarvik", "the Eastgate industrial park"
    else if (prev?.norm === 'of' && PLACE_NOUNS.has(words[index - 2]?.norm ?? '')) placeLike++;
    else if (next && !next.capitalized && (PLACE_NOUNS.has(next.norm) || PLACE_NOUNS.has(words[index + 2]?.norm ?? '')) && prev?.norm === 'the') placeLike++;
    // Only speech marks a lone word as a person: "Trump said"; "Castlebridge completed" may be a club.
    if (next && !next.capitalized && SPEECH_VERBS.has(next.norm)) actsLikePerson++;
  }
  if (actsLikePerson > placeLike) return 'person';
  return placeLike > 0 ? 'place' : 'other';
}

/** Words of every sentence of an article, split once and shared by the extractors. */
export function wordsOfArticle(article: Article): Word[][] {
  return article.sentences.map((s) => splitWords(s.text));
}
