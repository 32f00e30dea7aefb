// Replies a person reads at a glance, end to end through the fake Discord (issue 11): /help drawn
// from the server's own article with moderators' commands for moderators only, autocomplete that
// offers each option's own kind from every article, suggestions and cited paragraphs one click
// away, and components whose ids are checked. Three articles of our own, none of them the default.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PICK_MENU_ID } from '../bot/button-ids.js';
import { UNKNOWN_BUTTON_REPLY } from '../bot/buttons.js';
import { NO_QUESTION_REPLY } from '../bot/messages.js';
import { moderator, startModeratedBot, subcommand, type ModeratedBot } from './bot-refresh-support.js';
import { makeDataDir } from './fixtures/store/helpers.js';
import { HARBOUR_PATH } from './support/docent-fixtures.js';
import { TEST_TOKEN } from './support/bot-harness.js';
import { FakeDiscord, type FakeGuild, type InteractionCallback } from './support/fake-discord.js';

const EVAL_ARTICLES = fileURLToPath(new URL('./fixtures/eval/articles/', import.meta.url));
const HOSPITAL = 'hospital-eastmoor-maternity';
const RECALL = 'recall-halvorsen-kettles';

type Component = { type: number; label?: string; custom_id: string; options?: Array<{ label: string; value: string; description?: string }> };

let data: { dir: string; cleanup: () => void };
let fake: FakeDiscord;
let bot: ModeratedBot;
/** Its article is the hospital one (set with /article use). */
let hospitalServer: FakeGuild;
/** Has no article of its own: questions and autocomplete range over every article. */
let openServer: FakeGuild;

beforeAll(async () => {
  data = makeDataDir({
    'harbour-bridge.txt': readFileSync(HARBOUR_PATH),
    [`${HOSPITAL}.txt`]: readFileSync(join(EVAL_ARTICLES, `${HOSPITAL}.txt`)),
    [`${RECALL}.txt`]: readFileSync(join(EVAL_ARTICLES, `${RECALL}.txt`)),
  });
  hospitalServer = { id: '1300000000000000001', name: 'Hospital', channels: [{ id: '1300000000000000002', name: 'general' }] };
  openServer = { id: '1400000000000000001', name: 'Open', channels: [{ id: '1400000000000000002', name: 'general' }] };
  fake = await FakeDiscord.start({ token: TEST_TOKEN, guilds: [hospitalServer, openServer] });
  bot = await startModeratedBot({ dataDir: data.dir, fake });
  const used = await fake.interact(subcommand(fake, 'article', 'use', { article: HOSPITAL }, { guild: hospitalServer, ...moderator(fake) }));
  expect(used.body.data.flags & MessageFlags.Ephemeral).toBeTruthy();
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  data?.cleanup();
});

