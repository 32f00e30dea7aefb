// Issue 10's "done when": a 1 MB pathological upload through the fake Discord while questions keep
// coming. The file is indexed in a worker; past the time limit it is refused with the reason, and
// every question asked meanwhile is answered. Latencies are reported as figures, not asserted.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { percentile } from '../../scripts/bench-stats.js';
import { makeDataDir, fixture } from '../fixtures/store/helpers.js';
import { hostileShapes } from '../support/hostile-shapes.js';
import { reportFigures } from '../support/reliability-figures.js';
import { interactDeferred, moderator, shownText, startModeratedBot, subcommand, upload, type ModeratedBot } from '../bot-refresh-support.js';

let data: { dir: string; cleanup: () => void };
let bot: ModeratedBot;

beforeAll(async () => {
  data = makeDataDir({ 'harbour.txt': fixture('harbour-v1.txt') });
  // Half a second: this shape takes about 4 s per MB, so it is surely refused.
  bot = await startModeratedBot({ dataDir: data.dir, env: { INDEX_TIMEOUT_SECONDS: '0.5' } });
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  data?.cleanup();
});

test('GIVEN a 1 MB pathological upload WHEN questions arrive meanwhile THEN every question is answered and the upload is refused with the reason', { timeout: 120_000 }, async () => {
  const { fake } = bot;
  const text = hostileShapes(1000)['capitalised words']!;
  const before = bot.moderation.holder.library;
  const refresh = interactDeferred(fake, subcommand(fake, 'refresh', 'file', { file: upload(fake, 'hostile.txt', text) }, moderator(fake)), 60_000);
  let done = false;
  void refresh.then(() => (done = true));
  const latencies: number[] = [];
  // Bounded: at most 2,000 questions, in batches of 10, until the refusal arrives.
  for (let batch = 0; batch < 200 && !done; batch++) {
    const callbacks = await Promise.all(Array.from({ length: 10 }, () => fake.interact(fake.slashCommand('who', { query: 'Marek Lind' }), 20_000)));
    for (const callback of callbacks) {
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.embeds[0].description).toContain('chief engineer');
      latencies.push(callback.latencyMs);
    }
  }
  const { edit } = await refresh;
  expect(shownText(edit.body)).toContain('indexing took longer than 0.5 s; the file may be malformed');
  expect(bot.moderation.holder.library).toBe(before);
  expect(latencies.length).toBeGreaterThan(0);
  reportFigures(
    'hostile-upload',
    `| Hostile upload | a ${Math.round(text.length / 1024)} KB file of capitalised words ("Mr Ab Mr Ab …") uploaded through /refresh file with INDEX_TIMEOUT_SECONDS=0.5: refused ("indexing took longer than 0.5 s"); ${latencies.length} /who asked meanwhile, all answered, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms |`,
  );
});
