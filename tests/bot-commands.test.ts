// End to end through the fake Discord: every slash command, autocomplete, both buttons, hostile
// input, a failing handler and an expired interaction. Expected answers come from the engine's own
// answerQuestion, so these tests check the adapter whatever the engine answers today.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MessageFlags } from 'discord.js';
import { encodeButton, PICK_MENU_ID } from '../bot/button-ids.js';
import { UNKNOWN_BUTTON_REPLY } from '../bot/buttons.js';
import { describeAnswer } from '../bot/answer-text.js';
import { escapeText, LIMITS } from '../bot/discord-text.js';
import { UNKNOWN_COMMAND_REPLY } from '../bot/interactions.js';
import { otherMatches } from '../src/answer/other-matches.js';
import { embedLength } from '../bot/render-answer.js';
import { typedForm } from '../bot/reply.js';
import { answerQuestion, NOT_IN_ARTICLE, type Question } from '../src/index.js';
import { assertNothingSaidTwice, startBot, TEST_TOKEN, type BotHarness } from './support/bot-harness.js';
import { twoArticleLibrary } from './support/docent-fixtures.js';
import type { InteractionCallback } from './support/fake-discord.js';

const library = twoArticleLibrary();
const harbour = library.get('harbour-bridge')!;
let failNextLibraryRead = false;
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBot({
    logLevel: 'debug',
    library: () => {
      if (failNextLibraryRead) {
        failNextLibraryRead = false;
        throw new Error('the library could not be read');
      }
      return library;
    },
  });
});
afterAll(async () => bot?.stop());

const isEphemeral = (cb: InteractionCallback) => ((cb.body.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** Everything a callback shows, to check limits and mentions. */
function visibleText(cb: InteractionCallback): string {
  const data = cb.body.data ?? {};
  return [data.content ?? '', ...(data.embeds ?? []).flatMap((e: any) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])])] // eslint-disable-line @typescript-eslint/no-explicit-any
    .filter(Boolean)
    .join('\n');
}

