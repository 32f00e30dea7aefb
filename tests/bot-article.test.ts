// /article end to end through the fake Discord: info and list for everyone; `use` (moderators)
// sets the article a server asks about by default, for slash commands and mentions alike, other
// servers keep theirs, the choice survives a restart, and every attempt is audited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUNDLED_DATA_DIR } from '../cli/data-path.js';
import { MODERATORS_ONLY_REPLY, SERVER_ONLY_REPLY } from '../bot/permissions.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';
import { auditEntries, moderator, shownText, startModeratedBot, subcommand, type ModeratedBot } from './bot-refresh-support.js';
import { TEST_TOKEN } from './support/bot-harness.js';
import { FakeDiscord, type FakeGuild, type InteractionCallback } from './support/fake-discord.js';

const SEED = 'seed-russia-normalization';

let data: { dir: string; cleanup: () => void };
let fake: FakeDiscord;
let bot: ModeratedBot;
let serverA: FakeGuild;
let serverB: FakeGuild;

beforeAll(async () => {
  data = makeDataDir({ [`${SEED}.txt`]: readFileSync(join(BUNDLED_DATA_DIR, 'articles', `${SEED}.txt`)), 'harbour.txt': fixture('harbour-v1.txt') });
  serverA = { id: '1100000000000000001', name: 'Server A', channels: [{ id: '1100000000000000002', name: 'general' }] };
  serverB = { id: '1200000000000000001', name: 'Server B', channels: [{ id: '1200000000000000002', name: 'general' }] };
  fake = await FakeDiscord.start({ token: TEST_TOKEN, guilds: [serverA, serverB] });
  bot = await startModeratedBot({ dataDir: data.dir, fake });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  data?.cleanup();
});

