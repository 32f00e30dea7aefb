// What a file must respect to become an article. Configurable so an operator can allow longer
// articles without a code change; the defaults suit news articles.
import { z } from 'zod';

export interface ArticleLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Fewest sentences a file needs to be an article rather than a note or a stray upload. */
  minSentences: number;
  /** Longest first line still read as a headline; longer means the headline is missing. */
  maxHeadlineLength: number;
}

export const DEFAULT_LIMITS: ArticleLimits = {
  maxBytes: 1024 * 1024,
  minSentences: 3,
  maxHeadlineLength: 300,
};

const limitsEnvSchema = z.object({
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().max(100 * 1024 * 1024).optional(),
  ARTICLE_MIN_SENTENCES: z.coerce.number().int().min(1).max(1000).optional(),
});

/**
 * Limits from settings (`MAX_ARTICLE_BYTES`, `ARTICLE_MIN_SENTENCES`), defaults for what is unset.
 * Throws one error naming every invalid setting.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): ArticleLimits {
  const present = Object.fromEntries(
    Object.entries({ MAX_ARTICLE_BYTES: env.MAX_ARTICLE_BYTES, ARTICLE_MIN_SENTENCES: env.ARTICLE_MIN_SENTENCES }).filter(
      ([, v]) => v !== undefined && v.trim() !== '',
    ),
  );
  const parsed = limitsEnvSchema.safeParse(present);
  if (!parsed.success) {
    const why = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
    throw new Error(`invalid article limits: ${why}`);
  }
  return {
    ...DEFAULT_LIMITS,
    ...(parsed.data.MAX_ARTICLE_BYTES !== undefined && { maxBytes: parsed.data.MAX_ARTICLE_BYTES }),
    ...(parsed.data.ARTICLE_MIN_SENTENCES !== undefined && { minSentences: parsed.data.ARTICLE_MIN_SENTENCES }),
  };
}

/** "2.3 MB", "512 KB", "80 bytes": sizes as a moderator reads them (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimNumber(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trimNumber(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

function trimNumber(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}
