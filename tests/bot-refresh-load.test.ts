// Questions keep being answered while a moderator's refresh rebuilds the library: 200 questions
// sent through the fake Discord during /refresh all of 60 changed articles, every one answered,
// from the old edition before the swap and the new one after.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeDataDir } from './fixtures/store/helpers.js';
import { interactDeferred, moderator, shownText, startModeratedBot, subcommand, type ModeratedBot } from './bot-refresh-support.js';
import type { InteractionCallback } from './support/fake-discord.js';

const TOPICS = Array.from({ length: 60 }, (_, i) => `topic${String(i).padStart(2, '0')}`);
const edition = (n: number, topic: string) =>
  `${topic} report, edition ${n}\n\nThe ${topic} committee met on Monday. Chair Dana Whitfield opened the meeting. Edition ${n} of the minutes closes it.\n`;

let data: { dir: string; cleanup: () => void };
let bot: ModeratedBot;

beforeAll(async () => {
  data = makeDataDir(Object.fromEntries(TOPICS.map((t) => [`${t}.txt`, edition(1, t)])));
  bot = await startModeratedBot({ dataDir: data.dir });
});
afterAll(async () => {
  await bot?.stop();
  data?.cleanup();
});

test('GIVEN 200 questions sent while /refresh all rebuilds 60 changed articles THEN every one is answered, AND the refresh reports all 60, AND questions after it get the new edition', async () => {
  for (const t of TOPICS) writeFileSync(join(data.dir, 'articles', `${t}.txt`), edition(2, t));
  const { fake } = bot;
  const refresh = interactDeferred(fake, subcommand(fake, 'refresh', 'all', {}, moderator(fake)), 20_000);
  let refreshed = false;
  void refresh.then(() => (refreshed = true));

  const answers: Array<{ callback: InteractionCallback; afterRefresh: boolean }> = [];
  const askBatch = async (batch: number) => {
    const callbacks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fake.interact(fake.slashCommand('search', { terms: 'edition of the minutes', article: TOPICS[(batch * 20 + i) % TOPICS.length] }), 20_000)),
    );
    answers.push(...callbacks.map((callback) => ({ callback, afterRefresh: refreshed })));
  };
  // 200 questions in batches of 20 while the refresh runs (on this machine a refresh of 60
  // articles outlasts about 3,000 such questions), then 20 more once it has replied.
  for (let batch = 0; batch < 10; batch++) await askBatch(batch);
  const { edit } = await refresh;
  await askBatch(10);

  expect(answers).toHaveLength(220);
  for (const { callback } of answers) {
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.embeds[0].description).toMatch(/Edition [12] of the minutes/);
  }
  // The first 200 were answered while the refresh was still running (from the old edition, or the
  // new one once swapped in); every one sent after its reply came from the new edition.
  const during = answers.filter((a) => !a.afterRefresh);
  expect(during).toHaveLength(200);
  expect(during.some((a) => a.callback.body.data.embeds[0].description.includes('Edition 1'))).toBe(true);
  for (const { callback } of answers.filter((a) => a.afterRefresh)) expect(callback.body.data.embeds[0].description).toContain('Edition 2');
  expect(shownText(edit.body)).toContain('Reloaded: 60 articles changed');
  const after = await fake.interact(fake.slashCommand('search', { terms: 'edition of the minutes', article: 'topic07' }));
  expect(after.body.data.embeds[0].description).toContain('Edition 2 of the minutes');
});
