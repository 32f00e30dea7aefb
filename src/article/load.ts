// Reading article files from disk: one file, or every .txt/.md file of a folder.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Article } from '../types.js';
import { ArticleFormatError, parseArticle, slugFromFileName } from './parse.js';

const ARTICLE_EXTENSIONS = /\.(?:txt|md)$/i;

/** Decode bytes as UTF-8, refusing anything that is not (rather than showing replacement characters). */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleFormatError(`${name} is not UTF-8 text: save it as UTF-8 and try again`);
  }
}

export function readArticleFile(path: string): Article {
  const name = basename(path);
  return parseArticle(decodeUtf8(readFileSync(path), name), slugFromFileName(name));
}

/** Every article at `path`: the file itself, or the article files directly inside the folder (sorted by name). */
export function readArticles(path: string): Article[] {
  const stat = statSync(path);
  if (stat.isFile()) return [readArticleFile(path)];
  const files = readdirSync(path)
    .filter((f) => ARTICLE_EXTENSIONS.test(f) && !f.startsWith('.') && !/^readme\./i.test(f))
    .sort();
  const found = files.map((f) => join(path, f)).filter((p) => statSync(p).isFile());
  if (found.length === 0) {
    // The bundled layout keeps articles in data/articles/.
    const nested = join(path, 'articles');
    if (safeIsDir(nested)) return readArticles(nested);
    throw new ArticleFormatError(`no .txt or .md article files in ${path}`);
  }
  return found.map(readArticleFile);
}

function safeIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
