// Scores the engine in-process on every question set, with shared/eval/score.mjs's rules
// (tests/support/eval-score.ts), and prints one line per set: precise answers, negatives refused,
// and the share of answerable questions answered precisely and answered wrongly.
//
//   npx tsx scripts/score-sets.ts [--only NAME ...] [--synonyms both|hand|wordnet] [--wordnet PATH] [--words PATH] [--json]
//
// --synonyms measures the engine with only some of its synonym sources (default: both, as it runs):
// the hand-written groups of src/text/lexicon.ts and the WordNet table; --wordnet reads another
// table built by scripts/build-wordnet.ts --out PATH; --words reads another table of
// verbs and person nouns (build-wordnet.ts --verb-lemmas tagged|all --words-out PATH).
// Sets: the public dev set and the real set (../shared/eval/dev, ../shared/eval/real, when
// present), our own sets (tests/fixtures/eval) and every blind holdout (tests/fixtures/holdout*).
// --only keeps the named sets (dev, real, ours, holdout, holdout2, …); the real set takes about
// 15 s of CPU, the others together a few seconds.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answerInput, buildLibrary, readArticleFile } from '../src/index.js';
import { chooseSynonymSources } from '../src/text/tokens.js';
import { useWordTable } from '../src/text/words.js';
import { judgeAnswer, listQuestionSets, readQuestionFile, namedQuestionSets } from '../tests/support/eval-score.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    synonyms: { type: 'string', default: 'both' },
    wordnet: { type: 'string' },
    words: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
if (!['both', 'hand', 'wordnet'].includes(values.synonyms)) throw new Error(`--synonyms is both, hand or wordnet, not ${values.synonyms}`);
chooseSynonymSources({ hand: values.synonyms !== 'wordnet', wordnet: values.synonyms === 'hand' ? false : (values.wordnet ?? true) });
if (values.words) useWordTable(values.words);

const sets = namedQuestionSets(ROOT);

export interface SetFigures {
  set: string;
  questions: number;
  precise: number;
  negatives: number;
  refused: number;
  answerable: number;
  answerablePrecise: number;
  answeredWrongly: number;
  ms: number;
}

const results: SetFigures[] = [];
for (const [name, folder] of sets) {
  if (values.only && !values.only.includes(name)) continue;
  if (!existsSync(join(folder, 'questions'))) continue;
  const started = performance.now();
  const f: SetFigures = { set: name, questions: 0, precise: 0, negatives: 0, refused: 0, answerable: 0, answerablePrecise: 0, answeredWrongly: 0, ms: 0 };
  for (const set of listQuestionSets(folder)) {
    const library = buildLibrary([readArticleFile(set.articlePath)]);
    for (const question of readQuestionFile(set.questionsPath)) {
      const answer = answerInput(library, question.q);
      const judgement = judgeAnswer(question, answer);
      f.questions++;
      if (judgement.precise) f.precise++;
      if (question.expect_not_found) {
        f.negatives++;
        if (judgement.precise) f.refused++;
      } else {
        f.answerable++;
        if (judgement.precise) f.answerablePrecise++;
        if (answer.found && !judgement.contains) f.answeredWrongly++;
      }
    }
  }
  f.ms = Math.round(performance.now() - started);
  results.push(f);
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
if (values.json) {
  console.log(JSON.stringify(results));
} else {
  console.log('set        precise            negatives refused   answerable precise   answered wrongly   ms');
  for (const f of results) {
    console.log(
      [
        f.set.padEnd(10),
        `${f.precise}/${f.questions} (${pct(f.precise, f.questions)})`.padEnd(18),
        `${f.refused}/${f.negatives} (${pct(f.refused, f.negatives)})`.padEnd(19),
        `${f.answerablePrecise}/${f.answerable} (${pct(f.answerablePrecise, f.answerable)})`.padEnd(20),
        `${f.answeredWrongly} (${pct(f.answeredWrongly, f.answerable)})`.padEnd(18),
        String(f.ms),
      ].join(' '),
    );
  }
  const all = results.filter((f) => f.set !== 'real');
  const sum = (k: keyof SetFigures) => all.reduce((n, f) => n + (f[k] as number), 0);
  console.log(`all but real: ${sum('precise')}/${sum('questions')} (${pct(sum('precise'), sum('questions'))}), negatives refused ${sum('refused')}/${sum('negatives')}`);
}
