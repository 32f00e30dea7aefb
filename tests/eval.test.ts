// The quality bar of issue 2 as a test: the engine is scored on our own question sets and on
// the public dev set with score.mjs's rules, so a regression fails CI instead of waiting for
// the next hand-run of the scorer.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticleFile } from '../src/index.js';
import {
  MAX_PRECISE_LENGTH,
  combineScores,
  formatReport,
  judgeAnswer,
  listQuestionSets,
  normalizeForScoring,
  preciseShare,
  readQuestionFile,
  scoreSetFolder,
  type EvalQuestion,
  type Score,
} from './support/eval-score.js';

/**
 * Lowest share of precise answers allowed on the public dev set and on our own sets: issue 2's
 * bar. Below it, the test prints every miss so a regression is easy to read.
 */
const MIN_PRECISE_SHARE = 0.95;
/** Share of the blind holdouts' negatives that must be refused. */
const MIN_HOLDOUT_REFUSED = 0.9;
/**
 * The blind holdouts measure how the engine generalises to articles nobody tuned it on, so each
 * is held at the share it reached (a little below, for headroom), not at 95%: a fall is a
 * regression. Raise a floor when the engine gets better on that set.
 */
const HOLDOUT_FLOORS: Record<string, number> = { holdout: 0.97, holdout2: 0.8, holdout3: 0.96, holdout4: 0.92, holdout5: 0.95, holdout6: 0.86, holdout7: 0.96, holdout8: 0.91, holdout9: 0.85, holdout10: 0.93, holdout11: 0.92, holdout12: 0.91, holdout13: 0.9 };

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUR_SETS = join(REPO_ROOT, 'tests', 'fixtures', 'eval');
/** Sets written blind (without reading the engine), kept apart to measure how well it generalises. */
const HOLDOUT_SETS = Object.keys(HOLDOUT_FLOORS).map((name) => join(REPO_ROOT, 'tests', 'fixtures', name)).filter((dir) => existsSync(join(dir, 'questions')));
/** The public dev set sits beside the repo on developer machines and in CI. */
const DEV_SET = join(REPO_ROOT, '..', 'shared', 'eval', 'dev');
const devSetPresent = existsSync(join(DEV_SET, 'questions'));
if (!devSetPresent) console.warn(`eval.test: the public dev set is not at ${DEV_SET}; the tests that need it are skipped.`);

/** A calendar date an answer may show after resolving "on Wednesday" against the publication date. */
const RESOLVED_DATE = /^(?:\d{4}-\d{2}-\d{2}|[a-z]+ \d{1,2}|\d{1,2} [a-z]+)$/;

describe('scoring rules (the same as shared/eval/score.mjs)', () => {
  const positive: EvalQuestion = { q: '/who x', kind: 'who', expect_all: ['“Heather” Nauert'] };

  it('GIVEN an answer with curly quotes, markdown and odd spacing THEN it matches the expected fact', () => {
    expect(normalizeForScoring('  **\u201cHeather\u201d   Nauert**  ')).toBe('"heather" nauert');
    expect(judgeAnswer(positive, { found: true, answer: '**"Heather"\n Nauert**, State Department spokeswoman' }).precise).toBe(true);
  });

  it(`GIVEN an answer longer than ${MAX_PRECISE_LENGTH} characters THEN it contains the fact but is not precise`, () => {
    const judgement = judgeAnswer(positive, { found: true, answer: `"Heather" Nauert ${'x'.repeat(MAX_PRECISE_LENGTH)}` });
    expect(judgement).toMatchObject({ contains: true, precise: false });
  });

  it('GIVEN expect_any THEN one of the facts is enough, and a not-found answer never is', () => {
    const question: EvalQuestion = { q: '/when x', kind: 'when', expect_any: ['6:50', 'friday morning'] };
    expect(judgeAnswer(question, { found: true, answer: 'Friday morning, when the slope gave way' }).precise).toBe(true);
    expect(judgeAnswer(question, { found: false, answer: 'Not in the article. Try 6:50' }).precise).toBe(false);
  });

  it('GIVEN a negative THEN only found === false is precise', () => {
    const negative: EvalQuestion = { q: '/who nobody', kind: 'who', expect_not_found: true };
    expect(judgeAnswer(negative, { found: false, answer: 'That is not in the article.' }).precise).toBe(true);
    expect(judgeAnswer(negative, { found: true, answer: 'That is not in the article.' }).precise).toBe(false);
  });
});

