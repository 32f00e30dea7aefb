// The engine's public shapes. Every adapter (Discord, console, `ask`) speaks only these.

/** The commands a person can use, whether typed as `/who …` or routed from a bare question. */
export const COMMAND_NAMES = ['who', 'when', 'where', 'quote', 'ask', 'search'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Where a fact comes from: the article's slug and the paragraph as a reader counts it (headline excluded, from 1). */
export interface Citation {
  article: string;
  paragraph: number;
}

/** A sentence of an article, cleaned for display and matching. */
export interface Sentence {
  /** Index of the sentence within the whole article, from 0. */
  index: number;
  /** Paragraph number as a reader counts it (1 = first paragraph after the headline). */
  paragraph: number;
  /** Cleaned text: stutters collapsed, quotes and whitespace unified. */
  text: string;
  /** Character offsets of this sentence within the original paragraph text. */
  start: number;
  end: number;
}

export interface Paragraph {
  number: number;
  /** The paragraph as written in the file. */
  original: string;
  /** The paragraph cleaned for display and matching. */
  text: string;
  sentences: Sentence[];
}

export interface ArticleMeta {
  title?: string | undefined;
  source?: string | undefined;
  url?: string | undefined;
  /** Publication date as ISO `YYYY-MM-DD`, when known. */
  published?: string | undefined;
  author?: string | undefined;
  /** A wire dateline that opened the first paragraph ("GENEVA, March 3 (Newswire)"). */
  dateline?: string | undefined;
}

export interface Article {
  slug: string;
  headline: string;
  meta: ArticleMeta;
  paragraphs: Paragraph[];
  /** All sentences in reading order (same objects as in `paragraphs`). */
  sentences: Sentence[];
}

/** A candidate shown behind the "Other matches" button. */
export interface Alternative {
  fact: string;
  evidence: string;
  citation: Citation;
}

/** What every interface receives for one input. `answer` is what a person reads, plain text, fact first. */
export interface Answer {
  input: string;
  command: CommandName;
  found: boolean;
  answer: string;
  /** The fact alone (a name and role, a time, a place, a quote), for bold rendering. Empty when not found. */
  fact: string;
  /** The supporting sentence, as cleaned from the article. Empty when not found. */
  evidence: string;
  citations: Citation[];
  /** 0..1: how sure the engine is. */
  confidence: number;
  /** When not found: the closest real facts, for the person to try next. */
  suggestions: string[];
  /** Next-best candidates, best first. */
  alternatives: Alternative[];
  /** The article that answered (or was searched), by slug and headline. */
  article?: { slug: string; headline: string } | undefined;
}

/** One question as the engine sees it, whatever interface it came from. */
export interface Question {
  command: CommandName;
  /** The main text: the query, event, terms or question. For `/quote` it is the speaker or topic as typed. */
  text: string;
  speaker?: string | undefined;
  topic?: string | undefined;
  /** Slug of the article to ask about, when the person named one. */
  article?: string | undefined;
}
