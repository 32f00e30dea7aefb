// The Discord client, built in-process from a config, a library source and a logger, so tests
// and the benchmark run the very client `npm start` runs, pointed at a fake Discord.
import {
  Client,
  Events,
  GatewayIntentBits,
  Options,
  Partials,
  type ClientOptions,
} from 'discord.js';
import type { Command, CommandContext } from '../commands/index.js';
import type { Library } from '../src/index.js';
import { AnswerCache } from './answer-cache.js';
import { defaultArticleFor } from './article-choice.js';
import type { DocentConfig } from './config.js';
import { QuestionCooldowns } from './cooldown.js';
import { handleInteraction } from './interactions.js';
import type { Logger } from './logger.js';
import { createMessageHandler } from './messages.js';
import type { Moderation } from './moderation.js';
import { NO_MENTIONS } from './reply.js';

export interface DocentClientOptions {
  config: Pick<DocentConfig, 'apiUrl' | 'userCooldownMs' | 'channelCooldownMs' | 'answerCacheSize'>;
  getLibrary: () => Library;
  logger: Logger;
  commands: readonly Command[];
  /** The data folder behind moderators' commands and each server's default article; without it the library is fixed. */
  moderation?: Moderation | undefined;
  /** Extra client options (shards, REST tuning); Docent's own settings win. */
  clientOptions?: Partial<ClientOptions>;
}

export function createDocentClient(options: DocentClientOptions): Client {
  const { config, getLibrary, logger } = options;
  const client = new Client({
    ...options.clientOptions,
    // Message content arrives without the privileged intent for messages that mention the bot and for DMs.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message: without this partial, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    // Everything Docent sends (embeds, buttons, choices) is already Discord's API JSON, snake_case
    // keys and all, so it goes out as it is. The default transformer re-cases every key of every
    // reply, about 7 µs per answer.
    jsonTransformer: (payload: unknown) => payload,
    // Answer even when the question was deleted meanwhile (as a plain message instead of a reply).
    failIfNotExists: false,
    // Docent never reads old messages, nor looks users or members up later: everything it needs
    // (who asks, their permissions and roles) comes with each interaction or message. Cached,
    // every person who ever asked would stay in memory for the life of the process.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    rest: {
      ...options.clientOptions?.rest,
      api: config.apiUrl,
      // Called for every rate limit, both the waits discord.js plans from the bucket headers and a
      // 429 nobody saw coming (which fires no 'rateLimited' event). Docent only logs it and lets
      // discord.js wait and retry. The route has placeholders, so no interaction token is logged.
      rejectOnRateLimit: (info) => {
        logger.warn(
          { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope },
          'Discord rate limit: waiting',
        );
        return false;
      },
    },
  });

  const commands = new Map(options.commands.map((command) => [command.data.name, command]));
  const answers = new AnswerCache(config.answerCacheSize);
  const { moderation } = options;
  const context: CommandContext = { getLibrary, commands, logger, answers, moderation };
  const cooldowns = new QuestionCooldowns({ userMs: config.userCooldownMs, channelMs: config.channelCooldownMs });
  const onMessage = createMessageHandler({
    getLibrary,
    logger,
    cooldowns,
    answers,
    defaultArticle: (guildId, library) => defaultArticleFor(moderation, guildId, library),
  });

  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, commands, context));
  client.on(Events.MessageCreate, (message) => void onMessage(message));
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.id, guilds: ready.guilds.cache.size, shards: ready.ws.shards.map((s) => s.id) }, 'connected to Discord');
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'Discord client warning'));
  client.on(Events.ShardError, (error, shard) => logger.error({ err: error, shard }, 'gateway connection error'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected for good'));
  if (logger.isLevelEnabled('debug')) client.on(Events.Debug, (message) => logger.debug({ detail: message }, 'discord.js'));
  return client;
}