describe('our own evaluation sets', () => {
  const sets = listQuestionSets(OUR_SETS);

  it('GIVEN our question sets THEN there are at least four, each with its article and 25 to 30 well-formed questions, 5 or 6 of them negatives', () => {
    expect(sets.length).toBeGreaterThanOrEqual(4);
    for (const set of sets) {
      const questions = readQuestionFile(set.questionsPath);
      const negatives = questions.filter((q) => q.expect_not_found).length;
      expect({ slug: set.slug, questions: questions.length >= 25 && questions.length <= 30, negatives: negatives >= 5 && negatives <= 6 }).toEqual({
        slug: set.slug,
        questions: true,
        negatives: true,
      });
    }
  });

  it('GIVEN an expected fact THEN the article really says it (a resolved calendar date excepted)', () => {
    const unsupported: string[] = [];
    for (const set of sets) {
      const article = readArticleFile(set.articlePath);
      const text = normalizeForScoring([article.headline, ...article.paragraphs.map((p) => p.text)].join('\n'));
      const inArticle = (fact: string) => text.includes(normalizeForScoring(fact));
      for (const q of readQuestionFile(set.questionsPath)) {
        for (const fact of q.expect_all ?? []) if (!inArticle(fact)) unsupported.push(`${set.slug} | ${q.q} | ${fact}`);
        const any = q.expect_any ?? [];
        if (any.length && !any.some(inArticle) && !any.every((f) => RESOLVED_DATE.test(normalizeForScoring(f)))) {
          unsupported.push(`${set.slug} | ${q.q} | ${any.join(' / ')}`);
        }
      }
    }
    expect(unsupported).toEqual([]);
  });
});

describe('the engine on every question set', () => {
  let parts: Score[] = [];

  beforeAll(() => {
    parts = [scoreSetFolder(OUR_SETS, 'ours'), ...HOLDOUT_SETS.map((dir) => scoreSetFolder(dir, `holdout ${dir.split(/[\\/]/).pop()}`))];
    if (devSetPresent) parts.push(scoreSetFolder(DEV_SET, 'dev'));
  });

  const refusesEveryNegative = (name: string) => {
    const score = parts.find((p) => p.name === name)!;
    const wrong = score.misses.filter((m) => m.negative);
    if (wrong.length) console.log(formatReport([score], wrong));
    expect(wrong.map((m) => `${m.slug} | ${m.q} | got ${m.got}`)).toEqual([]);
    expect(score.refused).toBe(score.negatives);
  };

  it('GIVEN a question our sets expect to be refused THEN the answer is not found', () => {
    refusesEveryNegative('ours');
  });

  // The blind holdouts measure how well the engine generalises, so they gate on a share rather
  // than on every line: a new trap the engine has never seen may still catch it.
  it(`GIVEN the blind holdout sets THEN at least ${MIN_HOLDOUT_REFUSED * 100}% of their negatives are answered not found`, () => {
    const holdouts = parts.filter((p) => p.name.startsWith('holdout'));
    const negatives = holdouts.reduce((n, p) => n + p.negatives, 0);
    const refused = holdouts.reduce((n, p) => n + p.refused, 0);
    if (refused < negatives) console.log(formatReport(holdouts, holdouts.flatMap((p) => p.misses.filter((m) => m.negative))));
    expect(negatives === 0 || refused / negatives >= MIN_HOLDOUT_REFUSED).toBe(true);
  });

  it.skipIf(!devSetPresent)('GIVEN a question the public dev set expects to be refused THEN the answer is not found', () => {
    refusesEveryNegative('dev');
  });

  it(`GIVEN the public dev set and our own sets THEN at least ${MIN_PRECISE_SHARE * 100}% of the answers are precise`, () => {
    const tuned = parts.filter((p) => !p.name.startsWith('holdout'));
    const all = combineScores(devSetPresent ? 'dev and ours' : 'ours (dev set absent)', tuned);
    const share = preciseShare(all);
    if (share < MIN_PRECISE_SHARE) console.log(formatReport([...tuned, all], all.misses));
    expect(share).toBeGreaterThanOrEqual(MIN_PRECISE_SHARE);
  });

  it('GIVEN each blind holdout THEN its precise share stays at or above the level it reached', () => {
    const below: string[] = [];
    for (const part of parts.filter((p) => p.name.startsWith('holdout'))) {
      const name = part.name.split(' ').pop()!;
      const share = preciseShare(part);
      if (share < HOLDOUT_FLOORS[name]!) {
        below.push(`${name}: ${(share * 100).toFixed(1)}% < ${HOLDOUT_FLOORS[name]! * 100}%`);
        console.log(formatReport([part], part.misses));
      }
    }
    expect(below).toEqual([]);
  });
});
