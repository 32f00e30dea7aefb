// Plain-text rendering of an answer for terminals: the same text the `ask` command prints.
import type { Answer } from '../src/index.js';

export function citationLabel(answer: Answer): string {
  const paragraphs = [...new Set(answer.citations.map((c) => c.paragraph))];
  return paragraphs.length ? paragraphs.map((p) => `¶${p}`).join(' ') : '';
}

/** One line per answer: the answer, then its paragraph marks. */
export function renderAnswerLine(answer: Answer): string {
  const cite = citationLabel(answer);
  const text = answer.answer.replace(/\s+/g, ' ');
  return cite ? `${text} (${cite})` : text;
}
