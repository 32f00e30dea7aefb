// Data safety: `npm start` (the real process) is killed with SIGKILL in the middle of a moderator's
// /refresh file, at several moments: while the replaced version is kept in the history, while the
// new version is written, around the rename, and after it. Each time the data folder holds whole
// files only (the old version or the new, never half of one), and the next start serves it.
import { mkdirSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DataStore } from '../../src/store/index.js';
import { bigArticle, makeDataDir } from '../fixtures/store/helpers.js';
import { TEST_TOKEN } from '../support/bot-harness.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { reportFigures } from '../support/reliability-figures.js';
import { runScript, type ScriptRun } from '../support/run-script.js';

const MANAGE_SERVER = PermissionFlagsBits.ManageGuild.toString();
const ARTICLE_KB = 400;

interface KillMoment {
  name: string;
  /** The folder to watch (relative to DATA_DIR) and the file whose appearance pulls the trigger. */
  folder: string;
  file: RegExp;
  delayMs: number;
}

const MOMENTS: KillMoment[] = [
  { name: 'while the replaced version is written to the history', folder: 'history/big', file: /\.tmp$/, delayMs: 0 },
  { name: 'while the new version is written', folder: 'articles', file: /^\.big\.txt\..+\.tmp$/, delayMs: 0 },
  { name: 'around the rename of the new version', folder: 'articles', file: /^\.big\.txt\..+\.tmp$/, delayMs: 4 },
  { name: 'after the rename, before the new index is swapped in and the reply sent', folder: 'articles', file: /^big\.txt$/, delayMs: 0 },
];

let fake: FakeDiscord;
let data: { dir: string; cleanup: () => void };
let running: ScriptRun | undefined;
const rows: string[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TEST_TOKEN });
  data = makeDataDir({ 'big.txt': bigArticle(1, ARTICLE_KB), 'other.txt': 'Other article\n\nIt has one sentence. It has two. It has three.\n' });
  mkdirSync(join(data.dir, 'history', 'big'), { recursive: true });
});
afterAll(async () => {
  running?.child.kill('SIGKILL');
  await fake?.stop();
  data?.cleanup();
  reportFigures('data-safety', `| Data safety | npm start SIGKILLed ${rows.length} times in the middle of /refresh file (${ARTICLE_KB} KB article) at different moments; every time the folder held whole files only, the next start served the version on disk, and the next refresh went through |`, [
    '| Killed (SIGKILL) during /refresh file | Left on disk | Next start served |',
    '| --- | --- | --- |',
    ...rows,
  ]);
});

async function startDocent(): Promise<ScriptRun> {
  const run = runScript('bot/main.ts', [], {
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: data.dir,
    ATTACHMENT_HOSTS: '127.0.0.1',
    DATA_WATCH_SECONDS: '0',
    LOG_LEVEL: 'info',
  });
  await expect.poll(() => run.stderr(), { timeout: 30_000 }).toContain('"msg":"serving"');
  running = run;
  return run;
}

/** The version of the big article Docent serves, and its paragraph count, from /article info through Discord. */
async function servedVersion(): Promise<{ version: number; paragraphs: number }> {
  const payload = fake.slashCommand('article', {});
  payload.data.options = [{ name: 'info', type: 1, options: [{ name: 'article', type: 3, value: 'big' }] }];
  const callback = await fake.interact(payload, 10_000);
  const embed = callback.body.data.embeds[0];
  const version = Number(/^Big article version (\d+)$/.exec(embed.title)?.[1]);
  const paragraphs = Number(embed.fields.find((f: { name: string }) => f.name === 'Paragraphs')?.value);
  return { version, paragraphs };
}

const paragraphsOf = (version: number) => bigArticle(version, ARTICLE_KB).split('\n\n').length - 1; // the headline is not a paragraph

/** Every file under the data folder, relative paths. */
function allFiles(): string[] {
  return readdirSync(data.dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(data.dir.length + 1));
}

