// /who query: a person's role and where they appear, or who did or is described by something.
import { SlashCommandBuilder } from 'discord.js';
import { articleOption, MAX_QUESTION_LENGTH } from '../bot/command-options.js';
import { peopleAndOrganisations } from '../bot/autocomplete.js';
import { replyWithAnswer, respondWithChoices } from '../bot/reply.js';
import type { Command } from './index.js';

export default {
  data: new SlashCommandBuilder()
    .setName('who')
    .setDescription('Who someone in the article is, or who did something')
    .addStringOption((o) =>
      o
        .setName('query')
        .setDescription('A name, a description ("the spokeswoman") or an action ("met Putin")')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH)
        .setAutocomplete(true),
    )
    .addStringOption(articleOption),
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, { command: 'who', text: interaction.options.getString('query', true) }),
  autocomplete: (interaction, context) => respondWithChoices(interaction, context, peopleAndOrganisations),
} satisfies Command;
