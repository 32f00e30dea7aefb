// /refresh (moderators): change the articles Docent answers from, without a restart.
//   /refresh all                                reload every article from the data folder
//   /refresh file file:<upload> [slug]          add or replace an article (.txt/.md) or its curated facts (.facts.json)
//   /refresh rollback article:<slug> [version]  restore the previous (or a kept) version; again to undo
//   /refresh history [article]                  the last changes, and an article's kept versions
// Registered for Manage Server by default and checked again at run time. The reply is deferred at
// once (a refresh can take longer than Discord's 3 seconds), then edited with what changed or why
// nothing did. Every attempt goes to the audit log.
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type APIEmbed,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { downloadAttachment } from '../bot/attachments.js';
import { articles, rankChoices, type Candidate } from '../bot/autocomplete.js';
import { MAX_NAME_LENGTH } from '../bot/command-options.js';
import { oneLine, truncate } from '../bot/discord-text.js';
import { NO_DATA_FOLDER_REPLY, actorOf, admitModerator, recordAttempt, type Moderation } from '../bot/moderation.js';
import { renderHistory, renderRefreshDone, renderRefused, versionStamp } from '../bot/render-refresh.js';
import { checkModerator } from '../bot/permissions.js';
import { NO_MENTIONS, replyPrivately } from '../bot/reply.js';
import { spreadDataChange } from '../bot/shard-sync.js';
import { describeChange, formatBytes, normalizeSlug, type AuditRecord, type RefreshOutcome } from '../src/store/index.js';
import type { Command, CommandContext, Outcome } from './index.js';

/** What a subcommand produced: the reply, the audit line's result and detail, the log outcome. */
interface Result {
  embed: APIEmbed;
  audit: AuditRecord['result'];
  detail: string;
  outcome: Outcome;
}

const UPLOAD_NAME = /\.(?:txt|md|json)$/i;
const HISTORY_SHOWN = 10;

function refusal(what: string, reason: string): Result {
  return { embed: renderRefused(what, reason), audit: 'refused', detail: reason, outcome: 'refused' };
}

async function finish(interaction: ChatInputCommandInteraction, moderation: Moderation, outcome: RefreshOutcome, what: string): Promise<Result> {
  if (!outcome.ok) return refusal(what, outcome.reason);
  const changed = outcome.changes.filter((c) => c.status !== 'unchanged');
  // A reload is spread even when this shard saw no change: another shard may not have read the folder yet.
  const reach = changed.length || outcome.action === 'reload' ? await spreadDataChange(interaction.client) : undefined;
  const detail = outcome.changes.length
    ? changed.map((c) => `${c.slug}: ${c.status}${describeChange(c) ? ` (${describeChange(c)})` : ''}`).join('; ') || 'nothing changed'
    : 'nothing changed';
  return {
    embed: renderRefreshDone(outcome, reach, moderation.watchSeconds),
    audit: 'ok',
    detail: reach ? `${detail}; ${reach.took} of ${reach.of} shards` : detail,
    outcome: changed.length ? 'updated' : 'shown',
  };
}

async function reloadAll(interaction: ChatInputCommandInteraction, moderation: Moderation): Promise<Result> {
  return finish(interaction, moderation, await moderation.holder.reload(actorOf(interaction)), 'the reload');
}

async function uploadFile(interaction: ChatInputCommandInteraction, moderation: Moderation): Promise<Result> {
  const attachment = interaction.options.getAttachment('file', true);
  // A forged or odd payload may carry no file name, or a number: the name decides what the file
  // is, so say so plainly rather than fail on it (issue 10: it got the generic apology).
  const name: unknown = attachment.name;
  if (typeof name !== 'string' || name.trim() === '') {
    return refusal('the upload', 'the attachment has no file name: upload it as <article>.txt or <article>.md, or <article>.facts.json for curated facts');
  }
  const what = `the file ${oneLine(name)}`;
  // Checked before downloading anything: the name and the size Discord reports.
  if (!UPLOAD_NAME.test(name)) {
    return refusal(what, `only .txt and .md files are articles, and <article>.facts.json files curated facts (got ${JSON.stringify(truncate(name, 100))})`);
  }
  const maxBytes = moderation.holder.store.limits.maxBytes;
  if (attachment.size > maxBytes) return refusal(what, `the file is ${formatBytes(attachment.size)}; the limit is ${formatBytes(maxBytes)}`);

  const download = await downloadAttachment(attachment.url, { ...moderation.downloads, maxBytes });
  if (!download.ok) return refusal(what, download.reason);
  const slug = interaction.options.getString('slug') ?? undefined;
  const outcome = await moderation.holder.put({ fileName: name, bytes: download.bytes, slug }, actorOf(interaction));
  return finish(interaction, moderation, outcome, what);
}

async function rollback(interaction: ChatInputCommandInteraction, moderation: Moderation): Promise<Result> {
  const typed = interaction.options.getString('article', true);
  const what = `the rollback of ${oneLine(typed)}`;
  const slug = normalizeSlug(typed);
  if (!slug) return refusal(what, `"${truncate(oneLine(typed), 100)}" is not an article name: pick one from the list as you type`);
  const versionTyped = interaction.options.getString('version');
  let versionId: string | undefined;
  if (versionTyped) {
    const versions = await moderation.holder.store.versions(slug);
    versionId = versions.find((v) => v.id === versionTyped || versionStamp(v.id) === versionTyped)?.id;
    if (!versionId) return refusal(what, `"${slug}" has no kept version "${truncate(oneLine(versionTyped), 100)}": pick one from the list, or see /refresh history article:${slug}`);
  }
  return finish(interaction, moderation, await moderation.holder.rollback(slug, actorOf(interaction), versionId), what);
}

