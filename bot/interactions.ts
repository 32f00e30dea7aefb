// Every interaction goes through here: routed to its command, autocomplete or button, guarded so
// an unexpected error becomes a short private apology with an error id, and logged as one line
// (what, how long, how it ended).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DiscordAPIError, DiscordjsErrorCodes, DiscordjsTypeError, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import type { Command, CommandContext, Outcome } from '../commands/index.js';
import { handleButton } from './buttons.js';
import { replyPrivately } from './reply.js';

export const UNKNOWN_COMMAND_REPLY = 'I do not know that command (it may have been removed). Try `/help`.';
export const UNEXPECTED_OPTIONS_REPLY =
  'That command arrived with options I do not expect (it may have changed since Discord loaded it for you). Pick it again from the command list, or try `/help`.';

/** What discord.js throws when a command's options are not what its definition says. */
const OPTION_ERRORS: ReadonlySet<string> = new Set([
  DiscordjsErrorCodes.CommandInteractionOptionNotFound,
  DiscordjsErrorCodes.CommandInteractionOptionType,
  DiscordjsErrorCodes.CommandInteractionOptionEmpty,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommand,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommandGroup,
  DiscordjsErrorCodes.AutocompleteInteractionOptionNoFocusedOption,
]);

/**
 * Options that do not match the command: a registration older than the running code (commands
 * not yet redeployed) or a forged payload. The person's input, not our failure.
 */
function isUnexpectedOptions(error: unknown): boolean {
  return error instanceof DiscordjsTypeError && OPTION_ERRORS.has(error.code);
}

/** Discord's "this interaction is gone": too late to answer (10062) or answered already (40060). */
function isExpiredInteraction(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction || error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}

export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function apology(errorId: string): string {
  return `Sorry, something went wrong on my side. If it keeps happening, tell the server's moderators: error id \`${errorId}\`.`;
}

function describe(interaction: Interaction): { kind: string; command: string } {
  if (interaction.isChatInputCommand()) return { kind: 'command', command: interaction.commandName };
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', command: interaction.commandName };
  if (interaction.isButton()) return { kind: 'button', command: interaction.customId.split('|', 2).join('|') };
  if (interaction.isStringSelectMenu()) return { kind: 'select', command: String(interaction.values[0] ?? '').split('|', 2).join('|') };
  return { kind: 'other', command: String(interaction.type) };
}

async function route(interaction: Interaction, commands: ReadonlyMap<string, Command>, context: CommandContext): Promise<Outcome> {
  if (interaction.isChatInputCommand()) {
    const command = commands.get(interaction.commandName);
    if (!command) {
      await replyPrivately(interaction, UNKNOWN_COMMAND_REPLY);
      return 'unknown';
    }
    return command.execute(interaction, context);
  }
  if (interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    if (!command?.autocomplete) {
      await interaction.respond([]);
      return 'unknown';
    }
    return command.autocomplete(interaction, context);
  }
  if (interaction.isButton() || interaction.isStringSelectMenu()) return handleButton(interaction, context);
  if (interaction.isRepliable()) {
    await replyPrivately(interaction, 'I cannot handle that kind of interaction.');
    return 'unknown';
  }
  return 'ignored';
}

/** Handle one interaction. Never throws: whatever happens is answered where possible, and logged. */
export async function handleInteraction(interaction: Interaction, commands: ReadonlyMap<string, Command>, context: CommandContext): Promise<void> {
  const started = performance.now();
  const { kind, command } = describe(interaction);
  const fields = { kind, command, user: interaction.user?.id, guild: interaction.guildId, interaction: interaction.id };
  try {
    const outcome = await route(interaction, commands, context);
    context.logger.info({ ...fields, outcome, latencyMs: elapsed(started) }, 'interaction');
  } catch (error) {
    if (isExpiredInteraction(error)) {
      context.logger.warn({ ...fields, outcome: 'expired', latencyMs: elapsed(started), code: (error as DiscordAPIError).code }, 'interaction expired before the reply');
      return;
    }
    if (isUnexpectedOptions(error)) {
      const { code, message } = error as DiscordjsTypeError;
      context.logger.warn({ ...fields, outcome: 'bad-input', latencyMs: elapsed(started), code, detail: message }, 'interaction');
      await answerUnexpectedOptions(interaction, context);
      return;
    }
    const errorId = newErrorId();
    context.logger.error({ ...fields, outcome: 'error', latencyMs: elapsed(started), errorId, err: error }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    try {
      await replyPrivately(interaction, apology(errorId));
    } catch (replyError) {
      context.logger.warn({ errorId, err: replyError }, 'could not send the apology');
    }
  }
}

async function answerUnexpectedOptions(interaction: Interaction, context: CommandContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await replyPrivately(interaction, UNEXPECTED_OPTIONS_REPLY);
  } catch (replyError) {
    context.logger.warn({ interaction: interaction.id, err: replyError }, 'could not answer an interaction with unexpected options');
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
