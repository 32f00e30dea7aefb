// People, organisations and places of an article: names, aliases, roles and every mention,
// including mentions by surname alone and by pronoun.
import type { Article } from '../types.js';
import type { NamedThing, Person } from '../search/article-index.js';
import { ROLE_NOUNS, SPEECH_VERBS, STOP_WORDS, TITLES } from '../text/lexicon.js';
import { findNameSpans, gatherCaseEvidence, isNationality, singleWordKind, wordsOfArticle, type NameKind, type NameSpan, type Word } from './names.js';

export type Gender = 'female' | 'male' | 'unknown';

/** A mention of a person at a character position of a sentence. */
export interface PersonMention {
  personId: string;
  sentence: number;
  start: number;
  end: number;
  /** True when the mention is a pronoun we resolved. */
  pronoun: boolean;
}

/** Someone the article describes but never names ("a Russian official"), who may be quoted later as "the official". */
export interface UnnamedActor {
  phrase: string;
  head: string;
  sentence: number;
}

export interface PeopleFacts {
  people: Person[];
  organisations: NamedThing[];
  places: NamedThing[];
  /** Every mention of a person, in reading order. */
  mentions: PersonMention[];
  genders: Map<string, Gender>;
  unnamed: UnnamedActor[];
  /** Words of every sentence, split once. */
  words: Word[][];
  /** The first sentence that mentions each person by name. */
  firstMention: Map<string, number>;
}

const FEMALE_WORDS = new Set(['mrs', 'ms', 'miss', 'spokeswoman', 'chairwoman', 'businesswoman', 'actress', 'mother', 'daughter', 'sister', 'wife', 'widow', 'aunt', 'queen', 'princess', 'dame', 'lady', 'she', 'her', 'hers', 'herself', 'policewoman', 'congresswoman', 'grandmother']);
const MALE_WORDS = new Set(['mr', 'spokesman', 'chairman', 'businessman', 'actor', 'father', 'son', 'brother', 'husband', 'widower', 'uncle', 'king', 'prince', 'sir', 'lord', 'he', 'him', 'his', 'himself', 'policeman', 'congressman', 'grandfather']);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);
const APPOSITIVE_STARTS = new Set(['a', 'an', 'the', 'who', 'whose', 'head', 'chief', 'director', 'one', 'then', 'now', 'former', 'also']);

function isSpaceGap(gap: string): boolean {
  return /^\s+$/.test(gap);
}

/** Title words standing right before a name: "State Department spokeswoman", "security guard", "CNN's". */
function titleBefore(words: Word[], runStart: number): string {
  const collected: Word[] = [];
  let lowercaseChain = false;
  let modifiers = 0;
  for (let k = runStart - 1; k >= 0; k--) {
    const w = words[k]!;
    if (!isSpaceGap(words[k + 1]!.gap)) break;
    const n = w.norm;
    if (w.capitalized) {
      if (STOP_WORDS.has(n) && !TITLES.has(n) && n !== 'under') break;
      if (SPEECH_VERBS.has(n)) break;
      collected.unshift(w);
      if (w.possessive) break;
      continue;
    }
    if (ROLE_NOUNS.has(n) || TITLES.has(n) || /-(?:president|minister|secretary|chief)$/.test(n)) {
      collected.unshift(w);
      lowercaseChain = true;
      continue;
    }
    if (lowercaseChain && modifiers < 2 && !STOP_WORDS.has(n) && !SPEECH_VERBS.has(n) && !/(?:ed|ly)$/.test(n) && !/\d/.test(n)) {
      collected.unshift(w);
      modifiers++;
      continue;
    }
    break;
  }
  // A sentence-initial capitalised word that is not part of the title ("Earlier", "Asked").
  while (collected.length > 1 && collected[0]!.capitalized && STOP_WORDS.has(collected[0]!.norm)) collected.shift();
  return collected.map((w) => w.text).join(' ');
}

/** "of the Halden County Superior Court" right after a name. */
function affiliationAfter(words: Word[], last: number, sentenceText: string): string {
  const next = words[last + 1];
  if (!next || next.norm !== 'of' || !isSpaceGap(next.gap)) return '';
  const rest = sentenceText.slice(next.start);
  // "of the Dunmore Fire and Rescue Service": an "and" between capitalised words is inside the name.
  const m = /^of (?:the )?[^,.;:"]{2,80}?(?=[,.;:"]|\s+(?:who|which|that|said|says|told|testified|rejected|argued|set|was|is|has|had)\b|\s+and\b(?!\s+\p{Lu})|$)/u.exec(rest);
  return m ? m[0] : '';
}

