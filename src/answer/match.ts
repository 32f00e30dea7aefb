// Shared matching for answerers: finding people by name, sentences by event, and the words
// of a question that say what it is about.
import type { ArticleIndex, NamedThing, Person } from '../search/article-index.js';
import type { SentenceHit, TermMatch } from '../search/sentence-search.js';
import { editDistance, foldAccents, normalizeWord, stem, synonymsOf, tokenize, typoAllowance } from '../text/tokens.js';
import { SETTING_VERBS, SOFT_WORDS, STOP_WORDS } from '../text/lexicon.js';
import { boundedMemo } from '../text/memo.js';
import { isPastForm } from '../text/words.js';

/** Below this share of a question's weight, a sentence does not answer it. */
const MIN_COVERAGE = 0.5;

const LEADING_QUESTION = /^(?:(?:who|whom|whose|when|where|what|which|how|why)\b\s*)?(?:(?:is|was|are|were|did|does|do|has|have|had|will|would|could|can|should)\b\s*)?/i;

const TAKE = stem('take');

/** "Who is the judge?" → "the judge"; "when did the warehouse reopen" → "the warehouse reopen". */
export function stripQuestion(text: string): string {
  if (/^[A-Z]{2,}\b/.test(text.trim()) && !/^(?:WHO|WHEN|WHERE|WHAT|HOW)\s+(?:IS|WAS|DID|ARE)\b/.test(text.trim())) return text.replace(/[?!.]+\s*$/, '').trim();
  return text
    .replace(/[?!.]+\s*$/, '')
    // "took place", "is taking place": any form of "take" (by stem) before "place" says only that it happened.
    .replace(/\b(\p{L}+)\s+place\b/giu, (m, verb: string) => (stem(verb) === TAKE ? '' : m))
    .replace(LEADING_QUESTION, '')
    .replace(/^(?:exactly|actually)\s+/i, '')
    .trim();
}

/** Normalised words of a text (memoised: roles, names and quotes are split on every question). */
/** The words of a text, normalised. Memoised, so the arrays are shared: read-only. */
export const wordsOf: (text: string) => readonly string[] = boundedMemo(50_000, splitWords);

function splitWords(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}'.-]+/u)
    .map((w) => normalizeWord(w.replace(/^[.'-]+|[.'-]+$/g, '')))
    .filter(Boolean);
}

/** Does a typed word name this word of a name (same, or within typo distance)? */
function nameWordMatches(typed: string, nameWord: string): number {
  const a = normalizeWord(typed);
  const b = normalizeWord(nameWord);
  if (a === b) return 1;
  // Names are misspelt more freely than words ("Garvey" for "Garvie"): two slips from six letters,
  // three from ten, where English spelling lets a sound be written several ways ("Barracluff").
  const longest = Math.max(a.length, b.length);
  const allowance = longest >= 10 ? 3 : longest >= 6 ? 2 : typoAllowance(longest);
  if (allowance === 0) return 0;
  const d = editDistance(a, b, allowance);
  return d <= allowance ? 1 - d / (b.length + 1) : 0;
}

export interface NameMatch<T> {
  item: T;
  score: number;
}

/**
 * People whose name every typed word matches ("gregory lyle", "shanon", "nauret"). Fuse.js
 * proposes candidates from names and aliases; each typed word must then be a name word or a typo of one.
 */
