// `npm run data -- [--data DIR] validate [PATH ...] | reload | put FILE [--slug S] | rollback SLUG [--to VERSION] | versions SLUG | history [--limit N]`
// The operator's side of moderators' refreshes, and CI's data check. Exit status: 0 ok,
// 1 refused or invalid data (one line per problem on standard error), 2 usage error.
import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DataStore,
  FACTS_FILE,
  describeChange,
  diffArticleIndexes,
  formatBytes,
  indexStoredArticle,
  indexingProblem,
  limitsFromEnv,
  normalizeSlug,
  slugForFile,
  validateArticleFile,
  validateFactsFile,
  type ArticleLimits,
  type StoredArticle,
} from '../src/store/index.js';
import { BUNDLED_DATA_DIR } from './data-path.js';

export const USAGE = `usage: npm run data -- [--data DIR] COMMAND
  validate [PATH ...]         check article files, facts files or data folders (default: the data folder)
  reload                      check the whole data folder and tell running bots to reload it
  put FILE [--slug SLUG]      add or replace an article (.txt/.md) or its curated facts (.facts.json)
  rollback SLUG [--to ID]     restore the previous version (again to undo); --to restores a given version
  versions SLUG               list the kept versions of an article, newest first
  history [--limit N]         list the last changes, newest first
--data DIR defaults to $DATA_DIR, else the bundled data folder.
Exit status: 0 ok, 1 refused or invalid data, 2 usage error.`;

export interface DataCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  actor?: string;
}

const EXIT_OK = 0;
const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

interface ParsedArgs {
  data: string;
  command: string;
  args: string[];
  slug?: string | undefined;
  to?: string | undefined;
  limit: number;
}

