// Clicks on Docent's components: "Show paragraph" (a button, or a pick in the menu of cited
// paragraphs), "Other matches", and a suggestion that asks its question. Every id is read back by
// button-ids.ts; one it did not make, or one whose article is gone, is answered privately and
// changes nothing.
import { MessageFlags, type ButtonInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { CommandContext, Outcome } from '../commands/index.js';
import { decodeButton, PICK_MENU_ID } from './button-ids.js';
import { askedText, renderAlternatives, renderParagraph } from './render-answer.js';
import { NO_MENTIONS, replyPrivately } from './reply.js';

export const UNKNOWN_BUTTON_REPLY = 'That button is not one I know, or it has expired. Ask again with a command such as `/ask`.';
const GONE_REPLY = 'That part of the article is no longer loaded (it may have been updated). Ask again to get a fresh answer.';

/** The button id a click carries: the button's own, or the value picked in a menu of them. */
function clickedId(interaction: ButtonInteraction | StringSelectMenuInteraction): string | undefined {
  if (interaction.isButton()) return interaction.customId;
  return interaction.customId === PICK_MENU_ID && interaction.values.length === 1 ? interaction.values[0] : undefined;
}

export async function handleButton(interaction: ButtonInteraction | StringSelectMenuInteraction, context: CommandContext): Promise<Outcome> {
  const id = clickedId(interaction);
  const button = id === undefined ? undefined : decodeButton(id);
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
  const asked = askedText(button.question);
  const { answer, rendered } = context.answers.answer(library, button.question, asked);
  if (button.kind === 'ask') {
    // A suggestion answers as its command would: in the channel when found, privately when not.
    await interaction.reply({ ...rendered, flags: answer.found ? undefined : MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return answer.found ? 'answered' : 'not-found';
  }
  const article = answer.article ? library.get(answer.article.slug) : undefined;
  await interaction.reply({ embeds: [renderAlternatives(answer, button.question, article)], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  return 'shown';
}
