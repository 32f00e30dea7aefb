// /when: the time expression that dates the event asked about, taken from the sentence that
// tells of it, nearest to the words that matched (a time after the verb phrase is preferred).
import type { ArticleIndex, Person, TimeFact } from '../search/article-index.js';
import type { SentenceHit } from '../search/sentence-search.js';
import type { Answer } from '../types.js';
import { foldAccents, normalizeWord, tokenize } from '../text/tokens.js';
import { isPastForm } from '../text/words.js';
import { foundAnswer, notFoundAnswer, sentenceText, type AnswerContext, type Candidate } from './compose.js';
import { matchEvent, stripQuestion, suggestSentences } from './match.js';

const KIND_WEIGHT: Record<TimeFact['kind'], number> = { clock: 1, date: 1, weekday: 1, month: 0.95, year: 0.9, relative: 0.95, 'event-relative': 0.8, duration: 0.3 };

/** Character span of the words in the sentence that matched the question. */
export function matchedSpan(text: string, hit: SentenceHit, except?: Set<string>): { start: number; end: number } | undefined {
  let start = Infinity;
  let end = -1;
  for (const t of tokenize(text)) {
    if (!hit.matchedStems.has(t.stem) || except?.has(t.norm)) continue;
    start = Math.min(start, t.start);
    end = Math.max(end, t.end);
  }
  return end < 0 ? undefined : { start, end };
}

/** Distance in characters from a stretch of text to the matched words; a little less after them. */
export function distanceTo(span: { start: number; end: number } | undefined, start: number, end: number): number {
  if (!span) return 0;
  if (end <= span.start) return (span.start - end) * 1.3;
  if (start >= span.end) return start - span.end;
  return 0;
}

function formatTime(t: TimeFact): string {
  const expression = t.expression.replace(/^(?:on|in|at|by|inside)\s+/i, '').replace(/^./, (c) => c.toUpperCase());
  if (!t.resolved || t.expression.includes(t.resolved)) return expression;
  const resolved = t.resolved.replace(/^(\w+day) /i, (m, day: string) => (expression.toLowerCase().includes(day.toLowerCase()) ? '' : m));
  return `${expression} (${resolved})`;
}

/** How much more a time in the first two paragraphs weighs than one further down. */
const OPENING_EVENT_WEIGHT = 1.3;

/**
 * Words right before an event's verb that put it in the future ("would be sentenced", "is expected
 * to vote on"). This reads the verb of the event the question names, not a time expression (whose
 * tense the extractor reads, TimeFact.future): it is no verb that governs a time, and it holds the
 * sentence back even when a time in it dates another, past clause ("pleaded guilty in August and
 * would be sentenced"). So it is a check of its own, and a strict one: only the auxiliary right
 * before the verb counts, not a "will" or "next" a few words away as for a time.
 */
const YET_TO_HAPPEN = /\b(?:will|would|shall|(?:is|are)\s+(?:due|expected|set|scheduled|likely|going)\s+to)\s+(?:be\s+)?$/i;

/** Does the question ask about the future ("when is the final", "when will …")? */
function asksFuture(question: string): boolean | undefined {
  if (/\b(?:will|is|are|shall|does|do)\b/i.test(question) && !/\b(?:did|was|were|had)\b/i.test(question)) return true;
  if (/\b(?:did|was|were|had)\b/i.test(question)) return false;
  return undefined;
}

/** Each person's name and alias words, normalized: made once, and again if a curated change edits the person. */
const personWords = new WeakMap<Person, { name: string; aliases: string[]; count: number; words: string[] }>();
function nameWordsOf(person: Person): string[] {
  let known = personWords.get(person);
  if (!known || known.name !== person.name || known.aliases !== person.aliases || known.count !== person.aliases.length) {
    const words = [person.name, ...person.aliases].flatMap((n) => n.split(/\s+/).map(normalizeWord));
    personWords.set(person, (known = { name: person.name, aliases: person.aliases, count: person.aliases.length, words }));
  }
  return known.words;
}

