// Everything the engine knows about one article, built once when it is loaded.
import type { Article } from '../types.js';

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
  /** ISO date when it could be resolved against the publication date. */
  resolved?: string | undefined;
}

/** A direct quote and who said it. */
export interface Quote {
  text: string;
  /** The speaker as a reader should see them ("Heather Nauert" or "a Russian official"). */
  speaker: string;
  /** The person's id, when the speaker is a named person. */
  personId?: string | undefined;
  sentence: number;
  paragraph: number;
}

export interface ArticleIndex {
  article: Article;
  people: Person[];
  organisations: NamedThing[];
  places: NamedThing[];
  times: TimeFact[];
  quotes: Quote[];
}

export function buildArticleIndex(article: Article): ArticleIndex {
  return { article, people: [], organisations: [], places: [], times: [], quotes: [] };
}

/** One line per fact, by kind: what a refresh compares to say what changed. */
export function summarizeFacts(index: ArticleIndex): Record<'paragraphs' | 'people' | 'quotes' | 'times', string[]> {
  return {
    paragraphs: index.article.paragraphs.map((p) => p.text),
    people: index.people.map((p) => (p.roles.length ? `${p.name} (${p.roles[0]})` : p.name)),
    quotes: index.quotes.map((q) => `${q.speaker}: "${q.text}"`),
    times: index.times.map((t) => `${t.expression} (¶${t.paragraph})`),
  };
}
