// /article: what is loaded: headline, source, date, how many paragraphs and facts, when it was loaded.
import { SlashCommandBuilder, time, TimestampStyles, type APIEmbed } from 'discord.js';
import { articleOption } from '../bot/command-options.js';
import { chooseArticle } from '../bot/article-choice.js';
import { escapeText, oneLine } from '../bot/discord-text.js';
import { COLOR_FOUND, fitEmbed } from '../bot/render-answer.js';
import { NO_MENTIONS, replyPrivately, respondWithChoices } from '../bot/reply.js';
import type { Library } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import type { Command } from './index.js';

export function describeArticle(index: ArticleIndex, library: Library): APIEmbed {
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
  if (library.size > 1) embed.footer = { text: `${library.size} articles loaded: pick one with the article option.` };
  return fitEmbed(embed);
}

export default {
  data: new SlashCommandBuilder().setName('article').setDescription('Which article is loaded, and what Docent knows about it').addStringOption(articleOption),
  async execute(interaction, context) {
    const library = context.getLibrary();
    const choice = chooseArticle(library, interaction.options.getString('article'));
    const index = choice.ok ? (choice.slug ? library.get(choice.slug) : library.list()[0]) : undefined;
    if (!choice.ok || !index) {
      await replyPrivately(interaction, choice.ok ? 'No article is loaded yet.' : choice.reply);
      return 'bad-input';
    }
    await interaction.reply({ embeds: [describeArticle(index, library)], allowedMentions: NO_MENTIONS });
    return 'shown';
  },
  autocomplete: (interaction, context) => respondWithChoices(interaction, context, () => []),
} satisfies Command;

