import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerInput } from '../src/index.js';
import { DEFAULT_LIMITS, DataStore, LibraryHolder, limitsFromEnv, validateArticleFile, validateFactsFile } from '../src/store/index.js';
import { fixture, makeDataDir } from './fixtures/store/helpers.js';

const text = (s: string) => Buffer.from(s, 'utf8');
const GOOD = 'A headline\n\nFirst sentence here. Second sentence here. Third sentence here.\n';

/** Every kind of bad article file, with the reason a moderator must read. */
const BAD_ARTICLES: Array<{ kind: string; fileName: string; bytes: Uint8Array; reason: RegExp }> = [
  { kind: 'an empty file', fileName: 'a.txt', bytes: new Uint8Array(), reason: /^the file is empty: the first line must be the headline$/ },
  { kind: 'only blank lines', fileName: 'a.txt', bytes: text('\n  \n\t\n'), reason: /empty \(only blank lines\)/ },
  { kind: 'a binary file with NUL bytes', fileName: 'a.txt', bytes: new Uint8Array([0x48, 0x69, 0x00, 0x01, 0x02, 0x00]), reason: /binary \(it contains NUL bytes\)/ },
  { kind: 'a PDF renamed .txt', fileName: 'a.txt', bytes: text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), reason: /is a PDF, not text/ },
  { kind: 'a Word document renamed .md', fileName: 'a.md', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), reason: /ZIP archive or a Word/ },
  { kind: 'UTF-16 text', fileName: 'a.txt', bytes: new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), reason: /UTF-16 text, not UTF-8/ },
  {
    kind: 'Latin-1 text (not UTF-8)',
    fileName: 'a.txt',
    bytes: Buffer.concat([text('Headline\n\nFirst line is fine.\nThe caf'), new Uint8Array([0xe9]), text(' opened. It was busy. People came.\n')]),
    reason: /not UTF-8 text \(line 4 has bytes/,
  },
  {
    kind: 'no headline (the text starts with a paragraph)',
    fileName: 'a.txt',
    bytes: text(`\n${'The council met on Monday to discuss the harbour budget and many other things. '.repeat(5)}\n\nMore text. And more.`),
    reason: /^line 1 is empty and line 2 is \d+ characters long, too long for a headline: the first line must be the headline/,
  },
  { kind: 'too big', fileName: 'a.txt', bytes: text(`Headline\n\n${'Words in a sentence. '.repeat(115_000)}`), reason: /^the file is 2\.3 MB; the limit is 1 MB$/ },
  { kind: 'a wrong extension', fileName: 'article.pdf', bytes: text(GOOD), reason: /^only \.txt and \.md files are articles \(got "article\.pdf"\)$/ },
  { kind: 'no extension', fileName: 'article', bytes: text(GOOD), reason: /only \.txt and \.md files are articles/ },
  { kind: 'front matter with an unknown key', fileName: 'a.md', bytes: text(`---\ntitel: Typo\n---\n${GOOD}`), reason: /front matter is invalid: unknown key "titel"/ },
  { kind: 'front matter with a bad date', fileName: 'a.md', bytes: text(`---\npublished: last Tuesday\n---\n${GOOD}`), reason: /front matter is invalid: "published" must be a date written YYYY-MM-DD/ },
  { kind: 'front matter never closed', fileName: 'a.md', bytes: text(`---\ntitle: Open\n${GOOD}`), reason: /no closing "---" line/ },
  { kind: 'a headline and no paragraphs', fileName: 'a.txt', bytes: text('Just a headline\n\n\n'), reason: /headline but no paragraphs/ },
  { kind: 'too few sentences', fileName: 'a.txt', bytes: text('Headline\n\nOne sentence. Two sentences.\n'), reason: /^the article has 2 sentences after the headline; an article needs at least 3$/ },
];

