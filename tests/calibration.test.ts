// The reader's weights are data fitted by a script in the repo: refitting must reproduce them,
// so nobody hand-edits a weight and calls it fitted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calibrate, WEIGHTS_PATH } from '../scripts/calibrate.js';
import { TextbookBm25 } from '../scripts/textbook-bm25.js';

const REAL_SET = join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'eval', 'real', 'questions');

describe.skipIf(!existsSync(REAL_SET))('npm run calibrate', () => {
  it('GIVEN the committed question sets THEN refitting reproduces the committed weights, decision and lead check', { timeout: 240_000 }, () => {
    type Fit = { features: string[]; weights: number[] };
    const { features: committedFeatures, weights: committedWeights, lead: committedLead, ...committedDecision } = JSON.parse(readFileSync(WEIGHTS_PATH, 'utf8')) as Fit & { lead: Fit };
    const { features, weights, decision, lead } = calibrate();
    expect(features).toEqual(committedFeatures);
    weights.forEach((w, i) => expect(w).toBeCloseTo(committedWeights[i]!, 4));
    expect(decision).toEqual(committedDecision);
    expect(lead.features).toEqual(committedLead.features);
    lead.weights.forEach((w, i) => expect(w).toBeCloseTo(committedLead.weights[i]!, 4));
  });
});

describe('the textbook BM25 baseline', () => {
  const sentences = ['The quake struck Sichuan in May.', 'Rescue teams reached Sichuan.', 'The earthquakes were felt in Beijing.'];

  it('GIVEN a question whose rarest word one sentence holds THEN that sentence ranks first', () => {
    expect(new TextbookBm25(sentences).best('When did the quake strike Sichuan?')).toBe(0);
  });

  it('GIVEN a question in another word form THEN textbook BM25 does not stem it and finds nothing', () => {
    expect(new TextbookBm25(sentences).best('earthquake Shanghai')).toBeUndefined();
  });
});