/** A moderator's `/refresh file` with `version` of the big article as the upload. */
function refreshFilePayload(version: number): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const bytes = Buffer.from(bigArticle(version, ARTICLE_KB));
  const url = fake.serveFile('big.txt', bytes);
  const payload = fake.slashCommand('refresh', {}, { user: fake.user('mod'), permissions: MANAGE_SERVER });
  const id = fake.snowflake();
  payload.data.options = [{ name: 'file', type: 1, options: [{ name: 'file', type: 11, value: id }] }];
  payload.data.resolved = { attachments: { [id]: { id, filename: 'big.txt', size: bytes.length, url, proxy_url: url, content_type: 'text/plain; charset=utf-8' } } };
  return payload;
}

/** Ask for a refresh with `version` as the upload, and SIGKILL the process at `moment`. */
async function killDuringRefresh(run: ScriptRun, version: number, moment: KillMoment): Promise<void> {
  const killed = new Promise<void>((resolve, reject) => {
    const watcher = watch(join(data.dir, moment.folder), (_event, file) => {
      if (!file || !moment.file.test(file)) return;
      watcher.close();
      clearTimeout(timer);
      const kill = () => {
        run.child.kill('SIGKILL');
        resolve();
      };
      if (moment.delayMs) setTimeout(kill, moment.delayMs);
      else kill();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`the refresh never reached "${moment.name}": ${run.stderr().slice(-2000)}`));
    }, 20_000);
  });
  fake.dispatch('INTERACTION_CREATE', refreshFilePayload(version));
  await killed;
  const exit = await run.exited;
  expect(exit).toBeNull(); // killed by the signal, not exited
  running = undefined;
}

test(`GIVEN npm start killed with SIGKILL at ${MOMENTS.length} moments of a /refresh file THEN the data folder holds the old or the new version, whole, and the next start serves it`, async () => {
  let run = await startDocent();
  expect(await servedVersion()).toEqual({ version: 1, paragraphs: paragraphsOf(1) });
  let current = 1;

  for (const [round, moment] of MOMENTS.entries()) {
    const next = round + 2;
    await killDuringRefresh(run, next, moment);

    // On disk, before anything tidies up: whole files only.
    const leftovers = allFiles().filter((f) => f.endsWith('.tmp'));
    const onDisk = readFileSync(join(data.dir, 'articles', 'big.txt'), 'utf8');
    const version = Number(/^Big article version (\d+)/.exec(onDisk)?.[1]);
    expect([current, next]).toContain(version);
    expect(onDisk).toBe(bigArticle(version, ARTICLE_KB));
    for (const kept of readdirSync(join(data.dir, 'history', 'big')).filter((f) => !f.endsWith('.tmp'))) {
      const text = readFileSync(join(data.dir, 'history', 'big', kept), 'utf8');
      expect(text).toBe(bigArticle(Number(/version (\d+)/.exec(text)?.[1]), ARTICLE_KB));
    }
    const store = await DataStore.open(data.dir);
    expect((await store.readAll()).problems).toEqual([]);

    // The next start serves what is on disk, whole, and has swept the killed writer's temporary files.
    run = await startDocent();
    expect(await servedVersion()).toEqual({ version, paragraphs: paragraphsOf(version) });
    expect(allFiles().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    rows.push(
      `| ${moment.name}${moment.delayMs ? ` (+${moment.delayMs} ms)` : ''} | ${version === next ? 'the new version' : 'the old version'}, whole${leftovers.length ? `; ${leftovers.length} temporary file(s), swept at the next start` : ''} | version ${version}, all ${paragraphsOf(version)} paragraphs |`,
    );
    current = version;
  }

  // And the next refresh goes through: the folder lock the killed writers held is taken over.
  const last = MOMENTS.length + 2;
  const from = fake.requests.length;
  const payload = refreshFilePayload(last);
  fake.dispatch('INTERACTION_CREATE', payload);
  await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${payload.token}/messages/@original`, 20_000, from);
  expect(await servedVersion()).toEqual({ version: last, paragraphs: paragraphsOf(last) });

  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  running = undefined;
}, 180_000);
