// /refresh end to end through the fake Discord: a moderator's upload is served by the next answer,
// rollback restores (and undoes), history lists the changes, every bad file is refused with its
// reason while the old answers stay, and nobody but a moderator gets in. Every attempt is audited.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refuseUrl } from '../bot/attachments.js';
import { describeReach } from '../bot/render-refresh.js';
import { installShardFollower, spreadDataChange, type ShardReport } from '../bot/shard-sync.js';
import type { Client } from 'discord.js';
import { MODERATORS_ONLY_REPLY, SERVER_ONLY_REPLY } from '../bot/permissions.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';
import {
  auditEntries,
  createRole,
  interactDeferred,
  moderator,
  shownText,
  startModeratedBot,
  subcommand,
  upload,
  type ModeratedBot,
} from './bot-refresh-support.js';
import type { InteractionCallback } from './support/fake-discord.js';

const ROLE_ID = '323456789012345678';
const OWNER_ID = '523456789012345678';
const MAX_BYTES = 20_000;

let data: { dir: string; cleanup: () => void };
let bot: ModeratedBot;
/** A server of our own for attachments that misbehave: moved, gone, slow, cut off midway, or endless. */
let badHost: Server;
let badHostUrl: string;
/** When the slow attachment was asked for (performance.now(), as the fake's records). */
let slowRequestAt = Infinity;

