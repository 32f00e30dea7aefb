// Settings from the environment (and .env through dotenv), checked with zod where they enter.
// One error names every missing or invalid setting at once, and never echoes a value: a
// mistyped setting could be the token pasted into the wrong line.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { BUNDLED_DATA_DIR } from '../cli/data-path.js';
import { DEFAULT_ANSWER_CACHE_SIZE } from './answer-cache.js';
import { DEFAULT_LIMITS } from '../src/store/limits.js';

export const DEFAULT_API_URL = 'https://discord.com/api';
export const DEFAULT_ATTACHMENT_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** What a process needs beyond the defaults: the bot needs a token, deploying commands also the application id. */
export type ConfigPurpose = 'settings' | 'bot' | 'deploy';

export interface DocentConfig {
  /** Empty when not set: the console needs none. Never log it. */
  token: string;
  clientId?: string | undefined;
  guildId?: string | undefined;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** 0 turns a cooldown off. */
  userCooldownMs: number;
  channelCooldownMs: number;
  /** Base URL of Discord's REST API, without the version (CONTRACT.md). */
  apiUrl: string;
  moderatorRoleIds: string[];
  ownerIds: string[];
  maxArticleBytes: number;
  attachmentHosts: string[];
  /** How often each process looks for data changes made by another process or shard; 0 turns it off. */
  dataWatchMs: number;
  /** Rendered answers kept for repeated questions; 0 turns the cache off. */
  answerCacheSize: number;
  /** For `npm run start:sharded`: how many shards; undefined means Discord's recommendation. */
  totalShards?: number | undefined;
  /** Fewest sentences an article needs (ARTICLE_MIN_SENTENCES). */
  articleMinSentences: number;
  /** Longest an article may take to index (INDEX_TIMEOUT_SECONDS). */
  indexTimeoutMs: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid settings (see .env.example): ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const SNOWFLAKE = /^\d{17,20}$/;

/** .env files write unset values as `NAME=`: treat blank as absent so defaults apply. */
const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());

const snowflake = (what: string) => z.string().trim().regex(SNOWFLAKE, `must be a Discord ${what} id (17 to 20 digits)`);

const snowflakeList = (what: string) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : [],
    z.array(z.string().regex(SNOWFLAKE, `must be a comma-separated list of Discord ${what} ids`)),
  );

/**
 * A number of seconds from 0 to `max`. Every timer setting has a maximum well inside Node's
 * limit (2^31 − 1 ms, about 24.8 days): past it setTimeout and setInterval fire after 1 ms,
 * so DATA_WATCH_SECONDS=3000000 polled the folder every millisecond (issue 10).
 */
const seconds = (fallback: number, max: number) =>
  z.preprocess(
    (value) => (blankAsUndefined(value) === undefined ? fallback : Number(value)),
    z
      .number({ message: 'must be a number of seconds' })
      .finite('must be a number of seconds')
      .min(0, 'must be 0 or more seconds')
      .max(max, `must be at most ${max} seconds`),
  );

/** A whole number from `min` to `max`, `fallback` when blank. */
const wholeNumber = (fallback: number | undefined, min: number, max: number, what: string) =>
  z.preprocess(
    (value) => (blankAsUndefined(value) === undefined ? fallback : Number(value)),
    z
      .number({ message: `must be ${what}` })
      .int(`must be ${what}`)
      .min(min, `must be ${what} from ${min} to ${max}`)
      .max(max, `must be ${what} from ${min} to ${max}`),
  );

/** Largest MAX_ARTICLE_BYTES: a news article is a few KB; 100 MB is already far beyond one. */
const MAX_ARTICLE_BYTES_LIMIT = 100 * 1024 * 1024;

const hostList = z.preprocess(
  (value) =>
    typeof value === 'string' && value.trim() !== ''
      ? value
          .split(',')
          .map((part) => part.trim().toLowerCase())
          .filter(Boolean)
      : DEFAULT_ATTACHMENT_HOSTS,
  z.array(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/, 'must be a comma-separated list of host names')),
);