function parseArgs(argv: string[], env: DataCliIo['env']): ParsedArgs {
  const parsed: ParsedArgs = { data: env.DATA_DIR || BUNDLED_DATA_DIR, command: '', args: [], limit: 20 };
  const valueOf = (name: string, i: number): string => {
    const value = argv[i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => (inline !== undefined ? inline : valueOf(flag, ++i));
    if (flag === '--data') parsed.data = take();
    else if (flag === '--slug') parsed.slug = take();
    else if (flag === '--to') parsed.to = take();
    else if (flag === '--limit') {
      const n = Number(take());
      if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000');
      parsed.limit = n;
    } else if (flag.startsWith('--')) throw new UsageError(`unknown option ${flag}`);
    else if (parsed.command === '') parsed.command = arg;
    else parsed.args.push(arg);
  }
  if (parsed.command === '') throw new UsageError('a command is needed');
  return parsed;
}

/** Run one `data` command; returns the exit status. */
export async function runDataCli(argv: string[], io: DataCliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return EXIT_OK;
  }
  let parsed: ParsedArgs;
  let limits: ArticleLimits;
  try {
    parsed = parseArgs(argv, io.env);
    limits = limitsFromEnv(io.env);
  } catch (error) {
    io.err(`data: ${(error as Error).message}; run with --help for usage`);
    return EXIT_USAGE;
  }
  const actor = io.actor ?? operatorName();
  const want = (n: number, what: string) => {
    if (parsed.args.length !== n) throw new UsageError(`${parsed.command} takes ${what}`);
  };
  try {
    switch (parsed.command) {
      case 'validate':
        return await validate(parsed.args.length ? parsed.args : [parsed.data], limits, io);
      case 'reload':
        want(0, 'no arguments');
        return await reload(await openStore(parsed.data, limits), actor, io);
      case 'put':
        want(1, 'one FILE');
        return await put(await openStore(parsed.data, limits), parsed.args[0]!, parsed.slug, actor, io);
      case 'rollback':
        want(1, 'one SLUG');
        return await rollback(await openStore(parsed.data, limits), parsed.args[0]!, parsed.to, actor, io);
      case 'versions':
        want(1, 'one SLUG');
        return await versions(await openStore(parsed.data, limits), parsed.args[0]!, io);
      case 'history':
        want(0, 'no arguments besides --limit');
        return await history(await openStore(parsed.data, limits), parsed.limit, io);
      default:
        throw new UsageError(`unknown command "${parsed.command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`data: ${error.message}; run with --help for usage`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function openStore(dir: string, limits: ArticleLimits): Promise<DataStore> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${dir} is not a data folder`);
  return DataStore.open(dir, { limits });
}

async function validate(paths: string[], limits: ArticleLimits, io: DataCliIo): Promise<number> {
  let status = EXIT_OK;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${path} does not exist`);
    const problems: string[] = [];
    let what: string;
    if (info.isDirectory()) {
      const store = await DataStore.open(path, { limits });
      const { articles, problems: found } = await store.readAll();
      problems.push(...found.map((p) => `${p.file === store.paths.articles ? p.file : join(store.paths.articles, p.file)}: ${p.reason}`));
      // The same indexing check a bot makes at start-up and on a refresh.
      for (const stored of articles) {
        const why = await store.checkIndexing(stored);
        if (why) problems.push(`${join(store.paths.articles, stored.file)}: ${why}`);
      }
      what = `${articles.length} article${articles.length === 1 ? '' : 's'}`;
    } else {
      const bytes = await readFile(path);
      const name = basename(path);
      if (FACTS_FILE.test(name)) {
        const article = await articleBeside(path, limits);
        const check = validateFactsFile(bytes, name, limits, article?.article);
        if (!check.ok) problems.push(`${path}: ${check.reason}`);
        what = article ? `curated facts for "${article.slug}"` : 'curated facts (no article beside them to check names against)';
      } else {
        const check = validateArticleFile(bytes, name, limits);
        if (!check.ok) problems.push(`${path}: ${check.reason}`);
        const why = check.ok ? await indexingProblem({ article: check.article }, limits.indexTimeoutMs) : undefined;
        if (why) problems.push(`${path}: ${why}`);
        what = check.ok ? `"${check.article.headline}", ${check.article.paragraphs.length} paragraphs` : '';
      }
    }
    if (problems.length) {
      problems.forEach((p) => io.err(`data: ${p}`));
      status = EXIT_REFUSED;
    } else io.out(`ok: ${path} (${what})`);
  }
  return status;
}

/** The article a facts file belongs to, read from the same folder, if it is there and valid. */
async function articleBeside(factsPath: string, limits: ArticleLimits): Promise<StoredArticle | undefined> {
  const slug = slugForFile(basename(factsPath));
  const store = await DataStore.open(dirname(resolve(factsPath)), { limits });
  // The facts file may sit in DATA_DIR/articles/, which DataStore sees as a flat folder.
  const stored = await store.readOne(slug).catch(() => undefined);
  return stored && !('reason' in stored) ? stored : undefined;
}

async function reload(store: DataStore, actor: string, io: DataCliIo): Promise<number> {
  const { articles, problems } = await store.readAll();
  if (problems.length) {
    problems.forEach((p) => io.err(`data: ${p.file}: ${p.reason}`));
    io.err('data: reload refused: nothing changed; running bots keep serving the current articles');
    return EXIT_REFUSED;
  }
  // Index every article once, as a bot would (in a worker, within the time limit), so an article
  // the engine chokes on is caught here.
  for (const stored of articles) {
    const why = await store.checkIndexing(stored);
    if (why) {
      io.err(`data: ${stored.file}: ${why}`);
      return EXIT_REFUSED;
    }
  }
  await store.recordReload(actor);
  io.out(`reloaded ${articles.length} article${articles.length === 1 ? '' : 's'}: ${articles.map((a) => a.slug).join(', ')}`);
  io.out('running bots watching this folder pick the reload up from its change log');
  return EXIT_OK;
}

async function put(store: DataStore, file: string, slugOption: string | undefined, actor: string, io: DataCliIo): Promise<number> {
  // By its size, before reading it: `put /dev/zero` read until it held 3.2 GB (issue 10).
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new UsageError(`${file} cannot be read`);
  const tooBig = !info.isFile() ? 'it is not a regular file' : info.size > store.limits.maxBytes ? `the file is ${formatBytes(info.size)}; the limit is ${formatBytes(store.limits.maxBytes)}` : undefined;
  if (tooBig) {
    io.err(`data: ${file}: ${tooBig}`);
    return EXIT_REFUSED;
  }
  const bytes = await readFile(file).catch(() => {
    throw new UsageError(`${file} cannot be read`);
  });
  const before = await indexOf(store, slugOption !== undefined ? (normalizeSlug(slugOption) ?? '') : slugForFile(basename(file)));
  const result = await store.put({ fileName: basename(file), bytes, slug: slugOption }, actor);
  if (!result.ok) {
    io.err(`data: ${file}: ${result.reason}`);
    return EXIT_REFUSED;
  }
  await reportChange(store, result.slug, before, result.unchanged, result.change?.saved, io);
  return EXIT_OK;
}

async function rollback(store: DataStore, slug: string, to: string | undefined, actor: string, io: DataCliIo): Promise<number> {
  const before = await indexOf(store, normalizeSlug(slug) ?? '');
  const result = await store.rollback(slug, actor, to);
  if (!result.ok) {
    io.err(`data: ${result.reason}`);
    return EXIT_REFUSED;
  }
  io.out(`restored ${result.change?.restored ?? 'the previous version'} of ${result.file}${result.change?.removed ? ' (the file did not exist then, so it was removed)' : ''}`);
  await reportChange(store, result.slug, before, result.unchanged, result.change?.saved, io);
  io.out(`undo with: npm run data -- rollback ${result.slug}`);
  return EXIT_OK;
}

async function indexOf(store: DataStore, slug: string) {
  if (slug === '') return undefined;
  const stored = await store.readOne(slug).catch(() => undefined);
  return stored && !('reason' in stored) ? indexStoredArticle(stored) : undefined;
}

async function reportChange(store: DataStore, slug: string, before: ReturnType<typeof indexStoredArticle> | undefined, unchanged: boolean, saved: string | undefined, io: DataCliIo) {
  if (unchanged) {
    io.out(`${slug}: unchanged (the file is identical to the current one)`);
    return;
  }
  const after = await indexOf(store, slug);
  if (!before && !after) {
    io.out(`${slug}: written, but not readable back as an article (see npm run data -- validate)`);
    return;
  }
  const change = diffArticleIndexes(before, after);
  io.out(`${slug}: ${change.status}${describeChange(change) ? `: ${describeChange(change)}` : ''}`);
  if (saved) io.out(`the replaced version is kept as ${saved}`);
}

async function versions(store: DataStore, slug: string, io: DataCliIo): Promise<number> {
  const list = await store.versions(slug);
  if (list.length === 0) io.out(`"${slug}" has no kept versions`);
  for (const v of list) io.out(`${v.id}  ${v.absent ? `(${v.file} did not exist yet)` : v.file}`);
  return EXIT_OK;
}

async function history(store: DataStore, limit: number, io: DataCliIo): Promise<number> {
  const { changes, skipped } = await store.history(limit);
  if (changes.length === 0) io.out('no changes recorded');
  for (const c of changes) {
    const target = c.file ?? c.slug ?? 'all articles';
    const extra = [c.restored && `restored ${c.restored}`, c.removed && 'removed', c.saved && `kept ${c.saved}`].filter(Boolean).join('; ');
    io.out(`${c.time}  ${c.action.padEnd(8)} ${target}  by ${c.actor}${extra ? `  (${extra})` : ''}`);
  }
  if (skipped) io.err(`data: ${skipped} line${skipped === 1 ? '' : 's'} of ${store.paths.changeLog} could not be read and were skipped`);
  return EXIT_OK;
}

function operatorName(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runDataCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line.split('\n')[0]}\n`),
    env: process.env,
  });
}
