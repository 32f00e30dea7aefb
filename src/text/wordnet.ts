// Derived forms from WordNet 3.1 ("die" → "death", "fail" → "failure", "collide" → "collision"),
// read from the table scripts/build-wordnet.ts writes (src/text/wordnet-relations.json: a stem →
// its related stems, keyed by the engine's own stemmer). Nothing is fetched at run time.
import { readFileSync } from 'node:fs';

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
