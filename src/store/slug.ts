// Article slugs as stored on disk and typed in Discord: lowercase letters, digits and dashes.
import { z } from 'zod';
import { slugFromFileName } from '../article/parse.js';

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'must be 1 to 80 lowercase letters, digits and dashes');

/**
 * Slugs no article may have: a README in the articles folder is the folder's notes, skipped when
 * articles are read, so an article by that name would be written but never served (issue 10).
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['readme']);

/** Why a file or typed name cannot name an article, or undefined when it can. */
export function reservedSlugProblem(slug: string): string | undefined {
  return RESERVED_SLUGS.has(slug) ? `"${slug}" is reserved for the folder's notes (README) and is never served: rename the file or give another slug` : undefined;
}

/** The slug a file stands for: "court-case.txt" and "court-case.facts.json" are both "court-case". */
export function slugForFile(fileName: string): string {
  return slugFromFileName(fileName.replace(/\.facts\.json$/i, ''));
}

/** A slug typed by a person ("Court Case", "court-case") made safe for a file name. */
export function normalizeSlug(typed: string): string | undefined {
  // slugFromFileName falls back to "article" for names with no letters; a typed name must not.
  if (!/[a-z0-9]/i.test(typed.normalize('NFKD').replace(/\.(?:txt|md)$/i, ''))) return undefined;
  const slug = slugFromFileName(typed.trim());
  return slugSchema.safeParse(slug).success && !RESERVED_SLUGS.has(slug) ? slug : undefined;
}
