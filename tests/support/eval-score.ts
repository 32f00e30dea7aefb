// An in-process twin of shared/eval/score.mjs: it scores the engine on question-set folders
// (articles/<slug>.txt + questions/<slug>.jsonl) with the same rules, without spawning `ask`,
// so a vitest test can assert the figures and list the misses.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { answerInput, buildLibrary, readArticleFile, type Answer } from '../../src/index.js';

/** An answer longer than this is not precise, whatever it contains (score.mjs's MAX_LEN). */
export const MAX_PRECISE_LENGTH = 320;
/** A good answer leads with the fact: score.mjs counts facts found in the first 120 characters. */
export const LEAD_LENGTH = 120;

export const QUESTION_KINDS = ['who', 'when', 'where', 'quote', 'ask'] as const;

const expected = z.array(z.string().min(1)).min(1);

/** One line of a question file, exactly as the dev set's README describes it. */
export const evalQuestionSchema = z
  .object({
    q: z.string().min(1),
    kind: z.enum(QUESTION_KINDS),
    expect_all: expected.optional(),
    expect_any: expected.optional(),
    expect_not_found: z.literal(true).optional(),
    why: z.string().min(1).optional(),
  })
  .strict()
  .refine(
    (line) => [line.expect_all, line.expect_any, line.expect_not_found].filter((e) => e !== undefined).length === 1,
    'needs exactly one of expect_all, expect_any, expect_not_found',
  );
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** Lowercase, straight quotes, no markdown characters, collapsed white space: score.mjs's `norm`. */
export function normalizeForScoring(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[*_`>~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function containsExpected(question: EvalQuestion, text: string): boolean {
  if (question.expect_all) return question.expect_all.every((e) => text.includes(normalizeForScoring(e)));
  return (question.expect_any ?? []).some((e) => text.includes(normalizeForScoring(e)));
}

export interface Judgement {
  /** Contains the expected facts (or, for a negative, answered not found). */
  contains: boolean;
  /** Contains them and is at most MAX_PRECISE_LENGTH characters long. */
  precise: boolean;
  /** The expected facts are within the first LEAD_LENGTH characters. */
  leads: boolean;
}

/** Judge one answer as score.mjs does. */
export function judgeAnswer(question: EvalQuestion, answer: Pick<Answer, 'found' | 'answer'>): Judgement {
  if (question.expect_not_found) {
    const refused = answer.found === false;
    return { contains: refused, precise: refused, leads: false };
  }
  if (!answer.found) return { contains: false, precise: false, leads: false };
  const text = normalizeForScoring(answer.answer);
  const contains = containsExpected(question, text);
  return {
    contains,
    precise: contains && String(answer.answer).length <= MAX_PRECISE_LENGTH,
    leads: containsExpected(question, text.slice(0, LEAD_LENGTH)),
  };
}

export interface Miss {
  set: string;
  slug: string;
  q: string;
  want: string;
  got: string;
  negative: boolean;
}

export interface KindScore {
  questions: number;
  precise: number;
  contains: number;
}

export interface Score {
  name: string;
  questions: number;
  precise: number;
  contains: number;
  /** Non-negative questions whose expected facts lead the answer. */
  leads: number;
  negatives: number;
  refused: number;
  byKind: Record<string, KindScore>;
  misses: Miss[];
}

function emptyScore(name: string): Score {
  return { name, questions: 0, precise: 0, contains: 0, leads: 0, negatives: 0, refused: 0, byKind: {}, misses: [] };
}

/** Read and check a question file; a malformed line is a test failure with its line number. */
export function readQuestionFile(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${path}:${number} is not JSON: ${(error as Error).message}`, { cause: error });
      }
      const parsed = evalQuestionSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${path}:${number} ${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** The question sets of a folder, by slug, each with its article's path. */
export function listQuestionSets(folder: string): { slug: string; articlePath: string; questionsPath: string }[] {
  return readdirSync(join(folder, 'questions'))
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((file) => {
      const slug = file.replace(/\.jsonl$/, '');
      const candidates = ['.txt', '.md'].map((ext) => join(folder, 'articles', slug + ext));
      const articlePath = candidates.find((p) => existsSync(p));
      if (!articlePath) throw new Error(`${join(folder, 'questions', file)} has no article ${candidates.join(' or ')}`);
      return { slug, articlePath, questionsPath: join(folder, 'questions', file) };
    });
}

function describeWant(q: EvalQuestion): string {
  return JSON.stringify(q.expect_all ?? q.expect_any ?? 'not found');
}

function describeGot(answer: Answer, judgement: Judgement): string {
  if (!answer.found) return 'not found';
  const shown = JSON.stringify(String(answer.answer).slice(0, 200));
  return judgement.contains ? `${shown} (too long: ${answer.answer.length})` : shown;
}

/** Score every question set of a folder through `answerInput`, one library per article. */
export function scoreSetFolder(folder: string, name: string): Score {
  const score = emptyScore(name);
  for (const set of listQuestionSets(folder)) {
    const library = buildLibrary([readArticleFile(set.articlePath)]);
    for (const question of readQuestionFile(set.questionsPath)) {
      const answer = answerInput(library, question.q);
      const judgement = judgeAnswer(question, answer);
      const kind = (score.byKind[question.kind] ??= { questions: 0, precise: 0, contains: 0 });
      kind.questions++;
      score.questions++;
      if (judgement.contains) {
        kind.contains++;
        score.contains++;
      }
      if (judgement.precise) {
        kind.precise++;
        score.precise++;
      }
      if (judgement.leads) score.leads++;
      if (question.expect_not_found) {
        score.negatives++;
        if (judgement.precise) score.refused++;
      }
      if (!judgement.precise) {
        score.misses.push({
          set: name,
          slug: set.slug,
          q: question.q,
          want: describeWant(question),
          got: describeGot(answer, judgement),
          negative: question.expect_not_found === true,
        });
      }
    }
  }
  return score;
}

/** Several scores added up as one, e.g. our sets and the public dev set together. */
export function combineScores(name: string, scores: Score[]): Score {
  const total = emptyScore(name);
  for (const s of scores) {
    total.questions += s.questions;
    total.precise += s.precise;
    total.contains += s.contains;
    total.leads += s.leads;
    total.negatives += s.negatives;
    total.refused += s.refused;
    total.misses.push(...s.misses);
    for (const [kind, k] of Object.entries(s.byKind)) {
      const t = (total.byKind[kind] ??= { questions: 0, precise: 0, contains: 0 });
      t.questions += k.questions;
      t.precise += k.precise;
      t.contains += k.contains;
    }
  }
  return total;
}

export function preciseShare(score: Score): number {
  return score.questions === 0 ? 0 : score.precise / score.questions;
}

/** The report score.mjs prints, one block per score, then the given misses (as its `-v` lists them). */
export function formatReport(scores: Score[], misses: Miss[] = []): string {
  const lines: string[] = [];
  for (const s of scores) {
    lines.push(`== ${s.name}`);
    for (const [kind, k] of Object.entries(s.byKind)) lines.push(`${kind.padEnd(6)} ${k.precise}/${k.questions} precise, ${k.contains}/${k.questions} contain`);
    lines.push(`negatives refused ${s.refused}/${s.negatives}; fact in the first ${LEAD_LENGTH} characters ${s.leads}/${s.questions - s.negatives}`);
    lines.push(`precise ${s.precise}/${s.questions} = ${(100 * preciseShare(s)).toFixed(1)}% (contain ${s.contains}/${s.questions})`);
  }
  for (const m of misses) lines.push(`MISS ${m.set}/${m.slug} | ${m.q} | want ${m.want} | got ${m.got}`);
  return lines.join('\n');
}

/**
 * Every question set by name, as the scripts measure them: the public dev set and the real set
 * (beside the repo in ../shared/eval), our own sets and the blind holdouts in their order.
 */
export function namedQuestionSets(repoRoot: string): [string, string][] {
  return [
    ['dev', join(repoRoot, '..', 'shared', 'eval', 'dev')],
    ['real', join(repoRoot, '..', 'shared', 'eval', 'real')],
    ['ours', join(repoRoot, 'tests', 'fixtures', 'eval')],
    ...readdirSync(join(repoRoot, 'tests', 'fixtures'))
      .filter((name) => /^holdout\d*$/.test(name))
      .sort((a, b) => Number(a.slice(7) || 1) - Number(b.slice(7) || 1))
      .map((name): [string, string] => [name, join(repoRoot, 'tests', 'fixtures', name)]),
  ];
}

/** SQuAD's answer normalisation: lowercase, no punctuation, no articles, words split on space. */
function squadWords(text: string): string[] {
  return normalizeForScoring(text)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !['a', 'an', 'the'].includes(w));
}

/**
 * SQuAD's token F1 of a short span against the expected answer (the best over expect_any; the
 * facts of expect_all read as one answer): how much of the fact a lead is, and how much of the
 * lead is the fact. A lead at 0.5 or more names the fact, even cut short ("8.0 Ms" for "8.0 Ms
 * and 7.9 Mw") or with a word more ("In Hui County" for "Hui County, Gansu").
 */
export function spanF1(question: EvalQuestion, span: string): number {
  const answers = question.expect_all ? [question.expect_all.join(' ')] : (question.expect_any ?? []);
  const got = squadWords(span);
  let best = 0;
  for (const answer of answers) {
    const want = squadWords(answer);
    const left = new Map<string, number>();
    for (const w of want) left.set(w, (left.get(w) ?? 0) + 1);
    let common = 0;
    for (const w of got) {
      const n = left.get(w) ?? 0;
      if (n > 0) {
        common++;
        left.set(w, n - 1);
      }
    }
    if (common === 0) continue;
    const precision = common / got.length;
    const recall = common / want.length;
    best = Math.max(best, (2 * precision * recall) / (precision + recall));
  }
  return best;
}