/** Words for a part of the land, after which "of X" names a place ("the summit of Ben Nevis"). */
const GEOGRAPHIC_PART = /^(?:foot|summit|top|edge|slopes?|side|village|town|city|county|region|district|north|south|east|west|centre|center|heart|outskirts|banks?|shores?|mouth|base|island|isle|port|bay|gulf|coast|valley|peak|face)$/;

/**
 * ", a cardiologist at St. Anselm's Hospital, …": up to the next comma or full stop, but not an
 * abbreviation's full stop nor a thousands comma ("a 3,000-year-old gold ring").
 */
const ABBREVIATED = '(?:St|Mt|Ft|Dr|Prof|Gen|Col|Lt|Sgt|Rev|Jr|Sr|Inc|Co|Corp|Ltd|No)';
const APPOSITIVE = new RegExp(
  String.raw`^,\s+((?:[^,;.:"]|\.(?<=\b${ABBREVIATED}\.)|(?<=\d),(?=\d{3}\b)){2,140}?)(?=(?<!\d),|,(?!\d{3}\b)|[;:"]|\.(?<!\b${ABBREVIATED}\.)(?:\s|$)|$)`,
);

/** ", the lead prosecutor," / ", 41, who runs a guesthouse" right after a name. */
function appositiveAfter(words: Word[], last: number, sentenceText: string): { role: string; age: number | undefined } {
  let pos = words[last]!.end;
  let rest = sentenceText.slice(pos);
  let age: number | undefined;
  const ageMatch = /^,\s*(\d{1,3}),/.exec(rest);
  if (ageMatch) {
    age = Number(ageMatch[1]);
    pos += ageMatch[0].length - 1;
    rest = sentenceText.slice(pos);
  }
  const m = APPOSITIVE.exec(rest);
  if (!m) return { role: '', age };
  const phrase = m[1]!.trim();
  const first = phrase.split(/\s+/)[0]!.toLowerCase();
  const firstWords = phrase.split(/\s+/).slice(0, 6).map((w) => w.toLowerCase().replace(/[^a-z-]/g, ''));
  // "regional secretary of the union", "deputy head": a role noun among the first words makes it a role.
  const accepted = APPOSITIVE_STARTS.has(first) || ROLE_NOUNS.has(first) || (/^\p{Lu}/u.test(phrase) && firstWords.some((w) => ROLE_NOUNS.has(w))) || (!STOP_WORDS.has(first) && firstWords.slice(1, 3).some((w) => ROLE_NOUNS.has(w)));
  const introducedBy = sentenceText.slice(Math.max(0, words[last]!.start - 40), words[last]!.start);
  // "According to Lyle, investigators …" is no appositive; "according to Dr. Tobias Wren, the regulator's chief executive." is.
  if (/\baccording to\s+(?:\S+\s+)*$/i.test(introducedBy) && !/,/.test(introducedBy.split(/according to/i).pop() ?? '') && !/^(?:the|a|an)\s/i.test(phrase)) return { role: '', age };
  if (!accepted || phrase.split(/\s+/).length > 16) return { role: '', age };
  // "who said …" is speech, not a description.
  if (/^who\s+(?:said|says|told|added)\b/i.test(phrase)) return { role: '', age };
  return { role: phrase, age };
}

