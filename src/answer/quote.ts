// /quote: the exact words and who said them, by speaker (typos forgiven), by topic, or both.
// A person who is in the article but never quoted gets "not in the article", never a paraphrase.
import type { ArticleIndex, Quote } from '../search/article-index.js';
import type { Answer } from '../types.js';
import { contentTokens, tokenize } from '../text/tokens.js';
import type { TermMatch } from '../search/sentence-search.js';
import { ROLE_NOUNS } from '../text/lexicon.js';
import { ANSWER_BUDGET, foundAnswer, notFoundAnswer, truncate, type AnswerContext, type Candidate } from './compose.js';
import { findPeopleByName, wordsAgree, wordsOf } from './match.js';
import { matchDescription } from './who.js';

export interface QuoteRequest {
  text: string;
  speaker?: string | undefined;
  topic?: string | undefined;
}

function displayQuote(text: string): string {
  return text.replace(/[,;:\s]+$/, '').replace(/([^.!?…])$/, '$1.');
}

/** Quotes of one speaker in one paragraph read as one passage. */
function passages(quotes: Quote[]): { quotes: Quote[]; text: string }[] {
  const out: { quotes: Quote[]; text: string }[] = [];
  for (const q of quotes) {
    const last = out[out.length - 1];
    if (last && last.quotes[0]!.paragraph === q.paragraph && last.quotes[0]!.speaker === q.speaker) {
      last.quotes.push(q);
      last.text = `${last.text} ${displayQuote(q.text)}`;
    } else out.push({ quotes: [q], text: displayQuote(q.text) });
  }
  return out;
}

function quoteCandidate(speaker: string, passage: { quotes: Quote[]; text: string }, score: number, role = ''): Candidate {
  const who = speaker || 'Unattributed';
  const lead = role ? `${who} (${role})` : who;
  const room = ANSWER_BUDGET - lead.length - 4;
  const text = `${lead}: "${truncate(passage.text, room)}"`;
  return { fact: text, text, sentence: passage.quotes[0]!.sentence, score, confidence: Math.min(0.95, 0.5 + score / 2) };
}

const stemSets = new Map<string, Set<string>>();

/** The stems of a text, computed once per text. */
function stemsOf(text: string): Set<string> {
  let set = stemSets.get(text);
  if (!set) {
    set = new Set(tokenize(text).map((t) => t.stem));
    if (stemSets.size > 20_000) stemSets.clear();
    stemSets.set(text, set);
  }
  return set;
}

/** How strongly a text holds a question word: the best of the article words it matches (exact, synonym, typo). */
function strength(term: TermMatch, stems: Set<string>): number {
  let best = 0;
  for (const s of term.expansions.keys()) {
    const w = term.expansions.get(s)!;
    if (w > best && stems.has(s)) best = w;
  }
  return best;
}

/** How well a quote (and, more weakly, its sentence and paragraph) is about a topic: 0..1. */
function topicScore(ix: ArticleIndex, terms: TermMatch[], quote: Quote): number {
  if (terms.length === 0) return 0;
  const inQuote = stemsOf(quote.text);
  const inSentence = stemsOf(ix.article.sentences[quote.sentence]?.text ?? '');
  // The paragraph around a quote often names its subject ("… still in use. 'A net in a cupboard …'").
  const inParagraph = stemsOf(ix.article.paragraphs[quote.paragraph - 1]?.text ?? '');
  let total = 0;
  let got = 0;
  for (const t of terms) {
    total += t.idf;
    got += t.idf * Math.max(strength(t, inQuote), strength(t, inSentence) * 0.6, strength(t, inParagraph) * 0.5);
  }
  return total ? got / total : 0;
}

function speakerRole(ix: ArticleIndex, quote: Quote): string {
  const person = quote.personId ? ix.people.find((p) => p.id === quote.personId) : undefined;
  const role = person?.roles.find((r) => !/^(?:who|whose|aged)\b/.test(r));
  return role && role.length <= 60 ? role : '';
}

