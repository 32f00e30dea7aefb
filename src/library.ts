// A set of indexed articles, looked up by slug. Immutable once built: a refresh builds a new one.
import type { Article } from './types.js';
import { buildArticleIndex, type ArticleIndex } from './search/article-index.js';

export class Library {
  readonly articles: ReadonlyMap<string, ArticleIndex>;
  readonly loadedAt: Date;

  constructor(indexes: ArticleIndex[], loadedAt = new Date()) {
    this.articles = new Map(indexes.map((ix) => [ix.article.slug, ix]));
    this.loadedAt = loadedAt;
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
}

export function buildLibrary(articles: Article[]): Library {
  return new Library(articles.map(buildArticleIndex));
}
