// A set of indexed articles, looked up by slug. Immutable once built: a refresh builds a new one.
import type { Article } from './types.js';
import { buildArticleIndex, type ArticleIndex } from './search/article-index.js';
import { contentTokens, isStopToken, stem, tokenize } from './text/tokens.js';

export class Library {
  readonly articles: ReadonlyMap<string, ArticleIndex>;
  readonly loadedAt: Date;
  /** Which articles use each stem, for choosing the articles a question is about. */
  private readonly articlesByStem = new Map<string, Set<string>>();

  constructor(indexes: ArticleIndex[], loadedAt = new Date()) {
    this.articles = new Map(indexes.map((ix) => [ix.article.slug, ix]));
    this.loadedAt = loadedAt;
    if (indexes.length > 1) {
      // Built only when there is a choice to make.
      for (const ix of indexes) {
        const text = [ix.article.headline, ...ix.article.sentences.map((s) => s.text)].join(' ');
        for (const t of tokenize(text)) {
          if (isStopToken(t)) continue;
          let set = this.articlesByStem.get(t.stem);
          if (!set) this.articlesByStem.set(t.stem, (set = new Set()));
          set.add(ix.article.slug);
        }
      }
    }
  }

  get size(): number {
    return this.articles.size;
  }

  get(slug: string): ArticleIndex | undefined {
    return this.articles.get(slug);
  }

  list(): ArticleIndex[] {
    return [...this.articles.values()];
  }

  /** The articles whose words best match a question, best first, at most `limit`. */
  shortlist(text: string, limit: number): ArticleIndex[] {
    const all = this.list();
    if (all.length <= 1) return all;
    const scores = new Map<string, number>();
    for (const t of contentTokens(text)) {
      const set = this.articlesByStem.get(stem(t.raw));
      if (!set) continue;
      const weight = Math.log(1 + all.length / set.size);
      for (const slug of set) scores.set(slug, (scores.get(slug) ?? 0) + weight);
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([slug]) => this.articles.get(slug)!);
    // Articles that share no word with the question still count when there are few of them.
    const rest = all.length <= limit ? all.filter((ix) => !scores.has(ix.article.slug)) : [];
    return [...ranked, ...rest].slice(0, limit);
  }
}

export function buildLibrary(articles: Article[]): Library {
  return new Library(articles.map(buildArticleIndex));
}