beforeAll(async () => {
  data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt'), 'library-fund.md': fixture('library-fund.md') });
  bot = await startModeratedBot({ dataDir: data.dir, env: { MODERATOR_ROLE_IDS: ROLE_ID, OWNER_IDS: OWNER_ID, MAX_ARTICLE_BYTES: String(MAX_BYTES) } });
  badHost = createServer((req, res) => {
    if (req.url?.startsWith('/moved/')) {
      res.writeHead(302, { location: 'https://evil.example.com/harbour.txt' }).end();
    } else if (req.url?.startsWith('/gone/')) {
      res.writeHead(404).end('Not found');
    } else if (req.url?.startsWith('/slow/')) {
      slowRequestAt = performance.now();
      setTimeout(() => res.end('Slow news arrives\n\nThe news came late. It came slowly. It came at last.\n'), 400);
    } else if (req.url?.startsWith('/midway/')) {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' });
      res.write(Buffer.alloc(1500, 'a'));
      setTimeout(() => res.destroy(), 20);
    } else {
      // No length announced: only counting while streaming can stop it.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(8192, 'b');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.destroy());
      pump();
    }
  });
  badHost.listen(0, '127.0.0.1');
  await once(badHost, 'listening');
  badHostUrl = `http://127.0.0.1:${(badHost.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await bot?.stop();
  badHost?.closeAllConnections();
  badHost?.close();
  data?.cleanup();
});

const isEphemeral = (cb: InteractionCallback) => ((cb.body.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** Ask /when through Discord and return the answer's embed description. */
async function askWhen(event = 'did the bridge reopen'): Promise<string> {
  const cb = await bot.fake.interact(bot.fake.slashCommand('when', { event, article: 'harbour' }));
  return cb.body.data.embeds[0].description as string;
}

async function refreshFile(name: string, content: string | Buffer, extra: Record<string, string> = {}) {
  return interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'file', { file: upload(bot.fake, name, content), ...extra }, moderator(bot.fake)));
}

describe('a moderator refreshes an article', () => {
  test('GIVEN a moderator uploads a new version THEN the reply is deferred and private, then says what changed and how many shards serve it, AND the next answer reflects it', async () => {
    expect(await askWhen()).toContain('Tuesday');
    const { callback, edit } = await refreshFile('harbour.txt', fixture('harbour-v2.txt'));

    expect(callback.body.type).toBe(5);
    expect(isEphemeral(callback)).toBe(true);
    expect(edit.body.allowed_mentions).toMatchObject({ parse: [] });
    const text = shownText(edit.body);
    expect(text).toContain('Updated: Harbour bridge reopens after storm repairs, a day late');
    expect(text).toMatch(/`harbour`: \+2 −1 paragraphs/);
    expect(text).toContain('Paragraphs: 2 added, 1 removed');
    expect(text).toContain('+ Her deputy, Pablo Ruiz, said a second inspection is planned for March.');
    expect(text).toContain('− The Kessel harbour bridge reopened on Tuesday');
    expect(text).toContain('Served from now on by the only shard (1 of 1).');
    expect(text).toContain('/refresh rollback article:harbour');

    expect(await askWhen()).toContain('Wednesday');
    const last = (await auditEntries(bot)).at(-1)!;
    expect(last).toMatchObject({ result: 'ok', what: '/refresh file file:harbour.txt', where: `guild:${bot.fake.defaultGuild.id}/channel:${bot.fake.defaultChannelId}` });
    expect(last.who).toMatch(/^discord:\d+ \(mod\)$/);
    expect(last.detail).toContain('harbour: changed (+2 −1 paragraphs');
  });

  test('GIVEN a rollback THEN the old answer is back, AND a second rollback undoes it', async () => {
    const rollback = () => interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'rollback', { article: 'harbour' }, moderator(bot.fake)));
    const first = await rollback();
    expect(shownText(first.edit.body)).toContain('Rolled back: Harbour bridge reopens after storm repairs');
    expect(shownText(first.edit.body)).toMatch(/Restored version `[^`]+__harbour\.txt`/);
    expect(await askWhen()).toContain('Tuesday');

    const undo = await rollback();
    expect(shownText(undo.edit.body)).toContain('Rolled back: Harbour bridge reopens after storm repairs, a day late');
    expect(await askWhen()).toContain('Wednesday');
  });

  test('GIVEN a rollback to a chosen kept version THEN that version is served', async () => {
    const versions = await bot.moderation.holder.store.versions('harbour');
    const v1 = versions.find((v) => readFileSync(join(data.dir, 'history', 'harbour', v.id), 'utf8').includes('reopened on Tuesday'))!;
    // Autocomplete offers the kept versions by time; the value is the version's time stamp.
    const ac = await bot.fake.interact(withFocus('rollback', { article: 'harbour', version: '' }, 'version'));
    const values = ac.body.data.choices.map((c: { value: string }) => c.value);
    expect(values).toContain(v1.id.split('__')[0]);

    const { edit } = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'rollback', { article: 'harbour', version: v1.id.split('__')[0]! }, moderator(bot.fake)));
    expect(shownText(edit.body)).toContain(`Restored version \`${v1.id}\``);
    expect(await askWhen()).toContain('Tuesday');
  });

  test('GIVEN /refresh history THEN the last changes are listed newest first, with who made them, AND with an article, its kept versions', async () => {
    const { edit } = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'history', {}, moderator(bot.fake)));
    const text = shownText(edit.body);
    expect(text).toContain('Last changes to the articles');
    const lines = text.split('\n').filter((l) => l.includes('**'));
    expect(lines[0]).toContain('**rollback** `harbour.txt` by discord:');
    expect(lines.some((l) => l.includes('**put** `harbour.txt`'))).toBe(true);

    const one = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'history', { article: 'harbour' }, moderator(bot.fake)));
    expect(shownText(one.edit.body)).toContain('Kept versions of harbour, newest first');
  });

  test('GIVEN a file edited on disk THEN /refresh all serves it and says which article changed', async () => {
    const path = join(data.dir, 'articles', 'library-fund.md');
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, before.replace('on Thursday', 'on Friday'));
    const { edit } = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'all', {}, moderator(bot.fake)));
    const text = shownText(edit.body);
    expect(text).toContain('Reloaded: 1 article changed');
    expect(text).toMatch(/Updated `library-fund`: Town library wins reading fund \(\+1 −1 paragraphs/);
    expect(text).toContain('1 article unchanged.');
    expect(bot.moderation.holder.library.get('library-fund')!.article.paragraphs[0]!.text).toContain('on Friday');
  });
});

/** An autocomplete interaction for a /refresh subcommand, with `focused` being typed. */
function withFocus(sub: string, options: Record<string, string>, focused: string) {
  const payload = subcommand(bot.fake, 'refresh', sub, options, moderator(bot.fake));
  payload.type = 4;
  for (const option of payload.data.options[0].options) if (option.name === focused) option.focused = true;
  return payload;
}

