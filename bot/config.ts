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

const seconds = (fallback: number) =>
  z.preprocess(
    (value) => (blankAsUndefined(value) === undefined ? fallback : Number(value)),
    z.number({ message: 'must be a number of seconds' }).finite('must be a number of seconds').min(0, 'must be 0 or more seconds'),
  );

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
  USER_COOLDOWN_SECONDS: seconds(5),
  CHANNEL_COOLDOWN_SECONDS: seconds(2),
  DISCORD_API_URL: optional(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://discord.com/api' })
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  MODERATOR_ROLE_IDS: snowflakeList('role'),
  OWNER_IDS: snowflakeList('user'),
  MAX_ARTICLE_BYTES: z.preprocess(
    (value) => (blankAsUndefined(value) === undefined ? DEFAULT_LIMITS.maxBytes : Number(value)),
    z.number({ message: 'must be a whole number of bytes' }).int('must be a whole number of bytes').positive('must be more than 0'),
  ),
  ATTACHMENT_HOSTS: hostList,
  DATA_WATCH_SECONDS: seconds(2),
  ANSWER_CACHE_SIZE: z.preprocess(
    (value) => (blankAsUndefined(value) === undefined ? DEFAULT_ANSWER_CACHE_SIZE : Number(value)),
    z.number({ message: 'must be a whole number (0 turns the cache off)' }).int('must be a whole number (0 turns the cache off)').min(0, 'must be 0 or more'),
  ),
  TOTAL_SHARDS: optional(z.coerce.number({ message: 'must be a whole number above 0' }).int('must be a whole number above 0').positive('must be a whole number above 0')),
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
  };
}

/** Load `.env` (quietly: standard output is not ours to print on) into process.env, then parse it. */
export function loadConfig(purpose: ConfigPurpose = 'settings'): DocentConfig {
  loadDotenv({ quiet: true });
  return parseConfig(process.env, purpose);
}
