// Everything the engine knows about one article, built once when it is loaded.
import type { Article } from '../types.js';

export interface ArticleIndex {
  article: Article;
}

export function buildArticleIndex(article: Article): ArticleIndex {
  return { article };
}
