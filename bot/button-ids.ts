// Button custom ids carry everything a click needs, so a click works after a restart and on
// any shard: no server-side memory of past answers. Discord caps a custom id at 100 characters;
// when an id would not fit, the caller renders without that button.
import { COMMAND_NAMES, type CommandName, type Question } from '../src/index.js';
import { LIMITS } from './discord-text.js';

/** "Show paragraph": the article, the paragraph number and the matched sentence (its index in the article). */
export interface ShowParagraphButton {
  kind: 'paragraph';
  slug: string;
  paragraph: number;
  sentence?: number | undefined;
}

/** "Other matches": the question again, so the click re-asks it and shows the next candidates. */
export interface OtherMatchesButton {
  kind: 'matches';
  question: Question;
}

/** A suggestion: ask this question, answered as the command would answer it. */
export interface AskButton {
  kind: 'ask';
  question: Question;
}

export type DocentButton = ShowParagraphButton | OtherMatchesButton | AskButton;

/** The custom id of a select menu whose options' values are button ids (several paragraphs, several suggestions). */
export const PICK_MENU_ID = 'd1|pick';

const PREFIX = 'd1';

function escapeField(field: string): string {
  return field.replace(/[\\|]/g, (c) => `\\${c}`);
}

function splitFields(id: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < id.length; i++) {
    const c = id[i]!;
    if (c === '\\' && i + 1 < id.length) current += id[++i];
    else if (c === '|') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}

/** The custom id for a button, or undefined when it cannot fit in Discord's 100 characters. */
export function encodeButton(button: DocentButton): string | undefined {
  const fields =
    button.kind === 'paragraph'
      ? ['p', button.slug, String(button.paragraph), button.sentence === undefined ? '' : String(button.sentence)]
      : [
          button.kind === 'matches' ? 'm' : 'a',
          button.question.command,
          button.question.article ?? '',
          button.question.speaker ?? '',
          button.question.topic ?? '',
          button.question.text,
        ];
  const id = [PREFIX, ...fields.map(escapeField)].join('|');
  return id.length <= LIMITS.customId ? id : undefined;
}

const WHOLE_NUMBER = /^\d{1,6}$/;

/** Read a custom id back; undefined for anything we did not make (or that was tampered with). */
export function decodeButton(customId: string): DocentButton | undefined {
  if (typeof customId !== 'string' || customId.length > LIMITS.customId) return undefined;
  const [prefix, kind, ...rest] = splitFields(customId);
  if (prefix !== PREFIX) return undefined;
  if (kind === 'p' && rest.length === 3) {
    const [slug, paragraph, sentence] = rest as [string, string, string];
    if (!slug || !WHOLE_NUMBER.test(paragraph) || (sentence !== '' && !WHOLE_NUMBER.test(sentence))) return undefined;
    return { kind: 'paragraph', slug, paragraph: Number(paragraph), sentence: sentence === '' ? undefined : Number(sentence) };
  }
  if ((kind === 'm' || kind === 'a') && rest.length === 5) {
    const [command, article, speaker, topic, text] = rest as [string, string, string, string, string];
    if (!(COMMAND_NAMES as readonly string[]).includes(command)) return undefined;
    return {
      kind: kind === 'm' ? 'matches' : 'ask',
      question: {
        command: command as CommandName,
        text,
        speaker: speaker || undefined,
        topic: topic || undefined,
        article: article || undefined,
      },
    };
  }
  return undefined;
}
