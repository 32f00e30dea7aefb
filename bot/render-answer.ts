// How an answer looks in Discord: an embed with the fact first in bold, the supporting sentence
// as a quote, a footer "¶N · source · date", and the "Show paragraph" / "Other matches" buttons.
// Pure functions from engine data to Discord's JSON, so they are tested without a client.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Answer, Question } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import { describeAnswer } from './answer-text.js';
import { encodeButton } from './button-ids.js';
import { LIMITS, escapeText, oneLine, truncate } from './discord-text.js';

export const COLOR_FOUND = 0x5865f2;
export const COLOR_NOT_FOUND = 0x99aab5;

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A reply's visible parts; the adapters add flags and allowed mentions. */
export interface RenderedAnswer {
  embeds: APIEmbed[];
  components: ButtonRow[];
}

const MAX_ALTERNATIVES_SHOWN = 5;

export function citationLabel(answer: Pick<Answer, 'citations'>): string {
  const paragraphs = [...new Set(answer.citations.map((c) => c.paragraph))];
  return paragraphs.map((p) => `¶${p}`).join(' ');
}

function articleFooter(answer: Answer, article: ArticleIndex | undefined): string {
  const meta = article?.article.meta;
  const parts = [citationLabel(answer), meta?.source ?? '', meta?.published ?? ''].map(oneLine).filter(Boolean);
  return truncate(parts.join(' · '), LIMITS.embedFooter);
}

function quoteBlock(text: string): string {
  return escapeText(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function describeNotFound(answer: Answer): { description: string; fields: APIEmbedField[] } {
  const description = escapeText(answer.answer.trim());
  const missing = answer.suggestions.filter((s) => !answer.answer.includes(s));
  if (missing.length === 0) return { description, fields: [] };
  const list = missing.map((s) => `• ${escapeText(oneLine(s))}`).join('\n');
  return { description, fields: [{ name: 'Closest facts', value: truncate(list, LIMITS.embedFieldValue) }] };
}

function alternativesList(answer: Answer, max = MAX_ALTERNATIVES_SHOWN): string {
  return answer.alternatives
    .slice(0, max)
    .map((alt) => `**${escapeText(oneLine(alt.fact))}** (¶${alt.citation.paragraph})\n${quoteBlock(oneLine(alt.evidence))}`)
    .join('\n');
}

/** The sentence of `paragraph` that the evidence comes from, as an index into the article's sentences. */
function findEvidenceSentence(article: ArticleIndex, paragraph: number, evidence: string): number | undefined {
  if (!evidence) return undefined;
  const candidates = article.article.sentences.filter((s) => s.paragraph === paragraph);
  const exact = candidates.find((s) => s.text === evidence);
  if (exact) return exact.index;
  return candidates.find((s) => s.text.includes(evidence) || evidence.includes(s.text))?.index;
}

function button(label: string, customId: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId };
}

/** Keep an embed within Discord's limits: each part on its own, then the 6,000 total by shortening the description. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, LIMITS.embedTitle);
  if (fitted.description !== undefined) fitted.description = truncate(fitted.description, LIMITS.embedDescription);
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, LIMITS.embedFooter) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, LIMITS.embedFields).map((f) => ({
      ...f,
      name: truncate(f.name, LIMITS.embedFieldName),
      value: truncate(f.value, LIMITS.embedFieldValue),
    }));
  }
  const overflow = embedLength(fitted) - LIMITS.embedTotal;
  if (overflow > 0 && fitted.description) {
    fitted.description = truncate(fitted.description, Math.max(1, fitted.description.length - overflow));
  }
  return fitted;
}

/** Characters that count towards Discord's 6,000 per-embed total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * Render an answer. `question` is what was asked (with the answering article filled in), so the
 * "Other matches" button can ask it again; `article` is the answering article's index.
 */
export function renderAnswer(answer: Answer, question: Question, article: ArticleIndex | undefined): RenderedAnswer {
  const title = escapeText(oneLine(answer.input)) || undefined;
  if (!answer.found) {
    const { description, fields } = describeNotFound(answer);
    const embed: APIEmbed = { color: COLOR_NOT_FOUND, title, description };
    if (fields.length) embed.fields = fields;
    if (article) embed.footer = { text: truncate(oneLine(article.article.headline), LIMITS.embedFooter) };
    return { embeds: [fitEmbed(embed)], components: [] };
  }
  const embed: APIEmbed = { color: COLOR_FOUND, title, description: describeAnswer(answer) };
  const footer = articleFooter(answer, article);
  if (footer) embed.footer = { text: footer };

  const buttons: APIButtonComponent[] = [];
  const cited = answer.citations[0];
  if (article && cited) {
    const sentence = findEvidenceSentence(article, cited.paragraph, answer.evidence);
    const id = encodeButton({ kind: 'paragraph', slug: cited.article, paragraph: cited.paragraph, sentence });
    if (id) buttons.push(button('Show paragraph', id));
  }
  if (answer.alternatives.length) {
    const id = encodeButton({ kind: 'matches', question: { ...question, article: answer.article?.slug ?? question.article } });
    if (id) buttons.push(button('Other matches', id));
    // Too long a question to carry in a button: show the next candidates right away instead.
    else embed.fields = [{ name: 'Other matches', value: alternativesList(answer, 3) }];
  }
  return {
    embeds: [fitEmbed(embed)],
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}

/** "Show paragraph": the whole paragraph, the matched sentence in bold. Undefined when it no longer exists. */
export function renderParagraph(article: ArticleIndex, paragraphNumber: number, sentenceIndex?: number): APIEmbed | undefined {
  const paragraph = article.article.paragraphs.find((p) => p.number === paragraphNumber);
  if (!paragraph) return undefined;
  const sentence = paragraph.sentences.find((s) => s.index === sentenceIndex);
  const at = sentence ? paragraph.text.indexOf(sentence.text) : -1;
  let description: string;
  if (sentence && at >= 0) {
    const before = escapeText(paragraph.text.slice(0, at));
    const marked = `**${escapeText(sentence.text)}**`;
    const after = escapeText(paragraph.text.slice(at + sentence.text.length));
    description = before + marked + after;
    // A paragraph longer than an embed: keep the marked sentence whole, trim around it.
    if (description.length > LIMITS.embedDescription) description = truncate(`…${marked}…`, LIMITS.embedDescription);
  } else description = escapeText(paragraph.text);
  const footer = [article.article.meta.source, article.article.meta.published].filter(Boolean).map((s) => oneLine(s!));
  const embed: APIEmbed = {
    color: COLOR_FOUND,
    title: `¶${paragraph.number} · ${escapeText(oneLine(article.article.headline))}`,
    description,
  };
  if (footer.length) embed.footer = { text: footer.join(' · ') };
  return fitEmbed(embed);
}

/** "Other matches": the next candidates after the answer shown. */
export function renderAlternatives(answer: Answer): APIEmbed {
  const items = answer.alternatives.slice(0, MAX_ALTERNATIVES_SHOWN);
  let description = items.length ? alternativesList(answer) : 'No other matches in the article.';
  // Drop whole items rather than cut one in half.
  for (let n = items.length; description.length > LIMITS.embedDescription && n > 1; n--) description = alternativesList(answer, n - 1);
  return fitEmbed({ color: COLOR_FOUND, title: `Other matches · ${escapeText(oneLine(answer.input))}`, description });
}