describe('bad files are refused with a reason, and the old answers stay', () => {
  const text = (s: string) => Buffer.from(s, 'utf8');
  const GOOD = 'Harbour news\n\nThe bridge opened. The mayor spoke. The crowd cheered.\n';
  const cases: Array<{ kind: string; file: () => { filename: string; url: string; size: number }; reason: RegExp }> = [
    { kind: 'an empty file', file: () => upload(bot.fake, 'harbour.txt', ''), reason: /the file is empty: the first line must be the headline/ },
    { kind: 'a binary file', file: () => upload(bot.fake, 'harbour.txt', Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02, 0x00, 0x07])), reason: /binary \(it contains NUL bytes\)/ },
    { kind: 'a PNG image renamed .txt', file: () => upload(bot.fake, 'harbour.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), reason: /PNG image, not text/ },
    {
      kind: 'text that is not UTF-8',
      file: () => upload(bot.fake, 'harbour.txt', Buffer.concat([text('Harbour news\n\nThe caf'), Buffer.from([0xe9]), text(' opened. It was busy. People came.\n')])),
      reason: /not UTF-8 text \(line 3 has bytes that are not UTF-8/,
    },
    {
      kind: 'no headline',
      file: () => upload(bot.fake, 'harbour.txt', `\n${'The council met on Monday to discuss the harbour budget and many other things. '.repeat(5)}\n\nMore. And more.`),
      reason: /line 1 is empty and line 2 is \d+ characters long, too long for a headline: the first line must be the headline/,
    },
    { kind: 'too few sentences', file: () => upload(bot.fake, 'harbour.txt', 'Harbour news\n\nOne sentence only.\n'), reason: /an article needs at least 3/ },
    { kind: 'a file too big by its reported size', file: () => ({ ...upload(bot.fake, 'harbour.txt', GOOD), size: 3 * 1024 * 1024 }), reason: /the file is 3 MB; the limit is 19\.5 KB/ },
    { kind: 'a file too big once downloaded (its size misreported)', file: () => ({ ...upload(bot.fake, 'harbour.txt', `Harbour news\n\n${'Words in a sentence. '.repeat(2000)}`), size: 100 }), reason: /the file is 41 KB; the limit is 19\.5 KB/ },
    { kind: 'a file that never ends (no length announced)', file: () => ({ filename: 'harbour.txt', url: `${badHostUrl}/endless/harbour.txt`, size: 100 }), reason: /the file is larger than the limit of 19\.5 KB/ },
    { kind: 'a wrong extension', file: () => upload(bot.fake, 'harbour.pdf', GOOD), reason: /only \.txt and \.md files are articles, and <article>\.facts\.json files curated facts \(got "harbour\.pdf"\)/ },
    { kind: 'bad front matter', file: () => upload(bot.fake, 'harbour.md', `---\npublished: last Tuesday\n---\n${GOOD}`), reason: /front matter is invalid: "published" must be a date written YYYY-MM-DD/ },
    { kind: 'bad facts JSON', file: () => upload(bot.fake, 'harbour.facts.json', '{\n  "people": [\n    { "name": "Marek Lind", }\n  ]\n}'), reason: /the facts file is not valid JSON \(line 3\)/ },
    { kind: 'facts naming someone not in the article', file: () => upload(bot.fake, 'harbour.facts.json', '{"people": [{"name": "Marek Lynd"}]}'), reason: /"Marek Lynd" is not in the article: check the spelling/ },
    {
      kind: 'an attachment URL from elsewhere',
      file: () => ({ filename: 'harbour.txt', url: 'https://evil.example.com/attachments/1/harbour.txt', size: 100 }),
      reason: /the file must be uploaded to Discord; its link points to evil\.example\.com, which is not an attachment host \(127\.0\.0\.1\)/,
    },
    {
      kind: 'an attachment link over plain http from elsewhere',
      file: () => ({ filename: 'harbour.txt', url: 'http://localhost:1/harbour.txt', size: 100 }),
      reason: /its link points to localhost:1, which is not an attachment host/,
    },
    { kind: 'a download that fails midway', file: () => ({ filename: 'harbour.txt', url: `${badHostUrl}/midway/harbour.txt`, size: 5000 }), reason: /the download (failed midway, after 1\.5 KB|stopped after 1\.5 KB of 4\.9 KB).*upload the file again/ },
    { kind: 'a link that redirects elsewhere', file: () => ({ filename: 'harbour.txt', url: `${badHostUrl}/moved/harbour.txt`, size: 100 }), reason: /the attachment host answered HTTP 302 instead of the file/ },
    { kind: 'a file the host no longer has', file: () => ({ filename: 'harbour.txt', url: `${badHostUrl}/gone/harbour.txt`, size: 100 }), reason: /the attachment host answered HTTP 404 instead of the file/ },
  ];

  test(`GIVEN each of ${cases.length} kinds of bad file THEN each is refused privately with its reason, audited as refused, AND nothing served or stored changes`, async () => {
    const before = await askWhen();
    const library = bot.moderation.holder.library;
    const generation = bot.moderation.holder.generation;
    const history = await bot.moderation.holder.store.history(1000);
    for (const { kind, file, reason } of cases) {
      const { callback, edit } = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'file', { file: file() }, moderator(bot.fake)));
      expect(isEphemeral(callback), kind).toBe(true);
      const shown = shownText(edit.body);
      expect(shown, kind).toMatch(/^Refused: the file harbour\.(txt|md|pdf|facts\.json)/);
      expect(shown, kind).toMatch(reason);
      expect(shown, kind).toContain('Nothing changed: the articles being served stay as they were.');
      const last = (await auditEntries(bot)).at(-1)!;
      expect(last.result, kind).toBe('refused');
      expect(last.detail, kind).toMatch(reason);
    }
    expect(bot.moderation.holder.library).toBe(library);
    expect(bot.moderation.holder.generation).toBe(generation);
    expect((await bot.moderation.holder.store.history(1000)).changes).toEqual(history.changes);
    expect(await askWhen()).toBe(before);
  });

  test('GIVEN an attachment with no file name, or a number for one THEN the reply says the name is missing, not a generic apology, and nothing changes', async () => {
    const library = bot.moderation.holder.library;
    for (const file of [{ url: `${badHostUrl}/gone/x`, size: 100 }, { filename: 123, url: `${badHostUrl}/gone/x`, size: 100 }, { filename: '', url: `${badHostUrl}/gone/x`, size: 100 }]) {
      const { edit } = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'file', { file: file as never }, moderator(bot.fake)));
      const shown = shownText(edit.body);
      expect(shown).toContain('the attachment has no file name: upload it as <article>.txt or <article>.md');
      expect(shown).not.toMatch(/error id|something went wrong/i);
    }
    expect(bot.moderation.holder.library).toBe(library);
  });

  test('GIVEN a rollback of an article with no kept version THEN it is refused with the reason', async () => {
    const { edit } = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'rollback', { article: 'no-such-article' }, moderator(bot.fake)));
    expect(shownText(edit.body)).toContain('there is no earlier version of "no-such-article" to restore');
  });
});

