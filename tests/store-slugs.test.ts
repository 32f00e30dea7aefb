// Issue 10, finding 2: odd file names were written, then crashed the refresh ("Cannot read
// properties of undefined"), were never served, or were served under one slug while their history
// sat under another. One slug function now serves the file, its history and every lookup.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerInput } from '../src/index.js';
import { DataStore, LibraryHolder, slugForFile, slugSchema } from '../src/store/index.js';
import { runDataCli } from '../cli/data.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';
import { writeFileSync } from 'node:fs';

let cleanup = () => {};
afterEach(() => cleanup());

async function openHolder() {
  const data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt') });
  cleanup = data.cleanup;
  const { holder } = await LibraryHolder.open(await DataStore.open(data.dir));
  return { dir: data.dir, holder };
}

const LIBRARY_FUND = fixture('library-fund.md');
const ODD_NAMES = [`${'a'.repeat(79)}-b.txt`, 'Court Case (v2).TXT', '--dashes--.md', 'Ünïcödé Ärticle.md', `${'x'.repeat(200)}.txt`, '.hidden.md'];

describe('slugs for odd file names', () => {
  for (const name of ODD_NAMES) {
    it(`GIVEN an upload named ${JSON.stringify(name.length > 40 ? `${name.slice(0, 12)}…${name.slice(-8)}` : name)} THEN put → answer → rollback → remove all use one slug`, async () => {
      const { dir, holder } = await openHolder();
      const put = await holder.put({ fileName: name, bytes: LIBRARY_FUND }, 'test');
      expect(put.ok, !put.ok ? put.reason : '').toBe(true);
      const slug = slugForFile(name);
      expect(slugSchema.safeParse(slug).success).toBe(true);
      expect(holder.library.get(slug)).toBeDefined();
      expect(answerInput(holder.library, `/search library fund article:${slug}`).found).toBe(true);
      expect(await holder.store.versions(slug)).toHaveLength(1);

      const rollback = await holder.rollback(slug, 'test');
      expect(rollback.ok, !rollback.ok ? rollback.reason : '').toBe(true);
      expect(holder.library.get(slug)).toBeUndefined();
      expect(readdirSync(join(dir, 'articles'))).toEqual(['harbour.txt']);
      expect(existsSync(join(dir, 'history', slug))).toBe(true);
    });
  }

  for (const name of ['README.md', 'Readme.TXT', 'readme.txt']) {
    it(`GIVEN an upload named ${name} THEN it is refused with a reason, nothing is written, and nothing throws`, async () => {
      const { dir, holder } = await openHolder();
      const before = holder.library;
      const put = await holder.put({ fileName: name, bytes: LIBRARY_FUND }, 'test');
      expect(put.ok).toBe(false);
      expect(!put.ok && put.reason).toContain('reserved');
      expect(readdirSync(join(dir, 'articles'))).toEqual(['harbour.txt']);
      expect(holder.library).toBe(before);
    });
  }

  it('GIVEN `npm run data -- put README.md` THEN it exits 1 with the reason, without a stack trace', async () => {
    const { dir } = await openHolder();
    const file = join(dir, 'README.md');
    writeFileSync(file, LIBRARY_FUND);
    const err: string[] = [];
    const status = await runDataCli(['--data', dir, 'put', file], { out: () => {}, err: (l) => err.push(l), env: {}, actor: 'cli:test' });
    expect(status).toBe(1);
    expect(err.join('\n')).toContain('reserved');
  });
});
