// The public dev questions asked through Discord: each one sent to the real bot through the fake
// Discord as a person would (a slash command with its options, a bare question as a mention), the
// reply's embed scored with shared/eval/score.mjs's rules (its description is the text, and its
// length counts), and the count compared with the same questions answered as `ask` answers them.
// A reply shape that repeats itself, or cuts away the fact, shows up here as a lower count.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { optionsForQuestion } from '../bot/command-options.js';
import { COLOR_NOT_FOUND } from '../bot/render-answer.js';
import { answerInput, buildLibrary, parseInput, readArticleFile, type Library } from '../src/index.js';
import { startBot, type BotHarness } from './support/bot-harness.js';
import { asSeen, repeatedLongSentences } from './support/discord-reply.js';
import { judgeAnswer, listQuestionSets, readQuestionFile, type EvalQuestion } from './support/eval-score.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV_SET = join(REPO_ROOT, '..', 'shared', 'eval', 'dev');
const devSetPresent = existsSync(join(DEV_SET, 'questions'));

interface Asked {
  slug: string;
  question: EvalQuestion;
  /** What the reply showed, as scored. */
  discord: { found: boolean; answer: string };
  ask: { found: boolean; answer: string };
  message: Record<string, unknown>;
}

let bot: BotHarness;
let current: Library | undefined;
const asked: Asked[] = [];

/** Ask one input through Discord and return the message the bot sent back. */
async function askThroughDiscord(input: string): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (input.trim().startsWith('/')) {
    const question = parseInput(input);
    const callback = await bot.fake.interact(bot.fake.slashCommand(question.command, optionsForQuestion(question)));
    return callback.body.data;
  }
  const message = bot.fake.postMessage(`<@${bot.fake.botUser.id}> ${input}`, { mentionBot: true });
  return (await bot.fake.waitForReplyTo(message)).body;
}

describe.skipIf(!devSetPresent)('the public dev set through Discord', () => {
  beforeAll(async () => {
    bot = await startBot({ library: () => current! });
    for (const set of listQuestionSets(DEV_SET)) {
      // One article at a time, as `ask --data <article>` answers them.
      current = buildLibrary([readArticleFile(set.articlePath)]);
      for (const question of readQuestionFile(set.questionsPath)) {
        const message = await askThroughDiscord(question.q);
        const embed = message.embeds?.[0];
        const discord = { found: Boolean(embed) && embed.color !== COLOR_NOT_FOUND, answer: String(embed?.description ?? message.content ?? '') };
        const answer = answerInput(current, question.q);
        asked.push({ slug: set.slug, question, discord, ask: { found: answer.found, answer: answer.answer }, message });
      }
    }
  }, 120_000);
  afterAll(async () => bot?.stop());

  /** Scored on the text a person sees (escapes hidden), its length counted as sent. */
  const judgeDiscord = (a: Asked) => {
    const seen = judgeAnswer(a.question, { found: a.discord.found, answer: asSeen(a.discord.answer) });
    return { ...seen, precise: seen.precise && (!a.discord.found || a.discord.answer.length <= 320) };
  };

  test('GIVEN every public dev question THEN as many replies are precise through Discord as answers through ask, question for question', () => {
    expect(asked.length).toBeGreaterThan(0);
    const differing = asked
      .map((a) => ({ a, discord: judgeDiscord(a).precise, ask: judgeAnswer(a.question, a.ask).precise }))
      .filter((r) => r.discord !== r.ask)
      .map((r) => `${r.a.slug} | ${r.a.question.q} | ask ${r.ask ? 'precise' : 'not'}, Discord ${r.discord ? 'precise' : 'not'} (${r.a.discord.answer.length} chars): ${r.a.discord.answer}`);
    const count = (judge: (a: Asked) => boolean) => asked.filter(judge).length;
    const discordPrecise = count((a) => judgeDiscord(a).precise);
    const askPrecise = count((a) => judgeAnswer(a.question, a.ask).precise);
    console.info(`dev set: ${discordPrecise}/${asked.length} precise through Discord, ${askPrecise}/${asked.length} through ask`);
    expect(differing).toEqual([]);
    expect(discordPrecise).toBe(askPrecise);
  });

  test('GIVEN every public dev question THEN no reply shows a sentence of 40 characters or more twice', () => {
    const repeats = asked.flatMap((a) => repeatedLongSentences(a.message).map((s) => `${a.question.q}: ${s}`));
    expect(repeats).toEqual([]);
  });

  test('GIVEN a found answer THEN its reply leads with the fact in bold', () => {
    for (const a of asked.filter((x) => x.discord.found)) expect(a.discord.answer).toMatch(/^(\*\*|[^\n]{0,80}\*\*)/);
  });
});
