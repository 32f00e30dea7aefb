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
    const committed = JSON.parse(readFileSync(WEIGHTS_PATH, 'utf8')) as { features: string[]; weights: number[]; threshold: number; swapMargin: number; keepThreshold: number; trustExtractor: number; minCoverage: number };
    const { features, weights, decision } = calibrate();
    expect(features).toEqual(committed.features);
    weights.forEach((w, i) => expect(w).toBeCloseTo(committed.weights[i]!, 4));
    expect(decision).toEqual({ threshold: committed.threshold, swapMargin: committed.swapMargin, keepThreshold: committed.keepThreshold, trustExtractor: committed.trustExtractor, minCoverage: committed.minCoverage });
  });
});
