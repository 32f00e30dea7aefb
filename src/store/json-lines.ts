// Reading append-only JSONL logs. A log may end in a line cut short by a crash, or hold a line
// edited by hand; those are skipped and counted, never fatal.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

export interface JsonLines<T> {
  entries: T[];
  /** Lines that were not valid JSON or did not match the schema. */
  skipped: number;
}

export async function readJsonLines<S extends z.ZodType>(path: string, schema: S): Promise<JsonLines<z.infer<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: 0 };
    throw error;
  }
  const entries: z.infer<S>[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { entries, skipped };
}
