// The audit log: one JSON line per moderator action or attempt, allowed or not, so an operator
// can see who did what, where, and how it ended.
import { rename, rm, stat } from 'node:fs/promises';
import { z } from 'zod';
import { appendLineDurably } from './atomic-file.js';
import { readJsonLines } from './json-lines.js';

const field = (max: number) => z.string().max(max);

export const auditEntrySchema = z.object({
  time: z.iso.datetime(),
  /** Who: a user id, with a readable name when known ("discord:123 (alice)", "cli:bob"). */
  who: field(300),
  /** Where: "guild:1/channel:2", "dm:3", "cli". */
  where: field(300),
  /** What was asked: the command and its arguments. */
  what: field(1000),
  result: z.enum(['allowed', 'denied', 'ok', 'refused', 'failed']),
  /** Why it was denied or refused, or what changed. */
  detail: field(2000).optional(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditRecord = Omit<AuditEntry, 'time'>;

/**
 * The log is rotated by size (issue 10: every refused attempt added about 529 bytes, forever):
 * past `maxBytes` the file becomes `audit.jsonl.1`, the older ones shift up, and only `keep`
 * old files are kept. 1 MB holds about 2,000 attempts.
 */
export const DEFAULT_AUDIT_ROTATION = { maxBytes: 1024 * 1024, keep: 5 };

export class AuditLog {
  readonly path: string;
  readonly rotation: { maxBytes: number; keep: number };
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string, rotation: { maxBytes?: number; keep?: number } = {}) {
    this.path = path;
    this.rotation = { ...DEFAULT_AUDIT_ROTATION, ...rotation };
  }

  /** Append one entry. Long fields are cut to the schema's limits rather than refused: an audit line is never lost. */
  record(entry: AuditRecord): Promise<AuditEntry> {
    const line: AuditEntry = {
      time: new Date().toISOString(),
      who: entry.who.slice(0, 300),
      where: entry.where.slice(0, 300),
      what: entry.what.slice(0, 1000),
      result: entry.result,
      ...(entry.detail !== undefined && { detail: entry.detail.slice(0, 2000) }),
    };
    const text = JSON.stringify(line);
    const run = this.queue.then(async () => {
      await this.rotateIfFull(Buffer.byteLength(text) + 1);
      await appendLineDurably(this.path, text);
    });
    this.queue = run.catch(() => undefined);
    return run.then(() => line);
  }

  /** The last entries, newest first (from the newest rotated file too, when the current one holds fewer). */
  async recent(limit = 20): Promise<AuditEntry[]> {
    const { entries } = await readJsonLines(this.path, auditEntrySchema);
    const older = entries.length < limit ? (await readJsonLines(`${this.path}.1`, auditEntrySchema)).entries : [];
    return [...older, ...entries].slice(-Math.max(0, limit)).reverse();
  }

  /** Shift the files up (the oldest beyond `keep` is dropped) when this line would pass `maxBytes`. */
  private async rotateIfFull(adding: number): Promise<void> {
    const size = (await stat(this.path).catch(() => undefined))?.size ?? 0;
    if (size === 0 || size + adding <= this.rotation.maxBytes) return;
    const { keep } = this.rotation;
    await rm(`${this.path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) await rename(`${this.path}.${n}`, `${this.path}.${n + 1}`).catch(() => undefined);
    if (keep >= 1) await rename(this.path, `${this.path}.1`);
    else await rm(this.path, { force: true });
  }
}
