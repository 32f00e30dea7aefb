// Hostile traffic for the bot, as the fake Discord would deliver it: every command and option
// the bot registers (read from the command definitions, so new commands are covered by
// themselves) filled with hostile text, wrong option types, unknown commands, autocomplete,
// buttons real and forged, other components, and messages that mention the bot or are DMs.
import type { APIApplicationCommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { encodeButton } from '../../bot/button-ids.js';
import { questionInMessage } from '../../bot/messages.js';
import { COMMAND_NAMES } from '../../src/index.js';
import type { FakeDiscord, FakeGuild, FakeUser, InteractionOptions } from './fake-discord.js';
import { hostileText } from './hostile-text.js';
import type { Random } from './seeded-random.js';

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type HostileKind =
  | 'command'
  | 'wrong option type'
  | 'unknown command'
  | 'autocomplete'
  | 'button'
  | 'other component'
  | 'modal submit'
  | 'mention'
  | 'direct message'
  | 'not addressed';

/** One generated input: an interaction (answered by a callback) or a message (answered by a reply, or ignored). */
export type HostileCase =
  | { kind: Exclude<HostileKind, 'mention' | 'direct message' | 'not addressed'>; payload: Payload }
  | { kind: 'mention' | 'direct message' | 'not addressed'; content: string; author: FakeUser; guild: FakeGuild | null; channelId?: string | undefined; answered: boolean };

/** How many of each kind, out of every 100 cases. */
const MIX: Array<[HostileKind, number]> = [
  ['command', 42],
  ['wrong option type', 7],
  ['unknown command', 2],
  ['autocomplete', 18],
  ['button', 12],
  ['other component', 1],
  ['modal submit', 1],
  ['mention', 9],
  ['direct message', 6],
  ['not addressed', 2],
];

const STRING = 3;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const ATTACHMENT = 11;
/** Discord's own cap for a string option without max_length. */
const MAX_STRING_OPTION = 6000;
/** A message holds 2,000 characters, 4,000 with Nitro. */
const MAX_MESSAGE = 4000;

export interface HostileGenerator {
  next(): HostileCase;
}

export function hostileGenerator(fake: FakeDiscord, definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[], random: Random, slugs: readonly string[]): HostileGenerator {
  const users = Array.from({ length: 40 }, (_, i) => fake.user(`member${i}`));
  // Other bots have their own ids: discord.js remembers a user is a bot once it has seen the flag.
  const bots = Array.from({ length: 3 }, (_, i) => ({ ...fake.user(`otherbot${i}`), bot: true }));
  const guild = fake.defaultGuild;
  const weighted = MIX.flatMap(([kind, weight]) => Array<HostileKind>(weight).fill(kind));
  const articleValue = () => (random.chance(0.5) ? random.pick(slugs) : hostileText(random, 100));

  /** Who interacts: an ordinary member (no permissions, maybe some roles) or someone in a DM. */
  const context = (): InteractionOptions => {
    const user = random.pick(users);
    if (random.chance(0.15)) return { user, guild: null };
    const roles = random.chance(0.3) ? [fake.snowflake()] : [];
    return { user, guild, channelId: random.pick(guild.channels).id, permissions: '0', roles };
  };

  /** A value for an option of the right type, with hostile text in strings and attachments. */
  function optionValue(option: APIApplicationCommandOption, resolved: Payload): Payload {
    const base = { name: option.name, type: option.type };
    switch (option.type) {
      case STRING: {
        const max = option.max_length ?? MAX_STRING_OPTION;
        return { ...base, value: option.name === 'article' && random.chance(0.5) ? articleValue().slice(0, max) : hostileText(random, max) };
      }
      case 4:
        return { ...base, value: random.pick([0, -1, 1, 2 ** 53 - 1, -(2 ** 53 - 1), random.below(1000)]) };
      case 10:
        return { ...base, value: random.pick([0, -0.5, 1e308, -1e308, random.next()]) };
      case 5:
        return { ...base, value: random.chance(0.5) };
      case ATTACHMENT: {
        const id = fake.snowflake();
        const filename = hostileText(random, 100) || 'file.txt';
        const url = random.pick(['https://evil.example/a.txt', 'http://127.0.0.1:1/x.txt', 'file:///etc/passwd', `https://cdn.discordapp.com/attachments/1/2/${encodeURIComponent(filename.replace(/[\ud800-\udfff]/g, "?"))}`]);
        (resolved.attachments ??= {})[id] = { id, filename, size: random.pick([0, 10, 10_000_000]), url, proxy_url: url, content_type: random.pick(['text/plain', 'application/octet-stream', 'image/png']) };
        return { ...base, value: id };
      }
      default:
        // Users, channels, roles, mentionables: an id Discord did not resolve.
        return { ...base, value: fake.snowflake() };
    }
  }

  /** Options for a command (or subcommand) definition: required ones always, optional ones at random. */
  function fillOptions(options: readonly APIApplicationCommandOption[] | undefined, resolved: Payload): Payload[] {
    const list = options ?? [];
    const groups = list.filter((o) => o.type === SUBCOMMAND || o.type === SUBCOMMAND_GROUP);
    if (groups.length) {
      const chosen = random.pick(groups) as APIApplicationCommandOption & { options?: APIApplicationCommandOption[] };
      return [{ name: chosen.name, type: chosen.type, options: fillOptions(chosen.options, resolved) }];
    }
    return list.filter((o) => ('required' in o && o.required) || random.chance(0.6)).map((o) => optionValue(o, resolved));
  }

  function slashCommand(): Payload {
    const definition = random.pick(definitions);
    const payload = fake.slashCommand(definition.name, {}, context());
    const resolved: Payload = {};
    payload.data.options = fillOptions(definition.options, resolved);
    if (Object.keys(resolved).length) payload.data.resolved = resolved;
    return payload;
  }

  /** A command as a stale registration or a forged payload might carry it: wrong types, missing or unknown options. */
  function wrongOptionType(): Payload {
    const payload = slashCommand();
    const options: Payload[] = payload.data.options;
    const leaf: Payload[] = options[0]?.options ?? options;
    const r = random.next();
    if (r < 0.4 && leaf.length) {
      const option = random.pick(leaf);
      const [type, value] = random.pick<[number, unknown]>([[4, 42], [10, 0.5], [5, true], [6, fake.snowflake()], [STRING, '']]);
      option.type = type;
      option.value = value;
    } else if (r < 0.7) {
      leaf.splice(0, leaf.length); // every option missing, required ones too
    } else {
      leaf.push({ name: random.pick(['query', 'unknown', 'x'.repeat(32), '__proto__']), type: STRING, value: hostileText(random, 100) });
    }
    return payload;
  }

  function unknownCommand(): Payload {
    const name = random.pick(['dance', 'refresh-all', 'eval', 'admin', 'x'.repeat(32), 'who2', 'ask_']);
    const payload = fake.slashCommand(name, {}, context());
    payload.data.options = [{ name: 'text', type: STRING, value: hostileText(random, 500) }];
    return payload;
  }

  function autocomplete(): Payload {
    const payload = slashCommand();
    payload.type = 4;
    const leaf: Payload[] = payload.data.options[0]?.options ?? payload.data.options;
    const strings = leaf.filter((o) => o.type === STRING);
    if (strings.length) random.pick(strings).focused = true;
    else leaf.push({ name: 'article', type: STRING, value: hostileText(random, 100), focused: true });
    return payload;
  }

  function buttonId(): string {
    const r = random.next();
    if (r < 0.35) {
      const id = encodeButton({
        kind: 'matches',
        question: {
          command: random.pick(COMMAND_NAMES),
          text: hostileText(random, 60),
          speaker: random.chance(0.3) ? hostileText(random, 20) || undefined : undefined,
          topic: random.chance(0.2) ? hostileText(random, 20) || undefined : undefined,
          article: random.chance(0.5) ? random.pick(slugs) : undefined,
        },
      });
      if (id) return id;
    }
    if (r < 0.6) {
      const id = encodeButton({ kind: 'paragraph', slug: random.pick([...slugs, 'gone', '..']), paragraph: random.pick([0, 1, 2, 5, 40, 999_999]), sentence: random.chance(0.5) ? random.below(200) : undefined });
      if (id) return id;
    }
    if (r < 0.8) return random.pick(['d1|p|x|1|', 'd1|p||1|', 'd1|p|a|-1|', 'd1|p|a|1e3|', 'd1|m|dance||||x', 'd1|m|who', 'd1|', 'd2|p|a|1|', 'd1|p|a|1|2|3', '|||', '\\', 'd1\\|p|a|1|']);
    return hostileText(random, 100) || 'x';
  }

  function button(): Payload {
    return fake.buttonClick(buttonId(), undefined, context());
  }

  function otherComponent(): Payload {
    const payload = fake.buttonClick(hostileText(random, 100) || 'menu', undefined, context());
    payload.data = { custom_id: payload.data.custom_id, component_type: 3, values: [hostileText(random, 100)] };
    return payload;
  }

  function modalSubmit(): Payload {
    const payload = fake.buttonClick('x', undefined, context());
    payload.type = 5;
    delete payload.message;
    payload.data = { custom_id: hostileText(random, 100) || 'modal', components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: hostileText(random, 4000) }] }] };
    return payload;
  }

  function message(kind: 'mention' | 'direct message' | 'not addressed'): HostileCase {
    const author = random.pick(users);
    const botId = fake.botUser.id;
    let content = hostileText(random, MAX_MESSAGE - 30);
    if (kind === 'mention') {
      const mention = random.pick([`<@${botId}>`, `<@!${botId}>`]);
      const at = random.pick(['start', 'end', 'middle', 'twice']);
      content = at === 'start' ? `${mention} ${content}` : at === 'end' ? `${content} ${mention}` : at === 'twice' ? `${mention}${content}${mention}` : `${content.slice(0, content.length >> 1)}${mention}${content.slice(content.length >> 1)}`;
    } else if (kind === 'not addressed') {
      // Typed "@Docent" is not a mention; another bot that mentions Docent is not asking either.
      if (random.chance(0.5)) content = `@Docent ${content}`;
      else return { kind, content: `<@${botId}> ${content}`, author: random.pick(bots), guild, channelId: random.pick(guild.channels).id, answered: false };
    }
    const guildMessage = kind !== 'direct message';
    const answered = kind !== 'not addressed' && questionInMessage(content, botId) !== undefined;
    return { kind, content, author, guild: guildMessage ? guild : null, channelId: guildMessage ? random.pick(guild.channels).id : undefined, answered };
  }

  return {
    next(): HostileCase {
      const kind = random.pick(weighted);
      switch (kind) {
        case 'command':
          return { kind, payload: slashCommand() };
        case 'wrong option type':
          return { kind, payload: wrongOptionType() };
        case 'unknown command':
          return { kind, payload: unknownCommand() };
        case 'autocomplete':
          return { kind, payload: autocomplete() };
        case 'button':
          return { kind, payload: button() };
        case 'other component':
          return { kind, payload: otherComponent() };
        case 'modal submit':
          return { kind, payload: modalSubmit() };
        default:
          return message(kind);
      }
    },
  };
}
