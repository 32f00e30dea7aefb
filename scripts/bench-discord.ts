// Interactions through the fake Discord, answered: Docent's client side by side with a bare
// discord.js bot that replies a fixed text, both against fakes in this process, in the same run.
// Latency is from the fake sending INTERACTION_CREATE to it receiving the callback.
// `npx tsx scripts/bench-discord.ts [interactions]` prints the result as JSON, with the answer
// cache on (as deployed) and off (every interaction runs the engine).
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { DEFAULT_ANSWER_CACHE_SIZE } from '../bot/answer-cache.js';
import { optionsForQuestion } from '../bot/command-options.js';
import { createDocentClient } from '../bot/client.js';
import { parseConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { BUNDLED_DATA_DIR } from '../cli/data-path.js';
import { loadCommands } from '../commands/index.js';
import { buildLibrary, parseInput, readArticleFile } from '../src/index.js';
import { FakeDiscord } from '../tests/support/fake-discord.js';
import { findQuestionSets } from './bench-article.js';
import { percentile, progress, round, roundMs } from './bench-stats.js';

export interface DiscordBenchResult {
  interactions: number;
  /** Interactions answered per second by Docent. */
  throughput: number;
  /** The same for the bare bot. */
  bareThroughput: number;
  p50Ms: number;
  p99Ms: number;
}

/** Interactions in flight at once: a busy bot's steady stream, not one at a time. */
const CONCURRENCY = 8;
const WARMUP = 200;
/** The two bots take turns in rounds, so a change in the machine's load falls on both alike. */
const ROUNDS = 10;
const TOKEN = 'bench-token-0123456789.abcdef.not-a-real-token';
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The option that carries each command's text, as CONTRACT.md names them. */

type Workload = Array<[string, Record<string, string>]>;

/** The public questions (or our own), each as the slash command a person would use, against its own article. */
function loadWorkload(): { workload: Workload; library: ReturnType<typeof buildLibrary> } {
  const bundled = join(BUNDLED_DATA_DIR, 'articles', 'seed-russia-normalization.txt');
  const { sets } = findQuestionSets(REPO_ROOT, bundled);
  const articles = sets.map((set) => ({ ...readArticleFile(set.articlePath), slug: set.slug }));
  const workload: Workload = [];
  for (const set of sets) {
    for (const input of set.inputs) {
      const q = parseInput(input);
      workload.push([q.command, optionsForQuestion(q, set.slug)]);
    }
  }
  return { workload, library: buildLibrary(articles) };
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

export async function runDiscordBench(opts: { interactions: number; answerCacheSize?: number }): Promise<DiscordBenchResult> {
  const { workload, library } = loadWorkload();
  const commands = await loadCommands();

  // Each bot gets its own fake, so neither sees the other's traffic.
  const bareFake = await FakeDiscord.start({ token: TOKEN });
  const docentFake = await FakeDiscord.start({ token: TOKEN });
  const bare = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: bareFake.apiUrl }, allowedMentions: { parse: [] } });
  bare.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isRepliable()) void interaction.reply({ content: 'ok' });
  });
  const config = parseConfig(
    { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: docentFake.apiUrl, ANSWER_CACHE_SIZE: String(opts.answerCacheSize ?? DEFAULT_ANSWER_CACHE_SIZE) },
    'bot',
  );
  // Logging stays on, as deployed: one JSON line per interaction, here written nowhere.
  const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: () => undefined } });
  const docent = createDocentClient({ config, getLibrary: () => library, logger, commands });

  try {
    await loggedIn(bare);
    await loggedIn(docent);
    progress(`discord: ${workload.length} distinct questions; warming up both bots with ${WARMUP} interactions each`);
    await drive(bareFake, workload, WARMUP, 0);
    await drive(docentFake, workload, WARMUP, 0);
    progress(
      `discord: ${opts.interactions} interactions each, ${CONCURRENCY} in flight, ${ROUNDS} alternating rounds, answer cache ${config.answerCacheSize || 'off'}`,
    );
    let bareSeconds = 0;
    let docentSeconds = 0;
    const latencies: number[] = [];
    let offset = WARMUP;
    for (let r = 0; r < ROUNDS; r++) {
      const share = Math.floor(opts.interactions / ROUNDS) + (r < opts.interactions % ROUNDS ? 1 : 0);
      // Who goes first alternates too: the second of a pair pays for the first one's garbage.
      for (const fake of r % 2 === 0 ? [bareFake, docentFake] : [docentFake, bareFake]) {
        const run = await drive(fake, workload, share, offset);
        if (fake === bareFake) bareSeconds += run.seconds;
        else {
          docentSeconds += run.seconds;
          latencies.push(...run.latencies);
        }
      }
      offset += share;
      bareFake.clearRecords();
      docentFake.clearRecords();
    }
    return {
      interactions: opts.interactions,
      throughput: round(opts.interactions / docentSeconds, 1),
      bareThroughput: round(opts.interactions / bareSeconds, 1),
      p50Ms: roundMs(percentile(latencies, 50)),
      p99Ms: roundMs(percentile(latencies, 99)),
    };
  } finally {
    await Promise.all([bare.destroy(), docent.destroy()]);
    await Promise.all([bareFake.stop(), docentFake.stop()]);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const requested = Number(process.argv[2] ?? 1000);
  const interactions = Number.isInteger(requested) && requested > 0 ? requested : 1000;
  const cached = await runDiscordBench({ interactions });
  const uncached = await runDiscordBench({ interactions, answerCacheSize: 0 });
  process.stdout.write(`${JSON.stringify({ ...cached, answerCacheOff: uncached })}\n`);
}
