// Clicks on "Show paragraph" and "Other matches". Both answer privately: they are for the clicker.
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { CommandContext, Outcome } from '../commands/index.js';
import { decodeButton } from './button-ids.js';
import { renderAlternatives, renderParagraph } from './render-answer.js';
import { NO_MENTIONS, replyPrivately, typedForm } from './reply.js';

export const UNKNOWN_BUTTON_REPLY = 'That button is not one I know, or it has expired. Ask again with a command such as `/ask`.';
const GONE_REPLY = 'That part of the article is no longer loaded (it may have been updated). Ask again to get a fresh answer.';

export async function handleButton(interaction: ButtonInteraction, context: CommandContext): Promise<Outcome> {
  const button = decodeButton(interaction.customId);
  if (!button) {
    await replyPrivately(interaction, UNKNOWN_BUTTON_REPLY);
    return 'unknown';
  }
  const library = context.getLibrary();
  if (button.kind === 'paragraph') {
    const article = library.get(button.slug);
    const embed = article && renderParagraph(article, button.paragraph, button.sentence);
    if (!embed) {
      await replyPrivately(interaction, GONE_REPLY);
      return 'bad-input';
    }
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return 'shown';
  }
  if (button.question.article && !library.get(button.question.article)) {
    await replyPrivately(interaction, GONE_REPLY);
    return 'bad-input';
  }
  const { answer } = context.answers.answer(library, button.question, typedForm(button.question));
  await interaction.reply({ embeds: [renderAlternatives(answer)], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  return 'shown';
}
