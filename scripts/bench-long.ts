// The "long" section of the benchmark: the real set (../shared/eval/real, long Wikipedia articles
// with SQuAD questions). Every article is read and indexed on its own; `buildMsPer100Kb` is the
// worst article's indexing time per 100 KB of its text, so an indexing cost that grows faster
// than the text shows up here. Answer latency is over all of the set's questions, each asked of
// its own article through the same function the other sections use.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answerInput, buildLibrary, readArticleFile, type Library } from '../src/index.js';
import { readQuestionSets } from './bench-article.js';
import { median, percentile, progress, timed } from './bench-stats.js';

export interface LongArticleBuild {
  slug: string;
  kb: number;
  buildMs: number;
  msPer100Kb: number;
}

export interface LongBench {
  articles: number;
  /** The articles' text, in KB (1,024 bytes of the files as stored). */
  kb: number;
  buildMsPer100Kb: number;
  p50Ms: number;
  p99Ms: number;
  /** Not in the contract's JSON: what the figures were measured over. */
  perArticle: LongArticleBuild[];
  answers: number;
  questions: number;
  buildRuns: number;
  folder: string;
}

export function defaultLongFolder(repoRoot: string): string {
  return join(repoRoot, '..', 'shared', 'eval', 'real');
}

export function measureLong(options: { folder: string; buildRuns?: number; passes?: number }): LongBench {
  const { folder, buildRuns = 7, passes = 2 } = options;
  const sets = readQuestionSets(folder);
  if (sets.length === 0) throw new Error(`no question sets in ${join(folder, 'questions')}`);

  progress(`long: indexing each of ${sets.length} articles from ${folder}, median of ${buildRuns} runs after one untimed`);
  const perArticle: LongArticleBuild[] = [];
  const asked: { library: Library; input: string }[] = [];
  for (const set of sets) {
    // Reading is part of indexing, as in the other sections: a bot reads the file, then indexes it.
    const build = () => buildLibrary([readArticleFile(set.articlePath)]);
    const library = build(); // untimed: the first build of a text warms the engine for it
    const builds = Array.from({ length: buildRuns }, () => timed(build).ms);
    const kb = statSync(set.articlePath).size / 1024;
    const buildMs = median(builds);
    perArticle.push({ slug: set.slug, kb, buildMs, msPer100Kb: (buildMs / kb) * 100 });
    for (const input of set.inputs) asked.push({ library, input });
  }

  // One untimed pass first, so the figures describe a warm engine as a running bot has.
  progress(`long: ${asked.length} questions, each of its own article, one untimed pass and ${passes} timed`);
  for (const { library, input } of asked) answerInput(library, input);
  const latencies: number[] = [];
  let answerChars = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const { library, input } of asked) {
      const start = performance.now();
      const answer = answerInput(library, input);
      latencies.push(performance.now() - start);
      answerChars += answer.answer.length; // keeps the work observable
    }
  }
  if (answerChars === 0) throw new Error('every answer was empty');
  return {
    articles: perArticle.length,
    kb: perArticle.reduce((sum, a) => sum + a.kb, 0),
    buildMsPer100Kb: Math.max(...perArticle.map((a) => a.msPer100Kb)),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    perArticle,
    answers: latencies.length,
    questions: asked.length,
    buildRuns,
    folder,
  };
}
