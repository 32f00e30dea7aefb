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
  /** The same runs in CPU time of this process (median): what other work on a busy machine inflates less. */
  cpuMs: number;
}

export interface LongBench {
  articles: number;
  /** The articles' text, in KB (1,024 bytes of the files as stored). */
  kb: number;
  buildMsPer100Kb: number;
  p50Ms: number;
  p99Ms: number;
  /** Not in the contract's JSON: the same in CPU time of this process, and what the figures were measured over. */
  cpuMsPer100Kb: number;
  cpuP50Ms: number;
  cpuP99Ms: number;
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

  progress(`long: indexing each of ${sets.length} articles from ${folder}, once untimed, then ${buildRuns} rounds (median per article)`);
  // Reading is part of indexing, as in the other sections: a bot reads the file, then indexes it.
  const builders = sets.map((set) => () => buildLibrary([readArticleFile(set.articlePath)]));
  // Untimed first: the first builds warm the engine (module loading, JIT), which is not indexing.
  const libraries = builders.map((build) => build());
  // Round after round over every article, so that a busy moment of the machine falls on one run
  // of several articles rather than on every run of one.
  const runs: number[][] = sets.map(() => []);
  const cpuRuns: number[][] = sets.map(() => []);
  for (let round = 0; round < buildRuns; round++) {
    builders.forEach((build, i) => {
      const cpu = process.cpuUsage();
      runs[i]!.push(timed(build).ms);
      cpuRuns[i]!.push(cpuMs(process.cpuUsage(cpu)));
    });
  }
  const perArticle: LongArticleBuild[] = sets.map((set, i) => {
    const kb = statSync(set.articlePath).size / 1024;
    const buildMs = median(runs[i]!);
    return { slug: set.slug, kb, buildMs, msPer100Kb: (buildMs / kb) * 100, cpuMs: median(cpuRuns[i]!) };
  });
  const asked: { library: Library; input: string }[] = sets.flatMap((set, i) => set.inputs.map((input) => ({ library: libraries[i]!, input })));

  // One untimed pass first, so the figures describe a warm engine as a running bot has.
  progress(`long: ${asked.length} questions, each of its own article, one untimed pass and ${passes} timed`);
  for (const { library, input } of asked) answerInput(library, input);
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  let answerChars = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const { library, input } of asked) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const answer = answerInput(library, input);
      latencies.push(performance.now() - start);
      cpuLatencies.push(cpuMs(process.cpuUsage(cpu)));
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
    cpuMsPer100Kb: Math.max(...perArticle.map((a) => (a.cpuMs / a.kb) * 100)),
    cpuP50Ms: percentile(cpuLatencies, 50),
    cpuP99Ms: percentile(cpuLatencies, 99),
    perArticle,
    answers: latencies.length,
    questions: asked.length,
    buildRuns,
    folder,
  };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
