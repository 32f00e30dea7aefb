// The reply shape on its own: the fact first in bold, the sentence once, a quote once, within the
// budget whenever the engine's own answer is. Answers here are written by hand in the shapes the
// engine gives (a name and role, a span of the sentence, a whole sentence, a quote with its speaker).
import { describe, expect, test } from 'vitest';
import { describeAnswer, DESCRIPTION_BUDGET, shapeAnswer } from '../bot/answer-text.js';
import { repeatedLongSentences } from './support/discord-reply.js';

const sentence = 'Prosecutors said Whitfield set the blaze at about 2:15 a.m. on April 9, hoping the company would collect on its insurance.';
const answer = (fact: string, evidence: string, text = evidence && fact !== evidence ? `${fact} — ${evidence}` : fact) => ({ fact, evidence, answer: text });
const once = (description: string) => repeatedLongSentences({ embeds: [{ description }] });

describe('the reply shape', () => {
  test('GIVEN a span of the sentence THEN the span leads in bold and the sentence follows once with the span bold in it', () => {
    const text = describeAnswer(answer('About 2:15 a.m. on April 9', sentence));
    expect(text).toBe(`**About 2:15 a.m. on April 9**\n> Prosecutors said Whitfield set the blaze at **about 2:15 a.m. on April 9**, hoping the company would collect on its insurance.`);
  });

  test('GIVEN a time with the date it resolves to THEN the time is bold where the sentence has it', () => {
    const text = describeAnswer(answer('3:12 a.m. on Wednesday (12 March 2025)', 'The first baby was born there at 3:12 a.m. on Wednesday.'));
    expect(text).toBe('**3:12 a.m. on Wednesday (12 March 2025)**\n> The first baby was born there at **3:12 a.m. on Wednesday**.');
  });

  test('GIVEN a fact that is the whole sentence THEN the sentence is shown once, in bold', () => {
    const whole = 'He was acquitted of a third charge, reckless endangerment, which related to injuries suffered by a night-shift security guard.';
    expect(describeAnswer(answer(whole, whole))).toBe(`**${whole}**`);
  });

  test('GIVEN a quote whose sentence only repeats its words THEN the quote is shown once with its speaker', () => {
    const fact = 'Hannah Brandt (Fire investigator): "Wiring faults do not start in three places at once. That pattern is what you see when someone walks through a building with a can."';
    const text = describeAnswer(answer(fact, '"Wiring faults do not start in three places at once," she said.', fact));
    expect(text).toBe(`**${fact}**`);
  });

  test('GIVEN a quoted fragment inside a longer sentence THEN the speaker leads and the fragment is bold where it stands, shown once', () => {
    const evidence = 'Erik Dahl, head of the regional emergency service, said the evacuation had worked "because people took the sirens seriously," and credited the sensor network.';
    const fact = 'Erik Dahl (head of the regional emergency service): "because people took the sirens seriously."';
    const text = describeAnswer(answer(fact, evidence, fact));
    expect(text).toBe('**Erik Dahl (head of the regional emergency service)**\n> Erik Dahl, head of the regional emergency service, said the evacuation had worked "**because people took the sirens seriously**," and credited the sensor network.');
    expect(shapeAnswer(answer('Unattributed: "irritants."', 'They met to discuss so-called "irritants" in the relationship.')).lead).toBe('');
  });

  test('GIVEN a name and role the sentence does not hold word for word THEN the role leads and the sentence follows as a quote', () => {
    const text = describeAnswer(answer('Heather Nauert, State Department spokeswoman', 'Asked about the report, State Department spokeswoman Heather Nauert could neither confirm nor deny its accuracy.'));
    expect(text).toBe('**Heather Nauert, State Department spokeswoman**\n> Asked about the report, State Department spokeswoman Heather Nauert could neither confirm nor deny its accuracy.');
  });

  test('GIVEN a long sentence THEN the description is cut at a word within the budget, the fact kept in bold', () => {
    const long = `A jury ${'found a former manager guilty of starting the fire that destroyed a warehouse, '.repeat(3)}in the Eastgate industrial park, ending a nine-day trial that turned on a guard's testimony.`;
    const engine = `In the Eastgate industrial park — ${long.slice(0, 280)}…`;
    const text = describeAnswer({ fact: 'In the Eastgate industrial park', evidence: long, answer: engine });
    expect(text.length).toBeLessThanOrEqual(DESCRIPTION_BUDGET);
    expect(text.startsWith('**In the Eastgate industrial park**')).toBe(true);
    expect(text).toContain('**in the Eastgate industrial park**');
    expect(text.endsWith('…')).toBe(true);
  });

  test('GIVEN every shape above THEN none shows a sentence of 40 characters or more twice', () => {
    const shapes = [
      answer(sentence, sentence),
      answer('About 2:15 a.m. on April 9', sentence),
      answer('Prosecutors said Whitfield set the blaze', sentence),
      answer('Whitfield: "old buildings burn fast."', 'Marsh testified that Whitfield had asked him whether "old buildings burn fast."'),
    ];
    for (const shape of shapes) expect(once(describeAnswer(shape))).toEqual([]);
  });
});
