// How a refresh's outcome looks in Discord: what changed (paragraphs, people, quotes and time
// facts added and removed), how many shards serve it, how to undo it; or, when refused, the
// reason to act on. Pure functions from the store's data to embeds, tested without a client.
import { time, TimestampStyles, type APIEmbed, type APIEmbedField } from 'discord.js';
import { FACT_KINDS, describeChange, type ArticleChange, type ChangeEntry, type FactKind, type HistoryVersion, type RefreshOutcome } from '../src/store/index.js';
import { escapeText, oneLine, truncate } from './discord-text.js';
import { fitEmbed } from './render-answer.js';
import { SaidOnce } from './say-once.js';
import type { ShardReach } from './shard-sync.js';

const COLOR_CHANGED = 0x57f287;
const COLOR_UNCHANGED = 0x99aab5;
const COLOR_REFUSED = 0xed4245;

const KIND_LABEL: Record<FactKind, string> = { paragraphs: 'Paragraphs', people: 'People', quotes: 'Quotes', times: 'Time facts' };
const ITEMS_PER_LIST = 4;
const ITEM_LENGTH = 160;
const ARTICLES_LISTED = 20;

const STATUS_TITLE: Record<ArticleChange['status'], string> = { added: 'Added', removed: 'Removed', changed: 'Updated', unchanged: 'Unchanged' };

/** A few of `items` as quoted lines, and how many more there are; a sentence already listed is shown as "…". */
function sample(sign: '+' | '−', items: string[], said: SaidOnce): string[] {
  const shown = items.slice(0, ITEMS_PER_LIST).map((item) => `${sign} ${escapeText(truncate(said.filter(oneLine(item)) || '…', ITEM_LENGTH))}`);
  if (items.length > ITEMS_PER_LIST) shown.push(`${sign} …and ${items.length - ITEMS_PER_LIST} more`);
  return shown;
}

/** One field per kind of fact that changed, with the added and removed items. */
function changeFields(change: ArticleChange): APIEmbedField[] {
  // A changed paragraph is listed removed and added: its unchanged sentences are shown once.
  const said = new SaidOnce();
  return FACT_KINDS.flatMap((kind) => {
    const { added, removed } = change.facts[kind];
    if (added.length === 0 && removed.length === 0) return [];
    const counts = [added.length && `${added.length} added`, removed.length && `${removed.length} removed`].filter(Boolean).join(', ');
    return [{ name: `${KIND_LABEL[kind]}: ${counts}`, value: [...sample('+', added, said), ...sample('−', removed, said)].join('\n') }];
  });
}

export function describeReach(reach: ShardReach, watchSeconds: number): string {
  if (reach.took >= reach.of) return `Served from now on by ${reach.of === 1 ? 'the only shard (1 of 1)' : `every shard (${reach.took} of ${reach.of})`}.`;
  const base = `Served from now on by ${reach.took} of ${reach.of} shards;`;
  const later = watchSeconds > 0 ? ` the others pick it up from the data folder within ${watchSeconds} seconds.` : ' the others pick it up at their next restart.';
  return `${base}${later}${reach.problems.length ? `\n${reach.problems.map((p) => escapeText(oneLine(p))).join('\n')}` : ''}`;
}

function undoHint(slug: string): string {
  return `The replaced version is kept: undo with \`/refresh rollback article:${slug}\`.`;
}

