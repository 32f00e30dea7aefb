// /quote speaker topic: the exact words someone said, with who said them. Either option may be given.
import { SlashCommandBuilder } from 'discord.js';
import { articleOption, MAX_NAME_LENGTH } from '../bot/command-options.js';
import { speakers } from '../bot/autocomplete.js';
import { replyPrivately, replyWithAnswer, respondWithChoices } from '../bot/reply.js';
import type { Command } from './index.js';

export default {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('What someone in the article said, word for word')
    .addStringOption((o) =>
      o.setName('speaker').setDescription('Who said it').setMaxLength(MAX_NAME_LENGTH).setAutocomplete(true),
    )
    .addStringOption((o) => o.setName('topic').setDescription('What it was about, e.g. "leaks"').setMaxLength(MAX_NAME_LENGTH))
    .addStringOption(articleOption),
  async execute(interaction, context) {
    const speaker = interaction.options.getString('speaker')?.trim() || undefined;
    const topic = interaction.options.getString('topic')?.trim() || undefined;
    if (!speaker && !topic) {
      await replyPrivately(interaction, 'Tell me who spoke (`speaker`), what about (`topic`), or both: for example `/quote speaker:Nauert`.');
      return 'bad-input';
    }
    const text = [speaker, topic].filter(Boolean).join(' ');
    return replyWithAnswer(interaction, context, { command: 'quote', text, speaker, topic });
  },
  autocomplete: (interaction, context) => respondWithChoices(interaction, context, speakers),
} satisfies Command;
