// /help's examples, drawn from the article this server asks about: its most-mentioned person, a
// place, one of its events, its most-quoted speaker. Each example is asked of the engine first and
// kept only if it is answered, so every example a person copies works. Built once per article
// index (a refresh makes new indexes, so the WeakMap forgets the old).
import { answerQuestion, type Library, type Question } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import { places } from './autocomplete.js';
import { optionsForQuestion } from './command-options.js';

const cache = new WeakMap<ArticleIndex, Record<string, string>>();

/** Words before a time expression that cannot end an event ("… reopened it in" October). */
const TRAILING = /\s+(?:on|in|at|for|since|by|until|before|after|during|from|of|to|the|a|an|and|about|around|early|late|last|next|this|that|which|when)$/i;

/** A word that says something happened: an event has one ("Jurors deliberated"), a noun phrase does not ("A jury in Halden County"). */
const VERB = /\b(?:\w+ed|told|met|said|will|set|made|took|gave|began|rose|fell|won|lost|left|came|went|saw|found|held|sent|spoke|broke|hit|struck)\b/i;

/**
 * Events the article dates, as a person might ask about them: first the short sentences that open
 * with what happened ("Jurors deliberated" for "… for about six hours"), then the few words before
 * each time expression.
 */
function eventCandidates(index: ArticleIndex): string[] {
  const openers: string[] = [];
  const endings: string[] = [];
  for (const time of index.times) {
    const sentence = index.article.sentences[time.sentence]?.text ?? '';
    let before = sentence.slice(0, time.start).replace(/[,;:"“”—–]/g, ' ').replace(/\s+/g, ' ').trim();
    for (let i = 0; i < 4 && TRAILING.test(before); i++) before = before.replace(TRAILING, '');
    const words = before.split(' ').filter(Boolean);
    if (words.length >= 2 && words.length <= 7 && /^[A-Z]/.test(words[0]!) && VERB.test(words.slice(1).join(' '))) openers.push(words.join(' '));
    else if (words.length >= 2) endings.push(words.slice(-5).join(' '));
  }
  return [...openers, ...endings];
}

function mostMentioned<T extends { mentions: unknown[] }>(things: readonly T[]): T[] {
  return [...things].sort((a, b) => b.mentions.length - a.mentions.length);
}

/** The typed form of a question as a slash command with its options: `/who query:Heather Nauert`. */
export function exampleText(question: Question): string {
  const options = optionsForQuestion(question);
  return `/${question.command} ${Object.entries(options)
    .map(([name, value]) => `${name}:${value}`)
    .join(' ')}`;
}

/** One working example per question command for `index`, by command name. */
export function helpExamples(library: Library, index: ArticleIndex): Record<string, string> {
  const cached = cache.get(index);
  if (cached) return cached;
  const slug = index.article.slug;
  const works = (question: Question) => answerQuestion(library, { ...question, article: slug }).found;
  const first = (questions: Question[]) => questions.slice(0, 12).find(works);
  const people = mostMentioned(index.people);
  const surname = (name: string) => name.split(/\s+/).pop() ?? name;
  const speakers = [...new Set(index.quotes.map((q) => q.speaker).filter(Boolean))];
  // The same places autocomplete offers: never a person the extractor filed as a place.
  const placeNames = places(index).sort((a, b) => b.weight - a.weight).map((p) => p.name);
  const picks: Record<string, Question | undefined> = {
    ask: first([
      ...speakers.map((s) => ({ command: 'ask' as const, text: `What did ${surname(s)} say?` })),
      ...people.map((p) => ({ command: 'ask' as const, text: `Who is ${p.name}?` })),
    ]),
    who: first(people.map((p) => ({ command: 'who' as const, text: p.name }))),
    when: first(eventCandidates(index).map((text) => ({ command: 'when' as const, text }))),
    where: first(placeNames.flatMap((name) => [`is ${name}`, name]).map((text) => ({ command: 'where' as const, text }))),
    quote: first(speakers.map((s) => ({ command: 'quote' as const, text: surname(s), speaker: surname(s) }))),
    search: first([...mostMentioned(index.organisations).map((o) => o.name), ...placeNames].map((text) => ({ command: 'search' as const, text }))),
  };
  const examples = Object.fromEntries(Object.entries(picks).flatMap(([name, q]) => (q ? [[name, exampleText(q)]] : [])));
  cache.set(index, examples);
  return examples;
}
