// Load: 5,000 interactions in bursts of 200 at once through the fake Discord, every one answered.
// Latency is from the fake sending INTERACTION_CREATE to the callback arriving; memory is this
// process (bot, fake Discord and test together), sampled during the run, and compared before and
// after it once garbage is collected: a leak would keep what the run allocated.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readQuestionSets } from '../../scripts/bench-article.js';
import { percentile, roundMs } from '../../scripts/bench-stats.js';
import { buildLibrary, parseInput, readArticleFile } from '../../src/index.js';
import { reportFigures } from '../support/reliability-figures.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { optionsForQuestion } from '../../bot/command-options.js';

const INTERACTIONS = 5_000;
const BURST = 200;
/** Enough to fill what is bounded by design (the fake's resume backlog of 2,000 events, the answer cache) before measuring. */
const WARM_UP_BURSTS = 10;
/** RSS after the run may exceed RSS before it by at most this share (no leak). */
const RSS_GROWTH_ALLOWED = 0.2;
const HEAP_GROWTH_ALLOWED = 0.1;
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The option that carries each command's text, as CONTRACT.md names them. */

type Workload = Array<[string, Record<string, string>]>;

/** Our own question sets, each question as the slash command a person would use, against its own article. */
function loadWorkload(): { workload: Workload; library: ReturnType<typeof buildLibrary> } {
  const sets = readQuestionSets(join(REPO_ROOT, 'tests', 'fixtures', 'eval'));
  const workload: Workload = [];
  for (const set of sets) {
    for (const input of set.inputs) {
      const q = parseInput(input);
      workload.push([q.command, optionsForQuestion(q, set.slug)]);
    }
  }
  const library = buildLibrary(sets.map((set) => ({ ...readArticleFile(set.articlePath), slug: set.slug })));
  return { workload, library };
}

/** `gc()` without starting Node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) gc();
}

const mb = (bytes: number) => bytes / 1024 / 1024;

const { workload, library } = loadWorkload();
let bot: BotHarness;
beforeAll(async () => {
  // As deployed (answer cache on, logging at info), but log lines are not kept: the test's memory is not the bot's.
  bot = await startBot({ library, keepLogs: false });
});
afterAll(async () => bot?.stop());

test(`GIVEN ${INTERACTIONS.toLocaleString('en')} interactions in bursts of ${BURST} THEN every one is answered and memory after the run is within ${RSS_GROWTH_ALLOWED * 100}% of before`, async () => {
  let sent = 0;
  /** Send one burst of `BURST` interactions at once and wait for every callback; returns each latency. */
  const burst = async (): Promise<number[]> => {
    const payloads = Array.from({ length: BURST }, () => {
      const [name, options] = workload[sent++ % workload.length]!;
      return bot.fake.slashCommand(name, options);
    });
    const callbacks = await Promise.all(payloads.map((payload) => bot.fake.interact(payload, 30_000)));
    for (const callback of callbacks) expect(callback.body.type).toBe(4);
    bot.fake.clearRecords();
    return callbacks.map((callback) => callback.latencyMs);
  };

  for (let i = 0; i < WARM_UP_BURSTS; i++) await burst();
  collectGarbage();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);

  const latencies: number[] = [];
  const started = performance.now();
  sent = 0;
  while (latencies.length < INTERACTIONS) latencies.push(...(await burst()));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());

  collectGarbage();
  const after = process.memoryUsage();

  expect(latencies).toHaveLength(INTERACTIONS);
  expect(after.rss).toBeLessThanOrEqual(before.rss * (1 + RSS_GROWTH_ALLOWED));
  // The heap is the finer signal: what the run allocated and still holds.
  expect(after.heapUsed).toBeLessThanOrEqual(before.heapUsed * (1 + HEAP_GROWTH_ALLOWED));
  // Each of the 5,000 askers was a different person: none of them is kept (only the bot itself).
  expect(bot.client.users.cache.size).toBeLessThanOrEqual(1);
  expect(bot.client.guilds.cache.reduce((n, guild) => n + guild.members.cache.size, 0)).toBeLessThanOrEqual(1);

  const p50 = roundMs(percentile(latencies, 50));
  const p99 = roundMs(percentile(latencies, 99));
  const growth = ((after.rss / before.rss - 1) * 100).toFixed(1);
  reportFigures(
    'load',
    `| Load through Discord | ${INTERACTIONS.toLocaleString('en')} interactions in ${INTERACTIONS / BURST} bursts of ${BURST}, all answered; p50 ${p50} ms, p99 ${p99} ms; peak RSS ${mb(peakRss).toFixed(0)} MB; RSS ${mb(before.rss).toFixed(0)} MB before, ${mb(after.rss).toFixed(0)} MB after (${growth}%) |`,
    [
      '| Load figure | Value |',
      '| --- | --- |',
      `| Interactions | ${INTERACTIONS.toLocaleString('en')} slash commands in ${INTERACTIONS / BURST} bursts of ${BURST} sent at once (after ${WARM_UP_BURSTS * BURST} to warm up), ${workload.length} distinct questions over ${library.size} articles, answer cache on as deployed |`,
      `| Answered | ${latencies.length.toLocaleString('en')} of ${INTERACTIONS.toLocaleString('en')}, in ${seconds.toFixed(1)} s (${Math.round(INTERACTIONS / seconds)} a second) |`,
      `| Latency, dispatch to callback | p50 ${p50} ms, p99 ${p99} ms (a burst of ${BURST} arrives at once, so most of it is waiting in line) |`,
      `| Peak RSS | ${mb(peakRss).toFixed(0)} MB (the test process: bot, fake Discord and test) |`,
      `| RSS before / after (after GC) | ${mb(before.rss).toFixed(0)} MB / ${mb(after.rss).toFixed(0)} MB (${growth}%; allowed ${RSS_GROWTH_ALLOWED * 100}%) |`,
      `| Heap used before / after (after GC) | ${mb(before.heapUsed).toFixed(1)} MB / ${mb(after.heapUsed).toFixed(1)} MB |`,
    ],
  );
}, 120_000);
