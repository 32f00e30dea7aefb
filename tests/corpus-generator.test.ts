import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle, readArticles } from '../src/index.js';
import { corpusQuestions } from '../scripts/bench-corpus.js';
import { generateArticle, generateCorpus, Random, writeCorpus } from '../scripts/generate-corpus.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docent-corpus-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function filesOf(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

describe('the synthetic corpus generator', () => {
  it('GIVEN the same seed twice THEN the written files are byte-identical', () => {
    const a = tempDir();
    const b = tempDir();
    writeCorpus(a, generateCorpus({ count: 60, seed: 'same' }));
    writeCorpus(b, generateCorpus({ count: 60, seed: 'same' }));
    const first = filesOf(a);
    const second = filesOf(b);
    expect(first.size).toBe(60);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(bytes.equals(second.get(name)!), name).toBe(true);
  });

  it('GIVEN two different seeds THEN the articles differ', () => {
    const one = generateCorpus({ count: 20, seed: 1 }).map((a) => a.text);
    const two = generateCorpus({ count: 20, seed: 2 }).map((a) => a.text);
    expect(one.filter((text, i) => text === two[i])).toHaveLength(0);
  });

  it('GIVEN a smaller count THEN it is a prefix of the bigger corpus', () => {
    const small = generateCorpus({ count: 5, seed: 'prefix' }).map((a) => a.text);
    const big = generateCorpus({ count: 25, seed: 'prefix' }).map((a) => a.text);
    expect(big.slice(0, 5)).toEqual(small);
  });

  it('GIVEN a seeded PRNG THEN it repeats its sequence and stays in range', () => {
    const a = new Random('x');
    const b = new Random('x');
    const seqA = Array.from({ length: 1000 }, () => a.int(3, 7));
    const seqB = Array.from({ length: 1000 }, () => b.int(3, 7));
    expect(seqA).toEqual(seqB);
    expect(new Set(seqA)).toEqual(new Set([3, 4, 5, 6, 7]));
  });

  const corpus = generateCorpus({ count: 200, seed: 'parse' });

  it('GIVEN 200 generated articles THEN every one parses, with its headline and 8 to 16 paragraphs', () => {
    for (const generated of corpus) {
      const article = parseArticle(generated.text, generated.slug);
      expect(article.headline, generated.slug).toBe(generated.headline);
      expect(article.paragraphs.length, generated.slug).toBe(generated.paragraphCount);
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(8);
      expect(article.paragraphs.length).toBeLessThanOrEqual(16);
    }
  });

  it('GIVEN a written corpus THEN readArticles loads every file under its slug', () => {
    const dir = tempDir();
    const some = corpus.slice(0, 30);
    writeCorpus(dir, some);
    expect(readArticles(dir).map((a) => a.slug)).toEqual(some.map((a) => a.slug));
  });

  it('GIVEN the generated facts THEN each person, quote and event is really in the cited paragraph', () => {
    for (const generated of corpus) {
      const article = parseArticle(generated.text, generated.slug);
      const paragraph = (n: number) => article.paragraphs[n - 1]!.text;
      const { people, quotes, events } = generated.facts;
      expect(people.length).toBeGreaterThanOrEqual(4);
      for (const person of people) expect(article.paragraphs.some((p) => p.text.includes(person.name)), person.name).toBe(true);
      expect(quotes.length).toBeGreaterThanOrEqual(4);
      for (const quote of quotes) {
        // Split quotes are stored whole; each part is in the paragraph.
        for (const part of quote.text.split('. ')) expect(paragraph(quote.paragraph), generated.slug).toContain(part);
      }
      for (const event of events) {
        expect(paragraph(event.paragraph)).toContain(event.past);
        expect(paragraph(event.paragraph)).toContain(event.place);
      }
    }
  });

  it('GIVEN a person never quoted THEN no generated quote is theirs', () => {
    for (const { facts } of corpus) {
      const silent = facts.people.filter((p) => !p.quoted).map((p) => p.name);
      expect(facts.quotes.filter((q) => silent.includes(q.speaker))).toEqual([]);
      expect(silent.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN the whole default-size corpus THEN subjects vary and some articles have two people sharing a surname', () => {
    const articles = Array.from({ length: 500 }, (_, i) => generateArticle('docent', i));
    const subjects = new Set(articles.map((a) => a.slug.replace(/^synthetic-\d+-/, '')));
    expect(subjects.size).toBeGreaterThanOrEqual(6);
    const shared = articles.filter((a) => new Set(a.facts.people.map((p) => p.surname)).size < a.facts.people.length);
    expect(shared.length).toBeGreaterThan(20);
    expect(new Set(articles.map((a) => a.text)).size).toBe(500);
  });
});

describe('the benchmark questions drawn from the corpus', () => {
  const articles = generateCorpus({ count: 50, seed: 'questions' });

  it('GIVEN a corpus THEN the same number of questions comes back every time, covering every command', () => {
    const questions = corpusQuestions(articles, 400);
    expect(questions).toHaveLength(400);
    expect(corpusQuestions(articles, 400)).toEqual(questions);
    for (const start of ['/who ', '/when did ', '/where did ', '/quote ', 'Who ', '/ask What did ', '/search ']) {
      expect(questions.some((q) => q.startsWith(start)), start).toBe(true);
    }
  });

  it('GIVEN a /quote question THEN it names someone the corpus really quotes', () => {
    const quoted = new Set(articles.flatMap((a) => a.facts.quotes.map((q) => q.speaker)));
    const asked = corpusQuestions(articles, 400).filter((q) => q.startsWith('/quote '));
    expect(asked.length).toBeGreaterThan(0);
    for (const q of asked) expect(quoted.has(q.slice('/quote '.length)), q).toBe(true);
  });
});
