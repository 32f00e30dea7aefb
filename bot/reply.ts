// Replying to interactions: the one path every question command takes from options to embed,
// and the small private replies (refusals, hints, apologies). Nothing sent here can ping.
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageMentionOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { Question } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import type { CommandContext, Outcome } from '../commands/index.js';
import { chooseArticle, defaultArticleFor } from './article-choice.js';
import { articles, fromEveryArticle, rankChoices, type Candidate } from './autocomplete.js';
import { LIMITS, truncate } from './discord-text.js';


/** Allowed mentions for everything Docent sends: nothing is pinged, not even the person answered. */
export const NO_MENTIONS = { parse: [], repliedUser: false } satisfies MessageMentionOptions;

/** A short private reply, or a private follow-up when the interaction was already answered. */
export async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const payload = { content: truncate(text, LIMITS.content), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/** The question as someone would type it to the `ask` command: `/quote speaker:Nauert topic:leaks`. */
export function typedForm(question: Question): string {
  const parts = [`/${question.command}`];
  if (question.command === 'quote') {
    if (question.speaker) parts.push(`speaker:${question.speaker}`);
    if (question.topic) parts.push(`topic:${question.topic}`);
  } else if (question.text) parts.push(question.text);
  if (question.article) parts.push(`article:${question.article}`);
  return parts.join(' ');
}

/** The shared handler of /who, /when, /where, /quote, /ask and /search. */
export async function replyWithAnswer(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
  question: Omit<Question, 'article'>,
): Promise<Outcome> {
  const library = context.getLibrary();
  const choice = chooseArticle(library, interaction.options.getString('article'));
  if (!choice.ok) {
    await replyPrivately(interaction, choice.reply);
    return 'bad-input';
  }
  // The title shows what the person typed; the engine gets the server's default article when none was named.
  const typed = typedForm({ ...question, article: choice.slug });
  const asked = { ...question, article: choice.slug ?? defaultArticleFor(context.moderation, interaction.guildId, library) };
  const { answer, rendered } = context.answers.answer(library, asked, typed);
  await interaction.reply({
    ...rendered,
    // Only an answer is shown to the channel; "not in the article" is for the asker alone.
    flags: answer.found ? undefined : MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
  return answer.found ? 'answered' : 'not-found';
}

/**
 * Autocomplete for a question command: the `article` option offers the loaded articles, any other
 * autocompleted option offers `pick(article)` for the article chosen so far (or the default one).
 */
export async function respondWithChoices(
  interaction: AutocompleteInteraction,
  context: CommandContext,
  pick: (index: ArticleIndex) => Candidate[],
): Promise<Outcome> {
  const library = context.getLibrary();
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value ?? '');
  let candidates: Candidate[] = [];
  if (focused.name === 'article') candidates = articles(library);
  else {
    const choice = chooseArticle(library, interaction.options.getString('article'));
    const slug = choice.ok ? (choice.slug ?? defaultArticleFor(context.moderation, interaction.guildId, library)) : undefined;
    const index = slug ? library.get(slug) : undefined;
    // No article chosen and no server default: offer every article's, each labelled with its article.
    if (index) candidates = pick(index);
    else if (choice.ok) candidates = fromEveryArticle(library, pick);
  }
  await interaction.respond(rankChoices(candidates, typed));
  return 'suggested';
}
