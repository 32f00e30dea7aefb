// /where query: the place of an event, or where a thing in the article is.
import { SlashCommandBuilder } from 'discord.js';
import { articleOption, MAX_QUESTION_LENGTH } from '../bot/command-options.js';
import { places } from '../bot/autocomplete.js';
import { replyWithAnswer, respondWithChoices } from '../bot/reply.js';
import type { Command } from './index.js';

export default {
  data: new SlashCommandBuilder()
    .setName('where')
    .setDescription('Where something in the article happened')
    .addStringOption((o) =>
      o
        .setName('query')
        .setDescription('The event or thing, e.g. "Trump met Putin"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH)
        .setAutocomplete(true),
    )
    .addStringOption(articleOption),
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, { command: 'where', text: interaction.options.getString('query', true) }),
  autocomplete: (interaction, context) => respondWithChoices(interaction, context, places),
} satisfies Command;
