// The one answering function behind every interface.
import type { Library } from '../library.js';
import type { Answer, Question } from '../types.js';
import { parseInput } from './route.js';

export const NOT_IN_ARTICLE = 'That is not in the article.';

export function answerQuestion(library: Library, question: Question, input = question.text): Answer {
  const target = (question.article && library.get(question.article)) || library.list()[0];
  return {
    input,
    command: question.command,
    found: false,
    answer: NOT_IN_ARTICLE,
    fact: '',
    evidence: '',
    citations: [],
    confidence: 0,
    suggestions: [],
    alternatives: [],
    article: target ? { slug: target.article.slug, headline: target.article.headline } : undefined,
  };
}

/** Parse what a person typed and answer it. */
export function answerInput(library: Library, input: string): Answer {
  return answerQuestion(library, parseInput(input), input);
}
