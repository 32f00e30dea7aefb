// End to end through the fake Discord: questions in messages that mention Docent and in DMs,
// answered like /ask as replies that ping no one; bots and empty pings ignored; spam answered once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeAnswer } from '../bot/answer-text.js';
import { escapeText } from '../bot/discord-text.js';
import { answerInput } from '../src/index.js';
import { startBot, type BotHarness } from './support/bot-harness.js';
import { twoArticleLibrary } from './support/docent-fixtures.js';
import type { FakeUser } from './support/fake-discord.js';

const library = twoArticleLibrary();
let bot: BotHarness;

beforeAll(async () => {
  // A long user cooldown and none per channel: each test uses its own fresh user.
  bot = await startBot({ library, env: { USER_COOLDOWN_SECONDS: '60', CHANNEL_COOLDOWN_SECONDS: '0' } });
});
afterAll(async () => bot?.stop());

const mention = () => `<@${bot.fake.botUser.id}>`;

/** Post a message that needs no answer and wait for it to be answered, so earlier messages are surely handled. */
async function settle(): Promise<void> {
  const probe = bot.fake.postMessage('Who reopened the bridge?', { guild: null });
  await bot.fake.waitForReplyTo(probe);
}

describe('mentions and direct messages', () => {
  test('GIVEN a question that mentions Docent in a channel THEN it is answered as a reply, with the same answer as the engine gives, pinging no one', async () => {
    const message = bot.fake.postMessage(`${mention()} who met Putin at the G20?`, { mentionBot: true });
    const reply = await bot.fake.waitForReplyTo(message);
    const expected = answerInput(library, 'who met Putin at the G20?');
    expect(reply.body.message_reference.message_id).toBe(message.id);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = reply.body.embeds[0];
    expect(embed.title).toBe(escapeText('who met Putin at the G20?'));
    if (expected.found) expect(embed.description).toBe(describeAnswer(expected));
    else expect(embed.description).toBe(escapeText(expected.answer.trim()));
  });

  test('GIVEN a direct message THEN it is answered in the DM, pinging no one', async () => {
    const message = bot.fake.postMessage('When did Shannon meet his Russian counterpart?', { guild: null });
    const reply = await bot.fake.waitForReplyTo(message);
    expect(reply.path).toBe(`/channels/${message.channel_id}/messages`);
    expect(reply.body.allowed_mentions.parse).toEqual([]);
    const expected = answerInput(library, 'When did Shannon meet his Russian counterpart?');
    expect(reply.body.embeds[0].title).toBe(escapeText(expected.input));
  });

  test('GIVEN a mention that carries @everyone and role mentions THEN the reply shows them as plain text and parses no mention', async () => {
    const text = `${mention()} @everyone <@&123456789012345678> who is **Heather Nauert**?`;
    const message = bot.fake.postMessage(text, { mentionBot: true });
    const reply = await bot.fake.waitForReplyTo(message);
    const shown = JSON.stringify(reply.body.embeds);
    expect(shown).not.toMatch(/@everyone|<@&\d+>/);
    expect(reply.body.allowed_mentions.parse).toEqual([]);
  });

  test('GIVEN messages Docent should not answer THEN none gets a reply', async () => {
    const otherBot: FakeUser = { ...bot.fake.user('robot'), bot: true };
    const ignored = [
      bot.fake.postMessage('who met Putin?'), // a channel message that does not mention Docent
      bot.fake.postMessage(`${mention()} who met Putin?`, { mentionBot: true, author: otherBot }), // a bot
      bot.fake.postMessage(`${mention()}`, { mentionBot: true }), // a bare ping
      bot.fake.postMessage(`${mention()} !!! 🙂`, { mentionBot: true }), // no question in it
      bot.fake.postMessage('who met Putin?', { guild: null, author: otherBot }), // a bot in DMs
    ];
    await settle();
    for (const message of ignored) expect(bot.fake.repliesTo(message)).toEqual([]);
  });
});

describe('cooldown', () => {
  test('GIVEN one person sending five questions at once THEN the first is answered, the second gets one polite "please wait", the rest nothing', async () => {
    const spammer = bot.fake.user('spammer');
    const messages = Array.from({ length: 5 }, (_, i) => bot.fake.postMessage(`${mention()} who is Nauert? (${i})`, { mentionBot: true, author: spammer }));
    const first = await bot.fake.waitForReplyTo(messages[0]!);
    expect(first.body.embeds).toHaveLength(1);
    const second = await bot.fake.waitForReplyTo(messages[1]!);
    expect(second.body.content).toMatch(/^You are asking quickly: please wait \d+ seconds before your next question\.$/);
    expect(second.body.allowed_mentions.parse).toEqual([]);
    await settle();
    for (const message of messages.slice(2)) expect(bot.fake.repliesTo(message)).toEqual([]);
    expect(bot.logs.filter((l) => l.user === spammer.id && l.outcome === 'cooldown')).toHaveLength(4);
  });

  test('GIVEN someone else asking meanwhile THEN they are answered: the cooldown is per person', async () => {
    const message = bot.fake.postMessage(`${mention()} who is Nauert?`, { mentionBot: true });
    const reply = await bot.fake.waitForReplyTo(message);
    expect(reply.body.embeds).toHaveLength(1);
  });
});
