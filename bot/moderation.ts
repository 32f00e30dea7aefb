// What moderators' commands work with: the data store behind the served library, the per-server
// default articles, the audit log and the access rules, opened together from the settings and kept
// in step with changes other processes make. Also the two things every moderator command does the
// same way: check who is asking, and write the attempt to the audit log, allowed or not.
import type { ChatInputCommandInteraction, Client, Interaction } from 'discord.js';
import {
  AuditLog,
  DEFAULT_LIMITS,
  DataStore,
  LibraryHolder,
  ScopeDefaults,
  limitsFromEnv,
  type ArticleLimits,
  type AuditRecord,
  type FileProblem,
} from '../src/store/index.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_MS, type DownloadRules } from './attachments.js';
import type { DocentConfig } from './config.js';
import type { Logger } from './logger.js';
import { checkModerator, type AccessDecision, type AccessRules } from './permissions.js';
import { replyPrivately } from './reply.js';
import { installShardFollower } from './shard-sync.js';

export interface Moderation {
  /** The served library and the versioned data folder behind it. */
  holder: LibraryHolder;
  /** Each server's default article, kept in DATA_DIR so it survives restarts. */
  scopeDefaults: ScopeDefaults;
  audit: AuditLog;
  access: AccessRules;
  /** Where uploads may come from and how long a download may take; the size limit is the store's. */
  downloads: Omit<DownloadRules, 'maxBytes'>;
  /** How often each process looks for changes made by another one (seconds), for replies. */
  watchSeconds: number;
}

export interface ModerationSettings {
  dataDir: string;
  limits: ArticleLimits;
  access: AccessRules;
  downloads: Omit<DownloadRules, 'maxBytes'>;
  watchSeconds: number;
}

/** The settings moderation needs, from the bot's config (and ARTICLE_MIN_SENTENCES, which the data CLI reads too). */
export function moderationSettings(
  config: Pick<DocentConfig, 'dataDir' | 'maxArticleBytes' | 'moderatorRoleIds' | 'ownerIds' | 'attachmentHosts' | 'dataWatchMs'> &
    Partial<Pick<DocentConfig, 'articleMinSentences' | 'indexTimeoutMs'>>,
  env: Record<string, string | undefined> = {},
): ModerationSettings {
  // The bot's config checks every setting in one message; the environment is read only for a
  // config built by hand (tests) that leaves the article limits out.
  const fromEnv = config.articleMinSentences === undefined || config.indexTimeoutMs === undefined ? limitsFromEnv(env) : undefined;
  return {
    dataDir: config.dataDir,
    limits: {
      ...(fromEnv ?? DEFAULT_LIMITS),
      maxBytes: config.maxArticleBytes,
      ...(config.articleMinSentences !== undefined && { minSentences: config.articleMinSentences }),
      ...(config.indexTimeoutMs !== undefined && { indexTimeoutMs: config.indexTimeoutMs }),
    },
    access: { moderatorRoleIds: config.moderatorRoleIds, ownerIds: config.ownerIds },
    downloads: { hosts: config.attachmentHosts, timeoutMs: DEFAULT_DOWNLOAD_TIMEOUT_MS },
    watchSeconds: config.dataWatchMs > 0 ? Math.max(1, Math.ceil(config.dataWatchMs / 1000)) : 0,
  };
}

/** Open the data folder: the library to serve (files that cannot be served are left out and returned), defaults and audit log. */
export async function openModeration(settings: ModerationSettings): Promise<{ moderation: Moderation; problems: FileProblem[]; defaultsProblem?: string | undefined }> {
  const store = await DataStore.open(settings.dataDir, { limits: settings.limits });
  const { holder, problems } = await LibraryHolder.open(store);
  const scopeDefaults = await ScopeDefaults.open(store.paths.scopeDefaults, { lockPath: store.paths.lock });
  const audit = new AuditLog(store.paths.auditLog);
  return {
    moderation: { holder, scopeDefaults, audit, access: settings.access, downloads: settings.downloads, watchSeconds: settings.watchSeconds },
    problems,
    defaultsProblem: scopeDefaults.problem,
  };
}

