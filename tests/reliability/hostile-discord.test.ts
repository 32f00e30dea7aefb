// Hostile input through the real Discord path: 20,000 generated interactions and messages (seeded,
// so a failure replays) go through the fake Discord to the real client. Every one that deserves a
// reply gets one that Discord would accept (limits, no pingable mention, allowed mentions parsing
// nothing); messages not addressed to the bot get none; nothing is logged as an internal error;
// and the bot still answers a plain question afterwards.
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { UNEXPECTED_OPTIONS_REPLY } from '../../bot/interactions.js';
import { answerQuestion } from '../../src/index.js';
import { loadCommands } from '../../commands/index.js';
import { reportFigures } from '../support/reliability-figures.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { runConcurrently } from '../support/concurrently.js';
import { botMessageSchema, interactionCallbackSchema, messageReplySchema, problemsWith } from '../support/discord-limits.js';
import { twoArticleDataDir } from '../support/data-folder.js';
import type { RecordedRequest } from '../support/fake-discord.js';
import { hostileGenerator, type HostileCase, type HostileKind } from '../support/hostile-discord.js';
import { seededRandom } from '../support/seeded-random.js';

const SEED = 0x0d15c0;
const CASES = Number(process.env.HOSTILE_CASES ?? 20_400);
const BATCH = 1_000;
const IN_FLIGHT = 48;
const REPLY_TIMEOUT_MS = 30_000;

let data: { dir: string; cleanup: () => void };
let bot: BotHarness;

beforeAll(async () => {
  data = twoArticleDataDir();
  const channels = Array.from({ length: 8 }, (_, i) => ({ id: `11000000000000000${10 + i}`, name: `channel-${i}` }));
  bot = await startBot({
    // As `npm start` runs it: the articles, defaults and audit log in a data folder.
    dataDir: data.dir,
    // No answer cache: every input runs the engine.
    env: { ANSWER_CACHE_SIZE: '0' },
    fake: { guilds: [{ id: '110000000000000001', name: 'Hostile Server', channels }] },
    // discord.js keeps message replies under Discord's global 50 requests a second; the fake has
    // no such limit, and waiting for it would only make this test slow (rate limits: discord-faults).
    clientOptions: { rest: { globalRequestsPerSecond: 100_000 } },
  });
});
afterAll(async () => {
  await bot?.stop();
  data?.cleanup();
});

/** /refresh, or /article use: what only moderators may do. */
function isModeratorCommand(payload: Record<string, any>): boolean { // eslint-disable-line @typescript-eslint/no-explicit-any
  return payload.data.name === 'refresh' || (payload.data.name === 'article' && payload.data.options?.[0]?.name === 'use');
}

/** The reply to one case, checked; a description of what is wrong, or undefined. */
async function runCase(item: HostileCase, ignored: Array<Record<string, unknown>>): Promise<string | undefined> {
  const { fake } = bot;
  if ('payload' in item) {
    const from = fake.requests.length;
    const callback = await fake.interact(item.payload, REPLY_TIMEOUT_MS);
    const problem = problemsWith(interactionCallbackSchema, callback.body);
    if (problem) return problem;
    if (callback.body.type !== 5) return undefined;
    // Deferred: the answer comes as an edit of the original reply, or a follow-up.
    const token = item.payload.token as string;
    const edit: RecordedRequest = await fake.waitForRequest((r) => r.path.startsWith(`/webhooks/${fake.applicationId}/${token}`) && r.method !== 'GET', REPLY_TIMEOUT_MS, from);
    return problemsWith(botMessageSchema, edit.body);
  }
  const from = fake.requests.length;
  const mentionBot = item.content.includes(`<@${fake.botUser.id}>`) || item.content.includes(`<@!${fake.botUser.id}>`);
  const message = fake.postMessage(item.content, { author: item.author, guild: item.guild, channelId: item.channelId, mentionBot });
  if (!item.answered) {
    ignored.push(message);
    return undefined;
  }
  const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === message.id, REPLY_TIMEOUT_MS, from);
  return problemsWith(messageReplySchema, reply.body);
}