export function findPeopleByName(ix: ArticleIndex, typed: string): NameMatch<Person>[] {
  const words = wordsOf(typed).filter((w) => !['the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr', 'prof', 'doctor', 'professor'].includes(w));
  // A name is at most four words; longer text is a description or an action, not a name.
  if (words.length === 0 || words.length > 4) return [];
  // A word that is not a name word as typed must be a typo of one, not a common word ("the spokeswoman").
  const exactWords = nameWordsOf(ix);
  if (!words.every((w) => exactWords.has(w))) {
    if (/^(?:the|a|an|his|her|their|its)\s/i.test(typed.trim()) || words.some((w) => !exactWords.has(w) && ix.search.isCommonWord(w))) return [];
    if (words.some((w) => w.length > 30)) return []; // no name word is that long
  }
  const out: NameMatch<Person>[] = [];
  for (const person of ix.people) {
    const score = everyWordNames(words, wordsOf(person.name));
    if (score > 0) out.push({ item: person, score: score + words.length * 0.01 });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** 0 unless every typed word is a word of the name (or a typo of one); then the mean closeness. */
function everyWordNames(typed: readonly string[], nameWords: readonly string[]): number {
  let total = 0;
  for (const w of typed) {
    let best = 0;
    for (const n of nameWords) best = Math.max(best, nameWordMatches(w, n));
    if (best === 0) return 0;
    total += best;
  }
  return total / typed.length;
}

/** Organisations and places named by the typed words. */
export function findThingsByName(ix: ArticleIndex, typed: string): NameMatch<{ name: string; mentions: number[]; kind: 'organisation' | 'place' }>[] {
  const words = wordsOf(typed).filter((w) => !['the', 'a', 'an'].includes(w));
  if (words.length === 0 || words.length > 6) return [];
  const out: NameMatch<{ name: string; mentions: number[]; kind: 'organisation' | 'place' }>[] = [];
  // Each thing is copied with its kind only when it matches.
  for (const [things, kind] of [[ix.organisations, 'organisation'], [ix.places, 'place']] as const) for (const thing of things) {
    const nameWords = wordsOf(thing.name);
    const score = everyWordNames(words, nameWords);
    if (score > 0) out.push({ item: { ...thing, kind }, score: score - Math.max(0, nameWords.length - words.length) * 0.05 });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** wordsAgree's memo, by first word then second: no key string is built per call. Bounded as boundedMemo is. */
const agreements = new Map<string, Map<string, number>>();
let agreementCount = 0;
const AGREEMENT_LIMIT = 200_000;

/** Do two words mean the same here: same stem, a synonym, or a typo of one another (memoised). */
export function wordsAgree(a: string, b: string): number {
  let row = agreements.get(a);
  const known = row?.get(b);
  if (known !== undefined) return known;
  const value = computeAgreement(a, b);
  if (agreementCount >= AGREEMENT_LIMIT) {
    agreements.clear();
    agreementCount = 0;
    row = undefined;
  }
  if (!row) agreements.set(a, (row = new Map()));
  row.set(b, value);
  agreementCount++;
  return value;
}

function computeAgreement(a: string, b: string): number {
  const sa = stem(a);
  const sb = stem(b);
  if (sa === sb) return 1;
  if (synonymsOf(sa).has(sb)) return 0.75;
  const na = normalizeWord(a);
  const nb = normalizeWord(b);
  const allowance = typoAllowance(Math.min(na.length, nb.length));
  if (allowance > 0 && na[0] === nb[0] && editDistance(na, nb, allowance) <= allowance) return 0.7;
  return 0;
}

/**
 * Sentences that tell of the event a question asks about, best first, each covering enough of it.
 * Ranked by BM25 weighted by coverage, so a sentence holding every word of the question beats a
 * shorter one holding a few. People, organisations and places the question names must be
 * mentioned in the sentence's paragraph: "/when did Lindqvist score for Castlebridge" is not
 * answered by a goal for another club.
 */
export function matchEvent(ix: ArticleIndex, query: string, minCoverage = MIN_COVERAGE, question = query): SentenceHit[] {
  const anchors = namedAnchors(ix, query);
  const terms = ix.search.terms(query);
  const named = new Set(anchorWords(ix, query));
  const verbTerm = eventVerbTerm(ix, query, question, terms, named);
  if (verbTerm && verbTerm.expansions.size === 0) return [];
  return ix.search
    .search(terms, 16)
    .filter((h) => h.coverage >= minCoverage)
    // The sentence must tell of that event itself: "the Maud Ferrier worked in Port Allen" says nothing of where she was built.
    .filter((h) => !verbTerm || h.matched.includes(verbTerm.token))
    .filter((h) => anchors.every((mentioned) => mentioned.has(ix.article.sentences[h.index]!.paragraph)))
    .filter((h) => !someoneElseDidIt(ix.article.sentences[h.index]!.text, h, named))
    .map((h) => ({ ...h, score: h.score * h.coverage * h.coverage }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * The event's verb as a search term. When the article never uses it in any form, the question
 * names an event the article does not tell ("join" in "when did Rahman join the hospital",
 * "visit" in "when did Trump visit Moscow").
 */
function eventVerbTerm(ix: ArticleIndex, query: string, question: string, terms: TermMatch[], named: Set<string>): TermMatch | undefined {
  const verb = eventVerb(query) ?? passiveVerb(question);
  return verb && !named.has(verb) && !SOFT_WORDS.has(verb) ? terms.find((t) => t.token.norm === verb) : undefined;
}

/** Does the question's event verb appear nowhere in the article, in any form? */
export function eventVerbUnknown(ix: ArticleIndex, question: string): boolean {
  const query = stripQuestion(question);
  const verbTerm = eventVerbTerm(ix, query, question, ix.search.terms(query), new Set(anchorWords(ix, query)));
  return verbTerm !== undefined && verbTerm.expansions.size === 0;
}

const personNameWords = new WeakMap<ArticleIndex, Set<string>>();
const allNameWords = new WeakMap<ArticleIndex, Set<string>>();

/** Every word of every person's name and alias (computed once per index). */
function nameWordsOf(ix: ArticleIndex): Set<string> {
  let set = personNameWords.get(ix);
  if (!set) {
    set = new Set<string>();
    for (const p of ix.people) for (const n of [p.name, ...p.aliases]) for (const w of wordsOf(n)) set.add(w);
    personNameWords.set(ix, set);
  }
  return set;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const AUXILIARIES = /\b(?:did|does|do|will|would|could|can|should|has|have|had|must|might|may|was|were|is|are)\s+/i;
const AFTER_VERB = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'to', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'into', 'about', 'before', 'after', 'during', 'back', 'again', 'up', 'out', 'off', 'down', 'over', 'first', 'last', 'there', 'here', 'any', 'some', 'now', 'then', 'today', 'yesterday', 'tomorrow', 'yet', 'already', 'still', 'ever', 'recently', 'soon', 'later', 'together', 'home', 'instead', 'exactly', 'so', 'too', 'worth', 'like']);

/** Verbs that only say an event is planned or foreseen: the event is the verb after them. */
const RAISING_VERB = /\b(?:expected|set|due|going|likely|unlikely|planned|scheduled|supposed|hoped|meant|intended|projected|forecast|predicted|estimated|about)\s+to\s+(?=\p{Ll})/u;

const settingStems = new Set([...SETTING_VERBS].map(stem));
/** "held", "hosting", "located": a form of a verb that only sets an event (SETTING_VERBS). */
export function isSettingVerb(word: string): boolean {
  return settingStems.has(stem(word));
}

/** "when was the sewage outfall at Gullpoint reopened": a passive question ends on its verb. */
function passiveVerb(question: string): string | undefined {
  const m = /\b(?:was|were|is|are)\s+(?:\S+\s+)+?(\p{Ll}[\p{L}-]*(?:ed|en))[?!.]*\s*$/u.exec(question);
  // "played", "held", "scheduled" only say that it happened; the event is the rest.
  if (!m || !isPastForm(m[1]!) || isSettingVerb(m[1]!)) return undefined;
  return normalizeWord(m[1]!);
}

/**
 * The verb of a question with an auxiliary: the word before the object ("did the jury *return*
 * its verdict", "did fans *queue* before kick-off", "did Trump *visit* Moscow"). Undefined when
 * the question has no auxiliary.
 */
function eventVerb(question: string): string | undefined {
  const aux = AUXILIARIES.exec(question);
  if (!aux) return undefined;
  // "are expected to use the line": the event is the verb after "to" ("will use the line").
  const rest = question.slice(aux.index + aux[0].length).replace(RAISING_VERB, '');
  const words = rest.replace(/[?!.]+$/, '').split(/\s+/).filter(Boolean);
  const passive = passiveVerb(question);
  if (passive) return passive;
  for (let j = 1; j <= words.length; j++) {
    const word = words[j];
    const previous = words[j - 1]!;
    const boundary = word === undefined || AFTER_VERB.has(word.toLowerCase()) || (/^\p{Lu}/u.test(word) && /^\p{Ll}/u.test(previous));
    if (boundary && /^\p{Ll}/u.test(previous) && !AFTER_VERB.has(previous.toLowerCase()) && !STOP_WORDS.has(previous.toLowerCase())) return normalizeWord(previous);
  }
  return undefined;
}

/** Words of the question that are names of people, organisations or places in the article. */
function anchorWords(ix: ArticleIndex, query: string): string[] {
  let names = allNameWords.get(ix);
  if (!names) {
    names = new Set(nameWordsOf(ix));
    for (const t of [...ix.organisations, ...ix.places]) for (const w of wordsOf(t.name)) if (/^\p{Lu}/u.test(t.name)) names.add(w);
    allNameWords.set(ix, names);
  }
  return wordsOf(query).filter((w) => names.has(w));
}

/**
 * "Tallybright was founded … by Megan Oduya, a former market trader who sold vintage clothes":
 * the selling belongs to the trader, not to Tallybright. True when every word that matched (other
 * than the names) sits in a relative clause that starts after the named thing.
 */
function someoneElseDidIt(text: string, hit: SentenceHit, named: Set<string>): boolean {
  if (named.size === 0) return false;
  const tokens = tokenize(text);
  const namedAt: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (named.has(tokens[i]!.norm)) namedAt.push(i);
  if (namedAt.length === 0) return false;
  const matchedAt: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (hit.matchedStems.has(tokens[i]!.stem) && !named.has(tokens[i]!.norm)) matchedAt.push(i);
  if (matchedAt.length === 0) return false;
  return matchedAt.every((p) => {
    const relative = [p - 1, p - 2, p - 3].find((r) => r >= 0 && /^(?:who|which|whose)$/.test(tokens[r]!.norm));
    return relative !== undefined && namedAt.every((a) => a < relative - 3);
  });
}

/**
 * A news lede describes before it names ("a 17-year-old who drowned …"); the person who opens the
 * second paragraph is the one the first paragraph was about, so it counts as mentioning them.
 */
function withLede(ix: ArticleIndex, person: { id: string }, paragraphs: Set<number>): Set<number> {
  const opener = ix.article.paragraphs[1]?.sentences[0];
  if (opener && ix.facts.mentions.some((m) => m.sentence === opener.index && m.start === 0 && !m.pronoun && m.personId === person.id)) paragraphs.add(1);
  return paragraphs;
}

const ORGANISATION_NOUN = /\b(?:the|its) (?:company|firm|group|club|agency|organi[sz]ation|start-?up|business|charity|council|ministry|department|institute|university|hospital|school|team|union|party|government|authority|regulator|board|committee|commission|bank|airline|manufacturer|retailer|maker|operator|owner)\b/i;

interface ParagraphFacts {
  /** Each paragraph in lowercase. */
  lower: string[];
  /** Whether each paragraph speaks of "the company", "its agency" …. */
  organisationNoun: boolean[];
  /** The paragraphs (by position) whose lowercase text holds a lowercase name, by name, as asked. */
  holding: Map<string, number[]>;
}

/** Per article, once. */
const paragraphFacts = new WeakMap<ArticleIndex['article'], ParagraphFacts>();
function paragraphFactsOf(article: ArticleIndex['article']): ParagraphFacts {
  let facts = paragraphFacts.get(article);
  if (!facts) {
    facts = { lower: article.paragraphs.map((p) => foldAccents(p.text).toLowerCase()), organisationNoun: article.paragraphs.map((p) => ORGANISATION_NOUN.test(p.text)), holding: new Map() };
    paragraphFacts.set(article, facts);
  }
  return facts;
}

function paragraphsHolding(facts: ParagraphFacts, lowerName: string): number[] {
  let found = facts.holding.get(lowerName);
  if (!found) {
    found = [];
    for (const [k, text] of facts.lower.entries()) if (text.includes(lowerName)) found.push(k);
    if (facts.holding.size >= 10_000) facts.holding.clear();
    facts.holding.set(lowerName, found);
  }
  return found;
}

interface PersonForms {
  /** What they were made from: made again if a curated change edits the person. */
  name: string;
  aliasList: string[];
  aliasCount: number;
  padded: string;
  aliases: string[];
  /** The aliases in lowercase between spaces. */
  paddedAliases: string[];
}

/** Per person, once: the name in lowercase between spaces (to find it whole in a question) and the aliases in lowercase. */
const personForms = new WeakMap<Person, PersonForms>();
function formsOf(person: Person): PersonForms {
  let forms = personForms.get(person);
  if (!forms || forms.name !== person.name || forms.aliasList !== person.aliases || forms.aliasCount !== person.aliases.length) {
    forms = { name: person.name, aliasList: person.aliases, aliasCount: person.aliases.length, padded: ` ${foldAccents(person.name).toLowerCase()} `, aliases: person.aliases.map((n) => foldAccents(n).toLowerCase()), paddedAliases: person.aliases.map((n) => ` ${foldAccents(n).toLowerCase()} `) };
    personForms.set(person, forms);
  }
  return forms;
}

/** Per organisation or place, once: its name in lowercase (and between spaces), and whether it is one word. */
interface ThingForms {
  name: string;
  lower: string;
  padded: string;
  written: string;
  oneWord: boolean;
  /** The name as written, as a whole word: made when first needed. */
  pattern?: RegExp;
}
const thingLower = new WeakMap<NamedThing, ThingForms>();
function formsOfThing(thing: NamedThing): ThingForms {
  let known = thingLower.get(thing);
  if (!known || known.name !== thing.name) {
    const written = foldAccents(thing.name);
    const lower = written.toLowerCase();
    thingLower.set(thing, (known = { name: thing.name, lower, padded: ` ${lower} `, written, oneWord: !/\s/.test(thing.name) }));
  }
  return known;
}

/** For each person, organisation, place or year the question names, the paragraphs that mention it. */
export function namedAnchors(ix: ArticleIndex, query: string): Set<number>[] {
  // Accents folded on both sides: "Beyonce" in a question names the article's "Beyoncé".
  const typed = foldAccents(query);
  const words = new Set(wordsOf(query));
  const lower = ` ${typed.toLowerCase().replace(/['’]s\b/g, '')} `;
  const paragraphOf = (s: number) => ix.article.sentences[s]!.paragraph;
  const anchors: Set<number>[] = [];
  // A full name anchors its person; a surname alone anchors everyone who bears it.
  const fullNamed = ix.people.filter((p) => lower.includes(formsOf(p).padded));
  const covered = new Set(fullNamed.flatMap((p) => wordsOf(p.name)));
  for (const person of fullNamed) anchors.push(withLede(ix, person, new Set(person.mentions.map(paragraphOf))));
  const byAlias = new Map<string, Set<number>>();
  for (const person of ix.people) {
    if (fullNamed.includes(person)) continue;
    const forms = formsOf(person);
    for (let k = 0; k < forms.aliases.length; k++) {
      const alias = forms.aliases[k]!;
      if (covered.has(alias) || !(words.has(alias) || lower.includes(forms.paddedAliases[k]!))) continue;
      // "the mill" in lowercase is the common noun, even if someone is called Mill.
      if (ix.search.isCommonWord(alias) && !new RegExp(`\\b${escapeRegExp(alias)}\\b`, 'i').test(typed.replace(/\b[a-z]+\b/g, ''))) continue;
      const set = byAlias.get(alias) ?? new Set<number>();
      for (const s of person.mentions) set.add(paragraphOf(s));
      withLede(ix, person, set);
      byAlias.set(alias, set);
    }
  }
  anchors.push(...byAlias.values());
  // "the 1962 earthquake": a year the question names pins the event as a name does.
  for (const year of new Set(query.match(/\b(?:1[5-9]|20)\d{2}\b/g) ?? [])) {
    anchors.push(new Set(ix.article.paragraphs.filter((p) => p.text.includes(year)).map((p) => p.number)));
  }
  for (const things of [ix.organisations, ix.places]) for (const thing of things) {
    const forms = formsOfThing(thing);
    const { lower: name, written } = forms;
    // A one-word name typed in lowercase ("the mill") is a common noun in the question.
    // (The regular expression can only match where the name is written as it is: tested first, cheaply.)
    if (forms.oneWord && !(typed.includes(written) && (forms.pattern ??= new RegExp(`\\b${escapeRegExp(written)}\\b`)).test(typed))) continue;
    if (name.length > 2 && lower.includes(forms.padded)) {
      const paragraphs = new Set(thing.mentions.map(paragraphOf));
      // The article's main organisation is also "the company", "the club", "the agency" …
      const main = thing.mentions.length >= 3 && ix.organisations.includes(thing);
      const facts = paragraphFactsOf(ix.article);
      if (main) {
        ix.article.paragraphs.forEach((p, k) => {
          if (facts.organisationNoun[k] || facts.lower[k]!.includes(name)) paragraphs.add(p.number);
        });
      } else for (const k of paragraphsHolding(facts, name)) paragraphs.add(ix.article.paragraphs[k]!.number);
      anchors.push(paragraphs);
    }
  }
  return anchors;
}

/** Person names, with their first role, as suggestions when something is not found. */
export function suggestPeople(ix: ArticleIndex, limit = 4): string[] {
  return [...ix.people]
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .slice(0, limit)
    .map((p) => (p.roles[0] && !p.roles[0].startsWith('aged') ? `${p.name} (${p.roles[0]})` : p.name));
}

/** The sentences that best match, as short suggestions. */
export function suggestSentences(ix: ArticleIndex, query: string, limit = 2): string[] {
  return ix.search
    .search(query, limit)
    .filter((h) => h.coverage > 0.2)
    .map((h) => `¶${ix.article.sentences[h.index]!.paragraph}: ${ix.article.sentences[h.index]!.text}`);
}
