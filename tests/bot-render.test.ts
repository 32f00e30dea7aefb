// The Discord rendering on its own: embeds, buttons, escaping, limits, autocomplete ranking, cooldowns.
import { describe, expect, test } from 'vitest';
import { decodeButton, encodeButton } from '../bot/button-ids.js';
import { rankChoices, peopleAndOrganisations, places, speakers, type Candidate } from '../bot/autocomplete.js';
import { Cooldown, QuestionCooldowns } from '../bot/cooldown.js';
import { escapeText, LIMITS, truncate } from '../bot/discord-text.js';
import { embedLength, renderAlternatives, renderAnswer, renderParagraph } from '../bot/render-answer.js';
import type { Answer, Question } from '../src/index.js';
import { harbourIndex } from './support/docent-fixtures.js';

const harbour = harbourIndex();
const engineerSentence = harbour.article.paragraphs[1]!.sentences[0]!;

function foundAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    input: '/who Marek Lind',
    command: 'who',
    found: true,
    answer: "Marek Lind, the port authority's chief engineer",
    fact: "Marek Lind, the port authority's chief engineer",
    evidence: engineerSentence.text,
    citations: [{ article: 'harbour-bridge', paragraph: 2 }],
    confidence: 0.9,
    suggestions: [],
    alternatives: [
      { fact: "Anna Lind, the city's transport councillor", evidence: harbour.article.paragraphs[2]!.sentences[0]!.text, citation: { article: 'harbour-bridge', paragraph: 3 } },
    ],
    article: { slug: 'harbour-bridge', headline: harbour.article.headline },
    ...overrides,
  };
}

const whoMarek: Question = { command: 'who', text: 'Marek Lind', article: 'harbour-bridge' };