function expectWithinLimits(cb: InteractionCallback): void {
  const data = cb.body.data;
  expect((data.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  for (const embed of data.embeds ?? []) {
    expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
  }
  expect(data.allowed_mentions?.parse).toEqual([]);
}

describe('question commands', () => {
  const cases: Array<{ options: Record<string, string>; question: Question }> = [
    { options: { query: 'Heather Nauert' }, question: { command: 'who', text: 'Heather Nauert' } },
    { options: { event: 'Shannon met his Russian counterpart' }, question: { command: 'when', text: 'Shannon met his Russian counterpart' } },
    { options: { query: 'Trump met Putin' }, question: { command: 'where', text: 'Trump met Putin' } },
    { options: { speaker: 'Nauert', topic: 'meeting' }, question: { command: 'quote', text: 'Nauert meeting', speaker: 'Nauert', topic: 'meeting' } },
    { options: { question: 'What did Russia propose?' }, question: { command: 'ask', text: 'What did Russia propose?' } },
    { options: { terms: 'diplomatic staff' }, question: { command: 'search', text: 'diplomatic staff' } },
  ];

  for (const { options, question } of cases) {
    test(`GIVEN /${question.command} THEN the callback carries the engine's answer as an embed, private only when not found, pinging no one`, async () => {
      const cb = await bot.fake.interact(bot.fake.slashCommand(question.command, options));
      const expected = answerQuestion(library, question, typedForm(question));
      expect(cb.body.type).toBe(4);
      const embed = cb.body.data.embeds[0];
      expect(embed.title).toBe(escapeText(typedForm(question)));
      if (expected.found && question.command !== 'search') expect(embed.description).toBe(describeAnswer(expected));
      if (!expected.found) expect(embed.description.startsWith(NOT_IN_ARTICLE)).toBe(true);
      expect(isEphemeral(cb)).toBe(!expected.found);
      expectWithinLimits(cb);
    });
  }

  test('GIVEN the article option THEN the answer comes from that article', async () => {
    const cb = await bot.fake.interact(bot.fake.slashCommand('who', { query: 'Marek Lind', article: 'harbour-bridge' }));
    const expected = answerQuestion(library, { command: 'who', text: 'Marek Lind', article: 'harbour-bridge' });
    expect(expected.article?.slug).toBe('harbour-bridge');
    const embed = cb.body.data.embeds[0];
    if (expected.found) expect(embed.footer.text).toContain('Harbour Gazette');
    else expect(embed.footer.text).toBe(harbour.article.headline);
  });

  test('GIVEN an article option that names no loaded article THEN a private, polite reply lists real ones', async () => {
    const cb = await bot.fake.interact(bot.fake.slashCommand('ask', { question: 'Who?', article: 'no-such-thing' }));
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.content).toContain('No loaded article is called “no-such-thing”');
    expect(cb.body.data.content).toContain('`harbour-bridge`');
  });

  test('GIVEN /quote with neither speaker nor topic THEN a private hint explains the options', async () => {
    const cb = await bot.fake.interact(bot.fake.slashCommand('quote', {}));
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.content).toContain('speaker');
  });

  test('GIVEN /article THEN it shows the headline, source, date, counts and when it was loaded', async () => {
    const cb = await bot.fake.interact(bot.fake.slashCommand('article', { article: 'harbour-bridge' }));
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toBe(escapeText(harbour.article.headline));
    const field = (name: string) => embed.fields.find((f: { name: string }) => f.name === name)?.value;
    expect(field('Source')).toBe('Harbour Gazette');
    expect(field('Published')).toBe('2024-03-12');
    expect(field('Paragraphs')).toBe(String(harbour.article.paragraphs.length));
    expect(field('People')).toBe(String(harbour.people.length));
    expect(field('Quotes')).toBe(String(harbour.quotes.length));
    expect(field('Loaded')).toContain(`<t:${Math.floor(library.loadedAt.getTime() / 1000)}:`);
    expect(isEphemeral(cb)).toBe(false);
  });

  test('GIVEN /help THEN a private embed lists every command', async () => {
    const cb = await bot.fake.interact(bot.fake.slashCommand('help'));
    expect(isEphemeral(cb)).toBe(true);
    for (const name of ['who', 'when', 'where', 'quote', 'ask', 'search', 'article', 'help']) expect(cb.body.data.embeds[0].description).toContain(`**/${name}**`);
  });

  test('GIVEN a command Docent does not have THEN a private, polite reply', async () => {
    const cb = await bot.fake.interact(bot.fake.slashCommand('dance'));
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.content).toBe(UNKNOWN_COMMAND_REPLY);
  });
});

