// Everything the engine knows about one article, built once when it is loaded.
import Fuse from 'fuse.js';
import type { Article, Sentence } from '../types.js';
import { extractPeople, type PeopleFacts } from '../extract/people.js';
import { extractQuotes } from '../extract/quotes.js';
import { extractTimes } from '../extract/times.js';
import { SentenceSearch } from './sentence-search.js';
import { STOP_WORDS } from '../text/lexicon.js';

/** A person named in the article. */
export interface Person {
  /** Stable within one article: the full name in lowercase. */
  id: string;
  /** Full name as written ("Heather Nauert"). */
  name: string;
  /** Other ways the article names them ("Nauert"). */
  aliases: string[];
  /** Roles and titles as the article gives them ("State Department spokeswoman"). */
  roles: string[];
  /** Indexes of every sentence that mentions them, by name, alias or resolved pronoun. */
  mentions: number[];
}

/** An organisation or a place named in the article. */
export interface NamedThing {
  name: string;
  mentions: number[];
}

export type TimeKind = 'clock' | 'date' | 'weekday' | 'month' | 'year' | 'relative' | 'event-relative' | 'duration';

/** A time expression and the sentence (event) it dates. */
export interface TimeFact {
  expression: string;
  kind: TimeKind;
  sentence: number;
  paragraph: number;
  /** Character offsets within the sentence's text. */
  start: number;
  end: number;
  /** A calendar date when it could be resolved against the publication date. */
  resolved?: string | undefined;
  /**
   * The event the expression dates is read as still to come ("will meet on Thursday", "would meet
   * … on Thursday", "begins on July 1"): the reading that resolves the date, kept for the answerers.
   */
  future: boolean;
}

/** A direct quote and who said it. */
export interface Quote {
  text: string;
  /** The speaker as a reader should see them ("Heather Nauert" or "A Russian official"); empty when unattributed. */
  speaker: string;
  /** The person's id, when the speaker is a named person. */
  personId?: string | undefined;
  sentence: number;
  paragraph: number;
}

/** A name a person, organisation or place is known by, for fuzzy lookup. */
export interface NameEntry {
  name: string;
  kind: 'person' | 'organisation' | 'place';
  /** Person id, or the organisation's or place's name. */
  ref: string;
}

export interface ArticleIndex {
  article: Article;
  people: Person[];
  organisations: NamedThing[];
  places: NamedThing[];
  times: TimeFact[];
  quotes: Quote[];
  /** Extraction details the answerers use (mentions, pronouns, unnamed actors, words). */
  facts: PeopleFacts;
  search: SentenceSearch;
  names: Fuse<NameEntry>;
}

export function buildArticleIndex(article: Article): ArticleIndex {
  const facts = extractPeople(article);
  const quotes = extractQuotes(article, facts);
  const times = extractTimes(article);
  const byId = new Map(facts.people.map((p) => [p.id, p]));
  // A sentence that mentions someone by pronoun also matches their name.
  const extraBySentence = new Map<number, Set<string>>();
  for (const m of facts.mentions) {
    if (!m.pronoun) continue;
    const set = extraBySentence.get(m.sentence) ?? new Set<string>();
    set.add(byId.get(m.personId)?.name ?? '');
    extraBySentence.set(m.sentence, set);
  }
  const described = describedEarlier(article.sentences.map((s) => s.text));
  const carried = subjectCarriedOver(article.sentences);
  const search = new SentenceSearch(
    article.sentences.map((s, i) => ({
      index: s.index,
      text: s.text,
      extra: [...(extraBySentence.get(s.index) ?? []), acronymsIn(s.text), described[i] ?? '', carried[i] ?? ''].join(' '),
    })),
  );
  const entries: NameEntry[] = [
    ...facts.people.flatMap((p) => [p.name, ...p.aliases].map((name) => ({ name, kind: 'person' as const, ref: p.id }))),
    ...facts.organisations.map((o) => ({ name: o.name, kind: 'organisation' as const, ref: o.name })),
    ...facts.places.map((o) => ({ name: o.name, kind: 'place' as const, ref: o.name })),
  ];
  const names = new Fuse(entries, { keys: ['name'], includeScore: true, threshold: 0.45, ignoreLocation: true, ignoreDiacritics: true, minMatchCharLength: 2 });
  return {
    article,
    people: facts.people,
    organisations: facts.organisations,
    places: facts.places,
    times,
    quotes,
    facts,
    search,
    names,
  };
}