describe('answer embeds', () => {
  test('GIVEN a found answer whose sentence opens with the fact THEN the sentence is shown once, the fact in bold where it stands, and the footer cites paragraph, source and date', () => {
    const { embeds } = renderAnswer(foundAnswer(), whoMarek, harbour);
    const embed = embeds[0]!;
    expect(embed.description).toBe(`**Marek Lind, the port authority's chief engineer**, inspected the pier on Monday night.`);
    expect(embed.footer?.text).toBe('¶2 · Harbour Gazette · 2024-03-12');
  });

  test('GIVEN a short fact inside a longer sentence THEN the fact leads in bold and the sentence follows once as a quote, the fact bold in it', () => {
    const embed = renderAnswer(foundAnswer({ fact: 'Monday night', answer: `Monday night — ${engineerSentence.text}` }), whoMarek, harbour).embeds[0]!;
    expect(embed.description).toBe("**Monday night**\n> Marek Lind, the port authority's chief engineer, inspected the pier on **Monday night**.");
  });

  test('GIVEN a found answer with alternatives THEN it has "Show paragraph" and "Other matches" buttons whose ids decode to what a click needs', () => {
    const { components } = renderAnswer(foundAnswer(), whoMarek, harbour);
    const buttons = components[0]!.components;
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(['Show paragraph', 'Other matches']);
    const ids = buttons.map((b) => ('custom_id' in b ? b.custom_id : ''));
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(decodeButton(ids[0]!)).toEqual({ kind: 'paragraph', slug: 'harbour-bridge', paragraph: 2, sentence: engineerSentence.index });
    expect(decodeButton(ids[1]!)).toEqual({ kind: 'matches', question: { command: 'who', text: 'Marek Lind', article: 'harbour-bridge', speaker: undefined, topic: undefined } });
  });

  test('GIVEN an answer not in the article THEN it is grey, and each suggestion is a button that asks it', () => {
    const answer = foundAnswer({ found: false, fact: '', evidence: '', citations: [], alternatives: [], answer: 'That is not in the article. Closest in the article: Marek Lind (chief engineer); /quote Anna Lind.', suggestions: ['Marek Lind (chief engineer)', '/quote Anna Lind'] });
    const { embeds, components } = renderAnswer(answer, whoMarek, harbour);
    expect(embeds[0]!.description).toBe('That is not in the article.\nTry one of these:');
    const buttons = components[0]!.components.map((b) => ('custom_id' in b ? { label: 'label' in b ? b.label : '', id: decodeButton(b.custom_id) } : undefined));
    expect(buttons).toEqual([
      { label: 'Marek Lind (chief engineer)', id: { kind: 'ask', question: { command: 'who', text: 'Marek Lind', article: 'harbour-bridge', speaker: undefined, topic: undefined } } },
      { label: '/quote Anna Lind', id: { kind: 'ask', question: { command: 'quote', text: 'Anna Lind', speaker: 'Anna Lind', article: 'harbour-bridge', topic: undefined } } },
    ]);
  });

  test('GIVEN markdown and mentions in what was asked and in the article THEN they are escaped, never live', () => {
    const hostile = foundAnswer({
      input: '/ask **bold** @everyone <@123456789012345678> <@&223456789012345678> `code`',
      fact: 'Tell @everyone the bridge is *safe*',
      answer: 'Tell @everyone the bridge is *safe*',
    });
    const embed = renderAnswer(hostile, whoMarek, harbour).embeds[0]!;
    const visible = `${embed.title}\n${embed.description}`;
    expect(visible).not.toMatch(/@everyone/);
    expect(visible).not.toMatch(/<@&?\d+>/);
    expect(embed.title).toContain('\\*\\*bold\\*\\*');
    expect(embed.description).toContain('\\*safe\\*');
  });

  test('GIVEN enormous answer, evidence and alternatives THEN every part and the total stay within Discord limits', () => {
    const long = 'word '.repeat(3000);
    const answer = foundAnswer({
      input: `/ask ${long}`,
      fact: long,
      answer: long,
      evidence: long,
      alternatives: Array.from({ length: 40 }, (_, i) => ({ fact: long, evidence: long, citation: { article: 'harbour-bridge', paragraph: i + 1 } })),
    });
    const question: Question = { command: 'ask', text: long };
    const rendered = renderAnswer(answer, question, harbour);
    for (const embed of [...rendered.embeds, renderAlternatives(answer, question, harbour)]) {
      expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
      expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
      for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
      expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    }
  });

  test('GIVEN a question too long for a button id THEN the other matches are shown in the answer instead of behind a button', () => {
    const question: Question = { command: 'ask', text: 'what happened to the bridge after the barge hit it and who paid for the repairs in the end?' };
    const rendered = renderAnswer(foundAnswer({ input: `/ask ${question.text}` }), question, harbour);
    const labels = rendered.components.flatMap((row) => row.components.map((b) => ('label' in b ? b.label : '')));
    expect(labels).toEqual(['Show paragraph']);
    expect(rendered.embeds[0]!.fields?.[0]?.name).toBe('Other matches');
    expect(rendered.embeds[0]!.fields?.[0]?.value).toContain('Anna Lind');
  });

  test('GIVEN a paragraph and its matched sentence THEN the whole paragraph is shown with that sentence in bold', () => {
    const embed = renderParagraph(harbour, 2, engineerSentence.index)!;
    expect(embed.title).toBe(`¶2 · ${harbour.article.headline}`);
    expect(embed.description).toContain(`**${escapeText(engineerSentence.text)}**`);
    expect(embed.description).toContain('Lind said');
    expect(renderParagraph(harbour, 99)).toBeUndefined();
  });
});

describe('button ids', () => {
  test('GIVEN quote options with pipes and backslashes THEN the id round-trips exactly', () => {
    const question: Question = { command: 'quote', text: 'a|b c\\d', speaker: 'a|b', topic: 'c\\d', article: 'harbour-bridge' };
    const id = encodeButton({ kind: 'matches', question })!;
    expect(decodeButton(id)).toEqual({ kind: 'matches', question });
  });

  test('GIVEN ids we did not make THEN they decode to nothing', () => {
    for (const id of ['', 'hello', 'd1|p', 'd1|p|slug|x|', 'd1|p|slug|2|x', 'd1|m|nope|a|||x', 'd2|p|slug|2|', 'd1|p|slug|2|3|4', 'x'.repeat(101)]) {
      expect(decodeButton(id)).toBeUndefined();
    }
  });
});

