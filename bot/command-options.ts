// Option builders shared by the question commands, so limits and wording stay the same everywhere.
import type { SlashCommandStringOption } from 'discord.js';
import { MAX_QUESTION_LENGTH, type Question } from '../src/index.js';

/** Longest text a question option accepts: as much as the engine reads of a question. */
export { MAX_QUESTION_LENGTH };
/** Names, speakers, topics and slugs are short. */
export const MAX_NAME_LENGTH = 100;

/** The optional `article` option, autocompleted from the loaded articles. */
export function articleOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName('article')
    .setDescription('Which loaded article to ask about (default: the main one)')
    .setMaxLength(MAX_NAME_LENGTH)
    .setAutocomplete(true);
}

/** The option that carries each question command's text, as CONTRACT.md names them. */
const MAIN_OPTION = { who: 'query', when: 'event', where: 'query', ask: 'question', search: 'terms' } as const;

/**
 * The slash-command options a person would fill in to ask `question` (the inverse of reading a
 * Question from options): for benchmarks and tests that drive the bot with typed questions.
 */
export function optionsForQuestion(question: Question, article?: string): Record<string, string> {
  const options: Record<string, string> = article ? { article } : {};
  if (question.command === 'quote') {
    if (question.speaker) options.speaker = question.speaker;
    if (question.topic) options.topic = question.topic;
    if (!question.speaker && !question.topic) options.speaker = question.text;
  } else options[MAIN_OPTION[question.command]] = question.text;
  return options;
}
