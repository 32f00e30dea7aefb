// Checks an uploaded or stored file before anything changes, and says what to fix when it is
// refused: moderators read these reasons in Discord, operators in CI.
import { cleanText } from '../article/clean.js';
import { ArticleFormatError, parseArticle } from '../article/parse.js';
import type { Article } from '../types.js';
import { formatBytes, type ArticleLimits } from './limits.js';
import { slugForFile } from './slug.js';

export type ArticleCheck = { ok: true; article: Article } | { ok: false; reason: string };

export const ARTICLE_FILE = /\.(txt|md)$/i;

/** Signatures of files people upload by mistake, so the refusal can say what the file is. */
const BINARY_SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or a Word/OpenDocument file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

const SAVE_AS_TEXT = 'save the article as plain text (.txt or .md, UTF-8) and try again';

/** Validate one article file: its name, size, encoding, headline, front matter and length. */
export function validateArticleFile(bytes: Uint8Array, fileName: string, limits: ArticleLimits): ArticleCheck {
  if (!ARTICLE_FILE.test(fileName)) {
    return refuse(`only .txt and .md files are articles (got ${JSON.stringify(fileName)})`);
  }
  if (bytes.length === 0) return refuse('the file is empty: the first line must be the headline');
  if (bytes.length > limits.maxBytes) return refuse(tooBig(bytes.length, limits.maxBytes));

  const binary = describeBinary(bytes);
  if (binary) return refuse(binary);

  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const badAt = firstInvalidUtf8Line(bytes, text);
  if (badAt !== undefined) {
    return refuse(`the file is not UTF-8 text (line ${badAt} has bytes that are not UTF-8, as Windows-1252 or Latin-1 files do): ${SAVE_AS_TEXT}`);
  }
  if (text.trim() === '') return refuse('the file is empty (only blank lines): the first line must be the headline');

  let article: Article;
  try {
    article = parseArticle(text, slugForFile(fileName));
  } catch (error) {
    if (error instanceof ArticleFormatError) return refuse(error.message);
    throw error;
  }

  if (article.headline.length > limits.maxHeadlineLength) return refuse(headlineTooLong(text, article.headline));
  if (article.paragraphs.length === 0) {
    return refuse('the file has a headline but no paragraphs: put the article text below the headline');
  }
  if (article.sentences.length < limits.minSentences) {
    const n = article.sentences.length;
    return refuse(`the article has ${n} sentence${n === 1 ? '' : 's'} after the headline; an article needs at least ${limits.minSentences}`);
  }
  return { ok: true, article };
}

function refuse(reason: string): ArticleCheck {
  return { ok: false, reason };
}

function tooBig(size: number, limit: number): string {
  const [shown, shownLimit] = [formatBytes(size), formatBytes(limit)];
  // Rounding can make a file just over the limit look equal to it; then give exact bytes.
  if (shown === shownLimit) return `the file is ${size.toLocaleString('en')} bytes; the limit is ${limit.toLocaleString('en')} bytes (${shownLimit})`;
  return `the file is ${shown}; the limit is ${shownLimit}`;
}

function describeBinary(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return `the file is UTF-16 text, not UTF-8: ${SAVE_AS_TEXT}`;
  }
  const signature = BINARY_SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (signature) return `the file is ${signature.what}, not text: ${SAVE_AS_TEXT}`;
  if (bytes.includes(0)) return `the file is binary (it contains NUL bytes), not text: ${SAVE_AS_TEXT}`;
  // Text has tabs and line breaks but almost no other control bytes.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  if (control > Math.max(2, sample.length / 100)) return `the file is binary (${control} control bytes), not text: ${SAVE_AS_TEXT}`;
  return undefined;
}

/**
 * The line holding the first byte that is not UTF-8, or undefined when all of it is UTF-8.
 * The lenient decoder marks bad bytes with U+FFFD; a file may also hold a real U+FFFD, which
 * the strict decoder accepts, so the strict decoder decides and the marker only locates.
 */
function firstInvalidUtf8Line(bytes: Uint8Array, lenient: string): number | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    const at = lenient.indexOf('\ufffd');
    return at < 0 ? 1 : lenient.slice(0, at).split('\n').length;
  }
}

function headlineTooLong(text: string, headline: string): string {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n?|\n/);
  const at = lines.findIndex((line) => cleanText(line) === headline);
  const lineNo = at < 0 ? 1 : at + 1;
  const lead = lineNo > 1 && lines[0]!.trim() === '' ? `line 1 is empty and line ${lineNo}` : `line ${lineNo}`;
  return `${lead} is ${headline.length} characters long, too long for a headline: the first line must be the headline, with the paragraphs below it`;
}
