// A small LRU of rendered answers. Answering is a pure function of the library and the question;
// people in one server ask the same things ("who is Nauert?"), and "Other matches" re-asks the
// question just answered: a hit costs microseconds instead of a search. The cache holds answers
// of one Library object only: when a refresh swaps the library, it starts empty.
import { answerQuestion, type Answer, type Library, type Question } from '../src/index.js';
import { renderAnswer, type RenderedAnswer } from './render-answer.js';

export interface RenderedReply {
  answer: Answer;
  rendered: RenderedAnswer;
}

export const DEFAULT_ANSWER_CACHE_SIZE = 500;

/** Answer and render, without a cache. */
export function answerAndRender(library: Library, question: Question, input: string): RenderedReply {
  const answer = answerQuestion(library, question, input);
  const article = answer.article ? library.get(answer.article.slug) : undefined;
  return { answer, rendered: renderAnswer(answer, question, article) };
}

export class AnswerCache {
  private readonly entries = new Map<string, RenderedReply>();
  private library: Library | undefined;

  /** `capacity` 0 turns the cache off. */
  constructor(readonly capacity = DEFAULT_ANSWER_CACHE_SIZE) {}

  answer(library: Library, question: Question, input: string): RenderedReply {
    if (this.capacity <= 0) return answerAndRender(library, question, input);
    if (library !== this.library) {
      this.entries.clear();
      this.library = library;
    }
    const key = JSON.stringify([question.command, question.article, question.speaker, question.topic, question.text, input]);
    const hit = this.entries.get(key);
    if (hit) {
      // The most recently used goes last, so the first entry is always the one to evict.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const reply = answerAndRender(library, question, input);
    this.entries.set(key, reply);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return reply;
  }

  get size(): number {
    return this.entries.size;
  }
}
