// Starts the real Docent client in-process against a fresh fake Discord, with its logs captured.
import { Events, type Client, type ClientOptions } from 'discord.js';
import { createDocentClient } from '../../bot/client.js';
import { parseConfig, type DocentConfig } from '../../bot/config.js';
import { createLogger, type Logger } from '../../bot/logger.js';
import { loadCommands, type Command } from '../../commands/index.js';
import type { Library } from '../../src/index.js';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.js';

/** A token-shaped secret, so a test can look for it in every log line. */
export const TEST_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.FAKE00.test-token-never-to-be-logged-0123456789';

export interface BotHarness {
  fake: FakeDiscord;
  client: Client;
  config: DocentConfig;
  logger: Logger;
  /** Every log line written, as parsed JSON. */
  logs: Array<Record<string, unknown>>;
  /** Every log line as written (to search for secrets). */
  rawLogs: string[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  library: Library | (() => Library);
  env?: Record<string, string>;
  fake?: FakeDiscordOptions;
  commands?: Command[];
  logLevel?: string;
  /** Extra discord.js client options (a short REST timeout for fault tests). */
  clientOptions?: Partial<ClientOptions>;
  /** False: log lines are still formatted and scrubbed, but not kept (long runs that measure memory). Default true. */
  keepLogs?: boolean;
}

let cachedCommands: Command[] | undefined;

export async function startBot(options: HarnessOptions): Promise<BotHarness> {
  const fake = await FakeDiscord.start({ token: TEST_TOKEN, ...options.fake });
  const config = parseConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl, USER_COOLDOWN_SECONDS: '0', CHANNEL_COOLDOWN_SECONDS: '0', ...options.env }, 'bot');
  const rawLogs: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: options.logLevel ?? 'info',
    secrets: [config.token],
    destination: {
      write(line: string) {
        if (options.keepLogs === false) return;
        rawLogs.push(line);
        logs.push(JSON.parse(line));
      },
    },
  });
  const getLibrary = typeof options.library === 'function' ? options.library : () => options.library as Library;
  const commands = options.commands ?? (cachedCommands ??= await loadCommands());
  const client = createDocentClient({ config, getLibrary, logger, commands, clientOptions: options.clientOptions });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.token);
  await ready;
  return {
    fake,
    client,
    config,
    logger,
    logs,
    rawLogs,
    async stop() {
      await client.destroy();
      await fake.stop();
    },
  };
}
