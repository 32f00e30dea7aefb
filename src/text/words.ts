// Words looked up in WordNet rather than guessed from their endings: "thanked", "told" and
// "leaking" are forms of verbs WordNet knows, while "hundred", "Ahmed" and "bed" are no past
// tenses though they end in -ed; "inspector" and "worker" are nouns for a person, "order" is not.
// The table is scripts/build-wordnet.ts's src/text/wordnet-words.json (verb lemmas, WordNet's
// exception lists for irregular forms, nouns for a person); forms are undone with WordNet's own
// detachment rules (morphy's). Nothing is fetched at run time.
import { readFileSync } from 'node:fs';

/** How a form relates to its verb: a past tense or participle, an -ing form, a third person -s. */
export type VerbFormKind = 'past' | 'ing' | 's';

export const WORD_TABLE = new URL('./wordnet-words.json', import.meta.url);

interface WordTable {
  verbs: Set<string>;
  /** Irregular form → its lemma ("told" → "tell", "stopped" → "stop"). */
  irregular: Map<string, string>;
  /** Irregular plural → its noun ("men" → "man", "children" → "child"). */
  nouns: Map<string, string>;
  /** Nouns for a person ("inspector", "worker", "child"). */
  people: Set<string>;
}

let table: WordTable | undefined;

/** The table, read on first use. */
function words(): WordTable {
  if (!table) useWordTable();
  return table!;
}

/** Read the table (on first use; `path` lets a measurement read another one). */
export function useWordTable(path: string | URL = WORD_TABLE): void {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { verbs: string; irregular: string; nouns: string; people: string };
  const pairs = (text: string) => new Map(text.split(' ').map((pair) => pair.split(':') as [string, string]));
  table = { verbs: new Set(raw.verbs.split(' ')), irregular: pairs(raw.irregular), nouns: pairs(raw.nouns), people: new Set(raw.people.split(' ')) };
  known.clear();
}

/** WordNet's detachment rules for verbs (morphy): the ending, what replaces it, the form it makes. */
const DETACHMENT: [string, string, VerbFormKind][] = [
  ['s', '', 's'],
  ['ies', 'y', 's'],
  ['es', 'e', 's'],
  ['es', '', 's'],
  ['ed', 'e', 'past'],
  ['ed', '', 'past'],
  ['ing', 'e', 'ing'],
  ['ing', '', 'ing'],
];

/** The kind an irregular form is: its ending says it ("leaving", "goes"), else it is a past ("told"). */
function irregularKind(form: string): VerbFormKind {
  if (form.endsWith('ing')) return 'ing';
  // "was" is the one past among the exception list's forms ending in -s ("is", "has", "goes", "does").
  return form.endsWith('s') && form !== 'was' ? 's' : 'past';
}

const known = new Map<string, readonly VerbFormKind[]>();

/**
 * The kinds of verb form a word is ("told" → past; "leaves" → s; "set" → none: a base form is no
 * inflection). Lowercase words only: the caller lowercases. Remembered per word.
 */
export function verbFormKinds(word: string): readonly VerbFormKind[] {
  let kinds = known.get(word);
  if (kinds) return kinds;
  const { irregular, verbs } = words();
  const found = new Set<VerbFormKind>();
  const lemma = irregular.get(word);
  if (lemma !== undefined) found.add(irregularKind(word));
  for (const [ending, replacement, kind] of DETACHMENT) {
    if (!word.endsWith(ending)) continue;
    const base = word.slice(0, word.length - ending.length) + replacement;
    // Two letters at least: "bed" is not "be" + -d.
    if (base.length >= 3 && verbs.has(base)) found.add(kind);
  }
  kinds = [...found];
  if (known.size > 50_000) known.clear();
  known.set(word, kinds);
  return kinds;
}

/** A past tense or past participle of a verb WordNet knows ("thanked", "told", "taken"). */
export function isPastForm(word: string): boolean {
  return verbFormKinds(word.toLowerCase()).includes('past');
}

/** An -ing form of a verb WordNet knows ("leaking", "making"). */
export function isIngForm(word: string): boolean {
  return verbFormKinds(word.toLowerCase()).includes('ing');
}

/** An inflected form of a verb WordNet knows, of one of these kinds. */
export function isVerbForm(word: string, kinds: readonly VerbFormKind[] = ['past', 'ing', 's']): boolean {
  const found = verbFormKinds(word.toLowerCase());
  return kinds.some((k) => found.includes(k));
}

/**
 * The lemma of an irregular form, for the stemmer: a verb's ("told" → "tell", "met" → "meet"), else
 * a noun's ("men" → "man") unless the word is also a regular verb form ("leaves" is "leave" + -s
 * before it is "leaf"'s plural). Undefined for a regular word: suffix stripping does the rest.
 */
export function irregularBase(word: string): string | undefined {
  const { irregular, nouns } = words();
  const verb = irregular.get(word);
  if (verb !== undefined) return verb;
  const noun = nouns.get(word);
  return noun !== undefined && verbFormKinds(word).length === 0 ? noun : undefined;
}

/** WordNet's detachment rules for nouns (morphy): a plural ending and what replaces it. */
const NOUN_DETACHMENT: [string, string][] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
];

/**
 * The noun lemmas a written word may be a form of, the word itself first: its irregular plural's
 * lemma ("men" → "man") and WordNet's detachments ("cities" → "city"). Callers keep the ones their
 * table knows.
 */
export function nounLemmas(written: string): string[] {
  const word = written.toLowerCase();
  const out = [word];
  const irregular = words().nouns.get(word);
  if (irregular !== undefined) out.push(irregular);
  for (const [ending, replacement] of NOUN_DETACHMENT) if (word.endsWith(ending) && word.length > ending.length + 1) out.push(word.slice(0, word.length - ending.length) + replacement);
  return out;
}

/**
 * A noun for a person in WordNet ("inspectors", "worker", "children"), any case. who.ts reads an
 * agent noun with it: it measured the same as the -or/-er ending it replaced, which also took
 * "order", "water" and "paper" for doers.
 */
export function isPersonNoun(written: string): boolean {
  const { nouns, people } = words();
  const word = written.toLowerCase();
  if (people.has(word)) return true;
  const irregular = nouns.get(word);
  if (irregular !== undefined) return people.has(irregular);
  return NOUN_DETACHMENT.some(([ending, replacement]) => word.endsWith(ending) && people.has(word.slice(0, word.length - ending.length) + replacement));
}
