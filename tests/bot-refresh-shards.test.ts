// A two-shard run under discord.js's own ShardingManager (`npm run start:sharded`, real processes)
// against the fake Discord: a moderator's refresh in one shard is served by both, and the reply
// says so; a change the operator makes on disk reaches both shards by their watch.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DataStore } from '../src/store/index.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';
import { guildOnShard, interactDeferred, moderator, shownText, subcommand, upload } from './bot-refresh-support.js';
import { TEST_TOKEN } from './support/bot-harness.js';
import { FakeDiscord, type FakeGuild } from './support/fake-discord.js';
import { runScript, type ScriptRun } from './support/run-script.js';

const SHARDS = 2;
let data: { dir: string; cleanup: () => void };
let fake: FakeDiscord;
let manager: ScriptRun;
const servers: FakeGuild[] = [guildOnShard(0, SHARDS, 'Shard zero server', 1), guildOnShard(1, SHARDS, 'Shard one server', 1)];

beforeAll(async () => {
  data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt') });
  fake = await FakeDiscord.start({ token: TEST_TOKEN, guilds: servers, recommendedShards: SHARDS });
  manager = runScript('bot/sharded.ts', [], {
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: data.dir,
    TOTAL_SHARDS: String(SHARDS),
    ATTACHMENT_HOSTS: '127.0.0.1',
    DATA_WATCH_SECONDS: '0.2',
    USER_COOLDOWN_SECONDS: '0',
    CHANNEL_COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'warn',
  });
  await fake.waitForShards(SHARDS, 25_000);
}, 30_000);

afterAll(async () => {
  manager?.child.kill('SIGTERM');
  await manager?.exited;
  await fake?.stop();
  data?.cleanup();
});

/** The /when answer in a server; retried while its shard is still getting ready. */
async function askWhen(server: FakeGuild): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const cb = await fake.interact(fake.slashCommand('when', { event: 'did the bridge reopen' }, { guild: server }), 2000);
      return cb.body.data.embeds[0].description;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

test('GIVEN two shards WHEN a moderator uploads a new version in one THEN the reply says both shards took it, AND both answer from it', async () => {
  expect(fake.shardFor(servers[0]!.id)).toBe(0);
  expect(fake.shardFor(servers[1]!.id)).toBe(1);
  expect(await askWhen(servers[0]!)).toContain('Tuesday');
  expect(await askWhen(servers[1]!)).toContain('Tuesday');

  const file = upload(fake, 'harbour.txt', fixture('harbour-v2.txt'));
  const { edit } = await interactDeferred(fake, subcommand(fake, 'refresh', 'file', { file }, moderator(fake, { guild: servers[0]! })), 15_000);
  expect(shownText(edit.body)).toContain('Served from now on by every shard (2 of 2).');

  expect(await askWhen(servers[0]!)).toContain('Wednesday');
  expect(await askWhen(servers[1]!)).toContain('Wednesday');
}, 20_000);

test('GIVEN the operator changes the data folder from a terminal THEN both shards pick it up by themselves', async () => {
  const store = await DataStore.open(data.dir);
  const rolledBack = await store.rollback('harbour', 'cli:operator');
  expect(rolledBack.ok).toBe(true);
  for (const server of servers) {
    await expect.poll(() => askWhen(server), { timeout: 5000, interval: 100 }).toContain('Tuesday');
  }
}, 15_000);
