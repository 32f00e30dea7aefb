// Derived forms from WordNet 3.1 ("die" → "death", "fail" → "failure", "collide" → "collision"),
// read from the table scripts/build-wordnet.ts writes (src/text/wordnet-relations.json: a stem →
// its related stems, keyed by the engine's own stemmer). Nothing is fetched at run time.
import { readFileSync } from 'node:fs';
import { nounLemmas } from './words.js';

export interface StemRelations {
  get(stem: string): ReadonlySet<string> | undefined;
}

export const WORDNET_TABLE = new URL('./wordnet-relations.json', import.meta.url);

/**
 * Read a table of stem relations: a JSON object from a stem to its related stems, space-separated.
 * Parsing is all it costs up front; a stem's set is made the first time it is asked for.
 */
export function readStemRelations(path: string | URL = WORDNET_TABLE): StemRelations {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  const sets = new Map<string, ReadonlySet<string>>();
  return {
    get(stem) {
      let set = sets.get(stem);
      if (set) return set;
      // Own keys only: "constructor" is a word, not the object's.
      if (!Object.hasOwn(raw, stem)) return undefined;
      set = new Set(raw[stem]!.split(' '));
      sets.set(stem, set);
      return set;
    },
  };
}

let antonyms: StemRelations | undefined;

/**
 * WordNet's antonyms of a stem ("increas" → "decreas", "least" → "most"), from the table
 * scripts/build-wordnet.ts writes beside the derived forms; read on first use.
 */
export function antonymsOf(stem: string): ReadonlySet<string> | undefined {
  antonyms ??= readStemRelations(new URL('./wordnet-antonyms.json', import.meta.url));
  return antonyms.get(stem);
}

/**
 * What kind of thing a noun names, from WordNet's hypernyms (src/text/wordnet-kinds.json, written by
 * scripts/build-wordnet.ts): a noun lemma's first senses, and each sense's parents up to the top
 * ("piano" → keyboard instrument → musical instrument → device → … → entity; "Warsaw", an
 * instance, → city → … → location). Read on first use.
 */
interface KindTable {
  /** Each synset's parents, base 36, space-separated. */
  parents: string[];
  /** "lemma id id" entries, sorted by lemma. */
  lemmas: string[];
  /** The same entries as written, comma-separated. */
  raw: string;
  ancestors: Map<number, ReadonlySet<number>>;
}
let kindTable: KindTable | undefined;
function kinds(): KindTable {
  if (kindTable) return kindTable;
  const raw = JSON.parse(readFileSync(new URL('./wordnet-kinds.json', import.meta.url), 'utf8')) as { parents: string; lemmas: string };
  return (kindTable = { parents: raw.parents.split(','), lemmas: raw.lemmas.split(','), raw: raw.lemmas, ancestors: new Map() });
}

const lemmaOf = (entry: string) => entry.slice(0, entry.indexOf(' '));

/** A WordNet lemma's first senses (synset numbers), most common first; lowercase, "_" between the words of a name. */
export function lemmaSenses(lemma: string): readonly number[] | undefined {
  const { lemmas } = kinds();
  let lo = 0;
  let hi = lemmas.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const entry = lemmas[mid]!;
    const key = lemmaOf(entry);
    if (key === lemma) return entry.slice(key.length + 1).split(' ').map((id) => parseInt(id, 36));
    if (key < lemma) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The senses of a written noun ("cities", "Warsaw", "New York"): of its first form WordNet knows. */
export function nounSenses(written: string): readonly number[] | undefined {
  for (const lemma of nounLemmas(written.trim().replace(/\s+/g, '_'))) {
    const senses = lemmaSenses(lemma);
    if (senses) return senses;
  }
  return undefined;
}

/** A synset and all its hypernyms and instance hypernyms, up to the top. */
export function ancestorsOf(sense: number): ReadonlySet<number> {
  const table = kinds();
  const known = table.ancestors.get(sense);
  if (known) return known;
  const built = new Set<number>([sense]);
  const parents = table.parents[sense];
  if (parents) for (const parent of parents.split(' ')) for (const a of ancestorsOf(parseInt(parent, 36))) built.add(a);
  table.ancestors.set(sense, built);
  return built;
}

const compounds = new Map<string, readonly string[]>();
/** The compound lemmas whose last word is this one ("instrument" → "musical_instrument", "keyboard_instrument", …). */
export function compoundsOf(head: string): readonly string[] {
  let found = compounds.get(head);
  if (found) return found;
  // One pass of a pattern over the lemmas as written: cheaper than indexing 30,000 lemmas by their last word.
  const pattern = new RegExp(`(?:^|,)([^ ,]*_${head.replace(/[^a-z0-9]/g, (c) => `\\${c}`)}) `, 'g');
  found = [...kinds().raw.matchAll(pattern)].map((m) => m[1]!);
  compounds.set(head, found);
  return found;
}
