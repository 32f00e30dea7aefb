// Cleaning that is safe for display and matching: it never changes what a sentence means.
// Automatic rewriters leave stutters ("and also also also" for "and") and mixed quote styles;
// we undo those. Word swaps we cannot undo safely ("which" for "that", "inside" for "in the")
// are left in the text and handled by matching instead (they are stop words there).

const CURLY_DOUBLE = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const CURLY_SINGLE = /[\u2018\u2019\u201a\u201b\u2032\u02bc]/g;
const ZERO_WIDTH = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]/g;
const CONTROL = /[\u0000-\u0008\v\f\u000e-\u001f\u007f]/g;

/** Unify quotes, dashes' spacing and white space; drop invisible and control characters. */
function normalizeCharacters(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, '')
    .replace(CURLY_DOUBLE, '"')
    .replace(CURLY_SINGLE, "'")
    .replace(/\u00a0/g, ' ');
}

/** "and also also also" → "and"; any word said three or more times running → once. */
function collapseStutters(text: string): string {
  // Without "also" the first pattern cannot match: a plain search skips it for almost every paragraph.
  return (text.includes('also') ? text.replace(/\b(and|And)(?:\s+also){2,}\b/g, '$1') : text).replace(/\b([A-Z]+)(?:\s+\1\b){2,}/gi, '$1');
}

/**
 * Runs of spaces and tabs other than a lone space (what becomes one space): /[ \t]+/ matched
 * every space between two words and rebuilt each paragraph to put the same space back.
 */
const SPACE_RUN = /[ \t]{2,}|\t/g;

/**
 * Markdown a reader does not see: "# " before a headline, "**bold**", "_italic_", "[text](url)",
 * list bullets and quote marks at the start of a line. The words stay; the markup goes.
 */
function stripMarkdown(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}(?:[-*+]|\d{1,2}[.)])\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/!?\[([^\]]{0,1000})\]\([^)\s]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]+)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*]+)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/\b_(?=\S)([^_]+)(?<=\S)_\b/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** The cleaned form of a piece of article text, for display and matching. */
export function cleanText(text: string): string {
  return collapseStutters(normalizeCharacters(stripMarkdown(text))).replace(SPACE_RUN, ' ').trim();
}
