import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runDataCli } from '../cli/data.js';
import { FIXTURES, fixture, makeDataDir } from './fixtures/store/helpers.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

let cleanup = () => {};
afterEach(() => cleanup());

function dataDir(files?: Parameters<typeof makeDataDir>[0]) {
  const data = makeDataDir(files);
  cleanup = data.cleanup;
  return data.dir;
}

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runDataCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env, actor: 'cli:test' });
  return { status, out, err };
}

describe('npm run data', () => {
  it('GIVEN a valid data folder THEN validate exits 0 and names what it checked', async () => {
    const dir = dataDir({ 'harbour.txt': fixture('harbour-v1.txt'), 'harbour.facts.json': fixture('harbour.facts.json') });
    const { status, out, err } = await run(['--data', dir, 'validate']);
    expect([status, err]).toEqual([0, []]);
    expect(out).toEqual([`ok: ${dir} (1 article)`]);
  });

  it('GIVEN bad files THEN validate exits 1 with one line per problem, each naming the file and the reason', async () => {
    const dir = dataDir({ 'harbour.txt': fixture('harbour-v1.txt'), 'short.txt': 'Short\n\nOne. Two.\n', 'harbour.facts.json': '{"people": [{"nam": "x"}]}' });
    const { status, err } = await run(['--data', dir, 'validate']);
    expect(status).toBe(1);
    expect(err).toEqual([
      `data: ${join(dir, 'articles', 'harbour.facts.json')}: the facts file is invalid: people[0].name is missing; people[0]: unknown key "nam" (see the curated facts format: {"people": [{"name", "role", "aliases"}], "organisations", "places", "quotes": [{"text", "speaker"}]})`,
      `data: ${join(dir, 'articles', 'short.txt')}: the article has 2 sentences after the headline; an article needs at least 3`,
    ]);
  });

  it('GIVEN single files THEN validate checks each, facts against the article beside them', async () => {
    const dir = dataDir({ 'harbour.txt': fixture('harbour-v1.txt'), 'harbour.facts.json': '{"people": [{"name": "Marek Lynd"}]}' });
    const { status, out, err } = await run(['validate', join(FIXTURES, 'library-fund.md'), join(dir, 'articles', 'harbour.facts.json')]);
    expect(status).toBe(1);
    expect(out).toEqual([`ok: ${join(FIXTURES, 'library-fund.md')} ("Town library wins reading fund", 2 paragraphs)`]);
    expect(err).toEqual([`data: ${join(dir, 'articles', 'harbour.facts.json')}: people[0] "Marek Lynd" is not in the article: check the spelling`]);
  });

  it('GIVEN DATA_DIR and no --data THEN the folder in DATA_DIR is used', async () => {
    const dir = dataDir();
    expect((await run(['validate'], { DATA_DIR: dir })).out).toEqual([`ok: ${dir} (1 article)`]);
  });

  it('GIVEN put, history, rollback and versions THEN each reports what it did and the change log records it', async () => {
    const dir = dataDir();
    const put = await run(['--data', dir, 'put', join(FIXTURES, 'harbour-v2.txt'), '--slug', 'Harbour']);
    expect(put.status).toBe(0);
    // The counts of people, quotes and times depend on the extractors; paragraphs do not.
    expect(put.out[0]).toMatch(/^harbour: changed: \+2 −1 paragraphs(, |$)/);
    expect(put.out[1]).toMatch(/^the replaced version is kept as \d{4}-\d\d-\d\dT[\d-]+Z__harbour\.txt$/);

    const back = await run(['--data', dir, 'rollback', 'harbour']);
    expect(back.status).toBe(0);
    expect(back.out[1]).toMatch(/^harbour: changed: \+1 −2 paragraphs(, |$)/);
    expect(back.out.at(-1)).toBe('undo with: npm run data -- rollback harbour');
    expect(readFileSync(join(dir, 'articles', 'harbour.txt'))).toEqual(fixture('harbour-v1.txt'));

    const history = await run(['--data', dir, 'history', '--limit', '5']);
    expect(history.out).toHaveLength(2);
    expect(history.out[0]).toMatch(/^\S+Z {2}rollback harbour\.txt {2}by cli:test {2}\(restored \S+__harbour\.txt; kept \S+__harbour\.txt\)$/);
    expect(history.out[1]).toMatch(/ put {6}harbour\.txt {2}by cli:test/);

    const versions = await run(['--data', dir, 'versions', 'harbour']);
    expect(versions.out).toHaveLength(2);
  });

  it('GIVEN a bad file to put THEN it is refused with exit 1 and the folder is unchanged', async () => {
    const dir = dataDir();
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'Notes\n\nBuy milk.\n');
    const { status, err } = await run(['--data', dir, 'put', bad, '--slug', 'harbour']);
    expect([status, err]).toEqual([1, [`data: ${bad}: the article has 1 sentence after the headline; an article needs at least 3`]]);
    expect(readFileSync(join(dir, 'articles', 'harbour.txt'))).toEqual(fixture('harbour-v1.txt'));
  });

  it('GIVEN reload THEN a valid folder is recorded for running bots, and an invalid one is refused', async () => {
    const dir = dataDir();
    expect(await run(['--data', dir, 'reload'])).toMatchObject({ status: 0, out: ['reloaded 1 article: harbour', expect.stringContaining('pick the reload up')] });
    writeFileSync(join(dir, 'articles', 'empty.md'), '');
    const refused = await run(['--data', dir, 'reload']);
    expect(refused.status).toBe(1);
    expect(refused.err).toEqual(['data: empty.md: the file is empty: the first line must be the headline', expect.stringContaining('reload refused: nothing changed')]);
    expect((await run(['--data', dir, 'history'])).out).toHaveLength(1);
  });

  it.each([
    [['frob'], /unknown command "frob"/],
    [[], /a command is needed/],
    [['put'], /put takes one FILE/],
    [['history', '--limit', 'many'], /--limit must be a whole number/],
    [['--data'], /--data needs a value/],
    [['--data', '/no/such/folder', 'history'], /\/no\/such\/folder is not a data folder/],
    [['validate', '/no/such/file.txt'], /does not exist/],
    [['--wat', 'history'], /unknown option --wat/],
  ])('GIVEN the usage error %j THEN it exits 2 with one line saying what is wrong', async (argv, reason) => {
    const { status, err } = await run(argv);
    expect(status).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(reason);
  });

  it('GIVEN an invalid MAX_ARTICLE_BYTES THEN it is a usage error naming the setting', async () => {
    const { status, err } = await run(['validate'], { MAX_ARTICLE_BYTES: '-1' });
    expect(status).toBe(2);
    expect(err[0]).toMatch(/MAX_ARTICLE_BYTES/);
  });

  it('GIVEN the real command line THEN exit statuses are 0, 1 and 2, and problems go to standard error', () => {
    const dir = dataDir({ 'harbour.txt': fixture('harbour-v1.txt'), 'bad.txt': Buffer.from('%PDF-1.4') });
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/data.ts', ...args], { cwd: REPO, encoding: 'utf8' });
    const ok = cli(['validate', join(dir, 'articles', 'harbour.txt')]);
    const bad = cli(['--data', dir, 'validate']);
    const usage = cli(['--data', dir, 'frob']);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([1, '', `data: ${join(dir, 'articles', 'bad.txt')}: the file is a PDF, not text: save the article as plain text (.txt or .md, UTF-8) and try again\n`]);
    expect(usage.status).toBe(2);
  });
});