export function timeCandidates(ix: ArticleIndex, hits: SentenceHit[], allowDuration: boolean, question = ''): Candidate[] {
  const out: Candidate[] = [];
  const future = asksFuture(question);
  const names = new Set<string>();
  for (const p of ix.people) for (const w of nameWordsOf(p)) names.add(w);
  for (const hit of hits) {
    const text = sentenceText(ix, hit.index);
    // Distance is measured to the event's words, not to the names around it ("The steam tug Maud
    // Ferrier, built in 1911 …, sailed back … on Thursday": Thursday dates the sailing).
    const span = matchedSpan(text, hit, names) ?? matchedSpan(text, hit);
    // "When was Tennant sentenced?" is not answered by "he would be sentenced on 28 February": the
    // event the sentence dates has not happened yet.
    if (future === false && span && YET_TO_HAPPEN.test(text.slice(Math.max(0, span.start - 40), span.start))) continue;
    const times = ix.times.filter((t) => t.sentence === hit.index && (allowDuration || t.kind !== 'duration'));
    let best: { t: TimeFact; score: number } | undefined;
    for (const t of times) {
      const overlapsMatch = span && t.start <= span.start && t.end >= span.end && t.kind === 'event-relative';
      if (overlapsMatch) continue; // the event phrase is the question itself, not its time
      let weight = allowDuration ? (t.kind === 'duration' ? 1 : 0.2) : KIND_WEIGHT[t.kind];
      // "since the ward closed" dates nothing when the question is about the ward: it is the topic again.
      if (t.kind === 'event-relative' && tokenize(t.expression).some((w) => hit.matchedStems.has(w.stem))) weight *= 0.5;
      // "pleaded guilty in August … and will be sentenced": a new clause between them, another event.
      if (span) {
        const between = t.end <= span.start ? text.slice(t.end, span.start) : t.start >= span.end ? text.slice(span.end, t.start) : '';
        if (/;|,\s*(?:and|but)\b|\b(?:and|but)\s+(?:will|would|was|were|is|are|has|had|then)\b/.test(between) || [...between.matchAll(/\b(?:and|but)\s+(\w+)/g)].some((m) => isPastForm(m[1]!))) weight *= 0.5;
      }
      const score = weight / (1 + distanceTo(span, t.start, t.end) / 60);
      if (!best || score > best.score) best = { t, score };
    }
    if (!best) continue;
    // A time in the tense the question asks about answers it better ("when is the final"), as the
    // extractor reads it ("would meet … on Thursday", "opens on Saturday" are still to come).
    const tense = future === undefined ? 1 : future === best.t.future ? 1.3 : 0.8;
    // News tells its main event first: a time in the opening paragraphs dates the story's event,
    // one further down more often an earlier one ("was last hit by an earthquake in 1962").
    const opening = ix.article.sentences[hit.index]!.paragraph <= 2 ? OPENING_EVENT_WEIGHT : 1;
    out.push({ fact: formatTime(best.t), sentence: hit.index, score: hit.score * best.score * tense * opening, confidence: Math.min(0.95, hit.coverage * best.score) });
  }
  return out.sort((a, b) => b.score - a.score);
}

export function answerWhen(ix: ArticleIndex, ctx: AnswerContext, text: string): Answer {
  const event = stripQuestion(text).replace(/^(?:time|date|day|year|month)\s+(?:did|was|were|is|will)?\s*/i, '');
  if (!event) return notFoundAnswer(ix, ctx, [], 'When did what happen? Name the event, for example "/when did the meeting take place".');
  const hits = matchEvent(ix, event, undefined, text);
  // The best-matching sentences decide; a time from a much weaker match is not this event's time.
  const top = hits[0]?.score ?? 0;
  const howLong = /^how long\b/i.test(text);
  let candidates = timeCandidates(ix, hits.filter((h) => h.score >= top * 0.5), howLong, text);
  // The best match may tell of the event without its time ("will meet every three months");
  // a weaker one that dates it ("the first meeting is scheduled for June 12") still answers.
  // It must use the very words the best match used, not synonyms ("signed" is no "ratified").
  if (candidates.length === 0 && hits.length > 1) {
    const best = hits[0]!;
    const same = hits.slice(1).filter((h) => best.matched.every((t) => h.matchedStems.has(t.stem) || ix.people.some((p) => foldAccents(p.name.toLowerCase()).includes(t.norm))));
    candidates = timeCandidates(ix, same, howLong, text);
  }
  if (candidates.length === 0) {
    if (hits.length) return notFoundAnswer(ix, ctx, [`¶${ix.article.sentences[hits[0]!.index]!.paragraph}: ${sentenceText(ix, hits[0]!.index)}`], 'The article does not say when.');
    return notFoundAnswer(ix, ctx, suggestSentences(ix, event));
  }
  return foundAnswer(ix, ctx, candidates[0]!, candidates.slice(1));
}
