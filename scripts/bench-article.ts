// The "article" section of the benchmark: the bundled article's index build time, and answer
// latency over the public question sets, each question asked against its own article.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { answerInput, buildLibrary, readArticleFile, readArticles, type Library } from '../src/index.js';
import { median, percentile, progress, timed } from './bench-stats.js';

/** A question set as shared/eval/dev lays it out: questions/<slug>.jsonl beside articles/<slug>.txt. */
export interface QuestionSet {
  slug: string;
  articlePath: string;
  inputs: string[];
}

// Only `q` matters here; the scorer's other fields (kind, expect_*) are left to the scorer.
const questionLine = z.object({ q: z.string().min(1) });

export function readQuestionSets(folder: string): QuestionSet[] {
  const questionsDir = join(folder, 'questions');
  if (!existsSync(questionsDir)) return [];
  const sets: QuestionSet[] = [];
  for (const file of readdirSync(questionsDir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const slug = file.replace(/\.jsonl$/, '');
    const articlePath = ['txt', 'md'].map((ext) => join(folder, 'articles', `${slug}.${ext}`)).find((p) => existsSync(p));
    if (!articlePath) throw new Error(`${join(questionsDir, file)} has no article ${slug}.txt beside it in ${join(folder, 'articles')}`);
    const inputs = readFileSync(join(questionsDir, file), 'utf8')
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, i }) => {
        const parsed = questionLine.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file} line ${i + 1}: each line needs a "q" string`);
        return parsed.data.q;
      });
    sets.push({ slug, articlePath, inputs });
  }
  return sets;
}

/** Questions of our own about the bundled article, for when no question set is at hand. */
export const BUNDLED_FALLBACK_QUESTIONS = [
  '/who Heather Nauert',
  '/who is the State Department spokeswoman',
  '/when did Tom Shannon meet his Russian counterpart',
  '/where did Shannon meet his Russian counterpart',
  '/quote Nauert',
  'Who obtained the document?',
  '/ask What did Russia propose?',
  '/search sanctions',
];

/**
 * The public dev set beside the repo (../shared/eval/dev); without it, our own sets in
 * tests/fixtures/eval; without those, the bundled article and a few questions of our own.
 */
export function findQuestionSets(repoRoot: string, bundledArticle: string): { source: string; sets: QuestionSet[] } {
  for (const folder of [join(repoRoot, '..', 'shared', 'eval', 'dev'), join(repoRoot, 'tests', 'fixtures', 'eval')]) {
    const sets = readQuestionSets(folder);
    if (sets.length) return { source: folder, sets };
  }
  return { source: 'built-in questions', sets: [{ slug: 'bundled', articlePath: bundledArticle, inputs: BUNDLED_FALLBACK_QUESTIONS }] };
}

export interface ArticleBench {
  buildMs: number;
  p50Ms: number;
  p99Ms: number;
  /** Not in the contract's JSON: what the figures were measured over. */
  answers: number;
  questions: number;
  questionSource: string;
}

export function measureArticle(options: { repoRoot: string; bundledDataDir: string; minAnswers?: number; buildRuns?: number }): ArticleBench {
  const { repoRoot, bundledDataDir, minAnswers = 10_000, buildRuns = 21 } = options;

  progress(`article: building the bundled article's index ${buildRuns} times`);
  for (let i = 0; i < 3; i++) buildLibrary(readArticles(bundledDataDir)); // warm-up: module loading and JIT are not indexing
  const builds = Array.from({ length: buildRuns }, () => timed(() => buildLibrary(readArticles(bundledDataDir))).ms);

  const bundledArticle = join(bundledDataDir, 'articles', 'seed-russia-normalization.txt');
  const { source, sets } = findQuestionSets(repoRoot, bundledArticle);
  const asked: { library: Library; input: string }[] = [];
  for (const set of sets) {
    const library = buildLibrary([readArticleFile(set.articlePath)]);
    for (const input of set.inputs) asked.push({ library, input });
  }
  if (asked.length === 0) throw new Error(`no questions found in ${source}`);

  // One untimed pass first, so the figures describe a warm engine as a running bot has.
  for (const { library, input } of asked) answerInput(library, input);
  const passes = Math.ceil(minAnswers / asked.length);
  progress(`article: ${asked.length} questions from ${source}, ${passes} passes`);
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
    buildMs: median(builds),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    answers: latencies.length,
    questions: asked.length,
    questionSource: source,
  };
}