export function answerQuote(ix: ArticleIndex, ctx: AnswerContext, request: QuoteRequest): Answer {
  let speaker = request.speaker?.trim() || '';
  let topic = request.topic?.trim() || '';
  const text = request.text.trim().replace(/[?!.]+$/, '');
  if (!speaker && !topic) {
    const about = /^(?:about|on|regarding|concerning|re:?)\s+(\S.*|\s)$/i.exec(text);
    if (about) topic = about[1]!;
    else speaker = text;
  }
  if (!speaker && !topic) {
    const quoted = ix.quotes.filter((q) => q.speaker);
    return notFoundAnswer(ix, ctx, [...new Set(quoted.map((q) => q.speaker))], 'Whose words, or about what? For example /quote speaker:NAME or /quote about TOPIC.');
  }

  let pool: Quote[] = ix.quotes;
  let speakerLabel = '';
  if (speaker) {
    const people = findPeopleByName(ix, speaker);
    const isDescription = /^(?:the|a|an)\s+/i.test(speaker) || contentTokens(speaker).some((t) => ROLE_NOUNS.has(t.norm));
    if (people.length && people[0]!.score >= 0.6) {
      const ids = new Set(people.filter((p) => p.score >= people[0]!.score - 0.05).map((p) => p.item.id));
      pool = ix.quotes.filter((q) => q.personId && ids.has(q.personId));
      speakerLabel = people[0]!.item.name;
      if (pool.length === 0) return notFoundAnswer(ix, ctx, quotedSpeakers(ix), `${speakerLabel} is in the article but is not quoted.`);
    } else if (quotedBy(ix, speaker).length) {
      // A speaker who is not a person: "WHO", "the company", "A Russian official".
      pool = quotedBy(ix, speaker);
      speakerLabel = pool[0]!.speaker;
    } else if (isDescription) {
      const head = wordsOf(speaker).at(-1) ?? '';
      const described = matchDescription(ix, speaker);
      const names = new Set(described.strength >= 0.75 ? described.candidates.map((c) => c.fact.split(',')[0]!.toLowerCase()) : []);
      pool = ix.quotes.filter((q) => q.speaker && (names.has(q.speaker.toLowerCase()) || (!q.personId && wordsOf(q.speaker).some((w) => wordsAgree(head, w) === 1))));
      if (pool.length === 0) return notFoundAnswer(ix, ctx, quotedSpeakers(ix));
    } else if (!topic) {
      // Not a name or a description we know: perhaps a topic after all ("/quote irritants").
      topic = speaker;
    } else return notFoundAnswer(ix, ctx, quotedSpeakers(ix));
  }

  const groups = passages(pool);
  let ranked: { passage: { quotes: Quote[]; text: string }; score: number }[];
  if (topic) {
    const terms = ix.search.terms(topic);
    ranked = groups
      .map((passage) => ({ passage, score: Math.max(...passage.quotes.map((q) => topicScore(ix, terms, q))) }))
      .filter((r) => r.score >= 0.5)
      .sort((a, b) => b.score - a.score);
    if (ranked.length === 0) {
      const who = speakerLabel ? `${speakerLabel} is not quoted about that.` : undefined;
      return notFoundAnswer(ix, ctx, speakerLabel ? groups.map((g) => `"${truncate(g.text, 100)}"`) : quotedSpeakers(ix), who);
    }
  } else {
    // A whole quoted sentence says more than a few quoted words inside reported speech
    // (said the ruling sent "a clear message …"): whole ones first, each kind in article order.
    const partial = (passage: { text: string }) => /^\p{Ll}/u.test(passage.text.replace(/^[\s"“‘']+/, ''));
    ranked = groups.map((passage) => ({ passage, score: partial(passage) ? 0.9 : 1 })).sort((a, b) => b.score - a.score);
  }

  const candidates = ranked.map((r) => quoteCandidate(r.passage.quotes[0]!.speaker, r.passage, r.score, speakerRole(ix, r.passage.quotes[0]!)));
  const best = candidates[0]!;
  // One speaker with several passages: show the next one too when it fits.
  if (!topic && candidates.length > 1 && best.text && best.text.length + candidates[1]!.text!.length < ANSWER_BUDGET - 10) {
    const second = candidates[1]!.text!.replace(/^[^:]+:\s*/, '');
    best.text = `${best.text} Also: ${second}`;
    best.fact = best.text;
  }
  return foundAnswer(ix, ctx, best, candidates.slice(1));
}

/** Quotes whose speaker, as written, is what was typed (every typed word in the speaker's name). */
function quotedBy(ix: ArticleIndex, typed: string): Quote[] {
  const words = wordsOf(typed).filter((w) => !['the', 'a', 'an'].includes(w));
  if (words.length === 0) return [];
  return ix.quotes.filter((q) => {
    if (!q.speaker) return false;
    const speakerWords = wordsOf(q.speaker);
    return words.every((w) => speakerWords.some((s) => s === w || wordsAgree(w, s) >= 0.75));
  });
}

function quotedSpeakers(ix: ArticleIndex): string[] {
  return [...new Set(ix.quotes.filter((q) => q.speaker).map((q) => `/quote ${q.speaker}`))].slice(0, 4);
}
