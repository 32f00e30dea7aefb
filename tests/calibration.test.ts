// The reader's weights are data fitted by a script in the repo: refitting must reproduce them,
// so nobody hand-edits a weight and calls it fitted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calibrate, WEIGHTS_PATH } from '../scripts/calibrate.js';

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
