// `npx tsx scripts/snapshot-engine.ts OUT [--no-answers]`
// For changes meant to make the engine faster without changing what it does: writes everything
// an index holds (people with roles, aliases and mentions, organisations, places, times, quotes,
// the extraction details, the search's counts and the name index) for every article of
// ../shared/eval/dev, ../shared/eval/real and tests/fixtures/*, one hash a line in OUT.index.txt,
// and every answer to their questions in OUT.answers.jsonl. Run it before and after the change and
// compare the files (`cmp`); any difference is a change of behaviour.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerInput, buildLibrary, readArticleFile } from '../src/index.js';
import { buildArticleIndex, summarizeFacts } from '../src/search/article-index.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

function folders(): string[] {
  const out = [join(REPO_ROOT, '..', 'shared', 'eval', 'dev'), join(REPO_ROOT, '..', 'shared', 'eval', 'real')];
  const fixtures = join(REPO_ROOT, 'tests', 'fixtures');
  for (const name of readdirSync(fixtures).sort()) out.push(join(fixtures, name));
  return out.filter((f) => existsSync(join(f, 'articles')));
}

/** Maps and Sets as their entries, so that JSON shows them. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value.entries()] };
  if (value instanceof Set) return { set: [...value] };
  return value;
}

function main(argv: string[]): number {
  const out = argv.find((a) => !a.startsWith('--'));
  if (!out) {
    process.stderr.write('usage: npx tsx scripts/snapshot-engine.ts OUT [--no-answers]\n');
    return 2;
  }
  const withAnswers = !argv.includes('--no-answers');
  const indexLines: string[] = [];
  const answerLines: string[] = [];
  for (const folder of folders()) {
    for (const file of readdirSync(join(folder, 'articles')).filter((f) => /\.(?:txt|md)$/.test(f)).sort()) {
      const path = join(folder, 'articles', file);
      let article;
      try {
        article = readArticleFile(path);
      } catch (error) {
        indexLines.push(`${path} unreadable: ${(error as Error).message}`);
        continue;
      }
      const ix = buildArticleIndex(article);
      const json = JSON.stringify(
        {
          summary: summarizeFacts(ix),
          people: ix.people,
          organisations: ix.organisations,
          places: ix.places,
          times: ix.times,
          quotes: ix.quotes,
          facts: { ...ix.facts, people: undefined, organisations: undefined, places: undefined },
          // The search's own counts: what every ranking is computed from.
          search: Object.fromEntries(['docs', 'df', 'normsByStem', 'lowercaseNorms', 'avgLength', 'maxIdf'].map((k) => [k, (ix.search as unknown as Record<string, unknown>)[k]])),
          names: ix.names.getIndex().toJSON(),
        },
        replacer,
      );
      indexLines.push(`${path} ${createHash('sha1').update(json).digest('hex')}`);
      const questions = join(folder, 'questions', file.replace(/\.(?:txt|md)$/, '.jsonl'));
      if (!withAnswers || !existsSync(questions)) continue;
      const library = buildLibrary([article]);
      for (const line of readFileSync(questions, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const q = (JSON.parse(line) as { q: string }).q;
        answerLines.push(JSON.stringify({ article: article.slug, q, answer: answerInput(library, q) }));
      }
    }
  }
  writeFileSync(`${out}.index.txt`, `${indexLines.join('\n')}\n`);
  if (withAnswers) writeFileSync(`${out}.answers.jsonl`, `${answerLines.join('\n')}\n`);
  process.stderr.write(`${indexLines.length} articles${withAnswers ? `, ${answerLines.length} answers` : ''} → ${out}.*\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
