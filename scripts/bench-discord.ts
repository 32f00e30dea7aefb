// Interactions through the fake Discord, answered: Docent's client side by side with a bare
// discord.js bot that replies a fixed text, and one that replies a fixed answer of Docent's, all
// against fakes in this process, in the same run.
// Latency is from the fake sending INTERACTION_CREATE to it receiving the callback.
// `npx tsx scripts/bench-discord.ts [interactions]` prints the result as JSON, with the answer
// cache on (as deployed) and off (every interaction runs the engine).
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, Events, GatewayIntentBits, type InteractionReplyOptions } from 'discord.js';
import { answerAndRender, DEFAULT_ANSWER_CACHE_SIZE } from '../bot/answer-cache.js';
import { optionsForQuestion } from '../bot/command-options.js';
import { createDocentClient } from '../bot/client.js';
import { parseConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { BUNDLED_DATA_DIR } from '../cli/data-path.js';
import { loadCommands } from '../commands/index.js';
import type { RenderedAnswer } from '../bot/render-answer.js';
import { buildLibrary, parseInput, readArticleFile, type Question } from '../src/index.js';
import { FakeDiscord } from '../tests/support/fake-discord.js';
import { findQuestionSets } from './bench-article.js';
import { percentile, progress, round, roundMs } from './bench-stats.js';

export interface DiscordBenchResult {
  interactions: number;
  /** Interactions answered per second by Docent. */
  throughput: number;
  /** The same for the bare bot (a fixed text). */
  bareThroughput: number;
  /**
   * The same for a bare bot that replies one fixed answer of Docent's (embed and button): what
   * sending the reply the issue asks for costs, with no routing, search, cache or log line.
   */
  bareEmbedThroughput: number;
  p50Ms: number;
  p99Ms: number;
}

/** Interactions in flight at once: a busy bot's steady stream, not one at a time. */
const CONCURRENCY = 8;
/**
 * Interactions each bot answers before timing: enough for the steady state a long-running bot is
 * in. With 200, the first bots timed were still being optimised, which flattered the ratio.
 */
const WARMUP = 1000;
/** The bots take turns in rounds, so a change in the machine's load falls on all alike. */
const ROUNDS = 10;
const TOKEN = 'bench-token-0123456789.abcdef.not-a-real-token';
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

type Workload = Array<[string, Record<string, string>]>;

/** The public questions (or our own), each as the slash command a person would use, against its own article. */
function loadWorkload(): { workload: Workload; library: ReturnType<typeof buildLibrary>; firstAnswer: RenderedAnswer } {
  const bundled = join(BUNDLED_DATA_DIR, 'articles', 'seed-russia-normalization.txt');
  const { sets } = findQuestionSets(REPO_ROOT, bundled);
  const articles = sets.map((set) => ({ ...readArticleFile(set.articlePath), slug: set.slug }));
  const workload: Workload = [];
  const questions: Array<{ question: Question; input: string }> = [];
  for (const set of sets) {
    for (const input of set.inputs) {
      const q = parseInput(input);
      workload.push([q.command, optionsForQuestion(q, set.slug)]);
      questions.push({ question: { ...q, article: set.slug }, input });
    }
  }
  const library = buildLibrary(articles);
  const first = questions.find(({ question, input }) => answerAndRender(library, question, input).answer.found) ?? questions[0]!;
  return { workload, library, firstAnswer: answerAndRender(library, first.question, first.input).rendered };
}

async function drive(fake: FakeDiscord, workload: Workload, count: number, offset: number): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const [name, options] = workload[(offset + next++) % workload.length]!;
      const callback = await fake.interact(fake.slashCommand(name, options), 30_000);
      latencies.push(callback.latencyMs);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { seconds: (performance.now() - started) / 1000, latencies };
}

async function loggedIn(client: Client): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
}

/** A discord.js bot that answers every interaction with the same reply and does nothing else. */
function bareBot(apiUrl: string, reply: InteractionReplyOptions): Client {
  // Its payloads are API JSON already, as Docent's are, so it skips the same key re-casing.
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl }, allowedMentions: { parse: [] }, jsonTransformer: (payload: unknown) => payload });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isRepliable()) void interaction.reply(reply);
  });
  return client;
}

interface Contender {
  fake: FakeDiscord;
  client: Client;
  seconds: number;
  latencies: number[];
}

export async function runDiscordBench(opts: { interactions: number; answerCacheSize?: number }): Promise<DiscordBenchResult> {
  const { workload, library, firstAnswer } = loadWorkload();
  const commands = await loadCommands();

  // Each bot gets its own fake, so none sees another's traffic.
  const [bareFake, bareEmbedFake, docentFake] = await Promise.all([0, 1, 2].map(() => FakeDiscord.start({ token: TOKEN })));
  const config = parseConfig(
    { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: docentFake!.apiUrl, ANSWER_CACHE_SIZE: String(opts.answerCacheSize ?? DEFAULT_ANSWER_CACHE_SIZE) },
    'bot',
  );
  // Logging stays on, as deployed: one JSON line per interaction, here written nowhere.
  const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: () => undefined } });
  const contender = (fake: FakeDiscord, client: Client): Contender => ({ fake, client, seconds: 0, latencies: [] });
  const bare = contender(bareFake!, bareBot(bareFake!.apiUrl, { content: 'ok' }));
  const bareEmbed = contender(bareEmbedFake!, bareBot(bareEmbedFake!.apiUrl, firstAnswer));
  const docent = contender(docentFake!, createDocentClient({ config, getLibrary: () => library, logger, commands }));
  const all = [bare, bareEmbed, docent];

  try {
    for (const c of all) await loggedIn(c.client);
    progress(`discord: ${workload.length} distinct questions; warming up each bot with ${WARMUP} interactions`);
    for (const c of all) await drive(c.fake, workload, WARMUP, 0);
    progress(
      `discord: ${opts.interactions} interactions each, ${CONCURRENCY} in flight, ${ROUNDS} rounds in turn, answer cache ${config.answerCacheSize || 'off'}`,
    );
    let offset = WARMUP;
    for (let r = 0; r < ROUNDS; r++) {
      const share = Math.floor(opts.interactions / ROUNDS) + (r < opts.interactions % ROUNDS ? 1 : 0);
      // Who goes first rotates too: the next bot pays for the garbage of the one before.
      for (let i = 0; i < all.length; i++) {
        const c = all[(r + i) % all.length]!;
        const run = await drive(c.fake, workload, share, offset);
        c.seconds += run.seconds;
        c.latencies.push(...run.latencies);
        c.fake.clearRecords();
      }
      offset += share;
    }
    const perSecond = (c: Contender) => round(opts.interactions / c.seconds, 1);
    return {
      interactions: opts.interactions,
      throughput: perSecond(docent),
      bareThroughput: perSecond(bare),
      bareEmbedThroughput: perSecond(bareEmbed),
      p50Ms: roundMs(percentile(docent.latencies, 50)),
      p99Ms: roundMs(percentile(docent.latencies, 99)),
    };
  } finally {
    await Promise.all(all.map((c) => c.client.destroy()));
    await Promise.all(all.map((c) => c.fake.stop()));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const requested = Number(process.argv[2] ?? 1000);
  const interactions = Number.isInteger(requested) && requested > 0 ? requested : 1000;
  const cached = await runDiscordBench({ interactions });
  const uncached = await runDiscordBench({ interactions, answerCacheSize: 0 });
  process.stdout.write(`${JSON.stringify({ ...cached, answerCacheOff: uncached })}\n`);
}
