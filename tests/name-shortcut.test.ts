// The "did you mean" shortcut of /who (someNameWithin) may skip Fuse only when Fuse would find
// nothing: checked against Fuse itself for every article of the fixtures, with the questions' own
// words and names, typos of the article's names, and names the articles do not hold.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../src/index.js';
import { someNameWithin } from '../src/answer/who.js';
import { buildArticleIndex } from '../src/search/article-index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** A few deterministic slips: a letter dropped, doubled, swapped, or replaced. */
function slips(word: string, seed: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < word.length; k += 1 + (seed % 3)) {
    out.push(word.slice(0, k) + word.slice(k + 1));
    out.push(word.slice(0, k) + word[k] + word.slice(k));
    out.push(word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2));
    out.push(word.slice(0, k) + 'xq'[k % 2] + word.slice(k + 1));
  }
  return out;
}

const STRANGERS = ['Angela Merkel', 'Samuel Ortega', 'Lars Mikkelsen', 'Jo', 'X', 'Al', 'Bob Li', 'Smith', 'Maria de la Cruz Fernández', 'the', 'Zürich', 'Ng', 'a very long name that goes past the thirty-two letters of a bitap chunk'];

describe('who: the shortcut past the fuzzy name search', () => {
  const folders = readdirSync(FIXTURES).filter((f) => existsSync(join(FIXTURES, f, 'articles'))).sort();
  it.each(folders)('never hides a name Fuse finds (%s)', (folder) => {
    let skipped = 0;
    let checked = 0;
    for (const file of readdirSync(join(FIXTURES, folder, 'articles')).filter((f) => /\.(?:txt|md)$/.test(f))) {
      const ix = buildArticleIndex(readArticleFile(join(FIXTURES, folder, 'articles', file)));
      const names = ix.names.getIndex().docs.map((d) => d.name);
      const queries = new Set<string>(STRANGERS);
      names.forEach((name, i) => {
        queries.add(name);
        for (const word of name.split(/\s+/)) queries.add(word);
        for (const slip of slips(name, i)) queries.add(slip);
      });
      for (const query of queries) {
        const found = ix.names.search(query.slice(0, 60), { limit: 8 }).length;
        const within = someNameWithin(ix.names, query.slice(0, 60));
        if (found) expect(within, `${file}: "${query}"`).toBe(true);
        if (!within) skipped++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // The shortcut must decide something, or it is not worth having.
    expect(skipped).toBeGreaterThan(0);
  });
});
