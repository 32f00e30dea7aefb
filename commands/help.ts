// /help: what Docent can do, with an example of each command. Private: it is for the asker.
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { COLOR_FOUND, fitEmbed } from '../bot/render-answer.js';
import { NO_MENTIONS } from '../bot/reply.js';
import type { Command } from './index.js';

const EXAMPLES: Record<string, string> = {
  who: '/who query:Heather Nauert',
  when: '/when event:Shannon met his Russian counterpart',
  where: '/where query:Trump met Putin',
  quote: '/quote speaker:Nauert',
  ask: '/ask question:What did Russia propose?',
  search: '/search terms:diplomatic staff',
  article: '/article list',
  refresh: '/refresh file file:<your .txt upload>',
  help: '/help',
};

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What Docent can answer, with examples'),
  async execute(interaction, context) {
    const lines = [...context.commands.values()].map((command) => {
      const { name, description } = command.data.toJSON();
      const example = EXAMPLES[name];
      return `**/${name}**: ${description}${example ? `\n\`${example}\`` : ''}`;
    });
    const description = [
      'I answer questions about the loaded news article, citing the paragraph (¶) each answer comes from.',
      '',
      ...lines,
      '',
      'You can also mention me with a question (`@Docent who met Putin?`) or send me a direct message.',
      'When the article does not say, I tell you so and suggest what it does say.',
    ].join('\n');
    await interaction.reply({
      embeds: [fitEmbed({ color: COLOR_FOUND, title: 'Docent: questions about the article', description })],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return 'shown';
  },
} satisfies Command;
