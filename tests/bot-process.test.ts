// The long-running process's safety nets: stray rejections are logged, signals close cleanly;
// and the answer cache that keeps repeated questions cheap.
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { AnswerCache, answerAndRender } from '../bot/answer-cache.js';
import { createLogger } from '../bot/logger.js';
import { installProcessGuards } from '../bot/process-guards.js';
import type { Question } from '../src/index.js';
import { twoArticleLibrary } from './support/docent-fixtures.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { lines, logger };
}

describe('process guards', () => {
  test('GIVEN an unhandled rejection THEN it is logged and the process keeps running', () => {
    const { lines, logger } = capture();
    const emitter = new EventEmitter();
    const exits: number[] = [];
    const remove = installProcessGuards({ logger, shutdown: async () => undefined, target: emitter as unknown as NodeJS.Process, exit: (code) => exits.push(code) });
    emitter.emit('unhandledRejection', new Error('nobody awaited me'));
    expect(exits).toEqual([]);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'unhandled promise rejection (ignored, still serving)' });
    expect(JSON.stringify(lines[0])).toContain('nobody awaited me');
    remove();
  });

  test('GIVEN SIGTERM, then SIGINT too THEN the client is closed once and the process exits 0', async () => {
    const { lines, logger } = capture();
    const target = new EventEmitter() as unknown as NodeJS.Process;
    let closed = 0;
    const exited = new Promise<number>((resolve) => {
      installProcessGuards({ logger, shutdown: async () => void closed++, target, exit: resolve });
    });
    target.emit('SIGTERM', 'SIGTERM');
    target.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(0);
    expect(closed).toBe(1);
    expect(lines.map((l) => l.msg)).toEqual(['shutting down']);
  });

  test('GIVEN shutting down fails THEN the failure is logged and the exit code is 1', async () => {
    const { lines, logger } = capture();
    const target = new EventEmitter() as unknown as NodeJS.Process;
    const exited = new Promise<number>((resolve) => {
      installProcessGuards({ logger, shutdown: async () => Promise.reject(new Error('socket stuck')), target, exit: resolve });
    });
    target.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(1);
    expect(lines.some((l) => l.msg === 'error while shutting down')).toBe(true);
  });
});

describe('answer cache', () => {
  const library = twoArticleLibrary();
  const question: Question = { command: 'who', text: 'Heather Nauert' };

  test('GIVEN the same question twice THEN the second answer is the first one, equal to an uncached answer', () => {
    const cache = new AnswerCache(10);
    const first = cache.answer(library, question, '/who Heather Nauert');
    expect(cache.answer(library, question, '/who Heather Nauert')).toBe(first);
    expect(first).toEqual(answerAndRender(library, question, '/who Heather Nauert'));
  });

  test('GIVEN more questions than it holds THEN the least recently used is forgotten', () => {
    const cache = new AnswerCache(2);
    const a = cache.answer(library, { command: 'ask', text: 'a' }, 'a');
    cache.answer(library, { command: 'ask', text: 'b' }, 'b');
    cache.answer(library, { command: 'ask', text: 'a' }, 'a'); // a is now the most recent
    cache.answer(library, { command: 'ask', text: 'c' }, 'c'); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.answer(library, { command: 'ask', text: 'a' }, 'a')).toBe(a);
  });

  test('GIVEN a refreshed library THEN no answer of the old one is served', () => {
    const cache = new AnswerCache(10);
    const old = cache.answer(library, question, 'q');
    const refreshed = twoArticleLibrary();
    expect(cache.answer(refreshed, question, 'q')).not.toBe(old);
    expect(cache.size).toBe(1);
  });

  test('GIVEN a cache of size 0 THEN nothing is kept', () => {
    const cache = new AnswerCache(0);
    expect(cache.answer(library, question, 'q')).not.toBe(cache.answer(library, question, 'q'));
    expect(cache.size).toBe(0);
  });
});