async function history(interaction: ChatInputCommandInteraction, moderation: Moderation): Promise<Result> {
  const typed = interaction.options.getString('article');
  const slug = typed ? normalizeSlug(typed) : undefined;
  if (typed && !slug) return refusal('the history', `"${truncate(oneLine(typed), 100)}" is not an article name`);
  const store = moderation.holder.store;
  const { changes } = await store.history(slug ? 500 : HISTORY_SHOWN);
  const shown = (slug ? changes.filter((c) => c.slug === slug) : changes).slice(0, HISTORY_SHOWN);
  const embed = renderHistory(shown, slug ? { slug, versions: await store.versions(slug) } : undefined);
  return { embed, audit: 'ok', detail: `${shown.length} changes shown`, outcome: 'shown' };
}

const SUBCOMMANDS: Record<string, (interaction: ChatInputCommandInteraction, moderation: Moderation) => Promise<Result>> = {
  all: reloadAll,
  file: uploadFile,
  rollback,
  history,
};

async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Outcome> {
  const { moderation, logger } = context;
  if (!moderation) {
    await replyPrivately(interaction, NO_DATA_FOLDER_REPLY);
    return 'unknown';
  }
  if (!(await admitModerator(moderation, logger, interaction)).allowed) return 'denied';
  const run = SUBCOMMANDS[interaction.options.getSubcommand(false) ?? ''];
  if (!run) {
    const reply = 'Pick what to refresh: `/refresh all`, `/refresh file`, `/refresh rollback` or `/refresh history`.';
    await recordAttempt(moderation, logger, interaction, 'refused', 'no known subcommand');
    await replyPrivately(interaction, reply);
    return 'bad-input';
  }

  let audited = false;
  try {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await run(interaction, moderation);
    await recordAttempt(moderation, logger, interaction, result.audit, result.detail);
    audited = true;
    await interaction.editReply({ embeds: [result.embed], allowedMentions: NO_MENTIONS });
    return result.outcome;
  } catch (error) {
    if (!audited) await recordAttempt(moderation, logger, interaction, 'failed', error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** Slugs a moderator may mean: the loaded articles, then any the recent changes name (a removed one can be restored). */
async function slugCandidates(moderation: Moderation): Promise<Candidate[]> {
  const loaded = articles(moderation.holder.library);
  const known = new Set(loaded.map((c) => c.value));
  const { changes } = await moderation.holder.store.history(200);
  const others = [...new Set(changes.map((c) => c.slug).filter((s): s is string => !!s && !known.has(s)))];
  return [...loaded, ...others.map((slug, i) => ({ name: `${slug} (not loaded now)`, value: slug, aliases: [slug], weight: -1000 - i }))];
}

async function versionCandidates(moderation: Moderation, typedSlug: string | null): Promise<Candidate[]> {
  const slug = typedSlug ? normalizeSlug(typedSlug) : undefined;
  if (!slug) return [];
  const versions = await moderation.holder.store.versions(slug);
  return versions.map((v, i) => ({
    name: `${v.savedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} · ${v.absent ? 'before the article existed' : v.file}`,
    value: versionStamp(v.id),
    weight: -i,
  }));
}

export default {
  data: new SlashCommandBuilder()
    .setName('refresh')
    .setDescription('Moderators: reload, replace or roll back the articles Docent answers from')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => s.setName('all').setDescription('Reload every article from the data folder'))
    .addSubcommand((s) =>
      s
        .setName('file')
        .setDescription('Add or replace an article from an uploaded .txt or .md file (or its .facts.json)')
        .addAttachmentOption((o) => o.setName('file').setDescription('The article as UTF-8 text: headline first, then paragraphs').setRequired(true))
        .addStringOption((o) =>
          o.setName('slug').setDescription('Which article it is (default: from the file name)').setMaxLength(MAX_NAME_LENGTH).setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('rollback')
        .setDescription('Restore the version an article had before its last change (run again to undo)')
        .addStringOption((o) => o.setName('article').setDescription('The article to restore').setRequired(true).setMaxLength(MAX_NAME_LENGTH).setAutocomplete(true))
        .addStringOption((o) =>
          o.setName('version').setDescription('A kept version to restore instead (see /refresh history)').setMaxLength(MAX_NAME_LENGTH).setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('history')
        .setDescription('The last changes to the articles, and the kept versions of one')
        .addStringOption((o) => o.setName('article').setDescription('Show this article’s changes and kept versions').setMaxLength(MAX_NAME_LENGTH).setAutocomplete(true)),
    ),
  execute,
  async autocomplete(interaction, context) {
    const moderation = context.moderation;
    const focused = interaction.options.getFocused(true);
    let candidates: Candidate[] = [];
    // Kept versions and removed articles are moderators' business: others get no suggestions.
    if (moderation && checkModerator(interaction, moderation.access).allowed) {
      candidates = focused.name === 'version' ? await versionCandidates(moderation, interaction.options.getString('article')) : await slugCandidates(moderation);
    }
    await interaction.respond(rankChoices(candidates, String(focused.value ?? '')));
    return 'suggested';
  },
} satisfies Command;
