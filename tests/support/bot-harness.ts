// Starts the real Docent client in-process against a fresh fake Discord, with its logs captured.
import { Events, type Client, type ClientOptions } from 'discord.js';
import { createDocentClient } from '../../bot/client.js';
import { parseConfig, type DocentConfig } from '../../bot/config.js';
import { createLogger, type Logger } from '../../bot/logger.js';
import { followDataChanges, moderationSettings, openModeration, type Moderation } from '../../bot/moderation.js';
import { loadCommands, type Command } from '../../commands/index.js';
import type { Library } from '../../src/index.js';
import { messageOf, repeatedLongSentences } from './discord-reply.js';
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
  /** The data folder's store, defaults and audit log, when the bot was started over one (`dataDir`). */
  moderation?: Moderation | undefined;
  /** Stops the client, and the fake Discord unless it was given (`runningFake`). */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** What to answer from; or give `dataDir` to serve a data folder as `npm start` does. */
  library?: Library | (() => Library);
  /** A DATA_DIR: the library comes from its store, with moderation (refresh, defaults, audit) wired in. */
  dataDir?: string;
  /** With `dataDir`: follow changes other processes make to it, as `npm start` does (off by default). */
  followDataChanges?: boolean;
  env?: Record<string, string>;
  fake?: FakeDiscordOptions;
  /** An already running fake Discord (a restart keeps the same servers); a new one by default. */
  runningFake?: FakeDiscord;
  commands?: Command[];
  logLevel?: string;
  /** Extra discord.js client options (a short REST timeout for fault tests). */
  clientOptions?: Partial<ClientOptions>;
  /** False: log lines are still formatted and scrubbed, but not kept (long runs that measure memory). Default true. */
  keepLogs?: boolean;
}

let cachedCommands: Command[] | undefined;

export async function startBot(options: HarnessOptions): Promise<BotHarness> {
  const fake = options.runningFake ?? (await FakeDiscord.start({ token: TEST_TOKEN, ...options.fake }));
  const env = {
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    USER_COOLDOWN_SECONDS: '0',
    CHANNEL_COOLDOWN_SECONDS: '0',
    ...(options.dataDir && { DATA_DIR: options.dataDir, DATA_WATCH_SECONDS: '0' }),
    ...options.env,
  };
  const config = parseConfig(env, 'bot');
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
  let moderation: Moderation | undefined;
  let getLibrary: () => Library;
  if (options.dataDir) {
    moderation = (await openModeration(moderationSettings(config, env))).moderation;
    const { holder } = moderation;
    getLibrary = () => holder.library;
  } else if (options.library) {
    const { library } = options;
    getLibrary = typeof library === 'function' ? library : () => library;
  } else throw new Error('startBot needs a library or a dataDir');
  const commands = options.commands ?? (cachedCommands ??= await loadCommands());
  const client = createDocentClient({ config, getLibrary, logger, commands, moderation, clientOptions: options.clientOptions });
  const stopFollowing = moderation && options.followDataChanges ? followDataChanges(moderation, client, logger, config.dataWatchMs) : undefined;
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
    moderation,
    async stop() {
      stopFollowing?.();
      await client.destroy();
      if (!options.runningFake) await fake.stop();
      // Every end-to-end suite starts its bot here, so every reply any of them produced is checked.
      assertNothingSaidTwice(fake);
    },
  };
}

/**
 * Fails when any message the bot sent shows a sentence of 40 characters or more twice (issue 11:
 * a reply says each thing once). Titles are left out: they echo what the person typed.
 */
export function assertNothingSaidTwice(fake: FakeDiscord): void {
  const problems: string[] = [];
  for (const request of fake.requests) {
    const message = messageOf(request);
    if (!message || typeof message !== 'object') continue;
    const withoutTitles = { ...message, embeds: (message.embeds ?? []).map((e: Record<string, unknown>) => ({ ...e, title: undefined })) };
    for (const sentence of repeatedLongSentences(withoutTitles)) problems.push(`${request.method} ${request.path}: "${sentence}"`);
  }
  if (problems.length) throw new Error(`replies showed a sentence twice:\n${problems.slice(0, 20).join('\n')}`);
}