/** The reply to a refresh that went through. */
export function renderRefreshDone(outcome: RefreshOutcome & { ok: true }, reach: ShardReach | undefined, watchSeconds: number): APIEmbed {
  const changed = outcome.changes.filter((c) => c.status !== 'unchanged');
  const reachLine = reach && changed.length ? describeReach(reach, watchSeconds) : '';

  if (outcome.action === 'reload') {
    const unchanged = outcome.changes.length - changed.length;
    const lines = changed.slice(0, ARTICLES_LISTED).map((c) => {
      const summary = describeChange(c);
      return `${STATUS_TITLE[c.status]} \`${c.slug}\`: ${escapeText(truncate(oneLine(c.headline), 120))}${summary ? ` (${summary})` : ''}`;
    });
    if (changed.length > ARTICLES_LISTED) lines.push(`…and ${changed.length - ARTICLES_LISTED} more changed`);
    if (unchanged) lines.push(`${unchanged} article${unchanged === 1 ? '' : 's'} unchanged.`);
    const fields = changed.length === 1 ? changeFields(changed[0]!) : [];
    return fitEmbed({
      color: changed.length ? COLOR_CHANGED : COLOR_UNCHANGED,
      title: changed.length ? `Reloaded: ${changed.length} article${changed.length === 1 ? '' : 's'} changed` : 'Reloaded: nothing changed on disk',
      description: [...lines, reachLine].filter(Boolean).join('\n'),
      ...(fields.length && { fields }),
    });
  }

  const change = outcome.changes[0];
  if (!change || change.status === 'unchanged') {
    return fitEmbed({
      color: COLOR_UNCHANGED,
      title: 'Nothing changed',
      description:
        outcome.action === 'put'
          ? 'The file is identical to the version being served (or changes no fact): nothing to do.'
          : 'The restored version is the same as the one being served.',
    });
  }
  const verb = outcome.action === 'rollback' ? 'Rolled back' : STATUS_TITLE[change.status];
  const summary = describeChange(change);
  const lines = [
    `\`${change.slug}\`${summary ? `: ${summary}` : ''}`,
    change.previousHeadline ? `Headline was: ${escapeText(truncate(oneLine(change.previousHeadline), 200))}` : '',
    outcome.change?.restored ? `Restored version \`${outcome.change.restored}\`.` : '',
    outcome.change?.removed ? 'That version is from before the article existed, so it is no longer served.' : '',
    reachLine,
    outcome.change?.saved ? undoHint(change.slug) : '',
  ];
  return fitEmbed({
    color: COLOR_CHANGED,
    title: `${verb}: ${escapeText(oneLine(change.headline))}`,
    description: lines.filter(Boolean).join('\n'),
    fields: changeFields(change),
  });
}

/** The reply to a refresh that was refused: nothing changed, and why. */
export function renderRefused(what: string, reason: string): APIEmbed {
  const reasons = reason
    .split('\n')
    .filter(Boolean)
    .map((line) => `• ${escapeText(truncate(oneLine(line), 600))}`);
  return fitEmbed({
    color: COLOR_REFUSED,
    title: `Refused: ${what}`,
    description: [...reasons, '', 'Nothing changed: the articles being served stay as they were.'].join('\n'),
  });
}

function changeLine(entry: ChangeEntry): string {
  const when = time(new Date(entry.time), TimestampStyles.ShortDateTime);
  const target = entry.file ?? entry.slug ?? 'every article';
  const extra = [entry.restored && `restored \`${entry.restored}\``, entry.removed && 'removed'].filter(Boolean).join(', ');
  return `${when} **${entry.action}** \`${target}\` by ${escapeText(oneLine(entry.actor))}${extra ? ` (${extra})` : ''}`;
}

/** The last changes, newest first, and the kept versions of one article when asked. */
export function renderHistory(changes: ChangeEntry[], article?: { slug: string; versions: HistoryVersion[] }): APIEmbed {
  const lines = changes.length ? changes.map(changeLine) : ['No changes recorded yet.'];
  const fields: APIEmbedField[] = [];
  if (article) {
    const versions = article.versions.slice(0, 10).map((v) => `\`${versionStamp(v.id)}\` ${v.absent ? '(before the article existed)' : escapeText(v.file)}`);
    if (article.versions.length > 10) versions.push(`…and ${article.versions.length - 10} older`);
    fields.push({
      name: `Kept versions of ${article.slug}, newest first`,
      value: versions.length ? `${versions.join('\n')}\nRestore one with \`/refresh rollback article:${article.slug} version:…\`` : 'None kept yet.',
    });
  }
  return fitEmbed({ color: COLOR_UNCHANGED, title: article ? `Changes to ${article.slug}` : 'Last changes to the articles', description: lines.join('\n'), fields });
}

/** A version id's time stamp ("2024-03-05T10-11-12-123Z"): short enough for an autocomplete value. */
export function versionStamp(versionId: string): string {
  return versionId.split('__')[0]!;
}
