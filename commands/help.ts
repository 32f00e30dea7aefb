// /help: how to ask, with examples drawn from this server's article, the commands in the order
// people use them, and the moderators' commands only for moderators. Private: it is for the asker.
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { defaultArticleFor } from '../bot/article-choice.js';
import { escapeText, oneLine } from '../bot/discord-text.js';
import { helpExamples } from '../bot/help-examples.js';
import { checkModerator } from '../bot/permissions.js';
import { COLOR_FOUND, fitEmbed } from '../bot/render-answer.js';
import { NO_MENTIONS } from '../bot/reply.js';
import type { Command } from './index.js';

/** The order people reach for them: asking first, then the specific questions, then the rest. */
const ORDER = ['ask', 'who', 'when', 'where', 'quote', 'search', 'article', 'help'];
/** Commands only moderators can use: listed for them alone. */
const MODERATOR_COMMANDS = new Set(['refresh']);
const FIXED_EXAMPLES: Record<string, string> = {
  article: '/article list',
  refresh: '/refresh file file:<your .txt upload>',
};

const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length + (MODERATOR_COMMANDS.has(name) ? 1 : 0));

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What Docent can answer, with examples'),
  async execute(interaction, context) {
    const library = context.getLibrary();
    const slug = defaultArticleFor(context.moderation, interaction.guildId, library);
    const index = (slug && library.get(slug)) || library.list()[0];
    const examples = { ...FIXED_EXAMPLES, ...(index ? helpExamples(library, index) : {}) };
    const moderator = checkModerator(interaction, context.moderation?.access ?? { moderatorRoleIds: [], ownerIds: [] }).allowed;
    const lines = [...context.commands.values()]
      .filter((command) => moderator || !MODERATOR_COMMANDS.has(command.data.name))
      .sort((a, b) => rank(a.data.name) - rank(b.data.name))
      .map((command) => {
        const { name, description } = command.data.toJSON();
        const example = examples[name];
        return `**/${name}**: ${description}${example ? `\n\`${example.replace(/`/g, "'")}\`` : ''}`;
      });
    const about = index ? `“${escapeText(oneLine(index.article.headline))}”` : 'the loaded news article';
    const description = [
      `I answer questions about ${about}, citing the paragraph (¶) each answer comes from.`,
      '',
      ...lines,
      '',
      'You can also mention me with a question (`@Docent who is quoted?`) or send me a direct message.',
    ].join('\n');
    await interaction.reply({
      embeds: [fitEmbed({ color: COLOR_FOUND, title: 'Docent: questions about the article', description })],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return 'shown';
  },
} satisfies Command;