/**
 * Keep this process's library in step with the data folder when another process changes it: poll
 * the change log every `intervalMs` (0: never), and answer other shards' broadcasts after their
 * refreshes. Returns a function that stops both.
 */
export function followDataChanges(moderation: Moderation, client: Client, logger: Logger, intervalMs: number): () => void {
  const { holder } = moderation;
  const shardIds = () => (Array.isArray(client.options.shards) ? client.options.shards : [...client.ws.shards.keys()]);
  const stopWatching =
    intervalMs > 0
      ? holder.watch({
          intervalMs,
          onReload: (outcome) =>
            outcome.ok
              ? logger.info({ generation: outcome.generation, articles: holder.library.size }, 'followed a data change made elsewhere')
              : logger.warn({ reason: outcome.reason }, 'a data change made elsewhere was refused here; still serving the previous articles'),
          onError: (error) => logger.error({ err: error }, 'could not check the data folder for changes'),
        })
      : () => undefined;
  const removeFollower = installShardFollower(async () => {
    const outcome = await holder.reloadIfChanged(`shard ${shardIds().join(',')}`);
    if (outcome && !outcome.ok) return { shards: shardIds(), ok: false, reason: outcome.reason };
    return { shards: shardIds(), ok: true, generation: holder.generation };
  });
  return () => {
    stopWatching();
    removeFollower();
  };
}

/** Who, for the audit log and the change log: "discord:123 (alice)". */
export function actorOf(interaction: Interaction): string {
  return `discord:${interaction.user.id} (${interaction.user.username})`;
}

/** Where, for the audit log: "guild:1/channel:2" or "dm:3". */
function placeOf(interaction: Interaction): string {
  return interaction.inGuild() ? `guild:${interaction.guildId}/channel:${interaction.channelId}` : `dm:${interaction.channelId ?? interaction.user.id}`;
}

/** What was asked, as typed: "/refresh rollback article:harbour". */
function commandLine(interaction: ChatInputCommandInteraction): string {
  const parts = [`/${interaction.commandName}`];
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false);
  if (group) parts.push(group);
  if (sub) parts.push(sub);
  const options = interaction.options.data.flatMap((o) => (o.options ? o.options.flatMap((n) => n.options ?? [n]) : [o]));
  for (const option of options) {
    const value = option.attachment ? option.attachment.name : option.value;
    if (value !== undefined && value !== null) parts.push(`${option.name}:${String(value)}`);
  }
  return parts.join(' ');
}

/** Write one audit line. A failure to write is logged loudly but does not change the reply. */
export async function recordAttempt(
  moderation: Moderation,
  logger: Logger,
  interaction: ChatInputCommandInteraction,
  result: AuditRecord['result'],
  detail?: string,
): Promise<void> {
  const entry: AuditRecord = { who: actorOf(interaction), where: placeOf(interaction), what: commandLine(interaction), result, ...(detail !== undefined && { detail }) };
  try {
    await moderation.audit.record(entry);
  } catch (error) {
    logger.error({ err: error, audit: entry }, 'could not write the audit log');
  }
}

/**
 * Check that a moderator is asking. When not, answer privately with the reason and audit the
 * denial; the caller then stops. The check itself awaits nothing, so an allowed moderator's
 * command can acknowledge the interaction at once.
 */
export async function admitModerator(moderation: Moderation, logger: Logger, interaction: ChatInputCommandInteraction): Promise<AccessDecision> {
  const decision = checkModerator(interaction, moderation.access);
  if (!decision.allowed) {
    // Audited first: the line is written even when the reply cannot be (an expired interaction).
    await recordAttempt(moderation, logger, interaction, 'denied', decision.reason);
    await replyPrivately(interaction, decision.reason);
  }
  return decision;
}

export const NO_DATA_FOLDER_REPLY = 'Changing the data is not available here: this bot was started without a data folder.';
