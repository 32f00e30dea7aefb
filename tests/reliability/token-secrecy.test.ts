// The token never reaches a log line: not at the most verbose level (trace, with discord.js's own
// debug output), not in an error's message or stack, not when Discord (or a proxy) echoes it back
// in an error, not when the process starts, fails to log in, or shuts down. Checked over every
// line captured, for the whole token and for its secret last part alone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportFigures } from '../support/reliability-figures.js';
import { startBot, TEST_TOKEN, type BotHarness } from '../support/bot-harness.js';
import { twoArticleDataDir } from '../support/data-folder.js';
import { twoArticleLibrary } from '../support/docent-fixtures.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { runScript } from '../support/run-script.js';

/** The part of a bot token that is the secret (the first part is only the bot's id, in base64). */
const SECRET_PART = TEST_TOKEN.split('.').at(-1)!;

/** Lines that hold the token, or its secret part. */
function leaks(lines: readonly string[], token = TEST_TOKEN): string[] {
  const secret = token.split('.').at(-1)!;
  return lines.filter((line) => line.includes(token) || line.includes(secret));
}

const rows: string[] = [];
afterAll(() => reportFigures('token-in-logs', `| Token in logs | ${rows.join('; ')}: 0 lines hold the token or its secret part |`));

describe('in process, at trace level', () => {
  const library = twoArticleLibrary();
  let failWith: Error | undefined;
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBot({
      logLevel: 'trace',
      library: () => {
        const error = failWith;
        failWith = undefined;
        if (error) throw error;
        return library;
      },
    });
  });
  afterAll(async () => bot?.stop());

  test('GIVEN logging at trace level, errors that carry the token in their message, stack and cause, and Discord echoing it in an error THEN no line holds the token, though the errors are logged', async () => {
    const { fake } = bot;
    // Ordinary traffic: commands, autocomplete, a mention.
    await fake.interact(fake.slashCommand('who', { query: 'Heather Nauert' }));
    await fake.interact(fake.autocomplete('who', { query: 'nau' }, 'query'));
    const message = fake.postMessage(`<@${fake.botUser.id}> who is Heather Nauert?`, { mentionBot: true });
    await fake.waitForReplyTo(message);

    // A handler error whose message (and so its stack) carries the token, with the token in its cause too.
    failWith = new Error(`could not read the library with Bot ${TEST_TOKEN}`, { cause: new Error(`cause: ${TEST_TOKEN}`) });
    const failed = await fake.interact(fake.slashCommand('ask', { question: 'What did Russia propose?' }));
    expect(failed.body.data.content).toContain('error id');

    // Discord (or a proxy in front of it) answers an error that repeats the Authorization header.
    const payload = fake.slashCommand('ask', { question: 'Who obtained the document?' });
    const remove = fake.intercept((r) =>
      r.path.startsWith(`/interactions/${payload.id}/`) ? { status: 400, body: { message: `Invalid Form Body (Authorization: Bot ${TEST_TOKEN})`, code: 50035 } } : undefined,
    );
    fake.dispatch('INTERACTION_CREATE', payload);
    await expect.poll(() => bot.logs.find((l) => l.msg === 'could not send the apology' && JSON.stringify(l).includes('Invalid Form Body'))).toBeDefined();
    remove();

    // A gateway reconnect, which discord.js narrates at debug level.
    fake.closeGateway(4000);
    await expect.poll(() => bot.logs.some((l) => l.msg === 'gateway resumed'), { timeout: 10_000 }).toBe(true);

    // The errors were logged (with stacks), and discord.js's debug lines were written: the check looked at real lines.
    const errorLines = bot.rawLogs.filter((line) => line.includes('"level":50'));
    expect(errorLines.some((line) => line.includes('"stack"') && line.includes('could not read the library with Bot [redacted]'))).toBe(true);
    expect(errorLines.some((line) => line.includes('Invalid Form Body (Authorization: Bot [redacted])'))).toBe(true);
    expect(bot.rawLogs.filter((line) => line.includes('"msg":"discord.js"')).length).toBeGreaterThan(10);
    // discord.js itself shows only the token's public parts (the bot's id and a timestamp), the secret masked.
    expect(bot.rawLogs.some((line) => line.includes('Provided token: MTIzNDU2Nzg5MDEyMzQ1Njc4.FAKE00.***'))).toBe(true);
    expect(leaks(bot.rawLogs)).toEqual([]);
    rows.push(`${bot.rawLogs.length} lines in process at trace level (discord.js debug, error stacks, an echoed Authorization header)`);
  });
});

describe.concurrent('npm start, as its own process, at trace level', () => {
  let fake: FakeDiscord;
  let data: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TEST_TOKEN });
    data = twoArticleDataDir();
  });
  afterAll(async () => {
    await fake?.stop();
    data?.cleanup();
  });

  test('GIVEN a start, a question, a refused moderator command and a shutdown THEN standard error never holds the token', async () => {
    const run = runScript('bot/main.ts', [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl, DATA_DIR: data.dir, LOG_LEVEL: 'trace' });
    await expect.poll(() => run.stderr(), { timeout: 30_000 }).toContain('"msg":"serving"');
    await fake.interact(fake.slashCommand('who', { query: 'Heather Nauert' }));
    const refused = fake.slashCommand('refresh', {}, { permissions: '0' });
    refused.data.options = [{ name: 'all', type: 1, options: [] }];
    await fake.interact(refused);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const lines = run.stderr().split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('"level":20')).length).toBeGreaterThan(10);
    expect(leaks(lines)).toEqual([]);
    expect(run.stdout()).not.toContain(SECRET_PART);
    rows.push(`${lines.length} lines from npm start at trace level (start, answers, a refusal, SIGTERM)`);
  });

  test('GIVEN a token Discord refuses THEN the failure is explained without the token, at trace level too', async () => {
    const wrong = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.WRONG1.a-wrong-token-that-must-stay-secret-987654321';
    const run = runScript('bot/main.ts', [], { DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.apiUrl, DATA_DIR: data.dir, LOG_LEVEL: 'trace' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('Discord refused the token');
    const lines = run.stderr().split('\n').filter(Boolean);
    expect(leaks(lines, wrong)).toEqual([]);
    rows.push(`${lines.length} lines from a refused login at trace level`);
  });
});
