// What a refresh changed, article by article, as a moderator wants to read it: paragraphs,
// people, quotes and time facts added and removed.
import { summarizeFacts, type ArticleIndex } from '../search/article-index.js';

export type FactKind = 'paragraphs' | 'people' | 'quotes' | 'times';
export const FACT_KINDS: readonly FactKind[] = ['paragraphs', 'people', 'quotes', 'times'];

export interface FactChanges {
  added: string[];
  removed: string[];
}

export interface ArticleChange {
  slug: string;
  headline: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Set when the headline itself changed. */
  previousHeadline?: string | undefined;
  facts: Record<FactKind, FactChanges>;
}

/** Compare two versions of one article (either may be missing: added or removed). */
export function diffArticleIndexes(before: ArticleIndex | undefined, after: ArticleIndex | undefined): ArticleChange {
  const subject = (after ?? before)!;
  const old = before ? summarizeFacts(before) : undefined;
  const now = after ? summarizeFacts(after) : undefined;
  const facts = Object.fromEntries(FACT_KINDS.map((kind) => [kind, diffLines(old?.[kind] ?? [], now?.[kind] ?? [])])) as Record<FactKind, FactChanges>;
  const headlineChanged = before !== undefined && after !== undefined && before.article.headline !== after.article.headline;
  const anyChange = headlineChanged || FACT_KINDS.some((k) => facts[k].added.length > 0 || facts[k].removed.length > 0);
  return {
    slug: subject.article.slug,
    headline: subject.article.headline,
    status: !before ? 'added' : !after ? 'removed' : anyChange ? 'changed' : 'unchanged',
    ...(headlineChanged && { previousHeadline: before.article.headline }),
    facts,
  };
}

/**
 * Lines in `after` and not in `before`, and the reverse, counting repeats: a paragraph that
 * appears twice and then once has one removal. Order follows the articles.
 */
export function diffLines(before: string[], after: string[]): FactChanges {
  const remaining = new Map<string, number>();
  for (const line of before) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of after) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    else added.push(line);
  }
  const removed: string[] = [];
  for (const line of before) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) {
      removed.push(line);
      remaining.set(line, left - 1);
    }
  }
  return { added, removed };
}

/** "+2 −1 paragraphs, +1 people": one line for a reply. Empty when nothing changed. */
export function describeChange(change: ArticleChange): string {
  const parts = FACT_KINDS.flatMap((kind) => {
    const { added, removed } = change.facts[kind];
    if (added.length === 0 && removed.length === 0) return [];
    return [`${[added.length && `+${added.length}`, removed.length && `−${removed.length}`].filter(Boolean).join(' ')} ${kind}`];
  });
  return parts.join(', ');
}