/** "United Nations Special Envoy" → "UN UNSE": what a reader may type for a long name. */
export function acronymsIn(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:[A-Z][a-z]+(?:\s+(?:of|for|and|the)\s+|\s+)){1,6}[A-Z][a-z]+\b/g)) {
    const initials = m[0]
      .split(/\s+/)
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('');
    if (initials.length >= 2) out.push(initials, initials.slice(0, 2));
  }
  return out.join(' ');
}

/**
 * "a joint technical commission" early, "the commission" later: the later sentence is also about a
 * joint technical commission. Returns, per sentence, the describing words its definite nouns carry.
 */
function describedEarlier(sentences: string[]): string[] {
  const modifiers = new Map<string, string>();
  return sentences.map((text) => {
    const extra: string[] = [];
    for (const m of text.matchAll(/\bthe\s+([a-z][a-z-]+)\b/gi)) {
      const known = modifiers.get(m[1]!.toLowerCase());
      if (known) extra.push(known);
    }
    for (const m of text.matchAll(/\b(?:a|an)\s+((?:[a-z][a-z-]+\s+){1,3}?)([a-z][a-z-]+)(?=\s+(?:of|in|at|on|for|from|with|to|that|which|who|and|will|would|was|is|has|had)\b|[,.;:])/g)) {
      const words = m[1]!.trim().split(/\s+/);
      if (words.some((w) => STOP_WORDS.has(w))) continue;
      const head = m[2]!.toLowerCase();
      if (!STOP_WORDS.has(head) && !modifiers.has(head)) modifiers.set(head, words.join(' '));
    }
    return extra.join(' ');
  });
}

const SUBJECT_VERB = String.raw`(?=\s*,|\s+(?:was|were|is|are|has|had|have|will|would|could|can|may|might|said|says)\b)`;
const NOUN_SUBJECT = new RegExp(String.raw`^(?:The|A|An|This|That)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)${SUBJECT_VERB}`, 'u');
const NAMED_SUBJECT = new RegExp(String.raw`^((?:\p{Lu}[\p{L}'-]*\s+){0,4}\p{Lu}[\p{L}'-]*)${SUBJECT_VERB}`, 'u');
/** A pronoun is no subject to carry: the sentence before it says what it stands for. */
const PRONOUN_SUBJECT = /^(?:It|Its|They|Their|Them|This|These|Those|He|She|His|Her|We|I|You|There)$/;
/** The pronouns that stand for a thing or a group named before (a person's are resolved with the people). */
const THING_PRONOUN = /\b(?:it|its|they|their|them)\b/i;
/** How many words into a sentence such a pronoun is read as pointing back to the sentence before. */
const PRONOUN_REACH = 10;

/**
 * Does the sentence refer back with "it", "its", "they", "their" or "them" within its first words
 * ("In 1987, when it was founded, …")? Not inside a quote: a speaker's "it" is the speaker's own.
 */
function refersBack(text: string): boolean {
  if (/^["“]/.test(text)) return false;
  const head = text.split(/\s+/, PRONOUN_REACH).join(' ').replace(/["“][^"”]*["”]?/g, ' ');
  return THING_PRONOUN.test(head);
}

/**
 * "A dark blue van was seen … It was found burnt out near Thornby", "… In 1987, when it was
 * founded, …": a sentence that refers back with a pronoun early on, in the same paragraph, is
 * about the sentence before's subject. Returns, per sentence, the words of that subject, so that
 * "/when was the van found" finds the second sentence.
 */
function subjectCarriedOver(sentences: readonly Sentence[]): string[] {
  const out: string[] = [];
  sentences.forEach((sentence, i) => {
    const previous = sentences[i - 1];
    if (!previous || previous.paragraph !== sentence.paragraph || !refersBack(sentence.text)) {
      out.push('');
      return;
    }
    let subject = NOUN_SUBJECT.exec(previous.text)?.[1] ?? NAMED_SUBJECT.exec(previous.text)?.[1];
    if (subject && PRONOUN_SUBJECT.test(subject)) subject = undefined;
    // A pronoun after a pronoun: the same thing again.
    out.push(subject ?? out[i - 1] ?? '');
  });
  return out;
}

/** One line per fact, by kind: what a refresh compares to say what changed. */
export function summarizeFacts(index: ArticleIndex): Record<'paragraphs' | 'people' | 'quotes' | 'times', string[]> {
  return {
    paragraphs: index.article.paragraphs.map((p) => p.text),
    people: index.people.map((p) => (p.roles.length ? `${p.name} (${p.roles[0]})` : p.name)),
    quotes: index.quotes.map((q) => `${q.speaker || 'unattributed'}: "${q.text}"`),
    times: index.times.map((t) => `${t.expression} (¶${t.paragraph})`),
  };
}