/** "his brother-in-law, Kevin Marsh" / "The state's key witness, security guard Daniel Okafor". */
function roleBeforeComma(words: Word[], runStart: number): string {
  let k = runStart - 1;
  // Skip the title words directly before the name.
  while (k >= 0 && isSpaceGap(words[k + 1]!.gap)) k--;
  if (k < 0 || !/^,\s+$/.test(words[k + 1]!.gap)) return '';
  const end = k;
  // Back to the determiner or possessive that opens the phrase: "the United Nations Special Envoy
  // for Transboundary Water Cooperation, Ingrid Aasheim"; "his brother-in-law, Kevin Marsh".
  let from = end;
  while (from > 0 && end - from < 12 && isSpaceGap(words[from]!.gap)) {
    const prev = words[from - 1]!;
    // "the chair of the judges, Owen Hartigan", "Ostrevia's ambassador to the council, Pavel Stanek":
    // "of", "to" and "the" after them stay inside the phrase.
    const inName =
      ((prev.norm === 'for' || prev.norm === 'and') && words[from]!.capitalized) ||
      prev.norm === 'of' ||
      prev.norm === 'to' ||
      (prev.norm === 'the' && (words[from - 2]?.norm === 'of' || words[from - 2]?.norm === 'to'));
    if (SPEECH_VERBS.has(prev.norm) || (STOP_WORDS.has(prev.norm) && !DETERMINERS.has(prev.norm) && !inName)) break;
    from--;
    if ((DETERMINERS.has(prev.norm) && !inName) || prev.possessive) break;
  }
  const phrase = words.slice(from, end + 1);
  if (!phrase.some((w) => ROLE_NOUNS.has(w.norm) || ROLE_NOUNS.has(w.norm.replace(/s$/, '')) || TITLES.has(w.norm))) return '';
  return phrase.map((w) => w.text).join(' ');
}

function genderHint(text: string): Gender {
  const words = text.toLowerCase().split(/[^a-z]+/);
  if (words.some((w) => FEMALE_WORDS.has(w))) return 'female';
  if (words.some((w) => MALE_WORDS.has(w))) return 'male';
  return 'unknown';
}

/** Heads of unnamed sources besides role nouns. */
const UNNAMED_HEADS = new Set(['source', 'person', 'man', 'woman', 'insider', 'staffer', 'whistleblower']);
const UNNAMED = /\b(?:an?|one)\s+((?:[A-Z'-]+\s+){0,3}?([a-z][a-z-]+))\b((?:\s+(?:involved in|familiar with|close to|briefed on|in|at|of|from|with|for)\s+(?:the\s+)?[A-Z' ]{2,60}?)?)(?=[,.;]|\s{1,20}(?:who|said|says|told|confirmed|reported|added|sent|wrote|gave|leaked|provided|spoke|described|has|had|was)\b)/gi;

/** A person being put together: their roles gather in a set and are put in order at the end. */
interface Draft {
  person: Person;
  gender: Gender;
  roleSet: Set<string>;
}

/** What every pass reads (the article, its words and name spans) and what they build (the people so far). */
interface Reading {
  article: Article;
  words: Word[][];
  spans: NameSpan[];
  /** The spans of each sentence, in order (the same objects: a kind changed by a pass is seen here). */
  spansBySentence: NameSpan[][];
  /** By id, in the order each person was first met. */
  drafts: Map<string, Draft>;
  /** The first sentence that names each person. */
  firstMention: Map<string, number>;
  mentions: PersonMention[];
}

/** Surnames and first names, each with the people who bear them. */
interface Aliases {
  bySurname: Map<string, Draft[]>;
  byFirstName: Map<string, Draft[]>;
}

/**
 * The passes run in this order because each reads what the ones before found: lone words are
 * matched to full names, pronouns to genders, and role references to the roles found so far.
 */
export function extractPeople(article: Article): PeopleFacts {
  const reading = readNames(article);
  demotePlaceLikeNames(reading);
  addFullNames(reading);
  const aliases = addAliases(reading.drafts);
  const loneThings = addLoneWords(reading, aliases, kindsOfLoneWords(reading.spans, reading.words));
  const { organisations, places } = collectThings(reading.spans, loneThings);
  reading.mentions.sort(byReadingOrder);
  // The mentions by name of each sentence, in reading order (no pronoun is resolved yet).
  const namedIn: PersonMention[][] = reading.words.map(() => []);
  for (const m of reading.mentions) namedIn[m.sentence]!.push(m);
  inferGenders(reading, namedIn);
  const genders = new Map([...reading.drafts.values()].map((d) => [d.person.id, d.gender]));
  addPronouns(reading, genders);
  addRoleReferences(reading, namedIn);
  reading.mentions.sort(byReadingOrder);
  const people = finishPeople(reading);
  // An organisation or place that is also someone's name or alias is that person.
  const personNames = new Set(people.flatMap((p) => [p.name.toLowerCase(), ...p.aliases.map((a) => a.toLowerCase())]));
  const keep = (t: NamedThing) => !personNames.has(t.name.toLowerCase());
  return {
    people,
    organisations: organisations.filter(keep),
    places: places.filter(keep),
    mentions: reading.mentions,
    genders,
    unnamed: findUnnamedActors(article, namedIn),
    words: reading.words,
    firstMention: reading.firstMention,
  };
}

