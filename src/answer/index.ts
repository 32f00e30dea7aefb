// The one answering function behind every interface: a Question in, an Answer out.
import type { Library } from '../library.js';
import type { ArticleIndex } from '../search/article-index.js';
import type { Answer, Question } from '../types.js';
import { answerAsk } from './ask.js';
import { notFoundAnswer, NOT_IN_ARTICLE, truncate, type AnswerContext } from './compose.js';
import { answerQuote } from './quote.js';
import { decideAnswer } from './read-answer.js';
import { MAX_INPUT_LENGTH, parseInput, isCommandName } from './route.js';
import { answerSearch } from './search.js';
import { answerWhen } from './when.js';
import { answerWhere } from './where.js';
import { answerWho } from './who.js';

export { NOT_IN_ARTICLE };

/**
 * The engine reads this much of a question (the rest is ignored): a longer text is a page, not a
 * question, and reading all of it would only slow every answer down.
 */
export const MAX_QUESTION_LENGTH = 500;

/** An answer this sure, from the article that matches the question best, ends the search. */
const CONFIDENT = 0.6;

/** Whatever arrives (wrong types included), a clean string of bounded length. */
function cleanOption(value: unknown): string {
  if (typeof value !== 'string') return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  return value
    .slice(0, MAX_QUESTION_LENGTH)
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, ' ')
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/@(?:everyone|here)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the fact extractors (people, quotes, times, places, numbers) answer, before the reader weighs it. */
export function answerByExtractors(ix: ArticleIndex, ctx: AnswerContext, question: Question, text: string): Answer {
  switch (ctx.command) {
    case 'who':
      return answerWho(ix, ctx, text);
    case 'when':
      return answerWhen(ix, ctx, text);
    case 'where':
      return answerWhere(ix, ctx, text);
    case 'quote':
      return answerQuote(ix, ctx, { text, speaker: cleanOption(question.speaker), topic: cleanOption(question.topic) });
    case 'search':
      return answerSearch(ix, ctx, text);
    case 'ask':
    default:
      return answerAsk(ix, ctx, text);
  }
}

function answerInArticle(ix: ArticleIndex, ctx: AnswerContext, question: Question, text: string): Answer {
  return decideAnswer(ix, ctx, text, answerByExtractors(ix, ctx, question, text));
}

/** The articles worth asking: the one named, or those whose words best match the question. */
function articlesToAsk(library: Library, question: Question, text: string): ArticleIndex[] | string {
  const slug = cleanOption(question.article);
  if (slug) {
    const named = library.get(slug) ?? library.list().find((ix) => ix.article.slug.startsWith(slug.toLowerCase()));
    return named ? [named] : `There is no article "${truncate(slug, 60)}". Loaded: ${library.list().slice(0, 5).map((ix) => ix.article.slug).join(', ')}.`;
  }
  return library.shortlist(`${text} ${cleanOption(question.speaker)} ${cleanOption(question.topic)}`, 4);
}

export function answerQuestion(library: Library, question: Question, input?: string): Answer {
  const command = isCommandName(String(question?.command)) ? question.command : 'ask';
  const text = cleanOption(question?.text);
  const ctx: AnswerContext = { input: typeof input === 'string' ? input.slice(0, MAX_INPUT_LENGTH) : text, command };
  const targets = articlesToAsk(library, question ?? { command, text }, text);
  if (typeof targets === 'string') return notFoundAnswer(undefined, ctx, [], targets);
  if (targets.length === 0) return notFoundAnswer(undefined, ctx, [], 'No article is loaded.');
  let best: Answer | undefined;
  let fallback: Answer | undefined;
  for (const ix of targets) {
    const answer = answerInArticle(ix, ctx, question, text);
    if (answer.found && (!best || answer.confidence > best.confidence)) best = answer;
    if (!answer.found && !fallback) fallback = answer;
    // The articles come best match first: a confident answer from one needs no second opinion.
    if (best && best.confidence >= CONFIDENT) break;
  }
  return best ?? fallback ?? notFoundAnswer(targets[0], ctx);
}

/** Parse what a person typed and answer it. */
export function answerInput(library: Library, input: string): Answer {
  const line = typeof input === 'string' ? input : '';
  return answerQuestion(library, parseInput(line), line);
}
