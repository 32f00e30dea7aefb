// /search terms: the best passages for some words, with their paragraph numbers.
import { SlashCommandBuilder } from 'discord.js';
import { articleOption, MAX_QUESTION_LENGTH } from '../bot/command-options.js';
import { replyWithAnswer, respondWithChoices } from '../bot/reply.js';
import type { Command } from './index.js';

export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Find the passages of the article that mention some words')
    .addStringOption((o) =>
      o.setName('terms').setDescription('Words to look for, e.g. "sanctions diplomatic staff"').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH),
    )
    .addStringOption(articleOption),
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, { command: 'search', text: interaction.options.getString('terms', true) }),
  autocomplete: (interaction, context) => respondWithChoices(interaction, context, () => []),
} satisfies Command;
