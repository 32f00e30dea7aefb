// /where: the place of the event asked about: a locative phrase ("at St. Brendan's Hospital",
// "to a sheltered bay") in the sentence that tells of it, or where a named thing is.
import type { ArticleIndex } from '../search/article-index.js';
import type { SentenceHit } from '../search/sentence-search.js';
import type { Answer } from '../types.js';
import { MONTH_PATTERN, NOT_PLACE_NOUNS, PLACE_NOUNS, PLACE_WORDS, WEEKDAY_PATTERN } from '../text/lexicon.js';
import { normalizeWord, tokenize } from '../text/tokens.js';
import { foundAnswer, notFoundAnswer, sentenceText, type AnswerContext, type Candidate } from './compose.js';
import { findPeopleByName, findThingsByName, isSettingVerb, matchEvent, stripQuestion, suggestSentences, wordsOf } from './match.js';
import { findTimeExpressions } from '../extract/times.js';
import { distanceTo, matchedSpan } from './when.js';

const DIRECTION = '(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|upstream|downstream|upriver|downriver)';
const LOCATIVE = /\b((?:\d[\d,.]*\s+(?:kilometres|kilometers|km|miles|metres|meters)\s+)?(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|upstream|downstream)\s+of|in|at|inside|outside|near|to|into|from|above|below|beneath|across|along|off|on|onto|toward|towards|beside|behind|throughout|within|outside of)\s+(?!(?:from|to|in|at|on|into|of|for|with|by)\b)(?:(?:the|a|an|his|her|their|its|our)\s+)?([^,.;:"()]{1,90}?)(?=\s{1,20}(?:on|in|at|during|after|before|since|until|by|when|where|which|who|while|and|but|as|to|for|because|with|minutes|hours|last|this|next|earlier|later|from|near|above|below|beneath|across|along|off|outside|inside|beside|behind|toward|towards|into|onto|through|throughout|that|was|were|is|are|had|has|have|spent|said|told|found|made|took|went|came|left|gave|[a-z]+ed)\b|[,.;:"()]|$)/g;

interface Locative {
  text: string;
  start: number;
  end: number;
  weight: number;
}

