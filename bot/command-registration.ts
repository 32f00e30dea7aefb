// Registering the slash commands with Discord: in one server when DISCORD_GUILD_ID is set
// (instant, for development), otherwise globally.
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Command } from '../commands/index.js';
import type { DocentConfig } from './config.js';

export function commandsJson(commands: readonly Command[]) {
  return commands.map((command) => command.data.toJSON());
}

export interface Registration {
  scope: 'guild' | 'global';
  route: `/${string}`;
  count: number;
}

/** The route commands go to: the guild's when a guild id is set, else the application's. */
export function registrationRoute(config: Pick<DocentConfig, 'clientId' | 'guildId'>): { scope: 'guild' | 'global'; route: `/${string}` } {
  const clientId = config.clientId ?? 'DISCORD_CLIENT_ID';
  return config.guildId
    ? { scope: 'guild', route: Routes.applicationGuildCommands(clientId, config.guildId) }
    : { scope: 'global', route: Routes.applicationCommands(clientId) };
}

/** PUT the full list (Discord replaces what was registered before with exactly this list). */
export async function registerCommands(config: DocentConfig, commands: readonly Command[]): Promise<Registration> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const { scope, route } = registrationRoute(config);
  const result = (await rest.put(route, { body: commandsJson(commands) })) as RESTPutAPIApplicationCommandsResult;
  return { scope, route, count: result.length };
}
