// /ask and bare questions: who/when/where go to their answerers; how many / how much / how long
// lead with the number; what, which, how and why lead with the sentence that answers.
import type { ArticleIndex } from '../search/article-index.js';
import type { SentenceHit } from '../search/sentence-search.js';
import type { Answer } from '../types.js';
import { contentTokens } from '../text/tokens.js';
import { MONTH_PATTERN, NUMBER_WORD_PATTERN } from '../text/lexicon.js';
import { isVerbForm } from '../text/words.js';
import { foundAnswer, notFoundAnswer, sentenceText, ANSWER_BUDGET, type AnswerContext, type Candidate } from './compose.js';
import { matchEvent, stripQuestion, suggestSentences, wordsAgree, wordsOf } from './match.js';
import { answerWhen, distanceTo, matchedSpan, timeCandidates } from './when.js';
import { answerWhere } from './where.js';
import { answerWho } from './who.js';

const NUMBER_WORD = `(?:${NUMBER_WORD_PATTERN}|a dozen|several)`;
const QUANTITY = new RegExp(
  `(?:(?:about|around|nearly|almost|more than|less than|fewer than|at least|at most|some|roughly|an estimated|approximately|up to|over|under|just)\\s+)*(?:[$€£¥]\\s?)?(?:\\d(?:[\\d,.]*\\d)?|${NUMBER_WORD}\\b)(?:\\s*%|\\s+per ?cent)?(?:\\s+(?:million|billion|thousand|hundred|trillion))?(?:[\\s-]+(?!(?:and|or|of|the|a|to|in|on|at|was|were|is|are|had|has|have|who|which|that|inside|into|for|from|with|by|as|after|before|since|during|than)\\b)[\\p{L}-]+){0,3}`,
  'giu',
);

/** "12 March", and a number right after a month ("March 12"): dates, not counts. */
const DAY_OF_MONTH = new RegExp(`^\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_PATTERN})\\b`);
const BEFORE_MONTH_END = new RegExp(`(?:${MONTH_PATTERN})\\s*$`);

const COST_WORDS = /\b(?:cost|costs|costing|price|priced|paid|pay|pays|paying|spent|spend|spending|fee|fees|worth|bill|charge|charged|bought|sold|valued|value|valuation|insured|fetch|fetched)\b/i;

function nounMatchOf(phrase: string, target: string[]): number {
  const words = phrase.toLowerCase().split(/[\s-]+/);
  return target.length ? Math.max(0, ...target.flatMap((t) => words.map((w) => wordsAgree(t, w)))) : 0;
}

/** How much more a figure in the first paragraph weighs than one further down. */
const LEDE_FIGURE_WEIGHT = 1.3;

/** How much of a "how many" question a sentence must match when it counts the very noun asked about. */
const COUNTED_NOUN_COVERAGE = 0.3;

/** "How many people": any count of people answers, whatever the article calls them. */
const GENERIC_COUNT = /^(?:people|persons|individuals|ones|times)$/i;