describe('validating an article file', () => {
  it.each(BAD_ARTICLES)('GIVEN $kind THEN it is refused with a reason a moderator can act on', ({ fileName, bytes, reason }) => {
    const check = validateArticleFile(bytes, fileName, DEFAULT_LIMITS);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('GIVEN a file just over the limit THEN the reason gives exact bytes rather than two equal sizes', () => {
    const check = validateArticleFile(text(GOOD.padEnd(1025, 'x')), 'a.txt', { ...DEFAULT_LIMITS, maxBytes: 1024 });
    expect(check).toEqual({ ok: false, reason: 'the file is 1,025 bytes; the limit is 1,024 bytes (1 KB)' });
  });

  it('GIVEN the fixture articles THEN they are accepted with their headline, paragraphs and front matter', () => {
    const harbour = validateArticleFile(fixture('harbour-v1.txt'), 'harbour.txt', DEFAULT_LIMITS);
    expect(harbour.ok && harbour.article.headline).toBe('Harbour bridge reopens after storm repairs');
    expect(harbour.ok && harbour.article.paragraphs.length).toBe(3);
    const library = validateArticleFile(fixture('library-fund.md'), 'Library Fund.md', DEFAULT_LIMITS);
    expect(library.ok && [library.article.slug, library.article.meta.published]).toEqual(['library-fund', '2024-05-02']);
  });

  it('GIVEN leading blank lines before a short headline THEN the file is accepted, as the contract allows', () => {
    expect(validateArticleFile(text(`\n\n${GOOD}`), 'a.txt', DEFAULT_LIMITS).ok).toBe(true);
  });

  it('GIVEN MAX_ARTICLE_BYTES and ARTICLE_MIN_SENTENCES THEN the limits follow them, and a bad value is named', () => {
    expect(limitsFromEnv({ MAX_ARTICLE_BYTES: '2048', ARTICLE_MIN_SENTENCES: '' })).toEqual({ ...DEFAULT_LIMITS, maxBytes: 2048 });
    expect(() => limitsFromEnv({ MAX_ARTICLE_BYTES: 'lots' })).toThrow(/MAX_ARTICLE_BYTES/);
  });
});

/** Every kind of bad curated-facts file, checked against the harbour article. */
const BAD_FACTS: Array<{ kind: string; fileName?: string; json: string; reason: RegExp }> = [
  { kind: 'broken JSON', json: '{\n  "people": [\n    { "name": "Marek Lind", }\n  ]\n}', reason: /^the facts file is not valid JSON \(line 3\)/ },
  { kind: 'an empty file', json: '', reason: /facts file is empty/ },
  { kind: 'a list instead of an object', json: '[]', reason: /facts file is invalid: the file must be a JSON object/ },
  { kind: 'a person without a name', json: '{"people": [{"role": "engineer"}]}', reason: /facts file is invalid: people\[0\]\.name is missing/ },
  { kind: 'an unknown key', json: '{"peeple": []}', reason: /unknown key "peeple"/ },
  { kind: 'a role that is not text', json: '{"people": [{"name": "Marek Lind", "role": 7}]}', reason: /people\[0\]\.role must be text/ },
  { kind: 'a person not in the article', json: '{"people": [{"name": "Marek Lynd"}]}', reason: /^people\[0\] "Marek Lynd" is not in the article: check the spelling$/ },
  { kind: 'a quote not in the article', json: '{"quotes": [{"text": "The bridge is closed", "speaker": "Lind"}]}', reason: /^quotes\[0\]\.text is not in the article/ },
  { kind: 'a misnamed facts file', fileName: 'harbour.json', json: '{}', reason: /must be named <article>\.facts\.json/ },
];

describe('validating a curated facts file', () => {
  const harbour = validateArticleFile(fixture('harbour-v1.txt'), 'harbour.txt', DEFAULT_LIMITS);
  const article = harbour.ok ? harbour.article : undefined;

  it.each(BAD_FACTS)('GIVEN $kind THEN it is refused with its reason', ({ fileName, json, reason }) => {
    const check = validateFactsFile(text(json), fileName ?? 'harbour.facts.json', DEFAULT_LIMITS, article);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('GIVEN the fixture facts THEN they are accepted, with curly or straight quotes alike', () => {
    const check = validateFactsFile(fixture('harbour.facts.json'), 'harbour.facts.json', DEFAULT_LIMITS, article);
    expect(check.ok && check.facts.people.map((p) => p.name)).toEqual(['Marek Lind', 'Ana Ruiz']);
    const curly = validateFactsFile(text('{"quotes": [{"text": "\u201cThe bridge is safe for heavy trucks again,\u201d", "speaker": "Lind"}]}'), 'harbour.facts.json', DEFAULT_LIMITS, article);
    expect(curly.ok).toBe(true);
  });
});

describe('refusing bad uploads while the old articles keep answering', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  const uploads = [
    ...BAD_ARTICLES.map(({ kind, fileName, bytes, reason }) => ({ kind, fileName: fileName.replace(/^a\./, 'harbour.'), bytes, reason })),
    ...BAD_FACTS.map(({ kind, fileName, json, reason }) => ({ kind: `facts: ${kind}`, fileName: fileName ?? 'harbour.facts.json', bytes: text(json), reason })),
  ];

  it(`GIVEN a bot serving an article WHEN each of ${uploads.length} bad files is uploaded THEN each is refused with its reason AND the same library keeps answering AND nothing on disk changes`, async () => {
    const data = makeDataDir();
    cleanup = data.cleanup;
    const store = await DataStore.open(data.dir);
    const { holder } = await LibraryHolder.open(store);
    const library = holder.library;
    const question = '/who is the chief engineer';
    const before = answerInput(library, question);
    const diskBefore = readFileSync(join(data.dir, 'articles', 'harbour.txt'));

    for (const upload of uploads) {
      const outcome = await holder.put({ fileName: upload.fileName, bytes: upload.bytes }, 'test:moderator');
      expect(outcome.ok, upload.kind).toBe(false);
      if (!outcome.ok) expect(outcome.problems[0]!.reason, upload.kind).toMatch(upload.reason);
      expect(holder.library, upload.kind).toBe(library);
    }
    expect(answerInput(holder.library, question)).toEqual(before);
    expect(holder.library.get('harbour')!.article.headline).toBe('Harbour bridge reopens after storm repairs');
    expect(readFileSync(join(data.dir, 'articles', 'harbour.txt'))).toEqual(diskBefore);
    expect(readdirSync(join(data.dir, 'articles'))).toEqual(['harbour.txt']);
    expect((await store.history()).changes).toEqual([]);
  });

  it('GIVEN a slug option that cannot be a file name THEN the upload is refused', async () => {
    const data = makeDataDir();
    cleanup = data.cleanup;
    const store = await DataStore.open(data.dir);
    const outcome = await store.put({ fileName: 'x.txt', bytes: text(GOOD), slug: '../../!!' }, 'test');
    expect(outcome).toEqual({ ok: false, reason: '"../../!!" cannot be an article name: use letters, digits and dashes' });
  });

  it('GIVEN facts for an article that does not exist THEN they are refused', async () => {
    const data = makeDataDir();
    cleanup = data.cleanup;
    const store = await DataStore.open(data.dir);
    const outcome = await store.put({ fileName: 'nothing.facts.json', bytes: text('{}') }, 'test');
    expect(outcome).toEqual({ ok: false, reason: 'there is no article "nothing" for these facts: add the article first' });
  });
});
