// /article: the loaded articles, and which one this server asks about.
//   /article info [article]   headline, source, date, paragraph and fact counts, when it was loaded
//   /article list             every loaded article, this server's default marked
//   /article use [article]    (moderators) this server's default article; without one, questions search every article
// info and list are for everyone; use is checked at run time (Discord's default member permissions
// apply to a whole command, not to one subcommand), and audited.
import { SlashCommandBuilder, time, TimestampStyles, type APIEmbed, type ChatInputCommandInteraction } from 'discord.js';
import { articleOption, MAX_NAME_LENGTH } from '../bot/command-options.js';
import { chooseArticle, defaultArticleFor, serverScope } from '../bot/article-choice.js';
import { articles, rankChoices } from '../bot/autocomplete.js';
import { escapeText, oneLine, truncate } from '../bot/discord-text.js';
import { NO_DATA_FOLDER_REPLY, actorOf, admitModerator, recordAttempt } from '../bot/moderation.js';
import { COLOR_FOUND, fitEmbed } from '../bot/render-answer.js';
import { NO_MENTIONS, replyPrivately } from '../bot/reply.js';
import type { Library } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import type { Command, CommandContext, Outcome } from './index.js';

const LISTED = 25;

function describeArticle(index: ArticleIndex, library: Library, isServerDefault = false): APIEmbed {
  const { article } = index;
  const field = (name: string, value: string | number, inline = true) => ({ name, value: String(value) || '—', inline });
  const embed: APIEmbed = {
    color: COLOR_FOUND,
    title: escapeText(oneLine(article.headline)),
    fields: [
      field('Source', escapeText(oneLine(article.meta.source ?? 'not given'))),
      field('Published', article.meta.published ?? 'not given'),
      field('Slug', `\`${article.slug}\``),
      field('Paragraphs', article.paragraphs.length),
      field('Sentences', article.sentences.length),
      field('People', index.people.length),
      field('Organisations', index.organisations.length),
      field('Places', index.places.length),
      field('Time facts', index.times.length),
      field('Quotes', index.quotes.length),
      field('Loaded', `${time(library.loadedAt, TimestampStyles.ShortDateTime)} (${time(library.loadedAt, TimestampStyles.RelativeTime)})`, false),
    ],
  };
  if (article.meta.url) embed.url = article.meta.url;
  const footer = [
    isServerDefault ? 'This server’s default article.' : '',
    library.size > 1 ? `${library.size} articles loaded: see /article list, or pick one with the article option.` : '',
  ].filter(Boolean);
  if (footer.length) embed.footer = { text: footer.join(' ') };
  return fitEmbed(embed);
}

async function info(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Outcome> {
  const library = context.getLibrary();
  const choice = chooseArticle(library, interaction.options.getString('article'));
  if (!choice.ok) {
    await replyPrivately(interaction, choice.reply);
    return 'bad-input';
  }
  const serverDefault = defaultArticleFor(context.moderation, interaction.guildId, library);
  const slug = choice.slug ?? serverDefault;
  const index = slug ? library.get(slug) : library.list()[0];
  if (!index) {
    await replyPrivately(interaction, 'No article is loaded yet.');
    return 'bad-input';
  }
  await interaction.reply({ embeds: [describeArticle(index, library, index.article.slug === serverDefault)], allowedMentions: NO_MENTIONS });
  return 'shown';
}

async function list(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Outcome> {
  const library = context.getLibrary();
  if (library.size === 0) {
    await replyPrivately(interaction, 'No article is loaded yet.');
    return 'bad-input';
  }
  const serverDefault = defaultArticleFor(context.moderation, interaction.guildId, library);
  const lines = library
    .list()
    .slice(0, LISTED)
    .map((ix) => {
      const mark = ix.article.slug === serverDefault ? ' ← this server’s default' : '';
      const { source: named } = ix.article.meta;
      const source = named && named !== ix.article.headline ? ` · ${escapeText(truncate(oneLine(named), 60))}` : '';
      return `\`${ix.article.slug}\`: ${escapeText(truncate(oneLine(ix.article.headline), 150))}${source}${mark}`;
    });
  if (library.size > LISTED) lines.push(`…and ${library.size - LISTED} more: type in the article option to find one.`);
  const how = serverDefault
    ? 'Questions here use the default article unless they name another with the article option.'
    : 'Questions search every article unless they name one with the article option.';
  await interaction.reply({
    embeds: [fitEmbed({ color: COLOR_FOUND, title: `${library.size} article${library.size === 1 ? '' : 's'} loaded`, description: [...lines, '', how].join('\n') })],
    allowedMentions: NO_MENTIONS,
  });
  return 'shown';
}

async function use(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Outcome> {
  const { moderation, logger } = context;
  if (!moderation) {
    await replyPrivately(interaction, NO_DATA_FOLDER_REPLY);
    return 'unknown';
  }
  if (!(await admitModerator(moderation, logger, interaction)).allowed) return 'denied';
  const guildId = interaction.guildId!; // admitModerator refuses DMs
  const library = context.getLibrary();
  const typed = interaction.options.getString('article');
  const choice = typed ? chooseArticle(library, typed) : ({ ok: true, slug: undefined } as const);
  if (!choice.ok) {
    await recordAttempt(moderation, logger, interaction, 'refused', choice.reply);
    await replyPrivately(interaction, choice.reply);
    return 'refused';
  }
  try {
    await moderation.scopeDefaults.set(serverScope(guildId), choice.slug, actorOf(interaction));
  } catch (error) {
    await recordAttempt(moderation, logger, interaction, 'failed', (error as Error).message);
    throw error;
  }
  await recordAttempt(moderation, logger, interaction, 'ok', choice.slug ? `default article: ${choice.slug}` : 'default article cleared');
  const index = choice.slug ? library.get(choice.slug) : undefined;
  const text = index
    ? `Questions in this server now use **${escapeText(oneLine(index.article.headline))}** (\`${index.article.slug}\`) unless they name another article.`
    : 'This server has no default article now: questions search every loaded article.';
  await replyPrivately(interaction, text);
  return 'updated';
}

const SUBCOMMANDS: Record<string, (interaction: ChatInputCommandInteraction, context: CommandContext) => Promise<Outcome>> = { info, list, use };

export default {
  data: new SlashCommandBuilder()
    .setName('article')
    .setDescription('The loaded articles, and which one this server asks about')
    .addSubcommand((s) => s.setName('info').setDescription('What Docent knows about an article (default: this server’s)').addStringOption(articleOption))
    .addSubcommand((s) => s.setName('list').setDescription('Every loaded article'))
    .addSubcommand((s) =>
      s
        .setName('use')
        .setDescription('Moderators: the article this server asks about by default (leave empty to search every article)')
        .addStringOption((o) =>
          o.setName('article').setDescription('The article questions here use by default').setMaxLength(MAX_NAME_LENGTH).setAutocomplete(true),
        ),
    ),
  // A payload without a subcommand (as the command was registered before it had them) gets info.
  execute: (interaction, context) => (SUBCOMMANDS[interaction.options.getSubcommand(false) ?? 'info'] ?? info)(interaction, context),
  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(rankChoices(articles(context.getLibrary()), String(focused.value ?? '')));
    return 'suggested';
  },
} satisfies Command;
