// The reader: the fallback that ranks sentences when the extractors have no answer, picks the
// span of the asked type, and refuses below the fitted probability.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerInput, buildLibrary, parseArticle, readArticleFile, type Library } from '../src/index.js';
import { focusNoun, questionType } from '../src/answer/answer-type.js';
import { composeRead, readerWeights, scoreQuestion } from '../src/answer/read-answer.js';
import { choiceProbabilities, FEATURE_NAMES, probabilities, READER_DEPTH, readCandidates, type FeatureName } from '../src/answer/reader.js';
import { leadsWith } from '../src/answer/lead-check.js';
import { answerByExtractors } from '../src/answer/index.js';
import { parseInput } from '../src/answer/route.js';
import type { Answer } from '../src/types.js';

// Reference prose, as an encyclopedia writes it: long sentences, no quotes, few people.
const ARTICLE = `The Varnholt Canal

The Varnholt Canal is a 46-kilometre waterway that links the river Elsmere to the port of Quenby. Construction began in 1822 under the engineer Tobias Wrenfield, and the canal opened to barge traffic in 1831 after several floods delayed the works.

At its peak in the 1850s the canal carried about 380,000 tonnes of coal a year, most of it bound for the ironworks of Quenby. The arrival of the railway in 1864 cut that traffic by more than half within a decade.

The canal has 14 locks, the deepest of which, at Harlow Cut, lowers boats by 7 metres. A pumping station at Selby Moor keeps the summit level supplied with water during dry summers.

After decades of neglect, a volunteer trust restored the eastern section between 1978 and 1994, and the whole length reopened to pleasure boats in 2002. The trust describes the restoration as the largest volunteer project of its kind in the region.
`;

/** Reference articles run long: 200 more sentences about the villages along the towpath. */
const VILLAGES = Array.from({ length: 40 }, (_, i) => {
  const name = `Ashgrove ${i + 1}`;
  return [
    `The village of ${name} lies on the towpath and holds a market on Saturdays.`,
    `Its church tower can be seen from the water for several miles.`,
    `Walkers often stop at the tea room by the old wharf in ${name}.`,
    `A footbridge there was rebuilt by the parish council.`,
    `The village school takes its name from a local poet.`,
  ].join(' ');
}).join('\n\n');

const library = buildLibrary([parseArticle(`${ARTICLE}\n${VILLAGES}\n`, 'canal')]);
const ask = (input: string) => answerInput(library, input);

/** A short life of a musician: the instruments and the cities are common nouns and names WordNet files under "instrument" and "city". */
const music = buildLibrary([
  parseArticle(
    `Tobias Wrenfield

Tobias Wrenfield was an engineer from Quenby who also wrote music. As a boy, Tobias Wrenfield learned the violin from an uncle in Hartley.

In Quenby he took up the flute in 1830. In Quenby he took up patience in 1831. In 1840 Wrenfield moved to Warsaw, where he built bridges.
`,
    'wrenfield',
  ),
]);