describe('only moderators get in', () => {
  const refreshAll = (context: Parameters<typeof subcommand>[4]) => bot.fake.interact(subcommand(bot.fake, 'refresh', 'all', {}, context));

  test('GIVEN a member without Manage Server THEN a private "moderators only", nothing changes, AND the attempt is audited as denied', async () => {
    const generation = bot.moderation.holder.generation;
    const member = bot.fake.user('mallory');
    const cb = await refreshAll({ user: member, permissions: '0' });
    expect(cb.body.type).toBe(4);
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.content).toBe(MODERATORS_ONLY_REPLY);
    expect(bot.moderation.holder.generation).toBe(generation);
    const last = (await auditEntries(bot)).at(-1)!;
    expect(last).toMatchObject({ who: `discord:${member.id} (mallory)`, what: '/refresh all', result: 'denied', detail: MODERATORS_ONLY_REPLY });
  });

  test('GIVEN a forged payload whose member has no permissions field, or only other permissions THEN it is refused', async () => {
    const forged = subcommand(bot.fake, 'refresh', 'file', { file: upload(bot.fake, 'harbour.txt', fixture('harbour-v2.txt')) }, { user: bot.fake.user('forger') });
    delete forged.member.permissions;
    const cb = await bot.fake.interact(forged);
    expect(cb.body.data.content).toBe(MODERATORS_ONLY_REPLY);
    // Every permission except Manage Server and Administrator.
    const allButManage = ((1n << 50n) - 1n) & ~(1n << 5n) & ~(1n << 3n);
    const cb2 = await refreshAll({ user: bot.fake.user('forger'), permissions: allButManage.toString() });
    expect(cb2.body.data.content).toBe(MODERATORS_ONLY_REPLY);
    expect((await auditEntries(bot)).slice(-2).map((e) => e.result)).toEqual(['denied', 'denied']);
  });

  test('GIVEN a direct message THEN it is refused, even for an owner, AND audited', async () => {
    const owner = { id: OWNER_ID, username: 'owner', discriminator: '0', avatar: null, global_name: 'owner' };
    const cb = await refreshAll({ guild: null, user: owner });
    expect(cb.body.data.content).toBe(SERVER_ONLY_REPLY);
    expect((await auditEntries(bot)).at(-1)).toMatchObject({ where: expect.stringMatching(/^dm:\d+$/), result: 'denied' });
  });

  test('GIVEN a forged /refresh without a subcommand THEN a non-moderator is denied and a moderator told the choices, both audited', async () => {
    const denied = await bot.fake.interact(bot.fake.slashCommand('refresh', {}, { permissions: '0' }));
    expect(denied.body.data.content).toBe(MODERATORS_ONLY_REPLY);
    const told = await bot.fake.interact(bot.fake.slashCommand('refresh', {}, moderator(bot.fake)));
    expect(told.body.data.content).toContain('Pick what to refresh');
    expect((await auditEntries(bot)).slice(-2).map((e) => [e.what, e.result])).toEqual([
      ['/refresh', 'denied'],
      ['/refresh', 'refused'],
    ]);
  });

  test('GIVEN autocomplete from a member without Manage Server THEN no kept versions or slugs are suggested', async () => {
    const payload = withFocus('rollback', { article: 'harbour', version: '' }, 'version');
    payload.member.permissions = '0';
    const cb = await bot.fake.interact(payload);
    expect(cb.body.data.choices).toEqual([]);
  });

  test('GIVEN a member with a moderator role, or an owner without permissions THEN they may refresh', async () => {
    createRole(bot.fake, bot.fake.defaultGuild, ROLE_ID);
    const byRole = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'history', {}, { user: bot.fake.user('rolemod'), roles: [ROLE_ID] }));
    expect(shownText(byRole.edit.body)).toContain('Last changes to the articles');
    const owner = { id: OWNER_ID, username: 'owner', discriminator: '0', avatar: null, global_name: 'owner' };
    const byOwner = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'history', {}, { user: owner, permissions: '0' }));
    expect(shownText(byOwner.edit.body)).toContain('Last changes to the articles');
    expect((await auditEntries(bot)).slice(-2).map((e) => [e.who, e.result])).toEqual([
      [expect.stringContaining('(rolemod)'), 'ok'],
      [`discord:${OWNER_ID} (owner)`, 'ok'],
    ]);
  });

  test('GIVEN a download that takes a while THEN the interaction is acknowledged (deferred) before the download starts, and the outcome arrives as an edit', async () => {
    const file = { filename: 'slow-news.txt', url: `${badHostUrl}/slow/slow-news.txt`, size: 200 };
    const { callback, edit } = await interactDeferred(bot.fake, subcommand(bot.fake, 'refresh', 'file', { file }, moderator(bot.fake)));
    expect(callback.body.type).toBe(5);
    expect(callback.at).toBeLessThan(slowRequestAt);
    expect(shownText(edit.body)).toContain('Added: Slow news arrives');
    expect(bot.moderation.holder.library.get('slow-news')).toBeDefined();
  });
});

