// Helpers for the moderation tests: the real Docent client over a temporary DATA_DIR (with its
// data store, defaults and audit log), moderator and member payloads, subcommands and uploaded
// attachments as Discord sends them, and waiting for a deferred reply's edit.
import { PermissionFlagsBits } from 'discord.js';
import type { Moderation } from '../bot/moderation.js';
import type { AuditEntry } from '../src/store/index.js';
import { startBot, type BotHarness } from './support/bot-harness.js';
import { FakeDiscord, type FakeDiscordOptions, type FakeGuild, type InteractionCallback, type InteractionOptions, type RecordedRequest } from './support/fake-discord.js';

export const MANAGE_SERVER = PermissionFlagsBits.ManageGuild.toString();

export interface ModeratedBot extends BotHarness {
  moderation: Moderation;
}

export interface ModeratedBotOptions {
  dataDir: string;
  env?: Record<string, string>;
  /** An already running fake Discord (a restart keeps the same servers); a new one by default. */
  fake?: FakeDiscord;
  fakeOptions?: FakeDiscordOptions;
}

/** Start the bot as `npm start` wires it: library from the data store, moderation, following changes. */
export async function startModeratedBot(options: ModeratedBotOptions): Promise<ModeratedBot> {
  const bot = await startBot({
    dataDir: options.dataDir,
    followDataChanges: true,
    env: { ATTACHMENT_HOSTS: '127.0.0.1', ...options.env },
    runningFake: options.fake,
    fake: options.fakeOptions,
  });
  return { ...bot, moderation: bot.moderation! };
}

export type SubcommandOption = string | number | boolean | UploadedFile;

export interface UploadedFile {
  filename: string;
  url: string;
  /** The size Discord reports (by default the size of what is served). */
  size: number;
  contentType?: string;
}

const isUpload = (value: SubcommandOption): value is UploadedFile => typeof value === 'object' && value !== null && 'url' in value;

/** `/command subcommand option:value …` as Discord sends it, uploads included (type 11 options with `resolved.attachments`). */
export function subcommand(fake: FakeDiscord, command: string, sub: string, options: Record<string, SubcommandOption | undefined> = {}, context: InteractionOptions = {}) {
  const payload = fake.slashCommand(command, {}, context);
  const attachments: Record<string, unknown> = {};
  const nested = Object.entries(options)
    .filter((entry): entry is [string, SubcommandOption] => entry[1] !== undefined)
    .map(([name, value]) => {
      if (isUpload(value)) {
        const id = fake.snowflake();
        attachments[id] = { id, filename: value.filename, size: value.size, url: value.url, proxy_url: value.url, content_type: value.contentType ?? 'text/plain; charset=utf-8' };
        return { name, type: 11, value: id };
      }
      return { name, type: typeof value === 'number' ? 4 : typeof value === 'boolean' ? 5 : 3, value };
    });
  payload.data.options = [{ name: sub, type: 1, options: nested }];
  if (Object.keys(attachments).length) payload.data.resolved = { attachments };
  return payload;
}

/** Serve `content` from the fake's attachment URLs, as an upload named `filename`. */
export function upload(fake: FakeDiscord, filename: string, content: string | Buffer): UploadedFile {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { filename, url: fake.serveFile(filename, bytes), size: bytes.length };
}

/** A member holding Manage Server in the fake's default server. */
export function moderator(fake: FakeDiscord, extra: InteractionOptions = {}): InteractionOptions {
  return { user: fake.user('mod'), permissions: MANAGE_SERVER, ...extra };
}

export interface DeferredReply {
  /** The first answer: type 5 (deferred) for a refresh. */
  callback: InteractionCallback;
  /** The edit of the original reply: the outcome. */
  edit: RecordedRequest;
}

/** Dispatch an interaction whose reply is deferred, and wait for the edit that carries the outcome. */
export async function interactDeferred(fake: FakeDiscord, payload: Record<string, any>, timeoutMs = 10_000): Promise<DeferredReply> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const from = fake.requests.length;
  const callback = await fake.interact(payload, timeoutMs);
  const edit = await fake.waitForRequest(
    (r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${payload.token}/messages/@original`,
    timeoutMs,
    from,
  );
  return { callback, edit };
}

/** The text an edited reply shows: its embed title, description and fields. */
export function shownText(body: any): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const embeds = body?.embeds ?? body?.data?.embeds ?? [];
  const content = body?.content ?? body?.data?.content ?? '';
  return [content, ...embeds.flatMap((e: any) => [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])])] // eslint-disable-line @typescript-eslint/no-explicit-any
    .filter(Boolean)
    .join('\n');
}

/** The audit entries, oldest first. */
export async function auditEntries(bot: ModeratedBot): Promise<AuditEntry[]> {
  return (await bot.moderation.audit.recent(10_000)).reverse();
}

/** A guild whose events go to `shard` of `count`, as Discord routes them ((id >> 22) % count). */
export function guildOnShard(shard: number, count: number, name: string, serial: number): FakeGuild {
  const time = 1_000_000_000_000n + BigInt(serial * count + shard);
  const id = (time << 22n).toString();
  return { id, name, channels: [{ id: ((time << 22n) + 1n).toString(), name: 'general' }] };
}

/** Tell the bot's gateway that a role exists in a server (so discord.js counts it among a member's roles). */
export function createRole(fake: FakeDiscord, guild: FakeGuild, roleId: string, name = 'Moderators'): void {
  fake.dispatch(
    'GUILD_ROLE_CREATE',
    { guild_id: guild.id, role: { id: roleId, name, permissions: '0', position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 } },
    fake.shardFor(guild.id),
  );
}
