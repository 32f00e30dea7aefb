// Issue 10, finding 6: settings past Node's timer limit or absurdly large were accepted, two were
// checked apart from the rest, and a failing start printed the token (or URL credentials) raw.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../bot/config.js';
import { scrubSecrets, tokenSecrets } from '../bot/logger.js';
import { TEST_TOKEN } from './support/bot-harness.js';
import { runScript } from './support/run-script.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env, 'settings');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

/** The longest delay Node's timers honour; past it they fire after 1 ms. */
const NODE_TIMER_MAX_MS = 2 ** 31 - 1;

describe('settings are bounded', () => {
  test('GIVEN every number set far too high (or too low) THEN one error names each of them', () => {
    const problems = problemsOf({
      DATA_WATCH_SECONDS: '3000000',
      USER_COOLDOWN_SECONDS: '1e308',
      CHANNEL_COOLDOWN_SECONDS: '99999999',
      ANSWER_CACHE_SIZE: '1e12',
      TOTAL_SHARDS: '1000000',
      MAX_ARTICLE_BYTES: String(200 * 1024 * 1024),
      ARTICLE_MIN_SENTENCES: '0',
      INDEX_TIMEOUT_SECONDS: '1e9',
    });
    const named = problems.map((p) => p.split(' ')[0]).sort();
    expect(named).toEqual(
      ['ANSWER_CACHE_SIZE', 'ARTICLE_MIN_SENTENCES', 'CHANNEL_COOLDOWN_SECONDS', 'DATA_WATCH_SECONDS', 'INDEX_TIMEOUT_SECONDS', 'MAX_ARTICLE_BYTES', 'TOTAL_SHARDS', 'USER_COOLDOWN_SECONDS'].sort(),
    );
  });

  test('GIVEN the largest accepted timer settings THEN every timer is within Node\'s limit', () => {
    const config = parseConfig({ DATA_WATCH_SECONDS: '3600', USER_COOLDOWN_SECONDS: '3600', CHANNEL_COOLDOWN_SECONDS: '3600', INDEX_TIMEOUT_SECONDS: '600' }, 'settings');
    for (const ms of [config.dataWatchMs, config.userCooldownMs, config.channelCooldownMs, config.indexTimeoutMs]) expect(ms).toBeLessThanOrEqual(NODE_TIMER_MAX_MS);
    expect(config.indexTimeoutMs).toBe(600_000);
  });
});

describe('failing to start never prints a secret', () => {
  test('GIVEN the token, its secret part or URL credentials in a message THEN scrubbing removes them all', () => {
    const secretPart = TEST_TOKEN.slice(TEST_TOKEN.lastIndexOf('.') + 1);
    const line = `cannot read ${TEST_TOKEN}; part ${secretPart}; at https://admin:hunter2secret@proxy.example/api and http://${TEST_TOKEN}@x/`;
    const clean = scrubSecrets(line, tokenSecrets(TEST_TOKEN));
    expect(clean).not.toContain(TEST_TOKEN);
    expect(clean).not.toContain(secretPart);
    expect(clean).not.toContain('hunter2secret');
    expect(clean).toContain('https://[redacted]@proxy.example/api');
  });

  test('GIVEN DATA_DIR set to the token (a pasted line) THEN `npm start` exits 1 and its message does not hold the token', async () => {
    const run = runScript('bot/main.ts', [], { DISCORD_TOKEN: TEST_TOKEN, DATA_DIR: join(tmpdir(), TEST_TOKEN) });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('docent: ');
    expect(run.stderr()).not.toContain(TEST_TOKEN);
    expect(run.stderr()).not.toContain(TEST_TOKEN.slice(TEST_TOKEN.lastIndexOf('.') + 1));
  });
});
