// Curated facts: a moderator's corrections beside an article (`<slug>.facts.json`). The
// extractors guess; a person who knows the story can fix a role, add aliases, drop a wrongly
// extracted name or re-attribute a quote, and those corrections win over what was extracted.
import Fuse from 'fuse.js';
import { z } from 'zod';
import { cleanText } from '../article/clean.js';
import type { PeopleFacts, PersonMention } from '../extract/people.js';
import type { ArticleIndex, NameEntry, NamedThing, Person, Quote } from '../search/article-index.js';
import type { Article } from '../types.js';
import { formatBytes, type ArticleLimits } from './limits.js';

export const FACTS_FILE = /\.facts\.json$/i;

const name = z.string().trim().min(2).max(100);

const curatedPersonSchema = z.strictObject({
  name,
  role: z.string().trim().min(1).max(200).optional(),
  aliases: z.array(name).max(20).optional(),
  /** Drop a person the extractor found by mistake. */
  remove: z.boolean().optional(),
});

const curatedQuoteSchema = z.strictObject({
  /** Copied from the article (curly or straight quotes, any spacing). */
  text: z.string().trim().min(3).max(2000),
  speaker: name,
});

export const curatedFactsSchema = z.strictObject({
  people: z.array(curatedPersonSchema).max(200).default([]),
  organisations: z.array(name).max(200).default([]),
  places: z.array(name).max(200).default([]),
  quotes: z.array(curatedQuoteSchema).max(200).default([]),
});

export type CuratedPerson = z.infer<typeof curatedPersonSchema>;
export type CuratedFacts = z.infer<typeof curatedFactsSchema>;

export type FactsCheck = { ok: true; facts: CuratedFacts } | { ok: false; reason: string };

const FACTS_HELP = 'see the curated facts format: {"people": [{"name", "role", "aliases"}], "organisations", "places", "quotes": [{"text", "speaker"}]}';

/**
 * Validate a curated facts file. With the article it belongs to, also check that every name and
 * quote is really in it, so a typo is refused rather than silently matching nothing.
 */