const isEphemeral = (cb: InteractionCallback) => ((cb.body.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const article = (sub: string, options: Record<string, string> = {}, guild = serverA, context = {}) => fake.interact(subcommand(fake, 'article', sub, options, { guild, ...context }));
const useAs = (slug: string | undefined, guild = serverA) => article('use', slug ? { article: slug } : {}, guild, moderator(fake));
/** Which article answered "/who Heather Nauert" asked without naming one: she is only in the seed article. */
const nauertFound = async (guild: FakeGuild) => !isEphemeral(await fake.interact(fake.slashCommand('who', { query: 'Heather Nauert' }, { guild })));

describe('/article for everyone', () => {
  test('GIVEN /article list THEN every loaded article is listed by slug and headline, and questions search them all', async () => {
    const cb = await article('list');
    const text = shownText(cb.body);
    expect(text).toContain('2 articles loaded');
    expect(text).toContain(`\`${SEED}\`: Report: Russia proposed a full normalization with US under Trump\n`);
    expect(text).toContain('`harbour`: Harbour bridge reopens after storm repairs · Kessel Daily');
    expect(text).toContain('Questions search every article unless they name one with the article option.');
    expect(isEphemeral(cb)).toBe(false);
    expect(cb.body.data.allowed_mentions.parse).toEqual([]);
  });

  test('GIVEN /article info with an article, or a payload without a subcommand THEN the article is described (the first loaded one by default)', async () => {
    const cb = await article('info', { article: 'harbour' });
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toBe('Harbour bridge reopens after storm repairs');
    expect(embed.fields.find((f: { name: string }) => f.name === 'Paragraphs').value).toBe('3');
    const bare = await fake.interact(fake.slashCommand('article', {}, { guild: serverA }));
    expect(bare.body.data.embeds[0].fields.find((f: { name: string }) => f.name === 'Slug').value).toBe('`harbour`');
    const seed = await article('info', { article: SEED });
    expect(seed.body.data.embeds[0].title).toBe('Report: Russia proposed a full normalization with US under Trump');
  });
});

describe('/article use', () => {
  test('GIVEN a member without Manage Server THEN "moderators only", privately, nothing set, AND audited as denied', async () => {
    const cb = await article('use', { article: 'harbour' }, serverA, { user: fake.user('mallory') });
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.content).toBe(MODERATORS_ONLY_REPLY);
    expect(bot.moderation.scopeDefaults.get(`guild:${serverA.id}`)).toBeUndefined();
    expect((await auditEntries(bot)).at(-1)).toMatchObject({ what: '/article use article:harbour', result: 'denied', where: `guild:${serverA.id}/channel:${serverA.channels[0]!.id}` });
  });

  test('GIVEN a direct message THEN it is refused: a default belongs to a server', async () => {
    const cb = await fake.interact(subcommand(fake, 'article', 'use', { article: 'harbour' }, { guild: null }));
    expect(cb.body.data.content).toBe(SERVER_ONLY_REPLY);
  });

  test('GIVEN an article that is not loaded THEN it is refused with the loaded ones named, AND audited as refused', async () => {
    const cb = await useAs('no-such-article');
    expect(cb.body.data.content).toContain('No loaded article is called “no-such-article”');
    expect(cb.body.data.content).toContain('`harbour`');
    expect((await auditEntries(bot)).at(-1)).toMatchObject({ result: 'refused' });
  });

  test('GIVEN a moderator picks an article for server A THEN questions there use it (slash commands and mentions), unless they name another, AND server B is unaffected', async () => {
    expect(await nauertFound(serverA)).toBe(true);
    const cb = await useAs('harbour');
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.content).toContain('Questions in this server now use **Harbour bridge reopens after storm repairs** (`harbour`)');
    expect((await auditEntries(bot)).at(-1)).toMatchObject({ what: '/article use article:harbour', result: 'ok', detail: 'default article: harbour' });

    expect(await nauertFound(serverA)).toBe(false);
    expect(await nauertFound(serverB)).toBe(true);
    const named = await fake.interact(fake.slashCommand('who', { query: 'Heather Nauert', article: SEED }, { guild: serverA }));
    expect(isEphemeral(named)).toBe(false);
    const lind = await fake.interact(fake.slashCommand('who', { query: 'Marek Lind' }, { guild: serverA }));
    expect(lind.body.data.embeds[0].description).toContain('Marek Lind');

    // A mention in server A asks the default article too.
    const message = fake.postMessage(`<@${fake.botUser.id}> who is Heather Nauert?`, { guild: serverA, mentionBot: true });
    const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === message.id);
    expect(reply.body.embeds[0].title).toContain('who is Heather Nauert?');
    expect(reply.body.embeds[0].description).toContain('not in the article');

    const list = await article('list');
    expect(shownText(list.body)).toContain('`harbour`: Harbour bridge reopens after storm repairs · Kessel Daily ← this server’s default');
    const info = await article('info');
    expect(info.body.data.embeds[0].title).toBe('Harbour bridge reopens after storm repairs');
    expect(info.body.data.embeds[0].footer.text).toContain('This server’s default article.');
  });

  test('GIVEN the bot restarts on the same data folder THEN server A still asks its default article', async () => {
    await bot.stop();
    bot = await startModeratedBot({ dataDir: data.dir, fake });
    expect(bot.moderation.scopeDefaults.get(`guild:${serverA.id}`)).toBe('harbour');
    expect(await nauertFound(serverA)).toBe(false);
    expect(await nauertFound(serverB)).toBe(true);
  });

  test('GIVEN autocomplete on the article option THEN the loaded articles are offered', async () => {
    const payload = subcommand(fake, 'article', 'use', { article: 'harb' }, moderator(fake, { guild: serverA }));
    payload.type = 4;
    payload.data.options[0].options[0].focused = true;
    const cb = await fake.interact(payload);
    expect(cb.body.data.choices[0]).toEqual({ name: 'Harbour bridge reopens after storm repairs (harbour)', value: 'harbour' });
  });

  test('GIVEN /article use without an article THEN the default is cleared and questions search every article again', async () => {
    const cb = await useAs(undefined);
    expect(cb.body.data.content).toBe('This server has no default article now: questions search every loaded article.');
    expect(await nauertFound(serverA)).toBe(true);
    expect((await auditEntries(bot)).at(-1)).toMatchObject({ what: '/article use', result: 'ok', detail: 'default article cleared' });
  });
});
