// Turns what a person typed into a Question: a slash command with its text or named options
// ("/quote speaker:Nauert topic:leaks"), or a bare question routed by its question word.
import { COMMAND_NAMES, type CommandName, type Question } from '../types.js';

const OPTION_NAMES = ['query', 'event', 'terms', 'question', 'speaker', 'topic', 'article'] as const;
const OPTION_PATTERN = new RegExp(`(?:^|\\s)(${OPTION_NAMES.join('|')}):`, 'gi');

/** Longest input the engine reads; anything past it is ignored (Discord's own option limit is 6,000). */
export const MAX_INPUT_LENGTH = 2000;

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** Route a bare question by its question word: "Who …" → who, "When …" → when, "Where …" → where. */
export function commandForQuestion(text: string): CommandName {
  if (/^[A-Z]{2,}\b/.test(text.trim())) return 'ask';
  const t = text.trim().toLowerCase();
  if (/^(?:who|whom|whose)\b/.test(t)) return 'who';
  if (/^(?:when|what time|what date|what day|what year|which day|which year|how long ago)\b/.test(t)) return 'when';
  if (/^where\b/.test(t)) return 'where';
  return 'ask';
}

function parseOptions(rest: string): { text: string; options: Record<string, string> } {
  const options: Record<string, string> = {};
  const marks = [...rest.matchAll(OPTION_PATTERN)];
  if (marks.length === 0) return { text: rest.trim(), options };
  const text = rest.slice(0, marks[0]!.index).trim();
  marks.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = i + 1 < marks.length ? marks[i + 1]!.index : rest.length;
    options[m[1]!.toLowerCase()] = rest.slice(from, to).trim();
  });
  return { text, options };
}

/** Parse one line of input. Unknown slash commands are read as questions. */
export function parseInput(input: string): Question {
  const line = String(input ?? '').slice(0, MAX_INPUT_LENGTH).trim();
  const slash = /^\/([a-z]+)\b\s*((?:\S[\s\S]*)?)$/i.exec(line);
  if (slash && isCommandName(slash[1]!.toLowerCase())) {
    const command = slash[1]!.toLowerCase() as CommandName;
    const { text, options } = parseOptions(slash[2]!);
    const main = options.query ?? options.event ?? options.terms ?? options.question ?? '';
    return {
      command,
      text: [text, main].filter(Boolean).join(' '),
      speaker: options.speaker,
      topic: options.topic,
      article: options.article,
    };
  }
  const { text, options } = parseOptions(line);
  return { command: commandForQuestion(text), text, article: options.article };
}
