// /when event: the time expression that dates an event in the article.
import { SlashCommandBuilder } from 'discord.js';
import { articleOption, MAX_QUESTION_LENGTH } from '../bot/command-options.js';
import { replyWithAnswer, respondWithChoices } from '../bot/reply.js';
import type { Command } from './index.js';

export default {
  data: new SlashCommandBuilder()
    .setName('when')
    .setDescription('When something in the article happened')
    .addStringOption((o) =>
      o.setName('event').setDescription('The event, e.g. "Shannon met his Russian counterpart"').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH),
    )
    .addStringOption(articleOption),
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, { command: 'when', text: interaction.options.getString('event', true) }),
  // Only the article option is autocompleted here.
  autocomplete: (interaction, context) => respondWithChoices(interaction, context, () => []),
} satisfies Command;
