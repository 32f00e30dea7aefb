// End to end through the fake Discord: the gateway connection drops and Docent resumes its
// session, receives what it missed, and answers the next question.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBot, type BotHarness } from './support/bot-harness.js';
import { twoArticleLibrary } from './support/docent-fixtures.js';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBot({ library: twoArticleLibrary() });
});
afterAll(async () => bot?.stop());

test('GIVEN the gateway closes with 4000 THEN Docent resumes (no new identify), gets the question sent meanwhile, and answers it', async () => {
  const identifies = bot.fake.gatewayStats.identifies;
  bot.fake.closeGateway(4000, 'Unknown error');
  // Sent while no connection is open: the fake keeps it for the resume to replay, as Discord does.
  const callback = await bot.fake.interact(bot.fake.slashCommand('who', { query: 'Heather Nauert' }), 10_000);
  expect(callback.body.type).toBe(4);
  expect(bot.fake.gatewayStats.resumes).toBe(1);
  expect(bot.fake.gatewayStats.identifies).toBe(identifies);
  expect(bot.logs.some((l) => l.msg === 'gateway resumed')).toBe(true);
  const next = await bot.fake.interact(bot.fake.slashCommand('ask', { question: 'What did Russia propose?' }));
  expect(next.body.type).toBe(4);
});

test('GIVEN the connection drops without a close frame (1006) THEN Docent resumes and answers the next question', async () => {
  const resumes = bot.fake.gatewayStats.resumes;
  bot.fake.dropGateway();
  await expect.poll(() => bot.fake.gatewayStats.resumes, { timeout: 10_000 }).toBe(resumes + 1);
  const next = await bot.fake.interact(bot.fake.slashCommand('help'));
  expect(next.body.type).toBe(4);
});
