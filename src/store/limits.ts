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
  /** Longest an article may take to index (in a worker) before it is refused as malformed. */
  indexTimeoutMs: number;
}

export const DEFAULT_LIMITS: ArticleLimits = {
  maxBytes: 1024 * 1024,
  minSentences: 3,
  maxHeadlineLength: 300,
  // Ordinary articles index in milliseconds and 1 MB of prose in well under a second here; ten
  // seconds leaves room for a loaded machine and still stops a pathological file.
  indexTimeoutMs: 10_000,
};

const limitsEnvSchema = z.object({
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().max(100 * 1024 * 1024).optional(),
  ARTICLE_MIN_SENTENCES: z.coerce.number().int().min(1).max(1000).optional(),
  INDEX_TIMEOUT_SECONDS: z.coerce.number().min(0.05).max(600).optional(),
});

/**
 * Limits from settings (`MAX_ARTICLE_BYTES`, `ARTICLE_MIN_SENTENCES`), defaults for what is unset.
 * Throws one error naming every invalid setting.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): ArticleLimits {
  const present = Object.fromEntries(
    Object.entries({ MAX_ARTICLE_BYTES: env.MAX_ARTICLE_BYTES, ARTICLE_MIN_SENTENCES: env.ARTICLE_MIN_SENTENCES, INDEX_TIMEOUT_SECONDS: env.INDEX_TIMEOUT_SECONDS }).filter(
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
    ...(parsed.data.INDEX_TIMEOUT_SECONDS !== undefined && { indexTimeoutMs: Math.round(parsed.data.INDEX_TIMEOUT_SECONDS * 1000) }),
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