/** Phrases of a sentence that name a place, each with how place-like it is. */
function findLocatives(ix: ArticleIndex, sentence: number): Locative[] {
  // "St. Brendan's Hospital": an abbreviation's period ends no phrase (same length, so offsets hold).
  const text = sentenceText(ix, sentence).replace(/\b(St|Mt|Ft|Dr|No)\./g, '$1\u2024');
  const known = knownNames(ix);
  const out: Locative[] = [];
  for (const m of text.matchAll(LOCATIVE)) {
    if (/\baccording\s*$/i.test(text.slice(0, m.index))) continue; // "according to X" names a source, not a place
    const weight = placeWeight(m[1]!.toLowerCase(), m[2]!.trim(), known);
    if (weight === 0) continue;
    // Chain "to a school gymnasium in the neighbouring town of Eikefjord".
    let end = m.index + m[0].length;
    // A name may hold digits ("the G20 summit"); the chain ends at a word's end, never inside one.
    const chain = /^\s+(?:in|at|near|of|on)\s+(?:the\s+)?(?:[\p{L}\p{N}'-]+\s+){0,4}?(?:town|city|village|county|region|district|area|province|island|\p{Lu}[\p{L}\p{N}'-]*)(?:\s+of\s+\p{Lu}[\p{L}\p{N}'-]*)?(?![\p{L}\p{N}])/u.exec(text.slice(end));
    if (chain) end += chain[0].length;
    out.push({ text: text.slice(m.index, end).replace(/\u2024/g, '.'), start: m.index, end, weight });
  }
  return out;
}

/** The article's places and organisations, lowercased, once per index. */
const knownNamesByIndex = new WeakMap<ArticleIndex, string[]>();
function knownNames(ix: ArticleIndex): string[] {
  let known = knownNamesByIndex.get(ix);
  if (!known) knownNamesByIndex.set(ix, (known = [...ix.places, ...ix.organisations].map((p) => p.name.toLowerCase())));
  return known;
}

/**
 * How place-like a phrase after a preposition is (0: no place): a proper name, a place the
 * article names, a place noun; "on" and "to"/"from" need more than a capital.
 */
function placeWeight(prep: string, np: string, known: string[]): number {
  const words = np.split(/\s+/);
  const head = normalizeWord(words[words.length - 1]!);
  const first = normalizeWord(words[0]!);
  if (NOT_PLACE_NOUNS.has(head) || NOT_PLACE_NOUNS.has(first)) return 0;
  if (/^\d/.test(np) && !words.some((w) => PLACE_WORDS.has(normalizeWord(w)))) return 0; // "27 Ropewalk Lane" is a place; "3 days" is not
  const proper = /^\p{Lu}/u.test(np) && !STARTS_WITH_DATE_WORD.test(np);
  const knownPlace = known.some((k) => np.toLowerCase().includes(k));
  const placeNoun = words.some((w) => PLACE_NOUNS.has(normalizeWord(w)) || PLACE_WORDS.has(normalizeWord(w)));
  if (prep === 'on' && !placeNoun) return 0;
  if (['to', 'from', 'into', 'onto', 'toward', 'towards'].includes(prep) && !placeNoun && !proper) return 0;
  return Math.min(1, (proper ? 0.8 : 0) + (knownPlace ? 0.6 : 0) + (placeNoun ? 0.8 : 0));
}

function placeCandidates(ix: ArticleIndex, hits: SentenceHit[]): Candidate[] {
  const out: Candidate[] = [];
  for (const hit of hits) {
    const text = sentenceText(ix, hit.index);
    const span = matchedSpan(text, hit);
    let best: { l: Locative; score: number } | undefined;
    for (const l of findLocatives(ix, hit.index)) {
      if (span && l.start >= span.start && l.end <= span.end + 1 && l.start > span.start) {
        // A place inside the matched words is usually part of the question ("the meeting in Finland").
        const score = (l.weight * 0.5) / (1 + distanceTo(span, l.start, l.end) / 50);
        if (!best || score > best.score) best = { l, score };
        continue;
      }
      const holdsSubject = tokenize(l.text).some((t) => hit.matchedStems.has(t.stem));
      // "a ceremony in the Corn Exchange": a place right after the thing asked about is its place.
      const adjacent = span !== undefined && l.start >= span.end && l.start - span.end <= 2 ? 1.5 : 1;
      const score = (l.weight * adjacent * (holdsSubject ? 0.3 : 1)) / (1 + distanceTo(span, l.start, l.end) / 50);
      if (!best || score > best.score) best = { l, score };
    }
    if (!best) continue;
    out.push({ fact: best.l.text.replace(/^./, (c) => c.toUpperCase()), sentence: hit.index, score: hit.score * best.score, confidence: Math.min(0.95, hit.coverage * best.score) });
  }
  return out.sort((a, b) => b.score - a.score);
}

const AFTER_NAME = new RegExp(
  `^,?\\s+((?:(?:about|some|roughly)\\s+)?(?:\\d[\\d,.]*\\s+(?:kilometres|kilometers|km|miles|metres|meters)\\s+)?(${DIRECTION}\\s+of|in|at|near|outside|on|off|beside|inside)\\s+(?:the\\s+)?([^,.;]{2,60}?))(?=[,.;]|\\s{1,20}(?:who|which|that|and|said|is|was|are|were|has|had)\\b|$)`,
);

/** The place written right after a name, skipping times ("… Dam in 2019" is no place). */
function placeAfterName(ix: ArticleIndex, thing: { name: string; mentions: number[] }): Candidate | undefined {
  for (const s of thing.mentions) {
    const sentence = sentenceText(ix, s);
    const at = sentence.toLowerCase().indexOf(thing.name.toLowerCase());
    if (at < 0) continue;
    // "the Rotterdam-based packaging group Vellmar".
    const basedBefore = /(?:^|\s)(?:the|a|an)\s+(\p{Lu}[\p{L}.' -]*?)-based\s+(?:[\p{Ll}-]+\s+){0,3}$/u.exec(sentence.slice(0, at));
    if (basedBefore) return { fact: `Based in ${basedBefore[1]}`, sentence: s, score: 100, confidence: 0.9 };
    // "the neighbouring town of Eikefjord": a place is placed by what it is.
    const kind = /(?:^|\s)((?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}(?:town|village|city|county|district|region|province|state|island|suburb|port|capital|area)\s+of)\s+$/u.exec(sentence.slice(0, at));
    if (kind) return { fact: `${kind[1]!.replace(/^./, (c) => c.toUpperCase())} ${thing.name}`, sentence: s, score: 100, confidence: 0.85 };
    // "Calloway Power, a Houston-based group".
    const based = /^,?\s+(?:a|an|the)\s+(\p{Lu}[\p{L}.' -]*?)-based\b/u.exec(sentence.slice(at + thing.name.length));
    if (based) return { fact: `Based in ${based[1]}`, sentence: s, score: 100, confidence: 0.9 };
    // "Northern Seed Partners, a venture fund based in Leeds", "Quellbrook Systems, which is based in Tolbury".
    const described = /^,?\s+(?:(?:a|an|the)\s+[^,.;]{0,60}?|(?:which|that|who)\s+(?:is|was|are|were|has been)\s+)\b(?:based|located|headquartered|situated)\s+((?:in|at|near|outside)\s+[^,.;]{2,60}?)(?=[,.;]|\s{1,20}(?:with|which|who|that|and)\b|$)/.exec(sentence.slice(at + thing.name.length));
    if (described) return { fact: described[1]!.replace(/^./, (c) => c.toUpperCase()), sentence: s, score: 100, confidence: 0.9 };
    // "Lena Ostrova, of Harwick,": news writes where someone is from after "of" (an organisation there is no place).
    const from = /^,\s+of\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,3}),/u.exec(sentence.slice(at + thing.name.length));
    if (from && !ix.organisations.some((o) => o.name === from[1])) return { fact: `From ${from[1]}`, sentence: s, score: 100, confidence: 0.85 };
    const after = AFTER_NAME.exec(sentence.slice(at + thing.name.length));
    if (!after || findTimeExpressions(after[1]!).some((t) => t.end - t.start >= after[1]!.replace(/^\w+\s+/, '').length - 2)) continue;
    // "his brother-in-law, Kevin Marsh, on the morning after the fire": a time, not where he is.
    // A direction from somewhere ("upstream of the border") is a place.
    if (!/\sof$/.test(after[2]!) && placeWeight(after[2]!.toLowerCase(), after[3]!, knownNames(ix)) === 0) continue;
    return { fact: after[1]!.replace(/^./, (c) => c.toUpperCase()), sentence: s, score: 100, confidence: 0.9 };
  }
  return undefined;
}

/** A month or a weekday opening a phrase: a date, not a proper name of a place. */
const STARTS_WITH_DATE_WORD = new RegExp(`^(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN})\\b`);

export function answerWhere(ix: ArticleIndex, ctx: AnswerContext, text: string): Answer {
  // "where will the stand be built": the verb only says "where"; the thing is what to match.
  let event = stripQuestion(text);
  const trailing = /\s+(?:be\s+)?(located|based|situated|built|held|housed|kept|placed|made|found|going|headed|taken|moved|live|lives|lived|living|work|works|worked|working|stay|stays|stayed|come from|comes from|came from|from|played|staged|hosted)$/i.exec(event);
  // "located", "held", "played" only say "where"; other verbs go when the article never uses them.
  if (trailing && (isSettingVerb(trailing[1]!) || !ix.search.knows(trailing[1]!.split(' ')[0]!))) event = event.slice(0, trailing.index);
  if (!event) return notFoundAnswer(ix, ctx, [], 'Where did what happen? Name the event or the thing, for example "/where did the meeting take place".');
  const hits = matchEvent(ix, event, undefined, text);
  let candidates = placeCandidates(ix, hits);
  // "Where is the North Sea Climate Centre": the place written right after the thing's name
  // ("… Centre in Stavanger", "the Korvan Dam, 410 kilometres upstream of the border"). When the
  // question is only the name, nothing else in a sentence that mentions it says where it is.
  const name = event.replace(/^(?:the|a|an)\s+/i, '');
  const thing = findThingsByName(ix, name);
  const person = thing.length ? undefined : findPeopleByName(ix, name)[0];
  if (thing.length && thing[0]!.score >= 0.9) {
    const placed = placeAfterName(ix, thing[0]!.item);
    if (placed) candidates = [placed, ...candidates];
    else if (wordsOf(name).length <= wordsOf(thing[0]!.item.name).length) candidates = [];
  } else if (person && person.score >= 0.9) {
    // "Calloway Power, a Houston-based group" may have been read as a person; a person may be based somewhere too.
    const placed = placeAfterName(ix, person.item);
    if (placed) candidates = [placed, ...candidates];
  }
  if (candidates.length === 0) {
    if (hits.length) return notFoundAnswer(ix, ctx, [`¶${ix.article.sentences[hits[0]!.index]!.paragraph}: ${sentenceText(ix, hits[0]!.index)}`], 'The article does not say where.');
    return notFoundAnswer(ix, ctx, suggestSentences(ix, event));
  }
  return foundAnswer(ix, ctx, candidates[0]!, candidates.slice(1));
}
