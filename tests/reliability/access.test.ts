// Access: every moderator command (each /refresh subcommand, /article use) tried by members who
// may not, in a DM, and with forged member payloads that lack the permission. Every attempt is
// refused privately, changes nothing, and is written to the audit log. Moderators of each kind
// (Manage Server, a moderator role, an owner) get in, so the refusals are not a broken door.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MODERATORS_ONLY_REPLY, SERVER_ONLY_REPLY } from '../../bot/permissions.js';
import { loadCommands } from '../../commands/index.js';
import type { AuditEntry } from '../../src/store/index.js';
import { reportFigures } from '../support/reliability-figures.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { HARBOUR_SLUG, twoArticleDataDir } from '../support/data-folder.js';
import { ALL_PERMISSIONS, type FakeUser, type InteractionOptions } from '../support/fake-discord.js';

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MODERATOR_ROLE = '323456789012345678';
const OWNER_ID = '523456789012345678';
const MANAGE_SERVER = PermissionFlagsBits.ManageGuild.toString();
/** Every permission but Manage Server and Administrator (which implies it). */
const ALL_BUT_MANAGE_SERVER = (BigInt(ALL_PERMISSIONS) & ~(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)).toString();

let data: { dir: string; cleanup: () => void };
let bot: BotHarness;
const rows: string[] = [];
let summary = '';

beforeAll(async () => {
  data = twoArticleDataDir();
  bot = await startBot({ dataDir: data.dir, env: { MODERATOR_ROLE_IDS: MODERATOR_ROLE, OWNER_IDS: OWNER_ID, ATTACHMENT_HOSTS: '127.0.0.1' } });
  // A real change first, so a rollback that got through would visibly restore something.
  const setup = moderatorCommands().find((c) => c.name === '/refresh file')!.payload({ user: bot.fake.user('mod'), permissions: MANAGE_SERVER });
  const from = bot.fake.requests.length;
  bot.fake.dispatch('INTERACTION_CREATE', setup);
  await bot.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(setup.token), 10_000, from);
});
afterAll(async () => {
  await bot?.stop();
  data?.cleanup();
  reportFigures('access', summary, ['| Moderator command tried by | Refused and audited |', '| --- | --- |', ...rows]);
});

interface ModeratorCommand {
  name: string;
  payload(context: InteractionOptions): Payload;
}

/** A slash command with a subcommand, as Discord sends it. */
function subcommandPayload(command: string, sub: string, options: Payload[], context: InteractionOptions): Payload {
  const payload = bot.fake.slashCommand(command, {}, context);
  payload.data.options = [{ name: sub, type: 1, options }];
  return payload;
}

/** What only moderators may do, each filled so that, were it let through, the data would change. */
function moderatorCommands(): ModeratorCommand[] {
  return [
    { name: '/refresh all', payload: (c) => subcommandPayload('refresh', 'all', [], c) },
    {
      name: '/refresh file',
      payload(c) {
        const text = `Harbour bridge reopens, version ${bot.fake.snowflake()}\n\nThe bridge reopened on Friday. Crews worked all night. Traffic resumed at dawn.\n`;
        const url = bot.fake.serveFile(`${HARBOUR_SLUG}.txt`, text);
        const id = bot.fake.snowflake();
        const payload = subcommandPayload('refresh', 'file', [{ name: 'file', type: 11, value: id }], c);
        payload.data.resolved = { attachments: { [id]: { id, filename: `${HARBOUR_SLUG}.txt`, size: Buffer.byteLength(text), url, proxy_url: url, content_type: 'text/plain; charset=utf-8' } } };
        return payload;
      },
    },
    { name: '/refresh rollback', payload: (c) => subcommandPayload('refresh', 'rollback', [{ name: 'article', type: 3, value: HARBOUR_SLUG }], c) },
    { name: '/refresh history', payload: (c) => subcommandPayload('refresh', 'history', [], c) },
    { name: '/article use', payload: (c) => subcommandPayload('article', 'use', [{ name: 'article', type: 3, value: HARBOUR_SLUG }], c) },
  ];
}

interface Intruder {
  who: string;
  context(): InteractionOptions;
  /** Change the payload after it is built (forged fields). */
  forge?(payload: Payload): void;
  reply: string;
}

const INTRUDERS: Intruder[] = [
  { who: 'a member without Manage Server', context: () => ({ user: bot.fake.user('member'), permissions: '0' }), reply: MODERATORS_ONLY_REPLY },
  { who: 'a member with every other permission', context: () => ({ user: bot.fake.user('helper'), permissions: ALL_BUT_MANAGE_SERVER }), reply: MODERATORS_ONLY_REPLY },
  { who: 'someone in a DM', context: () => ({ user: bot.fake.user('dm-user'), guild: null }), reply: SERVER_ONLY_REPLY },
  { who: 'the owner, but in a DM', context: () => ({ user: { ...bot.fake.user('owner'), id: OWNER_ID }, guild: null }), reply: SERVER_ONLY_REPLY },
  {
    who: 'a forged member: no permissions field',
    context: () => ({ user: bot.fake.user('forger') }),
    forge: (payload) => delete payload.member.permissions,
    reply: MODERATORS_ONLY_REPLY,
  },
  {
    who: 'a forged member: roles that are not moderator roles, nicknamed "Moderator", in a bot with every permission',
    context: () => ({ user: bot.fake.user('mimic'), permissions: '0', roles: ['423456789012345678', bot.fake.defaultGuild.id] }),
    forge: (payload) => {
      payload.member.nick = 'Moderator';
      payload.app_permissions = ALL_PERMISSIONS;
    },
    reply: MODERATORS_ONLY_REPLY,
  },
  {
    who: "a forged member: the owner's name on another id",
    context: () => ({ user: { ...bot.fake.user('owner'), id: '623456789012345678' } as FakeUser, permissions: '0' }),
    reply: MODERATORS_ONLY_REPLY,
  },
];