describe('the reader', () => {
  it('GIVEN "how many" THEN the question asks for a number; "who" a person; "what year" a time', () => {
    expect(questionType('How many locks does the canal have?')).toBe('number');
    expect(questionType('Who restored the eastern section?')).toBe('person');
    expect(questionType('What year did the railway arrive?')).toBe('time');
    expect(questionType('Which city is at the end of the canal?')).toBe('place');
  });

  it('GIVEN a question in other words than the article THEN the answer leads with the number and cites its paragraph', () => {
    const a = ask('How many locks are on the waterway?');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^14 locks/);
    expect(a.citations[0]).toEqual({ article: 'canal', paragraph: 3 });
  });

  it('GIVEN a when question about reference text THEN the answer leads with the year of that event', () => {
    const a = ask('When did the railway reach the area?');
    expect(a.found).toBe(true);
    expect(a.answer.startsWith('1864') || a.fact.includes('1864')).toBe(true);
  });

  it('GIVEN a what question whose new words hold a number with a thousands separator THEN the reader\'s span is the whole number', () => {
    const question = 'What did the canal carry at its peak?';
    const ix = library.list()[0]!;
    const [best] = scoreQuestion(ix, question, answerByExtractors(ix, { input: question, command: 'ask' }, parseInput(question), question));
    expect(best!.lead()?.text).toBe('380,000 tonnes of coal');
  });

  it('GIVEN a date the lead check believes THEN the answer leads with it in bold', () => {
    const a = ask('When did the railway arrive?');
    expect(a.answer).toMatch(/^1864 — The arrival of the railway/);
    expect(a.fact).toBe('1864');
  });

  it('GIVEN the fitted lead check THEN a lone date beside the match leads, and a guess among several names far from the match does not', () => {
    const sentence = { ...Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])), coverage: 0.8 } as Record<FeatureName, number>;
    const date = { text: '1864', start: 26, end: 30 };
    expect(leadsWith(readerWeights().lead, date, { type: 'time', asked: new Set(['railway']), spans: [date], sentence: { ...sentence, typedSpanNear: 1, typedSpanFresh: 1 }, probability: 0.9 })).toBe(true);
    const names = [0, 20, 40, 60].map((start) => ({ text: 'Harlow', start, end: start + 6 }));
    const guess = { text: 'the volunteers', start: 80, end: 94 };
    expect(leadsWith(readerWeights().lead, guess, { type: 'name', asked: new Set(['trust']), spans: names, sentence: { ...sentence, longArticle: 1 }, probability: 0.3 })).toBe(false);
  });

  it('GIVEN "what did X propose" THEN the lead is never the words before the verb (who did it)', () => {
    const proposal = buildLibrary([parseArticle('Talks stall\n\nThe mayor went on to propose a joint city-county depot, then after criticism of the proposal, he withdrew it. Critics disagreed.\n', 'proposal')]);
    const ix = proposal.list()[0]!;
    const question = 'What did the city propose?';
    const [best] = scoreQuestion(ix, question, answerByExtractors(ix, { input: question, command: 'ask' }, parseInput(question), question));
    expect(best!.lead()?.text ?? '').not.toMatch(/went/);
  });

  it('GIVEN a question about something the article never mentions THEN it is not in the article', () => {
    const a = ask('Who painted the Mona Lisa?');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/not in the article/i);
  });

  it('GIVEN a sentence too long for the answer THEN it is cut at word boundaries around the span and the whole stays within 300 characters', () => {
    const sentence = `${'The long preamble goes on and on '.repeat(8)}until the canal finally opened in 1831, and ${'then the story continues for a while '.repeat(6)}.`;
    const at = sentence.indexOf('1831');
    const text = composeRead(sentence, '1831', { start: at, end: at + 4 });
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text.startsWith('1831 — …')).toBe(true);
    expect(text).toContain('opened in 1831');
    expect(text).not.toMatch(/ \S{1,3}…$/);
  });
});