function byReadingOrder(a: PersonMention, b: PersonMention): number {
  return a.sentence - b.sentence || a.start - b.start;
}

/** The words of every sentence and the runs of capitalised words in them that may be names. */
function readNames(article: Article): Reading {
  const words = wordsOfArticle(article);
  const evidence = gatherCaseEvidence(words);
  const spans: NameSpan[] = words.flatMap((w, i) => findNameSpans(i, w, evidence));
  const spansBySentence: NameSpan[][] = words.map(() => []);
  for (const span of spans) spansBySentence[span.sentence]!.push(span);
  return { article, words, spans, spansBySentence, drafts: new Map(), firstMention: new Map(), mentions: [] };
}

/**
 * A two-word name that only ever follows "to", "from", "in" or "at", and is never titled, given a
 * role or an age, or said to speak, is a club, a firm or a place ("from Vale Rovers", "in Marlow
 * Heath"); so is one ending in a plural. Such names become organisations before anyone is named.
 */
function demotePlaceLikeNames({ article, words, spans }: Reading): void {
  const personEvidence = new Map<string, boolean>();
  const placeLike = new Map<string, boolean>();
  for (const span of spans) {
    if (span.kind !== 'person' || span.first === span.last) continue;
    const ws = words[span.sentence]!;
    const text = article.sentences[span.sentence]!.text;
    const key = span.text.toLowerCase();
    const prev = ws[span.first - 1];
    const next = ws[span.last + 1];
    const evident = Boolean(span.title) || (next !== undefined && SPEECH_VERBS.has(next.norm)) || /^,\s*\d{1,3},/.test(text.slice(span.end)) || titleBefore(ws, span.first) !== '' || roleBeforeComma(ws, span.first) !== '' || appositiveAfter(ws, span.last, text).role !== '';
    if (evident) personEvidence.set(key, true);
    const according = prev?.norm === 'to' && ws[span.first - 2]?.norm === 'according';
    // "the foot of Glen Ardrie", "the village of Thornby": "of" after a word for a part of the land.
    const ofPlace = prev?.norm === 'of' && GEOGRAPHIC_PART.test(ws[span.first - 2]?.norm ?? '');
    const locative = prev !== undefined && !according && (ofPlace || /^(?:to|from|in|at|into|near|for|against|with|inside|outside|across|on|onto|off|up|down|over|towards|toward|past|around|beyond|below|above|beside|along|through|via)$/.test(prev.norm));
    placeLike.set(key, (placeLike.get(key) ?? true) && locative);
  }
  // "… ," Pryce said: a surname that speaks vouches for the full name.
  const speakingWords = new Set<string>();
  for (const ws of words) ws.forEach((w, i) => w.capitalized && ws[i + 1] && SPEECH_VERBS.has(ws[i + 1]!.norm) && speakingWords.add(w.norm));
  for (const span of spans) {
    // Only two-word names or longer can be demoted: the rest are not read (most spans).
    if (span.kind !== 'person' || span.first === span.last) continue;
    const key = span.text.toLowerCase();
    const surname = key.split(/\s+/).pop() ?? key;
    const pluralLast = /s$/.test(surname) && !/(?:ss|us|is)$/.test(surname);
    if (!personEvidence.get(key) && !speakingWords.has(surname) && (placeLike.get(key) || pluralLast)) span.kind = 'organisation';
  }
}

/** Full names first (two words or more), so that lone words ("Pryce", "Mr. Pryce") can be matched to them. */
function addFullNames(reading: Reading): void {
  for (const span of reading.spans) {
    if (span.kind === 'person' && span.first !== span.last) addNamedPerson(reading, span);
  }
}

/** A person named by this span (new or met before), with the roles found around it. */
function addNamedPerson(reading: Reading, span: NameSpan): void {
  const id = span.text.toLowerCase();
  let d = reading.drafts.get(id);
  if (!d) {
    d = { person: { id, name: span.text, aliases: [], roles: [], mentions: [] }, gender: 'unknown', roleSet: new Set() };
    reading.drafts.set(id, d);
  }
  addRoles(reading, d, span);
  if (!reading.firstMention.has(id)) reading.firstMention.set(id, span.sentence);
  reading.mentions.push({ personId: id, sentence: span.sentence, start: span.start, end: span.end, pronoun: false });
}