test(`GIVEN ${CASES.toLocaleString('en')} hostile interactions and messages across every command, option and mention THEN each gets a reply Discord would accept, pinging no one, and nothing breaks`, async () => {
  const library = bot.moderation!.holder.library;
  const slugs = library.list().map((ix) => ix.article.slug);
  const definitions = (await loadCommands()).map((command) => command.data.toJSON());
  const generator = hostileGenerator(bot.fake, definitions, seededRandom(SEED), slugs);
  const counts = new Map<HostileKind, number>();
  const problems: string[] = [];
  let replies = 0;
  let ignoredCount = 0;
  let sentinels = 0;
  let moderatorCommands = 0;
  const started = performance.now();

  for (let done = 0; done < CASES; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, CASES - done) }, () => generator.next());
    const ignored: Array<Record<string, unknown>> = [];
    await runConcurrently(batch.length, IN_FLIGHT, async (i) => {
      const item = batch[i]!;
      counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
      if (item.kind === 'command' && isModeratorCommand(item.payload)) moderatorCommands++;
      const problem = await runCase(item, ignored).catch((error: Error) => error.message);
      if (problem) problems.push(`case ${done + i} (${item.kind}): ${problem}\n  input: ${JSON.stringify('payload' in item ? item.payload.data : item.content).slice(0, 400)}`);
    });
    // A plain question last: once it is answered, any reply to an ignored message would have arrived.
    const sentinel = await bot.fake.interact(bot.fake.slashCommand('help'), REPLY_TIMEOUT_MS);
    expect(sentinel.body.type).toBe(4);
    sentinels++;
    for (const message of ignored) {
      if (bot.fake.repliesTo(message).length) problems.push(`a message not addressed to the bot was answered: ${JSON.stringify(message.content).slice(0, 200)}`);
    }
    replies += batch.length - ignored.length;
    ignoredCount += ignored.length;
    bot.fake.clearRecords();
  }
  const seconds = (performance.now() - started) / 1000;

  expect(problems.slice(0, 10), `${problems.length} of ${CASES} cases failed`).toEqual([]);
  // Nothing hostile is an internal error: no error-level line, no failed interaction or message.
  const errors = bot.logs.filter((line) => (line.level as number) >= 50);
  expect(errors.slice(0, 5)).toEqual([]);
  // One line per interaction or message answered (written once Discord acknowledged the reply), none for messages ignored.
  const handled = () => bot.logs.filter((line) => line.msg === 'interaction' || line.msg === 'message').length;
  await expect.poll(handled).toBe(replies + sentinels);

  // Nobody in the crowd is a moderator: every attempt at a moderator command was refused, and audited.
  const audit = await bot.moderation!.audit.recent(1_000_000);
  expect(audit.filter((entry) => entry.result !== 'denied')).toEqual([]);
  expect(audit.length).toBeGreaterThanOrEqual(moderatorCommands);
  expect(moderatorCommands).toBeGreaterThan(CASES / 50);

  // Still serving: a plain question gets the engine's answer.
  const question = { command: 'who' as const, text: 'Heather Nauert' };
  const after = await bot.fake.interact(bot.fake.slashCommand('who', { query: question.text }));
  expect(after.body.data.embeds[0].description).toContain(answerQuestion(library, question).fact || 'not in the article');

  const mix = [...counts].sort((a, b) => b[1] - a[1]);
  reportFigures(
    'hostile-input',
    `| Hostile input through Discord | ${CASES.toLocaleString('en')} generated inputs across every command, option, button and mention; every reply within Discord's limits with allowed_mentions.parse empty; ${moderatorCommands} moderator commands refused and audited; 0 errors logged, still answering |`,
    [
      '| Hostile input kind | Inputs |',
      '| --- | --- |',
      ...mix.map(([kind, n]) => `| ${kind} | ${n.toLocaleString('en')} |`),
      `| **all** | ${CASES.toLocaleString('en')} (seed ${SEED}): ${replies.toLocaleString('en')} replies, ${ignoredCount} with no question or not addressed to the bot (none answered), in ${seconds.toFixed(1)} s |`,
    ],
  );
}, 240_000);

test('GIVEN a command whose options do not match its definition (a stale registration or a forged payload) THEN a private reply says so, logged as bad input, not as an error', async () => {
  const payload = bot.fake.slashCommand('who', {});
  payload.data.options = [{ name: 'query', type: 4, value: 42 }];
  const callback = await bot.fake.interact(payload);
  expect(callback.body.data.content).toBe(UNEXPECTED_OPTIONS_REPLY);
  expect(callback.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  await expect.poll(() => bot.logs.find((line) => line.interaction === payload.id)).toMatchObject({ level: 40, outcome: 'bad-input', code: 'CommandInteractionOptionType' });
});