export function validateFactsFile(bytes: Uint8Array, fileName: string, limits: ArticleLimits, article?: Article): FactsCheck {
  if (!FACTS_FILE.test(fileName)) return refuse(`a curated facts file must be named <article>.facts.json (got ${JSON.stringify(fileName)})`);
  if (bytes.length === 0) return refuse('the facts file is empty: it must hold a JSON object');
  if (bytes.length > limits.maxBytes) return refuse(`the facts file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(limits.maxBytes)}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return refuse('the facts file is not UTF-8 text: save it as UTF-8 and try again');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refuse(`the facts file is not valid JSON${jsonErrorLine(text, error)}: ${firstLine(error)}`);
  }
  const parsed = curatedFactsSchema.safeParse(json);
  if (!parsed.success) {
    const why = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return refuse(`the facts file is invalid: ${why} (${FACTS_HELP})`);
  }
  if (article) {
    const missing = namesNotInArticle(parsed.data, article);
    if (missing) return refuse(missing);
  }
  return { ok: true, facts: parsed.data };
}

function refuse(reason: string): FactsCheck {
  return { ok: false, reason };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function jsonErrorLine(text: string, error: unknown): string {
  const at = /position (\d+)/.exec(firstLine(error));
  return at ? ` (line ${text.slice(0, Number(at[1])).split('\n').length})` : '';
}

const TYPE_NAMES: Record<string, string> = { string: 'text', object: 'a JSON object {…}', array: 'a list […]', boolean: 'true or false' };

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
  if (issue.code === 'unrecognized_keys') return `${path ? `${path}: ` : ''}unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const where = path || 'the file';
  if (issue.code === 'invalid_type') {
    if (/received undefined$/.test(issue.message)) return `${where} is missing`;
    return `${where} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  }
  return `${where}: ${issue.message}`;
}

/** The first curated name or quote that the article does not contain, as a refusal reason. */
function namesNotInArticle(facts: CuratedFacts, article: Article): string | undefined {
  const haystack = comparable([article.headline, ...article.paragraphs.map((p) => p.text)].join('\n'));
  const has = (s: string) => haystack.includes(comparable(s));
  for (const [i, person] of facts.people.entries()) {
    // A person may be added under a name the article only uses partly, as long as some form is there.
    if (![person.name, ...(person.aliases ?? [])].some(has)) return `people[${i}] "${person.name}" is not in the article: check the spelling`;
  }
  for (const [i, org] of facts.organisations.entries()) if (!has(org)) return `organisations[${i}] "${org}" is not in the article: check the spelling`;
  for (const [i, place] of facts.places.entries()) if (!has(place)) return `places[${i}] "${place}" is not in the article: check the spelling`;
  for (const [i, quote] of facts.quotes.entries()) {
    if (!has(quote.text)) return `quotes[${i}].text is not in the article: copy the quote's words exactly from the article`;
  }
  return undefined;
}

/** Text as compared: cleaned like the article, lowercase, quotes and spacing ignored. */
function comparable(text: string): string {
  return cleanText(text).toLowerCase().replace(/["']/g, '').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where each of `names` stands in the article's sentences, as whole words. */
function findNames(article: Article, names: string[]): Array<{ sentence: number; start: number; end: number }> {
  const terms = names.map((n) => cleanText(n)).filter(Boolean);
  if (terms.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return article.sentences.flatMap((s) => [...s.text.matchAll(pattern)].map((m) => ({ sentence: s.index, start: m.index, end: m.index + m[0].length })));
}

function sentencesNaming(article: Article, names: string[]): number[] {
  return [...new Set(findNames(article, names).map((f) => f.sentence))];
}

function union(a: number[], b: number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** The extracted person a curated entry is about: same full name, or named by the other's aliases. Never alias to alias, so two people sharing a surname stay apart. */
function findPerson(people: Person[], curated: CuratedPerson): Person | undefined {
  const full = curated.name.toLowerCase();
  const curatedAliases = new Set((curated.aliases ?? []).map((a) => a.toLowerCase()));
  return (
    people.find((p) => p.name.toLowerCase() === full) ??
    people.find((p) => p.aliases.some((a) => a.toLowerCase() === full)) ??
    people.find((p) => curatedAliases.has(p.name.toLowerCase()))
  );
}

/** The index with the curated facts applied. Pure: the given index is not changed. */
export function applyCuratedFacts(index: ArticleIndex, facts: CuratedFacts): ArticleIndex {
  const { article } = index;
  let people: Person[] = index.people.map((p) => ({ ...p, aliases: [...p.aliases], roles: [...p.roles], mentions: [...p.mentions] }));
  /** Extracted person id → the curated person replacing it, or undefined when removed. */
  const replaced = new Map<string, Person | undefined>();
  const curatedPeople: Person[] = [];

  for (const curated of facts.people) {
    const existing = findPerson(people, curated);
    if (curated.remove) {
      if (existing) {
        people = people.filter((p) => p !== existing);
        replaced.set(existing.id, undefined);
      }
      continue;
    }
    const aliases = curated.aliases ?? existing?.aliases.filter((a) => a.toLowerCase() !== curated.name.toLowerCase()) ?? [];
    const person: Person = {
      id: curated.name.toLowerCase(),
      name: curated.name,
      aliases,
      roles: curated.role ? [curated.role] : (existing?.roles ?? []),
      mentions: union(existing?.mentions ?? [], sentencesNaming(article, [curated.name, ...aliases])),
    };
    curatedPeople.push(person);
    if (existing) {
      people = people.map((p) => (p === existing ? person : p));
      if (existing.id !== person.id || existing.name !== person.name) replaced.set(existing.id, person);
    } else people.push(person);
  }

  let quotes: Quote[] = index.quotes.map((q) => {
    if (q.personId === undefined || !replaced.has(q.personId)) return { ...q };
    const now = replaced.get(q.personId);
    return now ? { ...q, speaker: now.name, personId: now.id } : { ...q, personId: undefined };
  });
  for (const curated of facts.quotes) {
    const wanted = comparable(curated.text);
    const speaker = people.find((p) => [p.name, ...p.aliases].some((n) => n.toLowerCase() === curated.speaker.toLowerCase()));
    const attributed = { speaker: speaker?.name ?? curated.speaker, personId: speaker?.id };
    const at = quotes.findIndex((q) => comparable(q.text).includes(wanted) || wanted.includes(comparable(q.text)));
    if (at >= 0) {
      quotes[at] = { ...quotes[at]!, ...attributed };
      continue;
    }
    const sentence = article.sentences.find((s) => comparable(s.text).includes(wanted));
    if (sentence) quotes.push({ text: cleanText(curated.text).replace(/^"|"$/g, ''), ...attributed, sentence: sentence.index, paragraph: sentence.paragraph });
  }
  quotes = quotes.sort((a, b) => a.sentence - b.sentence);

  const organisations = addNamed(index.organisations, facts.organisations, article);
  const places = addNamed(index.places, facts.places, article);
  return {
    ...index,
    people,
    quotes,
    organisations,
    places,
    facts: curatedPeopleFacts(index, { people, organisations, places, replaced, curatedPeople }),
    names: new Fuse(nameEntries(people, organisations, places), index.names.options),
  };
}

/**
 * The extraction details the answerers read, brought in line with the curated people: mentions,
 * first mentions and genders follow renamed people, removed people leave, and every place a
 * curated name or alias stands in the text becomes a mention.
 */
function curatedPeopleFacts(
  index: ArticleIndex,
  changes: { people: Person[]; organisations: NamedThing[]; places: NamedThing[]; replaced: Map<string, Person | undefined>; curatedPeople: Person[] },
): PeopleFacts {
  const { replaced } = changes;
  const idOf = (id: string) => (replaced.has(id) ? replaced.get(id)?.id : id);
  const mentions: PersonMention[] = index.facts.mentions.flatMap((m) => {
    const id = idOf(m.personId);
    return id === undefined ? [] : [{ ...m, personId: id }];
  });
  const seen = new Set(mentions.map((m) => `${m.personId}/${m.sentence}/${m.start}`));
  for (const person of changes.curatedPeople) {
    for (const at of findNames(index.article, [person.name, ...person.aliases])) {
      if (!seen.has(`${person.id}/${at.sentence}/${at.start}`)) mentions.push({ personId: person.id, ...at, pronoun: false });
    }
  }
  mentions.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  const remapKeys = <V>(map: Map<string, V>) => {
    const out = new Map<string, V>();
    for (const [id, value] of map) {
      const now = idOf(id);
      if (now !== undefined && !out.has(now)) out.set(now, value);
    }
    return out;
  };
  const firstMention = remapKeys(index.facts.firstMention);
  for (const m of mentions) if (!m.pronoun && !firstMention.has(m.personId)) firstMention.set(m.personId, m.sentence);
  return {
    ...index.facts,
    people: changes.people,
    organisations: changes.organisations,
    places: changes.places,
    mentions,
    genders: remapKeys(index.facts.genders),
    firstMention,
  };
}

/** The names the answerers look people, organisations and places up by (as buildArticleIndex lists them). */
function nameEntries(people: Person[], organisations: NamedThing[], places: NamedThing[]): NameEntry[] {
  return [
    ...people.flatMap((p) => [p.name, ...p.aliases].map((name) => ({ name, kind: 'person' as const, ref: p.id }))),
    ...organisations.map((o) => ({ name: o.name, kind: 'organisation' as const, ref: o.name })),
    ...places.map((o) => ({ name: o.name, kind: 'place' as const, ref: o.name })),
  ];
}

function addNamed(existing: NamedThing[], names: string[], article: Article): NamedThing[] {
  const out = existing.map((t) => ({ ...t, mentions: [...t.mentions] }));
  for (const name of names) {
    if (out.some((t) => t.name.toLowerCase() === name.toLowerCase())) continue;
    out.push({ name, mentions: sentencesNaming(article, [name]) });
  }
  return out;
}
