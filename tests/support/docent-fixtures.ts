// Libraries for the bot's tests: the bundled article, and an article of our own (two people
// share a surname; a quote carries markdown and @everyone, to prove replies escape article text).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLED_DATA_DIR } from '../../cli/data-path.js';
import { buildLibrary, Library, parseArticle, readArticles } from '../../src/index.js';
import type { ArticleIndex } from '../../src/search/article-index.js';

export const HARBOUR_PATH = fileURLToPath(new URL('./articles/harbour-bridge.txt', import.meta.url));

export function bundledLibrary(): Library {
  return buildLibrary(readArticles(BUNDLED_DATA_DIR));
}

/** The harbour article, indexed by the engine. */
export function harbourIndex(): ArticleIndex {
  return buildLibrary([parseArticle(readFileSync(HARBOUR_PATH, 'utf8'), 'harbour-bridge')]).list()[0]!;
}

/** The bundled article first (the default one), then the harbour article. */
export function twoArticleLibrary(): Library {
  return new Library([...bundledLibrary().list(), harbourIndex()]);
}
