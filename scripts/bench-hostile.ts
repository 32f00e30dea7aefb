// The `hostile` section of `npm run bench` (issue 10): how fast the pathological shapes index
// (the worst, per 100 KB), and how long the main thread stalls while the worker indexes the
// worst of them: what a question asked during a hostile upload waits.
import { parseArticle } from '../src/index.js';
import { buildArticleIndex } from '../src/search/article-index.js';
import { OffThreadIndexer } from '../src/store/off-thread-index.js';
import { hostileShapes } from '../tests/support/hostile-shapes.js';
import { percentile } from './bench-stats.js';

export interface HostileResult {
  shapes: number;
  kb: number;
  worstShape: string;
  worstMsPer100Kb: number;
  /** Event-loop gaps while the worker indexed the worst shape: p99 and max, in ms. */
  stallP99Ms: number;
  stallMaxMs: number;
}

export async function measureHostile(kiloBytes = 1000): Promise<HostileResult> {
  const shapes = hostileShapes(kiloBytes);
  let worst = { shape: '', msPer100Kb: 0, text: '' };
  for (const [shape, text] of Object.entries(shapes)) {
    const started = performance.now();
    buildArticleIndex(parseArticle(text, 'hostile'));
    const msPer100Kb = ((performance.now() - started) * 100 * 1024) / text.length;
    if (msPer100Kb > worst.msPer100Kb) worst = { shape, msPer100Kb, text };
  }

  const indexer = new OffThreadIndexer({ timeoutMs: 120_000 });
  await indexer.index({ article: parseArticle('Warm up\n\nOne. Two. Three.\n', 'warm') });
  const article = parseArticle(worst.text, 'hostile');
  const gaps: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  await indexer.index({ article });
  clearInterval(ticker);
  await indexer.close();
  return {
    shapes: Object.keys(shapes).length,
    kb: kiloBytes,
    worstShape: worst.shape,
    worstMsPer100Kb: worst.msPer100Kb,
    stallP99Ms: percentile(gaps, 99),
    stallMaxMs: Math.max(...gaps),
  };
}