describe('attachment links', () => {
  const DISCORD = ['cdn.discordapp.com', 'media.discordapp.net'];

  test('GIVEN links on Discord\'s attachment hosts over https THEN they may be fetched', () => {
    expect(refuseUrl('https://cdn.discordapp.com/attachments/1/2/harbour.txt?ex=1&is=2&hm=3', DISCORD)).toBeUndefined();
    expect(refuseUrl('https://media.discordapp.net/attachments/1/2/harbour.txt', DISCORD)).toBeUndefined();
  });

  test('GIVEN plain http, a look-alike host, or no URL at all THEN each is refused with its reason', () => {
    expect(refuseUrl('http://cdn.discordapp.com/attachments/1/2/a.txt', DISCORD)).toMatch(/must use https \(got http\)/);
    expect(refuseUrl('https://cdn.discordapp.com.evil.example/a.txt', DISCORD)).toMatch(/points to cdn\.discordapp\.com\.evil\.example, which is not an attachment host/);
    expect(refuseUrl('https://user@evil.example/@cdn.discordapp.com/a.txt', DISCORD)).toMatch(/points to evil\.example/);
    expect(refuseUrl('file:///etc/passwd', DISCORD)).toMatch(/not an attachment host/);
    expect(refuseUrl('not a link', DISCORD)).toMatch(/no valid link/);
  });

  test('GIVEN an attachment host with a port THEN only that port is allowed', () => {
    expect(refuseUrl('http://127.0.0.1:8080/a.txt', ['127.0.0.1:8080'])).toBeUndefined();
    expect(refuseUrl('http://127.0.0.1:9090/a.txt', ['127.0.0.1:8080'])).toMatch(/not an attachment host/);
  });
});

