// `npm run deploy-commands [-- --dry-run]`: register the slash commands with Discord.
// --dry-run prints the JSON that would be sent, and needs no token.
import { DiscordAPIError } from 'discord.js';
import { loadCommands } from '../commands/index.js';
import { commandsJson, registerCommands, registrationRoute } from './command-registration.js';
import { loadConfig } from './config.js';

const USAGE = 'usage: npm run deploy-commands [-- --dry-run]';

function explain(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord refused the token: check DISCORD_TOKEN in .env';
    if (error.code === 50001) return 'Discord says the bot cannot reach that server: invite it with the applications.commands scope, and check DISCORD_GUILD_ID';
    return `Discord refused the commands (${error.status}, code ${error.code}): ${error.message}`;
  }
  return (error as Error).message;
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--dry-run');
  if (unknown.length) {
    process.stderr.write(`deploy-commands: unknown argument ${unknown[0]}; ${USAGE}\n`);
    return 2;
  }
  const dryRun = argv.includes('--dry-run');
  try {
    const config = loadConfig(dryRun ? 'settings' : 'deploy');
    const commands = await loadCommands();
    if (dryRun) {
      const { scope, route } = registrationRoute(config);
      process.stderr.write(`deploy-commands: dry run, would PUT ${commands.length} commands to ${route} (${scope})\n`);
      process.stdout.write(`${JSON.stringify(commandsJson(commands), null, 2)}\n`);
      return 0;
    }
    const registration = await registerCommands(config, commands);
    const where = registration.scope === 'guild' ? `in server ${config.guildId} (available now)` : 'globally (every server the bot is in)';
    process.stdout.write(`Registered ${registration.count} commands ${where}.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`deploy-commands: ${explain(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
