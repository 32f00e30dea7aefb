// Lists in one message (a refresh's changes, other matches, suggestions) can hold the same
// sentence twice: a changed paragraph is both removed and added, two candidates come from one
// sentence. A reader should meet each sentence once, so later copies become "…".

/** Sentences this long or longer are not repeated within one message. */
export const REPEAT_MIN_LENGTH = 40;

const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/u;

function key(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[*_`|~\\]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:!?"“”‘’…]+$/u, '')
    .trim();
}

/** A memory of the long sentences already shown in one message. */
export class SaidOnce {
  private readonly seen = new Set<string>();

  /** Remember the long sentences of `text` as shown. */
  note(text: string): void {
    for (const sentence of text.split(SENTENCE_END)) if (sentence.trim().length >= REPEAT_MIN_LENGTH) this.seen.add(key(sentence));
  }

  /** `text` with every long sentence already shown replaced by "…", and its own noted. Empty when nothing new is left. */
  filter(text: string): string {
    const kept: string[] = [];
    for (const sentence of text.split(SENTENCE_END)) {
      const long = sentence.trim().length >= REPEAT_MIN_LENGTH;
      if (long && this.seen.has(key(sentence))) {
        if (kept[kept.length - 1] !== '…') kept.push('…');
        continue;
      }
      if (long) this.seen.add(key(sentence));
      kept.push(sentence);
    }
    return kept.every((s) => s === '…') ? '' : kept.join(' ');
  }
}
