// Which candidates "Other matches" may show, and when "Show paragraph" is worth a button: pure
// functions over answers written in the shapes the engine gives.
import { describe, expect, test } from 'vitest';
import { renderAnswer } from '../bot/render-answer.js';
import { expectedFactKind, isClockFragment, otherMatches } from '../src/answer/other-matches.js';
import type { Alternative, Answer } from '../src/index.js';
import { harbourIndex } from './support/docent-fixtures.js';

const at = (paragraph: number) => ({ article: 'court', paragraph });
const alt = (fact: string, evidence: string, paragraph = 2): Alternative => ({ fact, evidence, citation: at(paragraph) });

describe('other matches', () => {
  test('GIVEN a who question THEN only people are kept, and not the person already answered', () => {
    const answer = {
      fact: 'Heather Nauert, State Department spokeswoman',
      answer: 'Heather Nauert, State Department spokeswoman',
      alternatives: [alt('the US', 'The US ordered the closure.'), alt('Heather Nauert', 'Nauert said so.'), alt('Tom Shannon, Under Secretary of State', 'Tom Shannon met his counterpart.')],
    };
    const kept = otherMatches(answer, { command: 'who', text: 'is the State Department spokeswoman' }, ['Heather Nauert', 'Nauert', 'Tom Shannon', 'Shannon']);
    expect(kept.map((k) => k.fact)).toEqual(['Tom Shannon, Under Secretary of State']);
  });

  test('GIVEN a how-many question THEN a number taken from a clock time is not a count', () => {
    const fragment = alt('about 2', 'The fire was set at about 2:15 a.m. on April 9.');
    expect(isClockFragment(fragment)).toBe(true);
    expect(isClockFragment(alt('63 people', 'The warehouse employed 63 people.'))).toBe(false);
    expect(expectedFactKind({ command: 'ask', text: 'How many people did the warehouse employ?' })).toBe('number');
    const answer = { fact: '63 people', answer: '63 people', alternatives: [fragment, alt('two nights', 'He spent two nights in hospital.')] };
    expect(otherMatches(answer, { command: 'ask', text: 'How many people did the warehouse employ?' }).map((k) => k.fact)).toEqual(['two nights']);
  });

  test('GIVEN candidates that repeat each other or the answer THEN each is kept once', () => {
    const answer = { fact: 'Marcus Whitfield (a former logistics manager)', answer: 'x', alternatives: [alt('Marcus Whitfield', 'a'), alt('Hannah Brandt', 'b'), alt('Hannah Brandt, fire investigator', 'c')] };
    expect(otherMatches(answer, { command: 'who', text: 'started the fire' }, ['Marcus Whitfield', 'Hannah Brandt']).map((k) => k.fact)).toEqual(['Hannah Brandt']);
  });
});

describe('show paragraph', () => {
  const harbour = harbourIndex();
  const base: Answer = {
    input: '/when did the bridge reopen',
    command: 'when',
    found: true,
    answer: '',
    fact: 'Tuesday morning',
    evidence: harbour.article.paragraphs[0]!.sentences[0]!.text,
    citations: [{ article: 'harbour-bridge', paragraph: 1 }],
    confidence: 0.9,
    suggestions: [],
    alternatives: [],
    article: { slug: 'harbour-bridge', headline: harbour.article.headline },
  };
  const labels = (answer: Answer) => renderAnswer(answer, { command: 'when', text: 'did the bridge reopen' }, harbour).components.flatMap((row) => row.components.map((c) => ('label' in c ? c.label : c.type)));

  test('GIVEN a paragraph that is only the sentence shown THEN there is no "Show paragraph"', () => {
    expect(harbour.article.paragraphs[0]!.sentences).toHaveLength(1);
    expect(labels(base)).toEqual([]);
  });

  test('GIVEN a paragraph with more than the sentence shown THEN "Show paragraph" is offered', () => {
    const sentence = harbour.article.paragraphs[1]!.sentences[0]!.text;
    expect(labels({ ...base, fact: 'Monday night', evidence: sentence, citations: [{ article: 'harbour-bridge', paragraph: 2 }] })).toEqual(['Show paragraph']);
  });
});
