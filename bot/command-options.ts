// Option builders shared by the question commands, so limits and wording stay the same everywhere.
import type { SlashCommandStringOption } from 'discord.js';

/** Longest text a question option accepts: generous for a question, far below the engine's 2,000. */
export const MAX_QUESTION_LENGTH = 500;
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
