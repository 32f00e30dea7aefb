// /ask question: any question about the article (what, how many, which, who, when, where).
import { SlashCommandBuilder } from 'discord.js';
import { articleOption, MAX_QUESTION_LENGTH } from '../bot/command-options.js';
import { replyWithAnswer, respondWithChoices } from '../bot/reply.js';
import type { Command } from './index.js';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask any question about the article')
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, e.g. "What did Russia propose?"').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH),
    )
    .addStringOption(articleOption),
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, { command: 'ask', text: interaction.options.getString('question', true) }),
  autocomplete: (interaction, context) => respondWithChoices(interaction, context, () => []),
} satisfies Command;