const envSchema = z.object({
  DISCORD_TOKEN: optional(z.string().regex(/^\S+$/, 'must be the bot token without spaces')),
  DISCORD_CLIENT_ID: optional(snowflake('application')),
  DISCORD_GUILD_ID: optional(snowflake('server')),
  DATA_DIR: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
  USER_COOLDOWN_SECONDS: seconds(5, 3600),
  CHANNEL_COOLDOWN_SECONDS: seconds(2, 3600),
  DISCORD_API_URL: optional(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://discord.com/api' })
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  MODERATOR_ROLE_IDS: snowflakeList('role'),
  OWNER_IDS: snowflakeList('user'),
  MAX_ARTICLE_BYTES: wholeNumber(DEFAULT_LIMITS.maxBytes, 1, MAX_ARTICLE_BYTES_LIMIT, 'a whole number of bytes'),
  ARTICLE_MIN_SENTENCES: wholeNumber(DEFAULT_LIMITS.minSentences, 1, 1000, 'a whole number of sentences'),
  INDEX_TIMEOUT_SECONDS: z.preprocess(
    (value) => (blankAsUndefined(value) === undefined ? DEFAULT_LIMITS.indexTimeoutMs / 1000 : Number(value)),
    z.number({ message: 'must be a number of seconds' }).finite('must be a number of seconds').min(0.05, 'must be at least 0.05 seconds').max(600, 'must be at most 600 seconds'),
  ),
  ATTACHMENT_HOSTS: hostList,
  DATA_WATCH_SECONDS: seconds(2, 3600),
  // An entry is one rendered answer (a few KB): 100,000 is some hundreds of MB at most.
  ANSWER_CACHE_SIZE: wholeNumber(DEFAULT_ANSWER_CACHE_SIZE, 0, 100_000, 'a whole number (0 turns the cache off)'),
  // Discord's largest bots run a few thousand shards; a million is a typo.
  TOTAL_SHARDS: optional(z.coerce.number({ message: 'must be a whole number above 0' }).int('must be a whole number above 0').positive('must be a whole number above 0').max(10_000, 'must be at most 10000')),
});

const REQUIRED: Record<ConfigPurpose, Array<'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID'>> = {
  settings: [],
  bot: ['DISCORD_TOKEN'],
  deploy: ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'],
};

/** Read settings from `env`; throws one ConfigError naming every problem. */
export function parseConfig(env: NodeJS.ProcessEnv, purpose: ConfigPurpose = 'settings'): DocentConfig {
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0] ?? 'settings')} ${issue.message}`);
  }
  for (const name of REQUIRED[purpose]) {
    if (blankAsUndefined(env[name]) === undefined) problems.push(`${name} is missing`);
  }
  if (problems.length || !parsed.success) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return {
    token: e.DISCORD_TOKEN ?? '',
    clientId: e.DISCORD_CLIENT_ID,
    guildId: e.DISCORD_GUILD_ID,
    dataDir: e.DATA_DIR ?? BUNDLED_DATA_DIR,
    logLevel: e.LOG_LEVEL ?? 'info',
    userCooldownMs: Math.round(e.USER_COOLDOWN_SECONDS * 1000),
    channelCooldownMs: Math.round(e.CHANNEL_COOLDOWN_SECONDS * 1000),
    apiUrl: e.DISCORD_API_URL ?? DEFAULT_API_URL,
    moderatorRoleIds: e.MODERATOR_ROLE_IDS,
    ownerIds: e.OWNER_IDS,
    maxArticleBytes: e.MAX_ARTICLE_BYTES,
    attachmentHosts: e.ATTACHMENT_HOSTS,
    dataWatchMs: Math.round(e.DATA_WATCH_SECONDS * 1000),
    answerCacheSize: e.ANSWER_CACHE_SIZE,
    totalShards: e.TOTAL_SHARDS,
    articleMinSentences: e.ARTICLE_MIN_SENTENCES,
    indexTimeoutMs: Math.round(e.INDEX_TIMEOUT_SECONDS * 1000),
  };
}

/** Load `.env` (quietly: standard output is not ours to print on) into process.env, then parse it. */
export function loadConfig(purpose: ConfigPurpose = 'settings'): DocentConfig {
  loadDotenv({ quiet: true });
  return parseConfig(process.env, purpose);
}
