// Free text: a message that mentions Docent, or any direct message, is answered like `/ask`
// (the same answering function, with the mention taken out), as a reply that pings no one.
import { performance } from 'node:perf_hooks';
import type { Message } from 'discord.js';
import { parseInput, type Library } from '../src/index.js';
import type { Logger } from './logger.js';
import type { QuestionCooldowns } from './cooldown.js';
import { apology, newErrorId } from './interactions.js';
import { NO_MENTIONS } from './reply.js';
import type { AnswerCache } from './answer-cache.js';

export interface MessageHandlerDeps {
  getLibrary: () => Library;
  logger: Logger;
  cooldowns: QuestionCooldowns;
  answers: AnswerCache;
  /** The server's default article (`/article use`), for a question that names none. */
  defaultArticle?: (guildId: string | null, library: Library) => string | undefined;
}

/** The question in a message addressed to the bot, or undefined when there is none. */
export function questionInMessage(content: string, botUserId: string): string | undefined {
  const text = content.replace(new RegExp(`<@!?${botUserId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
  // A bare ping, or only punctuation and emoji, is not a question.
  return /[\p{L}\p{N}]/u.test(text) ? text : undefined;
}

/** The one line a mention gets when it holds no question Docent can answer ("hi", "thanks"). */
export const NO_QUESTION_REPLY = 'I answer questions about the loaded article: mention me with one, such as `@Docent who is quoted?`, or see `/help`.';

/** Two words or fewer with no question mark, and nothing found: a greeting, not a question. */
function isNoQuestion(input: string): boolean {
  return !input.includes('?') && input.split(/\s+/).filter(Boolean).length <= 2;
}

function cooldownReply(scope: 'user' | 'channel' | undefined, retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = `${seconds} second${seconds === 1 ? '' : 's'}`;
  return scope === 'channel'
    ? `This channel is asking faster than I answer: please wait ${wait} and ask again.`
    : `You are asking quickly: please wait ${wait} before your next question.`;
}

export function createMessageHandler(deps: MessageHandlerDeps): (message: Message) => Promise<void> {
  const { logger, cooldowns } = deps;
  return async (message) => {
    if (message.author.bot || message.webhookId || message.system) return;
    const botUser = message.client.user;
    const isDirect = !message.inGuild();
    if (!isDirect && !message.mentions.users.has(botUser.id)) return;
    const input = questionInMessage(message.content, botUser.id);
    if (!input) return;

    const started = performance.now();
    const fields = { kind: isDirect ? 'dm' : 'mention', command: 'ask', user: message.author.id, guild: message.guildId, message: message.id };
    try {
      const verdict = cooldowns.take(message.author.id, message.channelId);
      if (verdict.state === 'limited') {
        if (verdict.firstTime) await message.reply({ content: cooldownReply(verdict.scope, verdict.retryAfterMs), allowedMentions: NO_MENTIONS });
        logger.info({ ...fields, outcome: 'cooldown', warned: verdict.firstTime, latencyMs: elapsed(started) }, 'message');
        return;
      }
      // The same as answerInput(library, input), through the answer cache (in the server's default article, if it has one).
      const library = deps.getLibrary();
      const question = parseInput(input);
      question.article ??= deps.defaultArticle?.(message.guildId, library);
      const { answer, rendered } = deps.answers.answer(library, question, input);
      if (!answer.found && isNoQuestion(input)) {
        await message.reply({ content: NO_QUESTION_REPLY, allowedMentions: NO_MENTIONS });
        logger.info({ ...fields, outcome: 'bad-input', latencyMs: elapsed(started) }, 'message');
        return;
      }
      await message.reply({ ...rendered, allowedMentions: NO_MENTIONS });
      logger.info({ ...fields, command: answer.command, outcome: answer.found ? 'answered' : 'not-found', latencyMs: elapsed(started) }, 'message');
    } catch (error) {
      const errorId = newErrorId();
      logger.error({ ...fields, outcome: 'error', errorId, err: error, latencyMs: elapsed(started) }, 'message failed');
      try {
        await message.reply({ content: apology(errorId), allowedMentions: NO_MENTIONS });
      } catch (replyError) {
        logger.warn({ errorId, err: replyError }, 'could not send the apology');
      }
    }
  };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