describe('autocomplete', () => {
  test('GIVEN /who typed "lind" in the harbour article THEN people and organisations are offered, exact and prefix first', async () => {
    const cb = await bot.fake.interact(bot.fake.autocomplete('who', { query: 'lind', article: 'harbour-bridge' }, 'query'));
    expect(cb.body.type).toBe(8);
    expect(cb.body.data.choices.slice(0, 2).map((c: { value: string }) => c.value)).toEqual(['Anna Lind', 'Marek Lind']);
  });

  test('GIVEN an empty /quote speaker THEN the quoted people are offered with their role, most quoted first', async () => {
    const cb = await bot.fake.interact(bot.fake.autocomplete('quote', { speaker: '', article: 'harbour-bridge' }, 'speaker'));
    expect(cb.body.data.choices).toEqual([{ name: "Marek Lind — the port authority's chief engineer", value: 'Marek Lind' }]);
  });

  test('GIVEN the article option being typed THEN the loaded articles are offered by headline, valued by slug', async () => {
    const cb = await bot.fake.interact(bot.fake.autocomplete('ask', { question: 'x', article: 'harb' }, 'article'));
    expect(cb.body.data.choices[0]).toEqual({ name: `${harbour.article.headline} (harbour-bridge)`, value: 'harbour-bridge' });
    const all = await bot.fake.interact(bot.fake.autocomplete('ask', { article: '' }, 'article'));
    expect(all.body.data.choices.map((c: { value: string }) => c.value)).toEqual(library.list().map((ix) => ix.article.slug));
  });

  test('GIVEN hostile text in an autocompleted field THEN the choices still fit Discord limits', async () => {
    for (const typed of ['', '@everyone', '.*+?^${}()|[]\\', 'x'.repeat(100), '\u202e\u200b\u0000', '🙂🙂🙂']) {
      const cb = await bot.fake.interact(bot.fake.autocomplete('who', { query: typed }, 'query'));
      expect(cb.body.type).toBe(8);
      expect(cb.body.data.choices.length).toBeLessThanOrEqual(25);
      for (const choice of cb.body.data.choices) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('buttons', () => {
  const sentence = harbour.article.paragraphs[1]!.sentences[1]!;

  test('GIVEN "Show paragraph" THEN the whole paragraph is shown privately with the matched sentence in bold', async () => {
    const id = encodeButton({ kind: 'paragraph', slug: 'harbour-bridge', paragraph: 2, sentence: sentence.index })!;
    const cb = await bot.fake.interact(bot.fake.buttonClick(id));
    expect(isEphemeral(cb)).toBe(true);
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toBe(`¶2 · ${escapeText(harbour.article.headline)}`);
    expect(embed.description).toContain(`**${escapeText(sentence.text)}**`);
    expect(embed.description).not.toContain('@everyone');
    expectWithinLimits(cb);
  });

  test('GIVEN "Other matches" THEN the next candidates of the kind asked for are shown privately, titled with what was typed', async () => {
    const question: Question = { command: 'who', text: 'Lind', article: 'harbour-bridge' };
    const cb = await bot.fake.interact(bot.fake.buttonClick(encodeButton({ kind: 'matches', question })!));
    expect(isEphemeral(cb)).toBe(true);
    const expected = answerQuestion(library, question, typedForm(question));
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toBe('Other matches · /who Lind');
    const others = otherMatches(expected, question, harbour.people.flatMap((p) => [p.name, ...p.aliases]));
    if (others.length) expect(embed.description).toContain(escapeText(others[0]!.fact));
    else expect(embed.description).toBe('No other matches in the article.');
  });

  test('GIVEN "Other matches" for a question with none THEN the reply says there are no other matches', async () => {
    const question: Question = { command: 'when', text: 'zzzz qqqq', article: 'harbour-bridge' };
    expect(answerQuestion(library, question).alternatives).toEqual([]);
    const cb = await bot.fake.interact(bot.fake.buttonClick(encodeButton({ kind: 'matches', question })!));
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.embeds[0].description).toBe('No other matches in the article.');
  });

  test('GIVEN a button id Docent never made THEN a private, polite reply', async () => {
    const cb = await bot.fake.interact(bot.fake.buttonClick('definitely|not|ours'));
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.content).toBe(UNKNOWN_BUTTON_REPLY);
  });

  test('GIVEN a paragraph that no longer exists THEN a private reply says to ask again', async () => {
    const cb = await bot.fake.interact(bot.fake.buttonClick(encodeButton({ kind: 'paragraph', slug: 'harbour-bridge', paragraph: 999 })!));
    expect(isEphemeral(cb)).toBe(true);
    expect(cb.body.data.content).toContain('Ask again');
  });

  test('GIVEN an answer the engine finds THEN its buttons work when clicked', async (context) => {
    const candidates: Question[] = [
      { command: 'who', text: 'Heather Nauert' },
      { command: 'quote', text: 'Nauert', speaker: 'Nauert' },
      { command: 'when', text: 'Shannon met his Russian counterpart' },
      { command: 'search', text: 'sanctions' },
    ];
    const question = candidates.find((q) => answerQuestion(library, q).found);
    if (!question) return context.skip('the engine answers none of these yet');
    const cb = await bot.fake.interact(bot.fake.slashCommand(question.command, question.command === 'quote' ? { speaker: question.speaker! } : { [{ who: 'query', when: 'event', search: 'terms' }[question.command as 'who']]: question.text }));
    expect(isEphemeral(cb)).toBe(false);
    const components = (cb.body.data.components ?? []).flatMap((row: { components: unknown[] }) => row.components) as Array<{ label?: string; custom_id: string; options?: Array<{ value: string }> }>;
    const button = components.find((c) => c.label === 'Show paragraph');
    const menu = components.find((c) => c.custom_id === PICK_MENU_ID);
    if (!button && !menu) return context.skip('no cited paragraph adds to this answer');
    const shown = await bot.fake.interact(button ? bot.fake.buttonClick(button.custom_id) : bot.fake.selectMenu(PICK_MENU_ID, [menu!.options![0]!.value]));
    expect(shown.body.data.embeds[0].description).toContain('**');
  });
});

describe('failures', () => {
  test('GIVEN hostile input in every question option THEN every reply arrives, fits the limits and mentions no one', async () => {
    const hostile = [
      ' ',
      'x'.repeat(500),
      '@everyone @here <@123456789012345678> <@&123456789012345678> <#123456789012345678>',
      '```js\nprocess.exit(1)\n``` **bold** __under__ ||spoiler|| > quote',
      '\u0000\u0001\u0007\u001b[31m red \u007f',
      '\u200b\u200c\u200d\ufeff zero width',
      '\u202e right-to-left \u202d',
      '🙂'.repeat(250),
      '.*+?^${}()|[]\\ (((((',
      'Кто встретился с Путиным? 谁见了普京？ مَن التقى بوتين؟',
      'https://example.org/?q=<script>alert(1)</script>',
      'speaker:Nauert topic:leaks article:../../etc/passwd',
    ];
    const commands: Array<[string, string]> = [['who', 'query'], ['when', 'event'], ['where', 'query'], ['quote', 'speaker'], ['quote', 'topic'], ['ask', 'question'], ['search', 'terms']];
    for (const text of hostile) {
      for (const [command, option] of commands) {
        const cb = await bot.fake.interact(bot.fake.slashCommand(command, { [option]: text.slice(0, option === 'speaker' || option === 'topic' ? 100 : 500) }));
        expect(cb.body.type).toBe(4);
        expectWithinLimits(cb);
        expect(visibleText(cb)).not.toMatch(/@(everyone|here)|<@[!&]?\d+>/);
      }
    }
  });

  test('GIVEN a handler that throws THEN the user gets a private apology with an error id, the log has that id, and the next question is answered', async () => {
    failNextLibraryRead = true;
    const cb = await bot.fake.interact(bot.fake.slashCommand('ask', { question: 'What did Russia propose?' }));
    expect(isEphemeral(cb)).toBe(true);
    const errorId = /error id `([0-9a-f]{8})`/.exec(cb.body.data.content)?.[1];
    expect(errorId).toBeDefined();
    const logged = bot.logs.find((l) => l.errorId === errorId);
    expect(logged).toMatchObject({ level: 50, outcome: 'error', command: 'ask', kind: 'command' });
    expect(JSON.stringify(logged)).toContain('the library could not be read');
    const next = await bot.fake.interact(bot.fake.slashCommand('ask', { question: 'What did Russia propose?' }));
    expect(next.body.data.embeds).toHaveLength(1);
  });

  test('GIVEN an interaction that expired (Discord answers 10062) THEN it is logged as expired and the next one is answered', async () => {
    const payload = bot.fake.slashCommand('ask', { question: 'Too late?' });
    const remove = bot.fake.intercept((r) =>
      r.path.startsWith(`/interactions/${payload.id}/`) ? { status: 404, body: { message: 'Unknown interaction', code: 10062 } } : undefined,
    );
    bot.fake.dispatch('INTERACTION_CREATE', payload);
    await bot.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${payload.id}/`));
    await expect.poll(() => bot.logs.find((l) => l.interaction === payload.id)?.outcome).toBe('expired');
    remove();
    const next = await bot.fake.interact(bot.fake.slashCommand('help'));
    expect(next.body.type).toBe(4);
  });

  test('GIVEN all of the above THEN every interaction was logged once with its command, latency and outcome, and no log line holds the token', () => {
    const interactions = bot.logs.filter((l) => l.msg === 'interaction' || l.msg === 'interaction failed' || l.msg === 'interaction expired before the reply');
    expect(interactions.length).toBeGreaterThan(100);
    for (const line of interactions) {
      expect(typeof line.command).toBe('string');
      expect(typeof line.latencyMs).toBe('number');
      expect(typeof line.outcome).toBe('string');
    }
    const ids = interactions.map((l) => l.interaction);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bot.rawLogs.some((l) => l.includes('"level":20'))).toBe(true); // debug lines were written too
    for (const line of bot.rawLogs) expect(line).not.toContain(TEST_TOKEN);
  });

  test('GIVEN every reply this suite produced THEN none shows a sentence of 40 characters or more twice', () => {
    expect(bot.fake.requests.length).toBeGreaterThan(100);
    expect(() => assertNothingSaidTwice(bot.fake)).not.toThrow();
  });
});