const isEphemeral = (cb: InteractionCallback) => ((cb.body.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const componentsOf = (cb: InteractionCallback): Component[] => (cb.body.data?.components ?? []).flatMap((row: { components: Component[] }) => row.components);
const choiceNames = (cb: InteractionCallback): string[] => cb.body.data.choices.map((c: { name: string }) => c.name);

describe('/help', () => {
  test('GIVEN a server whose article is not the default THEN the examples come from that article, in the order people use the commands, and each one is answered', async () => {
    const cb = await fake.interact(fake.slashCommand('help', {}, { guild: hospitalServer }));
    expect(isEphemeral(cb)).toBe(true);
    const description: string = cb.body.data.embeds[0].description;
    expect(description).toContain('Eastmoor hospital reopens maternity ward');
    expect(description).not.toMatch(/Nauert|Putin|Marek Lind/);
    const order = [...description.matchAll(/\*\*\/(\w+)\*\*/g)].map((m) => m[1]);
    expect(order.slice(0, 6)).toEqual(['ask', 'who', 'when', 'where', 'quote', 'search']);
    const examples = [...description.matchAll(/`(\/(?:ask|who|when|where|quote|search) [^`]+)`/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const [, command, rest] = /^\/(\w+) ([\s\S]+)$/.exec(example)!;
      const options = Object.fromEntries([...rest!.matchAll(/(\w+):([^:]+?)(?=\s\w+:|$)/g)].map((m) => [m[1], m[2]!.trim()]));
      const answered = await fake.interact(fake.slashCommand(command!, options, { guild: hospitalServer }));
      expect(answered.body.data.embeds?.[0]?.footer?.text, example).not.toContain('Harbour Gazette');
      expect(isEphemeral(answered), `${example} is answered`).toBe(false);
    }
  });

  test('GIVEN a member without Manage Server THEN /help does not list the moderators\' /refresh; GIVEN a moderator THEN it does', async () => {
    const member = await fake.interact(fake.slashCommand('help', {}, { guild: hospitalServer }));
    expect(member.body.data.embeds[0].description).not.toContain('/refresh');
    const mod = await fake.interact(fake.slashCommand('help', {}, { guild: hospitalServer, ...moderator(fake) }));
    expect(mod.body.data.embeds[0].description).toContain('**/refresh**');
  });
});

describe('autocomplete', () => {
  test('GIVEN /where on an empty field THEN only places are offered, never a person', async () => {
    const cb = await fake.interact(fake.autocomplete('where', { query: '' }, 'query', { guild: hospitalServer }));
    const names = choiceNames(cb);
    expect(names.length).toBeGreaterThan(0);
    expect(names.join('|')).not.toMatch(/Rahman|Whitlock|Ellery|Ashworth|Morley/);
  });

  test('GIVEN /who with no article chosen in a server without one THEN people from every article are offered, each with its role and article', async () => {
    const cb = await fake.interact(fake.autocomplete('who', { query: '' }, 'query', { guild: openServer }));
    const names = choiceNames(cb);
    const articlesNamed = new Set(names.map((n) => n.split(' · ').pop()));
    expect(articlesNamed.size).toBeGreaterThanOrEqual(2);
    const lind = await fake.interact(fake.autocomplete('who', { query: 'lind' }, 'query', { guild: openServer }));
    expect(choiceNames(lind)).toContain("Marek Lind — the port authority's chief engineer · harbour-bridge");
  });

  test('GIVEN words of a role typed after a question word THEN the person with that role is offered', async () => {
    const cb = await fake.interact(fake.autocomplete('who', { query: 'who is the chief eng', article: 'harbour-bridge' }, 'query', { guild: openServer }));
    expect(cb.body.data.choices[0]).toEqual({ name: "Marek Lind — the port authority's chief engineer", value: 'Marek Lind' });
  });

  test('GIVEN /quote speaker THEN only people who are quoted are offered', async () => {
    const cb = await fake.interact(fake.autocomplete('quote', { speaker: '' }, 'speaker', { guild: hospitalServer }));
    const values: string[] = cb.body.data.choices.map((c: { value: string }) => c.value);
    const quoted = new Set(bot.moderation.holder.library.get(HOSPITAL)!.quotes.map((q) => q.speaker));
    expect(values).toContain('Fatima Rahman');
    for (const value of values) expect(quoted.has(value), value).toBe(true);
  });
});

describe('one click away', () => {
  test('GIVEN a name the article does not have THEN the suggestions are buttons, and one click asks the suggested question', async () => {
    const cb = await fake.interact(fake.slashCommand('who', { query: 'Samuel Ortega' }, { guild: hospitalServer }));
    expect(isEphemeral(cb)).toBe(true);
    const buttons = componentsOf(cb).filter((c) => c.type === 2);
    expect(buttons.length).toBeGreaterThan(0);
    const first = buttons[0]!;
    const asked = await fake.interact(fake.buttonClick(first.custom_id, undefined, { guild: hospitalServer }));
    expect(isEphemeral(asked)).toBe(false);
    const embed = asked.body.data.embeds[0];
    expect(embed.title).toBe(`/who ${first.label!.replace(/\s*\(.*$/, '')}`);
    expect(embed.footer.text).toContain('Eastmoor Evening Post');
  });

  test('GIVEN an answer citing several paragraphs that add to it THEN a select menu offers each, and picking one shows that paragraph privately', async () => {
    let menu: Component | undefined;
    for (const name of ['Whitlock', 'Fatima Rahman', 'Joan Ellery', 'Daniel Ashworth', 'Beth Morley']) {
      const cb = await fake.interact(fake.slashCommand('who', { query: name }, { guild: hospitalServer }));
      menu = componentsOf(cb).find((c) => c.custom_id === PICK_MENU_ID);
      if (menu) break;
    }
    expect(menu, 'one of the hospital article\'s people is cited in several paragraphs').toBeDefined();
    expect(menu!.options!.length).toBeGreaterThanOrEqual(2);
    const second = menu!.options![1]!;
    const shown = await fake.interact(fake.selectMenu(PICK_MENU_ID, [second.value], undefined, { guild: hospitalServer }));
    expect(isEphemeral(shown)).toBe(true);
    expect(shown.body.data.embeds[0].title).toMatch(new RegExp(`^${second.label.replace('Show ', '')} · `));
  });

  test('GIVEN a forged or stale pick THEN it is answered privately and nothing is sent to the channel', async () => {
    const before = fake.requests.length;
    for (const value of ['d1|p|no-such-article|2|', 'd1|zz|x', 'x'.repeat(100)]) {
      const cb = await fake.interact(fake.selectMenu(PICK_MENU_ID, [value], undefined, { guild: hospitalServer }));
      expect(isEphemeral(cb)).toBe(true);
    }
    const forgedMenu = await fake.interact(fake.selectMenu('d1|not-a-menu', ['d1|p|harbour-bridge|1|'], undefined, { guild: hospitalServer }));
    expect(forgedMenu.body.data.content).toBe(UNKNOWN_BUTTON_REPLY);
    const sent = fake.requests.slice(before).filter((r) => r.method === 'POST' && /^\/channels\//.test(r.path));
    expect(sent).toEqual([]);
  });

  test('GIVEN a mention with no question THEN a one-line pointer to /help, not "not in the article"', async () => {
    const message = fake.postMessage(`<@${fake.botUser.id}> hi`, { mentionBot: true, guild: hospitalServer });
    const reply = await fake.waitForReplyTo(message);
    expect(reply.body.content).toBe(NO_QUESTION_REPLY);
    expect(reply.body.embeds ?? []).toEqual([]);
    expect(reply.body.allowed_mentions.parse).toEqual([]);
  });
});
