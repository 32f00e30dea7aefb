// The optional `article` option: what a person picked (a slug from autocomplete) or typed by hand,
// and the server's default article (`/article use`) for questions that name none.
import type { Library } from '../src/index.js';
import { escapeText, oneLine, truncate } from './discord-text.js';
import type { Moderation } from './moderation.js';

export type ArticleChoice = { ok: true; slug: string | undefined } | { ok: false; reply: string };

const fold = (text: string) => oneLine(text).toLowerCase();

/** Resolve the option to a loaded article's slug; undefined slug means "the default article". */
export function chooseArticle(library: Library, typed: string | null | undefined): ArticleChoice {
  if (library.size === 0) return { ok: false, reply: 'No article is loaded yet, so there is nothing to ask about.' };
  const wanted = fold(typed ?? '');
  if (!wanted) return { ok: true, slug: undefined };
  if (library.get(wanted)) return { ok: true, slug: wanted };
  const match = library.list().find((ix) => ix.article.slug === wanted || fold(ix.article.headline) === wanted);
  if (match) return { ok: true, slug: match.article.slug };
  const known = library
    .list()
    .slice(0, 5)
    .map((ix) => `\`${ix.article.slug}\``)
    .join(', ');
  return {
    ok: false,
    reply: `No loaded article is called “${escapeText(truncate(oneLine(typed ?? ''), 100))}”. Pick one from the list as you type, for example ${known}.`,
  };
}

/** The scope id a server's default article is kept under. */
export function serverScope(guildId: string): string {
  return `guild:${guildId}`;
}

/** The server's default article, when it has one that is loaded now. */
export function defaultArticleFor(moderation: Moderation | undefined, guildId: string | null | undefined, library: Library): string | undefined {
  if (!moderation || !guildId) return undefined;
  const slug = moderation.scopeDefaults.get(serverScope(guildId));
  return slug && library.get(slug) ? slug : undefined;
}