/** Titles, roles, affiliations, appositives and age around a name, and the gender they give. */
function addRoles({ article, words, spansBySentence }: Reading, d: Draft, span: NameSpan): void {
  const ws = words[span.sentence]!;
  const text = article.sentences[span.sentence]!.text;
  let runStart = span.first;
  while (runStart > 0 && span.title && ws[runStart - 1] && span.title.includes(ws[runStart - 1]!.text)) runStart--;
  const before = titleBefore(ws, runStart);
  const title = [before, span.title].filter(Boolean).join(' ').trim();
  const affiliation = affiliationAfter(ws, span.last, text);
  const { role: appositive, age } = appositiveAfter(ws, span.last, text);
  let commaRole = roleBeforeComma(ws, runStart);
  // "the National Anti-Doping Authority (NADA), whose chief executive, Rupert Ellingham, said …"
  const whose = commaRole && ws.find((w, k) => w.norm === 'whose' && ws[k + 1] !== undefined && commaRole.startsWith(ws[k + 1]!.text) && k < runStart);
  if (whose) commaRole = `its ${commaRole}`;
  const its = /^(?:its|their)\s+(\S.*|\s)$/i.exec(commaRole);
  if (its) {
    const org = lastOrganisationBefore(spansBySentence, span.sentence);
    if (org) commaRole = `${its[1]} of the ${org}`;
  }
  const honorificOnly = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir)\.?$/i.test(title);
  const main = [honorificOnly ? '' : title.replace(/'s$/, ''), affiliation].filter(Boolean).join(' ');
  for (const role of [main, appositive, commaRole]) if (role) d.roleSet.add(role.replace(/\s+/g, ' ').trim());
  if (age !== undefined && ![...d.roleSet].some((r) => r.startsWith('aged '))) d.roleSet.add(`aged ${age}`);
  const hint = genderHint(`${title} ${appositive} ${commaRole}`);
  if (hint !== 'unknown') d.gender = hint;
}

/** The organisation that "its" in "its chief executive" stands for: the latest one named up to two sentences back. */
function lastOrganisationBefore(spansBySentence: NameSpan[][], sentence: number): string | undefined {
  for (let s = sentence; s >= Math.max(0, sentence - 2); s--) {
    const found = spansBySentence[s]!.filter((x) => x.kind === 'organisation' && (s < sentence || x.start < 10_000));
    if (found.length) return found[found.length - 1]!.text.replace(/^the\s+/i, '');
  }
  return undefined;
}

/** Aliases: surnames always (shared surnames resolve to the nearest full mention), first names when unique. */
function addAliases(drafts: Map<string, Draft>): Aliases {
  const bySurname = new Map<string, Draft[]>();
  const byFirstName = new Map<string, Draft[]>();
  for (const d of drafts.values()) {
    const parts = d.person.name.split(/\s+/);
    if (parts.length < 2) continue;
    const surname = parts[parts.length - 1]!.toLowerCase();
    const firstName = parts[0]!.toLowerCase().replace(/\.$/, '');
    let sharingSurname = bySurname.get(surname);
    if (!sharingSurname) bySurname.set(surname, (sharingSurname = []));
    sharingSurname.push(d);
    if (firstName.length > 1) {
      let sharingFirst = byFirstName.get(firstName);
      if (!sharingFirst) byFirstName.set(firstName, (sharingFirst = []));
      sharingFirst.push(d);
    }
  }
  for (const [surname, ds] of bySurname) for (const d of ds) d.person.aliases.push(capitalize(surname, d.person.name));
  for (const [first, ds] of byFirstName) if (ds.length === 1 && !bySurname.has(first)) ds[0]!.person.aliases.push(capitalize(first, ds[0]!.person.name));
  return { bySurname, byFirstName };
}

/** What each lone capitalised word that is no one's alias is (person, place, organisation), judged from all its uses at once. */
function kindsOfLoneWords(spans: NameSpan[], words: Word[][]): Map<string, NameKind> {
  const singleUses = new Map<string, { words: Word[]; index: number }[]>();
  for (const span of spans) {
    if (span.kind !== 'other' || span.first !== span.last) continue;
    const key = span.text.toLowerCase();
    let uses = singleUses.get(key);
    if (!uses) singleUses.set(key, (uses = []));
    uses.push({ words: words[span.sentence]!, index: span.first });
  }
  // "Halvorsen" after "Halvorsen Appliances" is the company, even when it "said" something.
  const orgFirstWords = new Set(spans.filter((s) => s.kind === 'organisation' && s.first !== s.last).map((s) => s.text.split(/\s+/)[0]!.toLowerCase()));
  const loneKinds = new Map<string, NameKind>();
  for (const [key, uses] of singleUses) loneKinds.set(key, orgFirstWords.has(key) ? 'organisation' : singleWordKind(key, uses));
  return loneKinds;
}

/**
 * Lone words in reading order: an alias of someone named in full (the nearest one when several
 * share it), or a person of their own; a lone word that is neither is returned as a thing.
 */
function addLoneWords(reading: Reading, { bySurname, byFirstName }: Aliases, loneKinds: Map<string, NameKind>): Map<NameSpan, 'organisation' | 'place'> {
  const things = new Map<NameSpan, 'organisation' | 'place'>();
  // Where each person is named in full (in reading order), and their latest mention by a lone
  // word so far: what nearestDraft needs, without reading every mention for every lone word.
  const fullNamedAt = new Map<string, PersonMention[]>();
  for (const m of reading.mentions) {
    let list = fullNamedAt.get(m.personId);
    if (!list) fullNamedAt.set(m.personId, (list = []));
    list.push(m);
  }
  const lastLoneMention = new Map<string, PersonMention>();
  for (const span of reading.spans) {
    if (span.kind !== 'other' && !(span.kind === 'person' && span.first === span.last)) continue;
    const key = span.text.toLowerCase();
    let candidates = bySurname.get(key) ?? byFirstName.get(key);
    // "Mr. Pryce" among a husband and wife named Pryce is the husband.
    const titleGender = genderHint(span.title);
    if (candidates && candidates.length > 1 && titleGender !== 'unknown') {
      const same = candidates.filter((c) => c.gender === titleGender);
      if (same.length) candidates = same;
    }
    if (candidates && candidates.length) {
      const d = nearestDraft(candidates, span.sentence, span.start, fullNamedAt, lastLoneMention);
      const mention: PersonMention = { personId: d.person.id, sentence: span.sentence, start: span.start, end: span.end, pronoun: false };
      reading.mentions.push(mention);
      lastLoneMention.set(d.person.id, mention);
      addRoles(reading, d, span);
      continue;
    }
    const kind = span.kind === 'person' ? 'person' : loneKinds.get(key);
    if (kind === 'person') addNamedPerson(reading, span);
    else if (kind === 'place') things.set(span, 'place');
    else if (kind === 'organisation' || (span.first === span.last && /^\p{Lu}/u.test(span.text) && !isNationality(key) && !key.includes('-'))) things.set(span, 'organisation');
  }
  return things;
}

/** Organisations and places, each listed once with the sentences that name it, in reading order. */
function collectThings(spans: NameSpan[], loneThings: Map<NameSpan, 'organisation' | 'place'>): { organisations: NamedThing[]; places: NamedThing[] } {
  const organisations = new Map<string, NamedThing>();
  const places = new Map<string, NamedThing>();
  // Spans come sentence by sentence, so a sentence already listed is the last one listed.
  const addThing = (map: Map<string, NamedThing>, name: string, sentence: number) => {
    const key = name.toLowerCase();
    const thing = map.get(key) ?? { name, mentions: [] };
    if (thing.mentions[thing.mentions.length - 1] !== sentence) thing.mentions.push(sentence);
    map.set(key, thing);
  };
  for (const span of spans) {
    const kind = span.kind === 'organisation' || span.kind === 'place' ? span.kind : loneThings.get(span);
    if (kind === 'organisation') addThing(organisations, span.text, span.sentence);
    else if (kind === 'place') addThing(places, span.text, span.sentence);
  }
  return { organisations: [...organisations.values()], places: [...places.values()] };
}

/** Gender from the pronouns near a person who is the only one named in a sentence, for people whose titles gave none. */
function inferGenders({ article, words, drafts }: Reading, namedIn: PersonMention[][]): void {
  // A pronoun after the name, outside quotes: "Raman … her closing argument".
  for (let s = 0; s < words.length; s++) {
    const here = new Set(namedIn[s]!.map((m) => m.personId));
    if (here.size !== 1) continue;
    const d = drafts.get([...here][0]!)!;
    if (d.gender !== 'unknown') continue;
    const first = namedIn[s]![0]!;
    const after = article.sentences[s]!.text.slice(first.end);
    const hint = genderHint(after.replace(/"[^"]*"/g, ''));
    if (hint !== 'unknown') d.gender = hint;
  }
  // A pronoun in a sentence that names no one, right after a sentence that names exactly one person, is that person's.
  article.sentences.forEach((sentence, s) => {
    if (s === 0 || namedIn[s]!.length > 0) return;
    const previous = new Set(namedIn[s - 1]!.map((m) => m.personId));
    if (previous.size !== 1) return;
    const d = drafts.get([...previous][0]!)!;
    if (d.gender !== 'unknown') return;
    const outsideQuotes = sentence.text.replace(/"[^"]*"/g, ' ');
    if (/\bshe\b/i.test(outsideQuotes)) d.gender = 'female';
    else if (/\bhe\b/i.test(outsideQuotes)) d.gender = 'male';
  });
}

/** Pronouns: "he", "she", "his", "her" outside quotes, each resolved to the nearest compatible person named before it. */
function addPronouns({ article, mentions }: Reading, genders: Map<string, Gender>): void {
  // Resolved against mentions by name only: the pronouns are added once all are resolved.
  const pronounMentions: PersonMention[] = [];
  article.sentences.forEach((sentence, s) => {
    const outsideQuotes = sentence.text.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length));
    for (const m of outsideQuotes.matchAll(/\b(he|she|his|her)\b/gi)) {
      const gender: Gender = /^(?:she|her)$/i.test(m[1]!) ? 'female' : 'male';
      const id = resolvePronoun(mentions, genders, s, m.index, gender);
      if (id) pronounMentions.push({ personId: id, sentence: s, start: m.index, end: m.index + m[0].length, pronoun: true });
    }
  });
  mentions.push(...pronounMentions);
}

