// Settings checked where they enter, and the token kept out of every log line.
import { describe, expect, test } from 'vitest';
import { ConfigError, DEFAULT_API_URL, DEFAULT_ATTACHMENT_HOSTS, parseConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { BUNDLED_DATA_DIR } from '../cli/data-path.js';
import { TEST_TOKEN } from './support/bot-harness.js';

function problemsOf(env: Record<string, string>, purpose: Parameters<typeof parseConfig>[1]): string[] {
  try {
    parseConfig(env, purpose);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('settings', () => {
  test('GIVEN no settings at all THEN the defaults apply and no token is needed for the console', () => {
    const config = parseConfig({}, 'settings');
    expect(config).toMatchObject({
      token: '',
      dataDir: BUNDLED_DATA_DIR,
      logLevel: 'info',
      apiUrl: DEFAULT_API_URL,
      userCooldownMs: 5000,
      channelCooldownMs: 2000,
      moderatorRoleIds: [],
      ownerIds: [],
      maxArticleBytes: 1024 * 1024,
      attachmentHosts: DEFAULT_ATTACHMENT_HOSTS,
      answerCacheSize: 500,
    });
  });

  test('GIVEN blank lines copied from .env.example THEN they count as not set', () => {
    const config = parseConfig({ DISCORD_GUILD_ID: '', DISCORD_API_URL: ' ', LOG_LEVEL: '', ATTACHMENT_HOSTS: '' }, 'settings');
    expect(config.guildId).toBeUndefined();
    expect(config.apiUrl).toBe(DEFAULT_API_URL);
    expect(config.attachmentHosts).toEqual(DEFAULT_ATTACHMENT_HOSTS);
  });

  test('GIVEN every setting written out THEN each is read into its typed value', () => {
    const config = parseConfig(
      {
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_CLIENT_ID: '123456789012345678',
        DISCORD_GUILD_ID: '223456789012345678',
        DATA_DIR: '/srv/articles',
        LOG_LEVEL: 'debug',
        USER_COOLDOWN_SECONDS: '1.5',
        CHANNEL_COOLDOWN_SECONDS: '0',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
        MODERATOR_ROLE_IDS: '323456789012345678, 423456789012345678',
        OWNER_IDS: '523456789012345678',
        MAX_ARTICLE_BYTES: '2048',
        ATTACHMENT_HOSTS: '127.0.0.1, CDN.example.org',
        TOTAL_SHARDS: '2',
        ANSWER_CACHE_SIZE: '0',
        DATA_WATCH_SECONDS: '0.5',
        ARTICLE_MIN_SENTENCES: '4',
        INDEX_TIMEOUT_SECONDS: '2.5',
      },
      'deploy',
    );
    expect(config).toEqual({
      token: TEST_TOKEN,
      clientId: '123456789012345678',
      guildId: '223456789012345678',
      dataDir: '/srv/articles',
      logLevel: 'debug',
      userCooldownMs: 1500,
      channelCooldownMs: 0,
      apiUrl: 'http://127.0.0.1:9999/api',
      moderatorRoleIds: ['323456789012345678', '423456789012345678'],
      ownerIds: ['523456789012345678'],
      maxArticleBytes: 2048,
      attachmentHosts: ['127.0.0.1', 'cdn.example.org'],
      totalShards: 2,
      answerCacheSize: 0,
      dataWatchMs: 500,
      articleMinSentences: 4,
      indexTimeoutMs: 2500,
    });
  });

  test('GIVEN several missing and invalid settings THEN one error names every one of them', () => {
    const problems = problemsOf(
      { DISCORD_GUILD_ID: 'my-server', LOG_LEVEL: 'loud', USER_COOLDOWN_SECONDS: 'soon', DISCORD_API_URL: 'ftp://example.org', OWNER_IDS: '12,abc', MAX_ARTICLE_BYTES: '-5' },
      'deploy',
    );
    for (const name of ['DISCORD_TOKEN is missing', 'DISCORD_CLIENT_ID is missing', 'DISCORD_GUILD_ID', 'LOG_LEVEL', 'USER_COOLDOWN_SECONDS', 'DISCORD_API_URL', 'OWNER_IDS', 'MAX_ARTICLE_BYTES']) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  test('GIVEN a malformed token THEN the error names DISCORD_TOKEN but never shows it', () => {
    const secret = `${TEST_TOKEN} pasted twice`;
    try {
      parseConfig({ DISCORD_TOKEN: secret }, 'bot');
      throw new Error('expected a ConfigError');
    } catch (error) {
      const text = `${(error as Error).message}\n${(error as Error).stack}`;
      expect(text).toContain('DISCORD_TOKEN');
      expect(text).not.toContain(TEST_TOKEN);
    }
  });

  test('GIVEN the bot is started without a token THEN the only problem is the missing token', () => {
    expect(problemsOf({}, 'bot')).toEqual(['DISCORD_TOKEN is missing']);
  });
});

describe('logs', () => {
  test('GIVEN the token in a field, a nested config, an error message and a stack, at trace level THEN no line contains it', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'trace', secrets: [TEST_TOKEN], destination: { write: (line: string) => void lines.push(line) } });
    const error = new Error(`request failed with Authorization: Bot ${TEST_TOKEN}`);
    logger.info({ token: TEST_TOKEN, config: { token: TEST_TOKEN }, headers: { authorization: `Bot ${TEST_TOKEN}` } }, 'settings');
    logger.error({ err: error }, 'failure');
    logger.trace(`debug text ${TEST_TOKEN}`);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(TEST_TOKEN);
    expect(lines.join('')).toContain('[redacted]');
  });
});