/** What a refused attempt must leave as it was: the articles, the history, the change log, each server's default. */
function dataSnapshot(): Record<string, string> {
  const files = readdirSync(data.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'audit.jsonl');
  return Object.fromEntries(files.map((e) => [join(e.parentPath, e.name).slice(data.dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

async function auditCount(): Promise<number> {
  return (await bot.moderation!.audit.recent(1_000_000)).length;
}

describe('moderator commands', () => {
  test('GIVEN the registered commands THEN the moderator commands tried here are every subcommand registered for Manage Server, and /article use', async () => {
    const registered = (await loadCommands()).map((c) => c.data.toJSON());
    const forManageServer = registered
      .filter((c) => c.default_member_permissions === MANAGE_SERVER)
      .flatMap((c) => (c.options ?? []).map((o) => `/${c.name} ${o.name}`));
    expect(moderatorCommands().map((c) => c.name).sort()).toEqual([...forManageServer, '/article use'].sort());
  });

  for (const intruder of INTRUDERS) {
    test(`GIVEN ${intruder.who} THEN every moderator command is refused privately, changes nothing, and is audited as denied`, async () => {
      const before = dataSnapshot();
      const auditedBefore = await auditCount();
      for (const command of moderatorCommands()) {
        const user = intruder.context();
        const payload = command.payload(user);
        intruder.forge?.(payload);
        const callback = await bot.fake.interact(payload);
        expect(callback.body.type, command.name).toBe(4);
        expect(callback.body.data.content, command.name).toBe(intruder.reply);
        expect(callback.body.data.flags & MessageFlags.Ephemeral, command.name).toBe(MessageFlags.Ephemeral);
        const last: AuditEntry = (await bot.moderation!.audit.recent(1))[0]!;
        const userId = payload.member?.user.id ?? payload.user.id;
        expect(last, command.name).toMatchObject({ who: expect.stringContaining(`discord:${userId}`), what: expect.stringContaining(command.name), result: 'denied', detail: intruder.reply });
        expect(last.where).toMatch(payload.guild_id ? /^guild:\d+\/channel:\d+$/ : /^dm:\d+$/);
      }
      expect(await auditCount()).toBe(auditedBefore + moderatorCommands().length);
      expect(dataSnapshot()).toEqual(before);
      rows.push(`| ${intruder.who} | ${moderatorCommands().length} of ${moderatorCommands().length} (${moderatorCommands().map((c) => c.name).join(', ')}) |`);
    });
  }

  const MODERATORS: Array<{ who: string; context: () => InteractionOptions }> = [
    { who: 'a member with Manage Server', context: () => ({ user: bot.fake.user('admin'), permissions: MANAGE_SERVER }) },
    { who: 'a member with a moderator role', context: () => ({ user: bot.fake.user('modrole'), permissions: '0', roles: [MODERATOR_ROLE] }) },
    { who: 'an owner', context: () => ({ user: { ...bot.fake.user('owner'), id: OWNER_ID }, permissions: '0' }) },
  ];
  for (const moderator of MODERATORS) {
    test(`GIVEN ${moderator.who} THEN /refresh history is let through, and audited too`, async () => {
      // A role counts once discord.js knows it exists in the server.
      bot.fake.dispatch('GUILD_ROLE_CREATE', { guild_id: bot.fake.defaultGuild.id, role: { id: MODERATOR_ROLE, name: 'Moderators', permissions: '0', position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 } });
      const payload = moderatorCommands().find((c) => c.name === '/refresh history')!.payload(moderator.context());
      const from = bot.fake.requests.length;
      const callback = await bot.fake.interact(payload);
      expect(callback.body.type).toBe(5);
      await bot.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), 10_000, from);
      expect((await bot.moderation!.audit.recent(1))[0]).toMatchObject({ what: '/refresh history', result: 'ok' });
    });
  }

  test('GIVEN everything above THEN the audit log holds one line per attempt, allowed or not', async () => {
    const entries = await bot.moderation!.audit.recent(1_000_000);
    const denied = entries.filter((e) => e.result === 'denied');
    expect(denied).toHaveLength(INTRUDERS.length * moderatorCommands().length);
    // The set-up upload and the three moderators' history.
    expect(entries.filter((e) => e.result === 'ok')).toHaveLength(1 + MODERATORS.length);
    summary = `| Access | ${denied.length} moderator commands tried by non-moderators, in DMs and with forged member payloads (${INTRUDERS.length} kinds × ${moderatorCommands().length} commands): all refused privately, none changed the data, every one audited as denied; moderators by Manage Server, role and owner id let in |`;
  });
});