describe('how far a change reached', () => {
  test('GIVEN every shard took it THEN the reply says so with the count', () => {
    expect(describeReach({ took: 3, of: 3, problems: [] }, 2)).toBe('Served from now on by every shard (3 of 3).');
  });

  /** A client as a ShardingManager's shard sees it, whose broadcastEval runs the script once per shard here. */
  const shardedClient = (count: number, broadcastEval: (script: (client: unknown, key: string) => unknown, options: { context: string }) => Promise<unknown>) =>
    ({ ws: { shards: new Map([[0, {}]]) }, shard: { count, broadcastEval } }) as unknown as Client;

  test('GIVEN a broadcast to every shard THEN each shard\'s follower runs and the shards that followed are counted', async () => {
    const followed: number[] = [];
    const remove = installShardFollower(async () => {
      followed.push(followed.length);
      return { shards: [followed.length - 1], ok: followed.length !== 3, reason: 'the folder has a bad file' } satisfies ShardReport;
    });
    try {
      const client = shardedClient(3, async (script, { context }) => Promise.all([0, 1, 2].map(() => script(null, context))));
      expect(await spreadDataChange(client)).toEqual({ took: 2, of: 3, problems: ['shard 2: the folder has a bad file'] });
      expect(followed).toEqual([0, 1, 2]);
    } finally {
      remove();
    }
  });

  test('GIVEN a shard that never answers the broadcast THEN the reply does not wait for it', async () => {
    const client = shardedClient(2, () => new Promise(() => undefined));
    expect(await spreadDataChange(client, 50)).toEqual({ took: 1, of: 2, problems: ['the other shards could not be reached (no answer within 0.05 s)'] });
  });

  test('GIVEN a shard did not answer THEN the reply says how many did, when the others follow, and why', () => {
    expect(describeReach({ took: 1, of: 2, problems: ['the other shards could not be reached (timeout)'] }, 2)).toBe(
      'Served from now on by 1 of 2 shards; the others pick it up from the data folder within 2 seconds.\nthe other shards could not be reached (timeout)',
    );
    expect(describeReach({ took: 1, of: 2, problems: [] }, 0)).toBe('Served from now on by 1 of 2 shards; the others pick it up at their next restart.');
  });
});