describe('autocomplete ranking', () => {
  const candidates: Candidate[] = [
    { name: 'Anna Lind', value: 'Anna Lind', aliases: ['Anna'], weight: 2 },
    { name: 'Marek Lind', value: 'Marek Lind', aliases: ['Marek'], weight: 5 },
    { name: 'Lindsey Graham', value: 'Lindsey Graham', weight: 1 },
    { name: 'Lind', value: 'Lind', weight: 0 },
  ];

  test('GIVEN typed text THEN exact matches come first, then prefix matches by mentions, then fuzzy ones', () => {
    expect(rankChoices(candidates, 'lind').map((c) => c.value)).toEqual(['Lind', 'Marek Lind', 'Anna Lind', 'Lindsey Graham']);
    expect(rankChoices(candidates, 'marke').map((c) => c.value)[0]).toBe('Marek Lind');
  });

  test('GIVEN an empty field THEN the most-mentioned come first', () => {
    expect(rankChoices(candidates, '').map((c) => c.value)).toEqual(['Marek Lind', 'Anna Lind', 'Lindsey Graham', 'Lind']);
  });

  test('GIVEN many long candidates THEN at most 25 choices, names at most 100 characters, values never cut', () => {
    const many: Candidate[] = Array.from({ length: 60 }, (_, i) => ({ name: `Person ${i} ${'x'.repeat(150)}`, value: `Person ${i}`, weight: i }));
    many.push({ name: 'Too long a value', value: 'v'.repeat(101), weight: 100 });
    const choices = rankChoices(many, '');
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  test('GIVEN the harbour article THEN /who offers its people, /where its places and /quote only those quoted', () => {
    expect(rankChoices(places(harbour), 'kes').map((c) => c.value)[0]).toBe('Kessel');
    expect(rankChoices(peopleAndOrganisations(harbour), 'lind').map((c) => c.value)).toEqual(['Anna Lind', 'Marek Lind']);
    expect(rankChoices(speakers(harbour), '').map((c) => c.value)).toEqual(['Marek Lind']);
  });
});

describe('cooldowns', () => {
  test('GIVEN messages inside the window THEN the first extra one is warned, the rest are silent, and after the window it is ready again', () => {
    const cooldown = new Cooldown(1000);
    expect(cooldown.check('u', 0)).toEqual({ state: 'ready' });
    cooldown.start('u', 0);
    expect(cooldown.check('u', 100)).toEqual({ state: 'limited', firstTime: true, retryAfterMs: 900 });
    expect(cooldown.check('u', 200)).toEqual({ state: 'limited', firstTime: false, retryAfterMs: 800 });
    expect(cooldown.check('u', 1000)).toEqual({ state: 'ready' });
  });

  test('GIVEN a busy channel THEN another person there is limited by the channel, not by their own cooldown', () => {
    const cooldowns = new QuestionCooldowns({ userMs: 5000, channelMs: 1000 });
    expect(cooldowns.take('alice', 'general', 0).state).toBe('ready');
    expect(cooldowns.take('bob', 'general', 10)).toMatchObject({ state: 'limited', scope: 'channel' });
    expect(cooldowns.take('bob', 'random', 20).state).toBe('ready');
    expect(cooldowns.take('alice', 'random', 3000)).toMatchObject({ state: 'limited', scope: 'user' });
  });

  test('GIVEN a cooldown of 0 THEN nothing is ever limited', () => {
    const cooldowns = new QuestionCooldowns({ userMs: 0, channelMs: 0 });
    for (let i = 0; i < 5; i++) expect(cooldowns.take('alice', 'general', i).state).toBe('ready');
  });
});

describe('text limits', () => {
  test('GIVEN text with emoji at the cut THEN truncate never splits a surrogate pair and ends with an ellipsis', () => {
    const cut = truncate('ab😀😀😀', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('escaping', () => {
  test('GIVEN markdown anywhere and at line starts THEN each marker is escaped and the words are kept', () => {
    expect(escapeText('*a* _b_ ~~c~~ `d` ||e|| [f](g) \\')).toBe('\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\[f\\](g) \\\\');
    expect(escapeText('# head\n> quote\n- item\n-# small\n1. first')).toBe('\\# head\n\\> quote\n\\- item\n\\-# small\n1\\. first');
  });

  test('GIVEN mentions of everyone, users, roles and channels THEN they are broken with a zero-width space', () => {
    expect(escapeText('@everyone @here <@1234567890123456789> <@!1234567890123456789> <@&1234567890123456789> <#1234567890123456789>')).toBe(
      '@\u200beveryone @\u200bhere <@\u200b1234567890123456789> <@!\u200b1234567890123456789> <@&\u200b1234567890123456789> <#\u200b1234567890123456789>',
    );
  });
});
