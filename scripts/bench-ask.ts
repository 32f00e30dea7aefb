// The "askStdin" section of the benchmark: the `ask` command exactly as CONTRACT.md runs it,
// `npm run --silent ask -- --json`, answering questions read from standard input; wall time
// from spawning npm to its exit, start-up included.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median, progress } from './bench-stats.js';

interface AskRun {
  ms: number;
  lines: string[];
}

function runAsk(repoRoot: string, inputs: string[]): Promise<AskRun> {
  const env = { ...process.env };
  delete env.DATA_DIR; // the bundled article, whatever the caller's environment says
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('npm', ['run', '--silent', 'ask', '--', '--json'], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`ask exited with ${code}: ${err.trim().split('\n')[0] ?? ''}`));
      resolve({ ms, lines: Buffer.concat(out).toString('utf8').split('\n').filter((l) => l !== '') });
    });
    child.stdin.end(inputs.join('\n') + '\n');
  });
}

/** Check that every input got its one JSON answer, in order: a fast wrong run is no figure. */
function checkAnswers(inputs: string[], lines: string[]): void {
  if (lines.length !== inputs.length) throw new Error(`ask printed ${lines.length} lines for ${inputs.length} questions`);
  lines.forEach((line, i) => {
    const answer = JSON.parse(line) as { input?: unknown; found?: unknown; answer?: unknown };
    if (answer.input !== inputs[i] || typeof answer.found !== 'boolean' || typeof answer.answer !== 'string') {
      throw new Error(`ask's answer ${i + 1} is not the contract's JSON for ${JSON.stringify(inputs[i])}`);
    }
  });
}

export interface AskStdinBench {
  questions: number;
  totalMs: number;
  /** Not in the contract's JSON: each measured run. */
  runsMs: number[];
}

/** `count` questions cycled from `pool`; one untimed run to warm tsx's cache, then the median of `runs`. */
export async function measureAskStdin(options: { repoRoot: string; pool: string[]; count?: number; runs?: number }): Promise<AskStdinBench> {
  const { repoRoot, pool, count = 500, runs = 3 } = options;
  const inputs = Array.from({ length: count }, (_, i) => pool[i % pool.length]!);
  progress(`askStdin: ${count} questions through "npm run --silent ask -- --json", ${runs} runs after a warm-up`);
  checkAnswers(inputs, (await runAsk(repoRoot, inputs)).lines);
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runAsk(repoRoot, inputs);
    checkAnswers(inputs, run.lines);
    runsMs.push(run.ms);
  }
  return { questions: count, totalMs: median(runsMs), runsMs };
}
