// Pathological article shapes (issue 10): texts that pass validation but once made indexing
// super-linear. Shared by the hostile-text test and the `hostile` line of `npm run bench`.

const KB = 1024;

/** Each shape as a whole article file of about `kiloBytes` KB: a headline, then the hostile body. */
export function hostileShapes(kiloBytes = 1000): Record<string, string> {
  const size = kiloBytes * KB;
  const head = 'Hostile shapes\n\nStart. Middle. ';
  const fill = (unit: string, room = size - 40) => unit.repeat(Math.max(1, Math.floor(room / unit.length)));
  return {
    // The file that froze the bot: one long word between two sentences.
    'one long word (the reported file)': `${head}${fill('a')}. End.\n`,
    'one long mixed-case word': `${head}${fill('Ab')}. End. Done.\n`,
    'one repeated character, no sentence end': `${head}${fill('x')}\n`,
    'short paragraphs': `${head}One. Two.\n\n${fill('A b.\n\n', Math.min(size, 100_000 * 6))}`,
    'punctuation runs': `${head}${fill('!?.,;:-\u2014"\'')} End. Done.\n`,
    'nested quotes': `${head}${fill('"He said \'she said "', size / 2)}${fill('" \' "', size / 10)} End. Done.\n`,
    'a run of spaces': `${head}a${fill(' ')}b. End. Done.\n`,
    'a run of dashes': `${head}${fill('-')}a. End. Done.\n`,
    'capitalised words': `${head}${fill('Mr Ab ')}. End. Done.\n`,
  };
}
