// The "corpus" section of the benchmark: 500 generated articles indexed into one library, and
// answer latency over questions drawn from their generated facts, asked without naming the
// article so the engine must search the whole library.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answerInput, buildLibrary, readArticles } from '../src/index.js';
import { DEFAULT_SEED, generateCorpus, Random, writeCorpus, type GeneratedArticle } from './generate-corpus.js';
import { peakRssMb, percentile, progress, timed } from './bench-stats.js';

/** One question kind: how to ask it from one article's facts (undefined when the article lacks the fact). */
type Ask = (article: GeneratedArticle, rng: Random) => string | undefined;

const QUESTION_KINDS: Ask[] = [
  (a, rng) => `/who ${rng.pick(a.facts.people).name}`,
  (a, rng) => {
    const e = rng.pick(a.facts.events);
    return `/when did ${e.actor} ${e.base}`;
  },
  (a, rng) => {
    const e = rng.pick(a.facts.events);
    return `/where did ${e.actor} ${e.base}`;
  },
  (a, rng) => {
    const quoted = a.facts.people.filter((p) => p.quoted);
    return quoted.length ? `/quote ${rng.pick(quoted).name}` : undefined;
  },
  (a, rng) => `Who ${rng.pick(a.facts.events).past}?`,
  (a, rng) => `/who is the ${rng.pick(a.facts.people).role.replace(/^(?:the|a|an) /, '')}`,
  (a, rng) => `/ask What did ${rng.pick(a.facts.people).name} say?`,
  (a, rng) => `/search ${rng.pick(a.facts.organisations).replace(/^the /, '')}`,
];

/** `count` questions, spread over the articles and over every kind; the same corpus always gives the same questions. */
export function corpusQuestions(articles: GeneratedArticle[], count: number): string[] {
  const rng = new Random('bench-questions');
  const out: string[] = [];
  for (let i = 0; out.length < count && i < count * 2; i++) {
    const question = QUESTION_KINDS[i % QUESTION_KINDS.length]!(articles[i % articles.length]!, rng);
    if (question) out.push(question);
  }
  return out;
}

export interface CorpusBench {
  articles: number;
  buildMs: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  /** Not in the contract's JSON: what the figures were measured over. */
  answers: number;
  found: number;
}

export function measureCorpus(options: { articles?: number; questions?: number; seed?: string } = {}): CorpusBench {
  const { articles: count = 500, questions: questionCount = 2000, seed = DEFAULT_SEED } = options;
  progress(`corpus: generating ${count} articles`);
  const generated = generateCorpus({ count, seed });
  const dir = mkdtempSync(join(tmpdir(), 'docent-bench-corpus-'));
  try {
    writeCorpus(dir, generated);
    progress(`corpus: reading and indexing ${count} articles`);
    const { ms: buildMs, result: library } = timed(() => buildLibrary(readArticles(dir)));
    if (library.size !== count) throw new Error(`the library holds ${library.size} articles, not ${count}`);

    const questions = corpusQuestions(generated, questionCount);
    for (const q of questions.slice(0, 50)) answerInput(library, q); // warm-up, untimed
    progress(`corpus: answering ${questions.length} questions across the whole library`);
    const latencies: number[] = [];
    let found = 0;
    for (const q of questions) {
      const start = performance.now();
      const answer = answerInput(library, q);
      latencies.push(performance.now() - start);
      if (answer.found) found++;
    }
    return {
      articles: library.size,
      buildMs,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      // Read while the library is alive: the peak of a process serving 500 articles.
      peakRssMb: peakRssMb(),
      answers: latencies.length,
      found,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
