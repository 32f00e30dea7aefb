// Sentence splitting tuned for news prose: abbreviations ("Dr.", "p.m.", "U.S."), initials,
// and quotes that end a sentence ("… step by step." Next) or do not ("… panic," she said).

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'det',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'approx', 'est', 'dept', 'univ', 'ave', 'blvd', 'rd',
]);

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Where each sentence of a paragraph starts and ends (end exclusive, trailing space excluded). */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  // A candidate end: terminal punctuation, optionally closing quotes/brackets and a bracketed note
  // (a reference such as "[12]" or "[citation needed]", as copied from Wikipedia), then space.
  const boundary = /(?<![.!?])([.!?]+)(["')\]]*)((?:\[[^\]\n]{1,40}\])*)\s+/g;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(text)) !== null) {
    const punctEnd = m.index + m[1]!.length + m[2]!.length + m[3]!.length;
    const next = text.slice(boundary.lastIndex, boundary.lastIndex + 2);
    if (!/^["'([]?[A-Z0-9\u00c0-\u024f]/.test(next)) continue; // next must start like a sentence
    if (m[1] === '.' && m[2] === '' && m[3] === '' && isAbbreviation(text, m.index, next)) continue;
    spans.push({ start, end: punctEnd });
    start = boundary.lastIndex;
  }
  if (start < text.length) {
    const end = text.trimEnd().length;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Does the period at `dotIndex` close an abbreviation rather than the sentence (`next`: what follows it)? */
function isAbbreviation(text: string, dotIndex: number, next: string): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  // `before` is at most 12 characters, so retrying at each of them costs nothing.
  // eslint-disable-next-line regexp/no-super-linear-move
  const word = /([A-Z][A-Z.]*)$/i.exec(before)?.[1] ?? '';
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) {
    // "p.m." or "a.m." at the end of a sentence followed by a capitalised word is usually an end,
    // but a title ("Dr. Smith") never is. Times are ambiguous; treat them as ends.
    return !/^(?:a\.m|p\.m)$/i.test(word);
  }
  if (/^[A-Z]$/.test(word)) return true; // an initial: "John F. Kennedy"
  if (/^(?:[A-Z]\.)+[A-Z]$/i.test(word)) return true; // "U.S", "e.g"
  // A short word before a number: "Op. 35", "No. 2", "Vol. 3", "(r. 1435–1449)", "(d. 1523)",
  // "c. 605". A sentence can start with a number, but hardly after a one- or two-letter lowercase
  // word or a capitalised two- or three-letter one; not after an acronym ("… in the US. 4 sold
  // 310,000 copies", 4 being an album) or "May" ("in May. 3 died").
  return /^\d/.test(next) && (/^[a-z]{1,2}$/.test(word) || (/^[A-Z][a-z]{1,2}$/.test(word) && word !== 'May'));
}