/**
 * "… pulled Quintero's shirt, and the Colombian striker sent the goalkeeper the wrong way": a
 * definite description just after a named person (outside quotes) is that person, when no one
 * else holds that role; the description becomes one of their roles.
 */
function addRoleReferences({ article, drafts, mentions }: Reading, namedIn: PersonMention[][]): void {
  // Who holds a role word, by word; forgotten whenever a role is added.
  let holdersByHead = new Map<string, string[]>();
  const holdersOf = (head: string): string[] => {
    let ids = holdersByHead.get(head);
    if (!ids) {
      const pattern = new RegExp(`\\b${head}\\b`, 'i');
      ids = [...drafts.values()].filter((d) => [...d.roleSet].some((r) => pattern.test(r))).map((d) => d.person.id);
      holdersByHead.set(head, ids);
    }
    return ids;
  };
  article.sentences.forEach((sentence, s) => {
    const outsideQuotes = sentence.text.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length));
    for (const m of outsideQuotes.matchAll(/\bthe\s+((?:[A-Za-z-]+\s+){0,2}?([a-z-]+))\b(?!\s+\p{Lu})/gu)) {
      const head = m[2]!;
      if (!ROLE_NOUNS.has(head) || head === 'head' || head === 'owner') continue;
      const nearest = namedIn[s]!.filter((x) => x.end <= m.index).pop();
      if (!nearest || m.index - nearest.end > 40) continue;
      const id = nearest.personId;
      if (holdersOf(head).some((holder) => holder !== id)) continue;
      const roles = drafts.get(id)!.roleSet;
      if (!roles.has(m[1]!)) {
        roles.add(m[1]!);
        holdersByHead = new Map();
      }
      mentions.push({ personId: id, sentence: s, start: m.index, end: m.index + m[0].length, pronoun: true });
    }
  });
}

