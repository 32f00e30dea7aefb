// The reader's weights are data fitted by a script in the repo: refitting must reproduce them,
// so nobody hand-edits a weight and calls it fitted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calibrate, WEIGHTS_PATH } from '../scripts/calibrate.js';

const REAL_SET = join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'eval', 'real', 'questions');

describe.skipIf(!existsSync(REAL_SET))('npm run calibrate', () => {
  it('GIVEN the committed question sets THEN refitting reproduces the committed weights and decision', { timeout: 240_000 }, () => {
    const { features: committedFeatures, weights: committedWeights, ...committedDecision } = JSON.parse(readFileSync(WEIGHTS_PATH, 'utf8')) as { features: string[]; weights: number[] };
    const { features, weights, decision } = calibrate();
    expect(features).toEqual(committedFeatures);
    weights.forEach((w, i) => expect(w).toBeCloseTo(committedWeights[i]!, 4));
    expect(decision).toEqual(committedDecision);
  });
});