describe("the reader's probabilities", () => {
  const weights = readerWeights();
  const notFound = { found: false } as Answer;

  it('GIVEN several candidates THEN each probability is a share of one choice that also holds "none of them"', () => {
    const scored = scoreQuestion(library.list()[0]!, 'Which section did the volunteer trust restore?', notFound);
    expect(scored.length).toBeGreaterThan(1);
    const total = scored.reduce((sum, c) => sum + c.probability, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(1);
  });

  it('GIVEN a rival as good as a candidate THEN the candidate is less sure than when it stands alone', () => {
    const [alone] = choiceProbabilities([2]);
    const [contested] = choiceProbabilities([2, 2]);
    expect(contested!).toBeLessThan(alone!);
    expect(choiceProbabilities([800, 0]).every(Number.isFinite)).toBe(true);
  });

  it('GIVEN a what/which question THEN its focus noun is the noun it asks for, past "kind of" and on to the head of a compound', () => {
    expect(focusNoun('What kind of instrument did Wrenfield learn?')).toBe('instrument');
    expect(focusNoun('Which record label signed the band?')).toBe('label');
    expect(focusNoun('Which city is at the end of the canal?')).toBe('city');
    expect(focusNoun('What year did the railway arrive?')).toBeUndefined();
    expect(focusNoun('What did the canal carry at its peak?')).toBeUndefined();
  });

  it('GIVEN a which-instrument question THEN the lowercase instrument named in the sentence leads', () => {
    const question = 'Which instrument did Wrenfield learn as a boy?';
    const ix = music.list()[0]!;
    const [best] = scoreQuestion(ix, question, answerByExtractors(ix, { input: question, command: 'ask' }, parseInput(question), question));
    expect(ix.article.sentences[best!.sentence]!.text).toContain('violin');
    expect(best!.lead()?.text).toBe('violin');
  });

  it('GIVEN "in what city" and a sentence that says only "in the city" THEN the question\'s own word is no city of that kind', () => {
    // WordNet files "the City" (of London) as a city: the words "the city" repeat the question.
    const charity = buildLibrary([parseArticle('Singer backs charity\n\nThe charity has since expanded to work with other groups in the city.\n', 'charity')]);
    const { candidates } = readCandidates(charity.list()[0]!, { question: 'In what city did the singer grow up?' });
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      expect(c.features.kindSpanNear).toBe(0);
      expect(c.lead()?.text ?? '').not.toMatch(/^the city$/i);
    }
  });

  it('GIVEN two sentences that match a what-instrument question alike THEN the one naming an instrument is the more probable', () => {
    const ix = music.list()[0]!;
    const { candidates } = readCandidates(ix, { question: 'What instrument did Wrenfield take up in Quenby?' });
    const naming = (word: string) => candidates.find((c) => ix.article.sentences[c.sentence]!.text.includes(word))!;
    expect(naming('flute').features.kindSpanNear).toBeGreaterThan(0);
    expect(naming('patience').features.kindSpanNear).toBe(0);
    const [flute, patience] = probabilities(weights, [naming('flute'), naming('patience')]);
    expect(flute!).toBeGreaterThan(patience!);
  });

  it('GIVEN a which-city question THEN a city WordNet files by name (an instance of a city) is a word of the kind asked for', () => {
    const ix = music.list()[0]!;
    const { candidates } = readCandidates(ix, { question: 'Which city did Wrenfield move to in 1840?' });
    const moved = candidates.find((c) => ix.article.sentences[c.sentence]!.text.includes('Warsaw'))!;
    expect(moved.features.kindSpanNear).toBeGreaterThan(0);
  });

  it('GIVEN a question about what did not happen THEN a sentence that says nothing of it is weighed as less probable', () => {
    const ix = library.list()[0]!;
    const { candidates: asked } = readCandidates(ix, { question: 'Which section did the volunteer trust not restore?' });
    const { candidates: plain } = readCandidates(ix, { question: 'Which section did the volunteer trust restore?' });
    const restored = (cs: typeof asked) => cs.find((c) => ix.article.sentences[c.sentence]!.text.includes('restored the eastern section'))!;
    expect(restored(asked).features.negationMissing).toBe(1);
    expect(restored(plain).features.negationMissing).toBe(0);
    const [pAsked] = probabilities(weights, [restored(asked)]);
    const [pPlain] = probabilities(weights, [restored(plain)]);
    expect(pAsked!).toBeLessThan(pPlain!);
  });
});

const REAL_ARTICLE = join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'eval', 'real', 'articles', 'squad-beyonce.txt');

describe.skipIf(!existsSync(REAL_ARTICLE))('other matches from the reader', () => {
  it('GIVEN reader answers on a long article THEN other matches list, up to five, each candidate more probable than a blind pick among the ten weighed, and no other', () => {
    const real = buildLibrary([readArticleFile(REAL_ARTICLE)]);
    const ix = real.list()[0]!;
    const questions = ['When did Beyonce start becoming popular?', 'What areas did Beyonce compete in when she was growing up?', 'In what city and state did Beyonce grow up?', 'What was the name of her first solo album?', 'Who managed the Destiny\'s Child group?', 'What award did Beyonce win in 2010?', 'Which song did she sing at the inauguration?', 'What did she name her fashion line?'];
    let listed = 0;
    for (const q of questions) {
      const a = answerInput(real, q);
      const extracted = answerByExtractors(ix, { input: q, command: 'ask' }, parseInput(q), q);
      if (!a.found || extracted.found) continue;
      const ranked = scoreQuestion(ix, q, extracted);
      const best = ranked[0]!;
      expect(a.evidence).toBe(sentenceOf(ix, best.sentence));
      const expected = ranked.filter((c) => c !== best && c.probability >= 1 / READER_DEPTH).slice(0, 5).map((c) => sentenceOf(ix, c.sentence));
      expect((a.alternatives ?? []).map((alt) => alt.evidence)).toEqual(expected);
      listed += expected.length;
    }
    expect(listed).toBeGreaterThan(0);
  });
});

function sentenceOf(ix: ReturnType<Library['list']>[number], index: number): string {
  return ix.article.sentences[index]!.text;
}