/** Each person's roles (ages last) and the sentences that mention them; everyone in the order first named. */
function finishPeople({ drafts, mentions, firstMention }: Reading): Person[] {
  const sentencesOf = new Map<string, Set<number>>();
  for (const m of mentions) {
    let set = sentencesOf.get(m.personId);
    if (!set) sentencesOf.set(m.personId, (set = new Set()));
    set.add(m.sentence);
  }
  for (const d of drafts.values()) {
    d.person.roles = [...d.roleSet].filter((r) => !r.startsWith('aged ')).concat([...d.roleSet].filter((r) => r.startsWith('aged ')));
    d.person.mentions = [...(sentencesOf.get(d.person.id) ?? [])];
  }
  // Everyone was added with a mention by name, so everyone has a first mention.
  return [...drafts.values()].map((d) => d.person).sort((a, b) => firstMention.get(a.id)! - firstMention.get(b.id)!);
}

/** People the article describes without naming ("a Russian official"), so that "the official" can be quoted. */
function findUnnamedActors(article: Article, namedIn: PersonMention[][]): UnnamedActor[] {
  const unnamed: UnnamedActor[] = [];
  article.sentences.forEach((sentence, s) => {
    for (const m of sentence.text.matchAll(UNNAMED)) {
      // "Sergeant X, a spokesperson for …" describes a named person, not an unnamed one.
      if (/,\s*$/.test(sentence.text.slice(0, m.index)) && namedIn[s]!.some((pm) => pm.end <= m.index && m.index - pm.end <= 8)) continue;
      // Someone, not something: "an engineer at the Tornby factory", not "a video statement".
      const head = m[2]!.toLowerCase();
      if (!ROLE_NOUNS.has(head) && !UNNAMED_HEADS.has(head)) continue;
      const phrase = `${m[0].split(/\s+/)[0]} ${m[1]}${m[3] ?? ''}`.replace(/\s+/g, ' ').trim();
      unnamed.push({ phrase, head, sentence: s });
    }
  });
  return unnamed;
}

