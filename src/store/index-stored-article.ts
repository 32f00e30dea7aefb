// The index an article is served from: extracted facts, then the curated ones on top. Its own
// module so the indexing worker loads the engine without the data store's file handling.
import { buildArticleIndex, type ArticleIndex } from '../search/article-index.js';
import { applyCuratedFacts } from './curated-facts.js';
import type { StoredArticle } from './data-store.js';

export function indexStoredArticle(stored: Pick<StoredArticle, 'article' | 'facts'>): ArticleIndex {
  const index = buildArticleIndex(stored.article);
  return stored.facts ? applyCuratedFacts(index, stored.facts) : index;
}
