// `npm start`: with DISCORD_TOKEN set, connect to Discord and serve. Without it, open the local
// console when standard input is a terminal, or exit 1 with a one-line reason.
import { DiscordjsErrorCodes, Events } from 'discord.js';
import { loadCommands } from '../commands/index.js';
import { createDocentClient } from './client.js';
import { loadConfig, type DocentConfig } from './config.js';
import { createLogger, scrubSecrets, tokenSecrets } from './logger.js';
import { followDataChanges, moderationSettings, openModeration, type Moderation } from './moderation.js';
import { installProcessGuards } from './process-guards.js';

const NO_TOKEN_REASON =
  'DISCORD_TOKEN is not set and standard input is not a terminal: set DISCORD_TOKEN in .env to run the bot, or run npm run console';

/** Gateway close codes after which reconnecting cannot help, with what the operator should do. */
const FATAL_CLOSE_CODES: Record<number, string> = {
  4004: 'Discord refused the token (4004): check DISCORD_TOKEN in .env (Developer Portal → Bot → Reset Token)',
  4010: 'Discord refused the shard settings (4010)',
  4011: 'Discord requires more shards (4011): run npm run start:sharded',
  4012: 'Discord refused the gateway version (4012): update discord.js',
  4013: 'Discord refused the intents (4013)',
  4014: 'Discord refused a privileged intent (4014): Docent needs none; check that discord.js was not configured with extra intents',
};

/** Exit status 1 with one line on standard error, scrubbed as log lines are (the settings may not have parsed, so the token is read from the environment). */
function fail(reason: string): number {
  process.stderr.write(`docent: ${scrubSecrets(reason, tokenSecrets(process.env.DISCORD_TOKEN))}\n`);
  return 1;
}

async function serve(config: DocentConfig, moderation: Moderation, problems: string[]): Promise<number | undefined> {
  const logger = createLogger({ level: config.logLevel, secrets: tokenSecrets(config.token) });
  for (const problem of problems) logger.warn({ problem }, 'left out of the articles served');
  const commands = await loadCommands();
  const { holder } = moderation;
  const client = createDocentClient({ config, getLibrary: () => holder.library, logger, commands, moderation });
  const stopFollowing = followDataChanges(moderation, client, logger, config.dataWatchMs);
  const exit = (code: number) => {
    logger.flush();
    process.exit(code);
  };
  installProcessGuards({
    logger,
    shutdown: () => {
      stopFollowing();
      return client.destroy();
    },
    exit,
  });

  client.on(Events.ShardDisconnect, (event) => {
    const reason = FATAL_CLOSE_CODES[event.code];
    if (!reason) return;
    logger.fatal({ code: event.code }, reason);
    fail(reason);
    void client.destroy().finally(() => exit(1));
  });

  try {
    await client.login(config.token);
  } catch (error) {
    const invalid = (error as { code?: string }).code === DiscordjsErrorCodes.TokenInvalid;
    const reason = invalid
      ? 'Discord refused the token: check DISCORD_TOKEN in .env (Developer Portal → Bot → Reset Token)'
      : `could not connect to Discord at ${config.apiUrl}: ${(error as Error).message}`;
    logger.fatal({ err: error }, reason);
    await client.destroy();
    return fail(reason);
  }
  logger.info({ articles: holder.library.size, dataDir: config.dataDir }, 'serving');
  return undefined;
}

async function main(): Promise<number | undefined> {
  let config: DocentConfig;
  try {
    config = loadConfig('settings');
  } catch (error) {
    return fail((error as Error).message);
  }
  // The versioned data folder: what moderators refresh, and where each server's default article is kept.
  let opened: Awaited<ReturnType<typeof openModeration>>;
  try {
    opened = await openModeration(moderationSettings(config, process.env));
  } catch (error) {
    return fail(`cannot read the articles in ${config.dataDir}: ${(error as Error).message.split('\n')[0]}`);
  }
  const { moderation } = opened;
  const problems = [...opened.problems.map((p) => `${p.file}: ${p.reason}`), ...(opened.defaultsProblem ? [opened.defaultsProblem] : [])];
  if (moderation.holder.library.size === 0) {
    return fail(`no article in ${config.dataDir} can be served: ${problems[0] ?? 'the folder is empty'}`);
  }
  if (config.token) return serve(config, moderation, problems);
  if (!process.stdin.isTTY) return fail(NO_TOKEN_REASON);
  for (const problem of problems) process.stderr.write(`docent: left out: ${problem}\n`);
  const { runConsole } = await import('../cli/console.js');
  await runConsole(moderation.holder.library);
  return 0;
}

const code = await main();
if (code !== undefined) process.exitCode = code;
