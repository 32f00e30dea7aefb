// Text people (and attackers) type into a Discord bot: empty, at the length limit, control and
// zero-width characters, right-to-left marks, markdown and code fences, mass and targeted
// mentions, links, other scripts, lone surrogates. Combined at random by a seeded PRNG.
import type { Random } from './seeded-random.js';

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085';
const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff\u00ad';
const DIRECTION_MARKS = '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c';

/** Fragments, each one kind of trouble. Snowflake-looking ids are real-length, so they would ping. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '',
  ' ',
  '\t\n\r \n',
  CONTROL,
  '\u0000\u0000',
  '\u001b[31mred\u001b[0m',
  ZERO_WIDTH,
  'Nau\u200bert',
  DIRECTION_MARKS,
  '\u202eNauert\u202c',
  '\u202b\u05de\u05d9 \u05d0\u05de\u05e8?\u202c',
  '**bold** __under__ ~~strike~~ ||spoiler||',
  '> quote\n>>> block quote',
  '```js\nprocess.exit(1)\n```',
  '```',
  '`',
  '# Heading\n-# subtext\n- item\n1. first',
  '\\*not bold\\*',
  '@everyone',
  '@here',
  '@everyone @here',
  '@\u200beveryone',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '</who:123456789012345678>',
  '<t:1700000000:R>',
  '<:emoji:123456789012345678> <a:anim:123456789012345678>',
  'https://example.org/?q=<script>alert(1)</script>',
  '[totally safe](https://evil.example/phish)',
  '<https://discord.gg/invite>',
  'discord.gg/abc @everyone free nitro',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '../../etc/passwd',
  '.*+?^${}()|[]\\',
  '(((((((((((',
  '$&$1$`',
  '%s %n %%',
  '{"type":4,"data":{"content":"@everyone"}}',
  '__proto__',
  'constructor',
  'd1|p|seed-russia-normalization|1|',
  'speaker:Nauert topic:leaks article:x',
  'Кто такая Науэрт?',
  '谁是国务院发言人？',
  'من هو المتحدث الرسمي؟',
  'ヘザー・ナウアート',
  'नौअर्ट कौन है?',
  'Ποιος είναι ο Πούτιν;',
  'Z̷̢̛͚a̸̡͓l̵̰̈g̶͈̿o̷̳͝',
  '👨‍👩‍👧‍👦🇸🇪🏳️‍🌈',
  '🔥'.repeat(40),
  '\ud800 lone \udfff surrogates',
  'NaN',
  '-1',
  '1e308',
  'Heather Nauert',
  'nauret',
  'Putin',
  'Who met Putin in Finland?',
  'the State Department spokeswoman',
  'When did Trump meet Putin?',
  '?',
  '...',
];

/** `text` made exactly `length` UTF-16 units long (repeated or cut), never ending in half a surrogate pair. */
export function fitToLength(text: string, length: number): string {
  const seed = text || 'x';
  let out = seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1) + 'x';
  return out;
}

/** Random code points from every plane: ASCII, the BMP (surrogate halves included), astral. */
export function randomUnicode(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = random.next();
    if (r < 0.4) out += String.fromCharCode(32 + random.below(95));
    else if (r < 0.8) out += String.fromCharCode(random.below(0x10000));
    else out += String.fromCodePoint(0x10000 + random.below(0xfffff));
  }
  return out;
}

/**
 * Hostile text for a field that holds at most `maxLength` characters: often a mix of fragments,
 * sometimes exactly at the limit, sometimes empty, sometimes random Unicode.
 */
export function hostileText(random: Random, maxLength: number): string {
  const r = random.next();
  let text: string;
  if (r < 0.08) text = '';
  else if (r < 0.2) text = randomUnicode(random, 1 + random.below(Math.min(maxLength, 300)));
  else {
    const parts = Array.from({ length: 1 + random.below(4) }, () => random.pick(HOSTILE_FRAGMENTS));
    text = parts.join(random.pick([' ', '', '\n', '\u200b', ' @everyone ']));
  }
  // A quarter of the inputs sit exactly at the limit Discord enforces for the field.
  if (random.chance(0.25)) return fitToLength(text, maxLength);
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}
