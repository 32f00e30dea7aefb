// The bot's entry points as separate processes: `npm start` with and without a token,
// `npm run deploy-commands` against the fake Discord's REST API, and its --dry-run.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FakeDiscord } from './support/fake-discord.js';
import { TEST_TOKEN } from './support/bot-harness.js';
import { runScript } from './support/run-script.js';

const CONTRACT_OPTIONS: Record<string, string[]> = {
  who: ['query', 'article'],
  when: ['event', 'article'],
  where: ['query', 'article'],
  quote: ['speaker', 'topic', 'article'],
  ask: ['question', 'article'],
  search: ['terms', 'article'],
};

/** Commands beyond CONTRACT.md's table, with their subcommands. */
const SUBCOMMANDS: Record<string, string[]> = {
  article: ['info', 'list', 'use'],
  refresh: ['all', 'file', 'rollback', 'history'],
};
const ALL_COMMANDS = [...Object.keys(CONTRACT_OPTIONS), ...Object.keys(SUBCOMMANDS), 'help'].sort();

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TEST_TOKEN });
});
afterAll(async () => fake?.stop());

describe.concurrent('npm start', () => {
  test('GIVEN no token and no terminal THEN it exits 1 with a one-line reason', async () => {
    const run = runScript('bot/main.ts');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(
      'docent: DISCORD_TOKEN is not set and standard input is not a terminal: set DISCORD_TOKEN in .env to run the bot, or run npm run console\n',
    );
    expect(run.stdout()).toBe('');
  });

  test('GIVEN invalid settings THEN it exits 1 with one line naming each of them', async () => {
    const run = runScript('bot/main.ts', [], { LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'x', DISCORD_TOKEN: TEST_TOKEN });
    expect(await run.exited).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('LOG_LEVEL');
    expect(lines[0]).toContain('DISCORD_GUILD_ID');
    expect(run.stderr()).not.toContain(TEST_TOKEN);
  });

  test('GIVEN a token THEN it connects, answers, and exits 0 on SIGTERM after closing the connection', async () => {
    const identifies = fake.gatewayStats.identifies;
    const run = runScript('bot/main.ts', [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' });
    await expect.poll(() => fake.gatewayStats.identifies, { timeout: 15_000 }).toBeGreaterThan(identifies);
    await expect.poll(() => run.stderr(), { timeout: 10_000 }).toContain('"msg":"serving"');
    const callback = await fake.interact(fake.slashCommand('help'));
    expect(callback.body.type).toBe(4);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('"msg":"shutting down"');
    expect(run.stderr()).not.toContain(TEST_TOKEN);
  });

  test('GIVEN a token Discord refuses THEN it exits 1 with a clear message instead of retrying', async () => {
    const run = runScript('bot/main.ts', [], { DISCORD_TOKEN: 'not-the-right-token-at-all', DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('docent: Discord refused the token: check DISCORD_TOKEN');
  });

  test('GIVEN the gateway rejects the token (close 4004) THEN it exits 1 with a clear message', async () => {
    const wrong = 'accepted-by-rest-refused-by-the-gateway';
    const remove = fake.intercept((r) => (r.headers.authorization === `Bot ${wrong}` ? fake.defaultResponse(r) : undefined));
    try {
      const run = runScript('bot/main.ts', [], { DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' });
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toContain('docent: Discord refused the token (4004)');
    } finally {
      remove();
    }
  });
});

describe.concurrent('npm run deploy-commands', () => {
  test('GIVEN --dry-run THEN it prints the commands as JSON, with the names, options and limits CONTRACT.md fixes, and needs no token', async () => {
    const run = runScript('bot/deploy-commands.ts', ['--dry-run']);
    expect(await run.exited).toBe(0);
    type Option = { name: string; type: number; max_length?: number; required?: boolean; options?: Option[] };
    const commands = JSON.parse(run.stdout()) as Array<{ name: string; options?: Option[]; default_member_permissions?: string | null; contexts?: number[] }>;
    expect(commands.map((c) => c.name).sort()).toEqual(ALL_COMMANDS);
    const optionNames = (name: string) => (commands.find((c) => c.name === name)!.options ?? []).map((o) => o.name);
    for (const [name, options] of Object.entries(CONTRACT_OPTIONS)) expect(optionNames(name)).toEqual(options);
    for (const [name, subcommands] of Object.entries(SUBCOMMANDS)) expect(optionNames(name)).toEqual(subcommands);
    // Every text option, in a command or a subcommand, has a length limit.
    const leaves = (options: Option[]): Option[] => options.flatMap((o) => (o.type === 1 || o.type === 2 ? leaves(o.options ?? []) : [o]));
    for (const option of leaves(commands.flatMap((c) => c.options ?? []))) {
      expect([3, 11]).toContain(option.type);
      if (option.type === 3) expect(option.max_length).toBeGreaterThan(0);
    }
    expect(commands.find((c) => c.name === 'quote')!.options!.every((o) => !o.required)).toBe(true);
    // /refresh is for Manage Server by default, and only in servers.
    expect(commands.find((c) => c.name === 'refresh')).toMatchObject({ default_member_permissions: '32', contexts: [0] });
  });

  test('GIVEN DISCORD_GUILD_ID THEN the commands are PUT to that server', async () => {
    const guildId = fake.defaultGuild.id;
    const run = runScript('bot/deploy-commands.ts', [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: fake.apiUrl });
    expect(await run.exited).toBe(0);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/guilds/${guildId}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expect(put.body.map((c: { name: string }) => c.name).sort()).toEqual(ALL_COMMANDS);
    expect(run.stdout()).toBe(`Registered ${ALL_COMMANDS.length} commands in server ${guildId} (available now).\n`);
  });

  test('GIVEN no DISCORD_GUILD_ID THEN the commands are registered globally', async () => {
    const run = runScript('bot/deploy-commands.ts', [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    expect(await run.exited).toBe(0);
    await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/commands`);
    expect(run.stdout()).toContain('globally');
  });

  test('GIVEN no application id THEN it exits 1 naming DISCORD_CLIENT_ID', async () => {
    const run = runScript('bot/deploy-commands.ts', [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('DISCORD_CLIENT_ID is missing');
  });
});