function capitalize(word: string, fullName: string): string {
  const found = fullName.split(/\s+/).find((p) => p.toLowerCase().replace(/\.$/, '') === word);
  return found ?? word;
}

/** Is mention m before (sentence, position) in reading order? */
function isBefore(m: PersonMention, sentence: number, position: number): boolean {
  return m.sentence < sentence || (m.sentence === sentence && m.start < position);
}

/** How many of these mentions (in reading order) come before (sentence, position). */
function countBefore(mentions: readonly PersonMention[], sentence: number, position: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mentions[mid]!, sentence, position)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Among people sharing a name, the one mentioned most recently before this point: by full name
 * (`fullNamedAt`, each person's in reading order) or by a lone word read so far (`lastLone`, all
 * before this point, since lone words are read in order).
 */
function nearestDraft(
  candidates: Draft[],
  sentence: number,
  position: number,
  fullNamedAt: ReadonlyMap<string, readonly PersonMention[]>,
  lastLone: ReadonlyMap<string, PersonMention>,
): Draft {
  if (candidates.length === 1) return candidates[0]!;
  let best = candidates[0]!;
  let bestAt = -1;
  for (const c of candidates) {
    const full = fullNamedAt.get(c.person.id) ?? [];
    const before = countBefore(full, sentence, position);
    for (const m of [full[before - 1], lastLone.get(c.person.id)]) {
      if (!m || !isBefore(m, sentence, position)) continue;
      const at = m.sentence * 100_000 + m.start;
      if (at > bestAt) {
        bestAt = at;
        best = c;
      }
    }
  }
  return best;
}

/**
 * The person a pronoun at (sentence, position) most likely stands for, looking back up to four
 * sentences. `mentions` are in reading order, as PeopleFacts keeps them.
 */
export function resolvePronoun(
  mentions: PersonMention[],
  genders: Map<string, Gender>,
  sentence: number,
  position: number,
  gender: Gender,
): string | undefined {
  let fallback: string | undefined;
  // The nearest person of unknown gender, kept while the same sentence may still name someone whose
  // gender fits: "Rhona Kilbride of the Eastshire Fire …, she said" is Rhona's, not the service's.
  let unknown: PersonMention | undefined;
  for (let i = countBefore(mentions, sentence, position) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.sentence < sentence - 4 || (unknown && m.sentence !== unknown.sentence)) break;
    const g = genders.get(m.personId) ?? 'unknown';
    if (g === gender) return m.personId;
    if (g === 'unknown') unknown ??= m;
    else if (fallback === undefined) fallback = m.personId;
  }
  if (unknown) return unknown.personId;
  return gender === 'unknown' ? fallback : undefined;
}
