// `npm run --silent ask -- [--data PATH] [--json] [INPUT ...]`, exactly as CONTRACT.md fixes it.
// Answers go to standard output, one line each; anything else goes to standard error.
import { createInterface } from 'node:readline';
import { answerInput, buildLibrary, readArticles, type Answer, type Library } from '../src/index.js';
import { BUNDLED_DATA_DIR } from './data-path.js';
import { renderAnswerLine } from './render-text.js';

const USAGE = 'usage: npm run --silent ask -- [--data PATH] [--json] [INPUT ...]';

interface AskOptions {
  data: string;
  json: boolean;
  inputs: string[];
}

function parseArgs(argv: string[]): AskOptions {
  const options: AskOptions = { data: process.env.DATA_DIR || BUNDLED_DATA_DIR, json: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--data') {
      const value = argv[++i];
      if (value === undefined || value === '') throw new UsageError('--data needs a path');
      options.data = value;
    } else if (arg.startsWith('--data=')) options.data = arg.slice('--data='.length);
    else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else if (arg === '--') options.inputs.push(...argv.slice(i + 1).filter((a) => a.trim() !== ''));
    else if (arg.startsWith('--') && options.inputs.length === 0) throw new UsageError(`unknown option ${arg}; ${USAGE}`);
    else if (arg.trim() !== '') options.inputs.push(arg);
    if (arg === '--') break;
  }
  return options;
}

class UsageError extends Error {}

/** One line a person can act on, not a stack: "no file or folder at data/missing". */
function describeLoadError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return `no file or folder at ${e.path ?? 'that path'}`;
  if (e?.code === 'EACCES') return `not allowed to read ${e.path ?? 'that path'}`;
  if (e?.code === 'EISDIR') return `${e.path ?? 'that path'} is a folder where a file was expected`;
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function format(answer: Answer, json: boolean): string {
  return json ? JSON.stringify(answer) : renderAnswerLine(answer);
}

async function main(): Promise<number> {
  let options: AskOptions;
  let library: Library;
  try {
    options = parseArgs(process.argv.slice(2));
    library = buildLibrary(readArticles(options.data));
  } catch (error) {
    process.stderr.write(`ask: ${describeLoadError(error)}\n`);
    return 2;
  }
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  };
  if (options.inputs.length) {
    for (const input of options.inputs) out.push(format(answerInput(library, input), options.json));
    flush();
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    out.push(format(answerInput(library, line), options.json));
    if (out.length >= 64) flush();
  }
  flush();
  return 0;
}

process.exitCode = await main();
