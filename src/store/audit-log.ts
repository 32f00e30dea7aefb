// The audit log: one JSON line per moderator action or attempt, allowed or not, so an operator
// can see who did what, where, and how it ended.
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

export class AuditLog {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
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
    const run = this.queue.then(() => appendLineDurably(this.path, JSON.stringify(line)));
    this.queue = run.catch(() => undefined);
    return run.then(() => line);
  }

  /** The last entries, newest first. */
  async recent(limit = 20): Promise<AuditEntry[]> {
    const { entries } = await readJsonLines(this.path, auditEntrySchema);
    return entries.slice(-Math.max(0, limit)).reverse();
  }
}