/** Number phrases of a sentence ("About 230 residents", "8 million kroner"), nearest the matched words first. */
function quantityCandidates(ix: ArticleIndex, hits: SentenceHit[], target: string[], wantMoney: boolean, mustCount = false): Candidate[] {
  // "How many *fire stations* responded": the first word is what is counted; all of them shape the phrase.
  const counted = target.slice(0, 1);
  const out: Candidate[] = [];
  for (const hit of hits) {
    const text = sentenceText(ix, hit.index);
    const span = matchedSpan(text, hit);
    let best: { phrase: string; score: number } | undefined;
    for (const m of text.matchAll(QUANTITY)) {
      let phrase = m[0].trim();
      if (!/\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|several|teen|ty\b/i.test(phrase)) continue;
      // A year, a date or a clock time is not a count.
      if (/^(?:in\s+)?(?:1[89]|20)\d{2}\b/.test(phrase) || /\d:\d/.test(phrase) || /\b(?:a\.m|p\.m)\b/i.test(phrase)) continue;
      if (DAY_OF_MONTH.test(phrase) || BEFORE_MONTH_END.test(text.slice(0, m.index))) continue;
      phrase = phrase.replace(/\s+(?:into|from|with|for|by|across|near|after|before|since)\b.*$/i, '');
      // "four fire stations brought": end the phrase on the thing counted, not on the verb after it.
      const phraseWords = phrase.split(/\s+/);
      // The nouns of the question shape the phrase, not its verb ("crew members were rescued").
      const shaping = target.filter((t) => !isVerbForm(t, ['past', 'ing']));
      const lastTarget = phraseWords.reduce((at, w, k) => (k > 0 && shaping.some((t) => wordsAgree(t, w) > 0) ? k : at), -1);
      if (lastTarget > 0) phrase = phraseWords.slice(0, lastTarget + 1).join(' ');
      else if (phraseWords.length > 1 && isVerbForm(phraseWords[phraseWords.length - 1]!, ['past', 'ing'])) phrase = phraseWords.slice(0, -1).join(' ');
      const words = phrase.toLowerCase().split(/[\s-]+/);
      const nounMatch = (mustCount ? counted : target).length ? Math.max(0, ...(mustCount ? counted : target).flatMap((t) => words.map((w) => wordsAgree(t, w)))) : 0;
      const money = /[$€£¥]|\b(?:kroner|krone|dollars?|euros?|pounds?|yen|francs?|rupees?|pesos?|cost)\b/i.test(phrase);
      // "How much did X cost?": a sum is an answer only where the sentence speaks of a cost or a price.
      if (wantMoney && !COST_WORDS.test(text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 30)) && nounMatchOf(phrase, target) === 0) continue;
      // …and "two climbers" is not a sum, even in a sentence about a rescue that cost nothing.
      if (wantMoney && !money && !/\b(?:million|billion|thousand|hundred)\b|\d{1,3}(?:,\d{3})+/i.test(phrase)) continue;
      // "How many sheep": a number that does not count sheep does not answer.
      // "refloat 39 of them": a count of what the sentence already named.
      const ofThem = /^\s+of\s+(?:them|those|these)\b/i.test(text.slice(m.index + m[0].length)) && counted.some((t) => wordsOf(text).some((w) => wordsAgree(t, w) === 1));
      if (mustCount && nounMatch === 0 && !ofThem && !GENERIC_COUNT.test(counted[0] ?? '')) continue;
      let score = (1 + nounMatch + (wantMoney && money ? 1 : 0)) / (1 + distanceTo(span, m.index, m.index + m[0].length) / 80);
      // A bare "one" counts nothing the question asked about.
      if (/^(?:one|a|an)\b/i.test(phrase) && !/\d/.test(phrase) && nounMatch === 0) continue;
      // "could rise to 45 million" is a maybe; "a fee of 38 million" is the fact.
      if (/\b(?:could|may|might|would|up to|rise to|as much as|as many as|considered)\b[^.]{0,25}$/i.test(text.slice(0, m.index)) || /^(?:up to|as much as|as many as)\b/i.test(phrase)) score *= 0.6;
      if (!best || score > best.score) best = { phrase, score };
    }
    // News puts its main figures first: the lede's count is the story's, a later one a detail.
    const lede = ix.article.sentences[hit.index]!.paragraph === 1 ? LEDE_FIGURE_WEIGHT : 1;
    if (best) out.push({ fact: best.phrase, sentence: hit.index, score: Math.sqrt(hit.score) * best.score * lede, confidence: Math.min(0.95, hit.coverage * 0.9) });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * "How many hospitals took part in the trial?" when the article says "enrolled 1,480 patients at
 * 34 hospitals": the verb is paraphrased, but a number right before the very thing counted, in a
 * sentence that shares another word with the question, answers it. Only for a specific noun
 * ("people" is counted everywhere), and only when one sentence does so.
 */
function countedDirectly(ix: ArticleIndex, body: string): Candidate | undefined {
  const [noun, ...others] = contentTokens(body).map((t) => t.raw);
  if (!noun || GENERIC_COUNT.test(noun) || others.length === 0) return undefined;
  const hits = matchEvent(ix, body, COUNTED_NOUN_COVERAGE).filter((h) => {
    const words = wordsOf(sentenceText(ix, h.index));
    return others.some((t) => words.some((w) => wordsAgree(t, w) === 1));
  });
  const found = quantityCandidates(ix, hits, [noun], false, true).filter((c) => {
    const words = c.fact.toLowerCase().split(/[\s-]+/);
    return wordsAgree(noun, words[words.length - 1]!) === 1 && /\d/.test(c.fact);
  });
  return found.length === 1 ? found[0] : undefined;
}

/** The sentence that answers, with the next one when it continues the same subject and both fit. */
function sentenceCandidate(ix: ArticleIndex, hit: SentenceHit): Candidate {
  const sentence = ix.article.sentences[hit.index]!;
  const next = ix.article.sentences[hit.index + 1];
  let text = sentence.text;
  if (next && next.paragraph === sentence.paragraph && text.length + next.text.length + 1 <= ANSWER_BUDGET && /^(?:The|This|That|These|Those|It|Its|He|She|They|Their|His|Her)\b/.test(next.text)) {
    text = `${text} ${next.text}`;
  }
  return { fact: text, text, evidence: text, sentence: hit.index, score: hit.score, confidence: Math.min(0.95, hit.coverage) };
}

export function answerAsk(ix: ArticleIndex, ctx: AnswerContext, question: string): Answer {
  const q = question.trim();
  if (!q) return notFoundAnswer(ix, ctx, [], 'What would you like to know? Ask a question about the article.');
  // "What is the article about?": the headline and the lede.
  if (/^(?:what(?:'s| is| was)? (?:the |this )?(?:article|story|report|piece|news)(?: all)? about|summari[sz]e(?: (?:the|this) (?:article|story))?|summary|tl;?dr|what happened)\??$/i.test(q)) {
    const lede = ix.article.sentences[0];
    if (lede) return foundAnswer(ix, ctx, { fact: ix.article.headline, sentence: lede.index, score: 1, confidence: 0.9 });
  }
  if (/^(?:who|whom|whose)\b/i.test(q)) return answerWho(ix, ctx, q);
  if (/^(?:when|what time|what date|what day|what year|which day|which year|in what year|on what day)\b/i.test(q)) return answerWhen(ix, ctx, q.replace(/^(?:what|which|in what|on what)\s+\w+/i, 'when'));
  if (/^(?:where|in what place|at what place)\b/i.test(q)) return answerWhere(ix, ctx, q);

  const howMany = /^how\s+(many|much|large|big|long|far|high|tall|deep|old|strong|fast|heavy|wide|hot|cold|warm|steep|loud|powerful)\b\s*((?:\S.*)?)$/i.exec(q);
  // Words that make a question ask for a sum: fewer than COST_WORDS, which mark one in a sentence
  // ("how many were sold" asks for a count).
  const costly = /\b(?:cost|price|pay|paid|spend|spent|worth|budget|valued|value|valuation|fetch)\b/i.test(q);
  const body = stripQuestion(howMany ? howMany[2]! : q);
  const hits = matchEvent(ix, body || q);
  if (hits.length === 0) {
    const counted = howMany?.[1]!.toLowerCase() === 'many' ? countedDirectly(ix, body) : undefined;
    if (counted) return foundAnswer(ix, ctx, counted);
    return notFoundAnswer(ix, ctx, suggestSentences(ix, q));
  }
  const top = hits[0]!.score;
  const strong = hits.filter((h) => h.score >= top * 0.6);

  if (howMany && howMany[1]!.toLowerCase() === 'long') {
    const durations = timeCandidates(ix, strong, true);
    if (durations.length) return foundAnswer(ix, ctx, durations[0]!, durations.slice(1));
  }
  if (howMany || costly) {
    // The thing counted or measured: "how many *residents*", "how big is the *budget*".
    const target = contentTokens(body).map((t) => t.raw).slice(0, 3);
    const counting = howMany?.[1]?.toLowerCase() === 'many';
    const quantities = quantityCandidates(ix, hits, target, costly, counting);
    if (quantities.length) return foundAnswer(ix, ctx, quantities[0]!, quantities.slice(1));
    // "How much is X paid?": without a number, a sentence is not an answer.
    if (howMany) return notFoundAnswer(ix, ctx, hits.slice(0, 2).map((h) => `¶${ix.article.sentences[h.index]!.paragraph}: ${sentenceText(ix, h.index)}`), 'The article does not give that number.');
  }
  // "What is the baby's name?": a sentence that names no one does not answer it.
  const wantsName = /\bname\b/i.test(q) && !/\bnamed?\s+(?:as|after)\b/i.test(q);
  const usable = wantsName ? strong.filter((h) => ix.facts.mentions.some((m) => m.sentence === h.index && !m.pronoun)) : strong;
  if (usable.length === 0) return notFoundAnswer(ix, ctx, strong.slice(0, 2).map((h) => `¶${ix.article.sentences[h.index]!.paragraph}: ${sentenceText(ix, h.index)}`));
  // "Which hospital …": a sentence that names it ("Kellow Community Hospital") beats one that says "hospital".
  const which = /^(?:which|what)\s+([a-z]+)\b/i.exec(q);
  const noun = which && !/^(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)$/i.test(which[1]!) ? which[1]! : '';
  const namesIt = (h: SentenceHit) => noun !== '' && new RegExp(`(?<!^)\\b${noun[0]!.toUpperCase()}${noun.slice(1).toLowerCase()}s?\\b`).test(sentenceText(ix, h.index));
  // "How did Albu respond …": the sentence in which the person named does something answers it.
  const asked = new Set(wordsOf(q));
  const namedPeople = ix.people.filter((p) => [p.name, ...p.aliases].some((n) => wordsOf(n).every((w) => asked.has(w))));
  const mentionsThem = (h: SentenceHit) => namedPeople.length > 0 && namedPeople.every((p) => ix.facts.mentions.some((m) => m.sentence === h.index && m.personId === p.id));
  const weight = (h: SentenceHit) => h.score * (namesIt(h) ? 2 : 1) * (mentionsThem(h) ? 2 : 1);
  const ranked = [...usable].sort((a, b) => weight(b) - weight(a));
  const candidates = ranked.map((h) => sentenceCandidate(ix, h));
  return foundAnswer(ix, ctx, candidates[0]!, candidates.slice(1));
}
