// Reads one article file's text into paragraphs and sentences, as CONTRACT.md describes:
// optional front matter, the headline on the first non-empty line, paragraphs split at blank
// lines and at single line breaks, and a final "Source : NAME" line kept as metadata.
import { z } from 'zod';
import type { Article, ArticleMeta, Paragraph, Sentence } from '../types.js';
import { cleanText } from './clean.js';
import { splitSentences } from './sentences.js';

/** Thrown when a file cannot be an article; `message` says what to fix. */
export class ArticleFormatError extends Error {
  override name = 'ArticleFormatError';
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s.slice(0, 10))), 'is not a real date')
  .transform((s) => s.slice(0, 10));

const frontMatterSchema = z
  .object({
    title: z.string().min(1).max(300).optional(),
    source: z.string().min(1).max(200).optional(),
    url: z.url().optional(),
    published: isoDate.optional(),
    date: isoDate.optional(),
    author: z.string().min(1).max(200).optional(),
  })
  .strict();

const SOURCE_LINE = /^Source\s*:\s*(\S.*|\s)$/i;
const DATELINE = /^[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3})?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s+(?=[A-Z"])/;

/** Parse `---` front matter (simple `key: value` lines). Returns the metadata and the rest of the text. */
function readFrontMatter(text: string): { meta: ArticleMeta; body: string; bodyLineOffset: number } {
  if (!/^---[ \t]*\r?\n/.test(text)) return { meta: {}, body: text, bodyLineOffset: 0 };
  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*\r?$/.test(line));
  if (close < 0) throw new ArticleFormatError('front matter starts with "---" on line 1 but has no closing "---" line');
  const raw: Record<string, string> = {};
  for (let i = 1; i < close; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Z_][\w-]*)\s*:\s*((?:\S.*)?)$/i.exec(line);
    if (!m) throw new ArticleFormatError(`front matter line ${i + 1} is not "key: value": ${JSON.stringify(line.slice(0, 60))}`);
    raw[m[1]!.toLowerCase()] = m[2]!.replace(/^["']|["']$/g, '').trim();
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const why = parsed.error.issues
      .map((issue) => (issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `"${issue.path.join('.')}" ${issue.message}`))
      .join('; ');
    throw new ArticleFormatError(`front matter is invalid: ${why} (allowed keys: title, source, url, published, author)`);
  }
  const fm = parsed.data;
  const meta: ArticleMeta = {
    title: fm.title,
    source: fm.source,
    url: fm.url,
    published: fm.published ?? fm.date,
    author: fm.author,
  };
  return { meta, body: lines.slice(close + 1).join('\n'), bodyLineOffset: close + 1 };
}

/**
 * Lines of one block become paragraphs one a line (the contract), except a hard-wrapped
 * paragraph: a line that stops mid-sentence and is followed by a lowercase continuation.
 */
function blockToParagraphs(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !/[.!?:"')\]]$/.test(prev) && /^[a-z(]/.test(line)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

export function parseArticle(text: string, slug: string): Article {
  if (text.includes('\u0000')) throw new ArticleFormatError('the file contains NUL bytes: it looks binary, not text');
  const normalized = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { meta, body, bodyLineOffset } = readFrontMatter(normalized);
  const lines = body.split('\n').map((l) => l.trim());

  const headlineAt = lines.findIndex((l) => l !== '');
  if (headlineAt < 0) throw new ArticleFormatError('the file has no text: the first line must be the headline');
  const headline = cleanText(lines[headlineAt]!);
  if (headline === '') throw new ArticleFormatError(`line ${bodyLineOffset + headlineAt + 1} has no readable text: the first line must be the headline`);

  let rest = lines.slice(headlineAt + 1);
  // A final "Source : NAME" line is metadata.
  const lastAt = rest.map((l) => l !== '').lastIndexOf(true);
  if (lastAt >= 0) {
    const m = SOURCE_LINE.exec(rest[lastAt]!);
    if (m) {
      meta.source ??= cleanText(m[1]!);
      rest = rest.slice(0, lastAt);
    }
  }

  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of rest) {
    if (line === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  for (const original of blocks.flatMap(blockToParagraphs)) {
    let text = cleanText(original);
    if (paragraphs.length === 0) {
      // "GENEVA, March 3 (Newswire) — The talks …": the dateline is metadata, not the first sentence's subject.
      const dateline = DATELINE.exec(text);
      if (dateline) {
        meta.dateline = withoutTrailingDash(dateline[0]).trim();
        text = text.slice(dateline[0].length);
      }
    }
    if (text === '') continue;
    const number = paragraphs.length + 1;
    const own: Sentence[] = splitSentences(text).map((span) => ({
      index: sentences.length,
      paragraph: number,
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    }));
    own.forEach((s, i) => (s.index = sentences.length + i));
    sentences.push(...own);
    paragraphs.push({ number, original, text, sentences: own });
  }
  if (meta.title === undefined) meta.title = headline;
  return { slug, headline, meta, paragraphs, sentences };
}

/**
 * A URL- and Discord-safe slug from a file name: "Court Case (v2).txt" → "court-case-v2". The one
 * mapping from names to slugs: the served article, its history folder and every lookup use it.
 * Cut to 80 characters before the edge dashes go, so that a long name ending in a dash after the
 * cut ("aaa…a-b.txt") still gives a slug that reads back the same.
 */
export function slugFromFileName(fileName: string): string {
  const base = fileName.replace(/\.(?:txt|md)$/i, '');
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-|-$/g, ''); // one dash at most: the line above collapsed every run
  return slug || 'article';
}

/**
 * A dateline without its closing dash and the spaces around it: what
 * `/\s*[—–-]+\s*$/` removed, without retrying from every dash of a long run.
 */
function withoutTrailingDash(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && '—–-'.includes(trimmed[end - 1]!)) end--;
  return end === trimmed.length ? text : trimmed.slice(0, end).trimEnd();
}
