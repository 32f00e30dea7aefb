// What a command module is, and how the modules of this folder are found and checked.
// As in the discord.js TypeScript template: one file per command exporting
// `{ data, execute, autocomplete? } satisfies Command`, each checked with zod when loaded.
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { AnswerCache } from '../bot/answer-cache.js';
import type { Logger } from '../bot/logger.js';
import type { Moderation } from '../bot/moderation.js';
import type { Library } from '../src/index.js';

/** How an interaction ended, for the one log line it gets. */
export type Outcome =
  | 'answered'
  | 'not-found'
  | 'shown'
  | 'suggested'
  | 'bad-input'
  | 'unknown'
  | 'cooldown'
  | 'ignored'
  | 'expired'
  | 'error'
  /** A moderator command asked by someone who may not use it. */
  | 'denied'
  /** A moderator's change was checked and refused (a bad file, nothing to roll back). */
  | 'refused'
  /** A moderator's change was made. */
  | 'updated';

/** What a handler may use besides its interaction. */
export interface CommandContext {
  /** The articles as loaded now: read it once per interaction, a refresh may swap it between two. */
  getLibrary: () => Library;
  /** Every loaded command, for /help. */
  commands: ReadonlyMap<string, Command>;
  logger: Logger;
  /** Answers through the client's answer cache: use it rather than calling the engine directly. */
  answers: AnswerCache;
  /** The data folder, defaults and audit log behind moderators' commands; absent when the bot serves a fixed library. */
  moderation?: Moderation | undefined;
}

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<Outcome>;
}

const isFunction = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === 'function';

/** Checks that a loaded module's default export really is a command. */
const commandSchema = z.object({
  data: z.object({
    name: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'must be a valid slash command name'),
    toJSON: z.custom<() => unknown>(isFunction, 'must be a function'),
  }),
  execute: z.custom<Command['execute']>(isFunction, 'must be a function'),
  autocomplete: z.custom<NonNullable<Command['autocomplete']>>(isFunction, 'must be a function').optional(),
});

const COMMANDS_DIR = dirname(fileURLToPath(import.meta.url));

const MODULE_FILE = /\.(?:ts|js|mjs)$/;

/** Import every command module in `dir` (this folder by default), checked, sorted by name. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Command[]> {
  const files = readdirSync(dir)
    .filter((file) => MODULE_FILE.test(file) && !file.endsWith('.d.ts') && basename(file, extname(file)) !== 'index')
    .sort();
  const commands: Command[] = [];
  for (const file of files) {
    const module: { default?: unknown } = await import(pathToFileURL(join(dir, file)).href);
    const checked = commandSchema.safeParse(module.default);
    if (!checked.success) {
      const why = checked.error.issues.map((i) => `${i.path.join('.') || 'default export'} ${i.message}`).join('; ');
      throw new Error(`commands/${file} is not a command module: ${why}`);
    }
    commands.push(module.default as Command);
  }
  const names = new Set<string>();
  for (const command of commands) {
    if (names.has(command.data.name)) throw new Error(`two command modules are named /${command.data.name}`);
    names.add(command.data.name);
  }
  return commands.sort((a, b) => a.data.name.localeCompare(b.data.name));
}
