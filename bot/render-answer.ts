// How an answer looks in Discord: an embed with the fact first in bold, the supporting sentence
// as a quote, a footer "¶N · source · date", and the "Show paragraph" / "Other matches" buttons.
// Pure functions from engine data to Discord's JSON, so they are tested without a client.
import type { APIEmbed } from 'discord.js';
import { otherMatches, SEARCH_PASSAGES_IN_ANSWER } from '../src/answer/other-matches.js';
import type { Answer, Question } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import { closestTerms, cutAtWord, foundComponents, notFoundComponents, paragraphSuggestion, peopleNames, type ComponentRow } from './answer-components.js';
import { describeAnswer, DESCRIPTION_BUDGET, findSpan } from './answer-text.js';
import { encodeButton } from './button-ids.js';
import { LIMITS, escapeText, oneLine, truncate } from './discord-text.js';
import { SaidOnce } from './say-once.js';

export const COLOR_FOUND = 0x5865f2;
export const COLOR_NOT_FOUND = 0x99aab5;

/** A reply's visible parts; the adapters add flags and allowed mentions. */
export interface RenderedAnswer {
  embeds: APIEmbed[];
  components: ComponentRow[];
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

/** A sentence offered instead is shown whole up to this length, then cut at a word. */
const SUGGESTION_LENGTH = 140;

/**
 * "Not in the article", with the engine's suggestions taken out of its sentence: sentences from
 * the article are listed whole (each with a button to show its paragraph), people and questions
 * become buttons that ask them.
 */
function describeNotFound(answer: Answer, article: ArticleIndex | undefined): string {
  const text = answer.answer.trim();
  const at = Math.min(...answer.suggestions.map((s) => text.indexOf(s)).filter((i) => i >= 0));
  if (!answer.suggestions.length || !Number.isFinite(at)) return escapeText(text);
  const head = text.slice(0, at).trim().replace(/\s*Closest in the article:$/, '');
  const sentences = answer.suggestions.flatMap((s) => {
    const found = paragraphSuggestion(s, article);
    return found ? [`¶${found.paragraph}: ${escapeText(cutAtWord(found.text, SUGGESTION_LENGTH))}`] : [];
  });
  const people = answer.suggestions.length > sentences.length;
  const lines = [escapeText(head)];
  if (sentences.length) lines.push('The closest it comes:', ...sentences.map((s) => `• ${s}`));
  else if (people) lines.push('Try one of these:');
  return lines.join('\n');
}

/** Each candidate: the fact in bold with its paragraph, then its sentence once (the fact bold in it), no sentence twice in the list. */
function alternativesList(alternatives: Answer['alternatives'], max = MAX_ALTERNATIVES_SHOWN, said = new SaidOnce()): string {
  return alternatives
    .slice(0, max)
    .map((alt) => {
      const evidence = said.filter(oneLine(alt.evidence));
      const span = evidence ? findSpan(evidence, alt.fact) : undefined;
      const sentence = !evidence ? '' : span ? `${escapeText(evidence.slice(0, span.start))}**${escapeText(evidence.slice(span.start, span.end))}**${escapeText(evidence.slice(span.end))}` : escapeText(evidence);
      return `**${escapeText(oneLine(alt.fact))}** (¶${alt.citation.paragraph})${sentence ? `\n> ${sentence}` : ''}`;
    })
    .join('\n');
}


/** /search: the best passages, each once with its paragraph, within the description budget. */
function describeSearch(answer: Answer): string {
  const passages = [{ paragraph: answer.citations[0]?.paragraph, text: answer.evidence || answer.fact }, ...answer.alternatives.map((a) => ({ paragraph: a.citation.paragraph, text: a.evidence || a.fact }))]
    .slice(0, SEARCH_PASSAGES_IN_ANSWER);
  const each = Math.floor(DESCRIPTION_BUDGET / passages.length) - 12;
  return passages.map((p) => `**¶${p.paragraph ?? '?'}** ${escapeText(cutAtWord(p.text, each))}`).join('\n');
}

/** What the person typed, for a title: the question's own words, without options they did not type. */
export function askedText(question: Question): string {
  if (question.command === 'quote') return `/quote ${[question.speaker && `speaker:${question.speaker}`, question.topic && `topic:${question.topic}`].filter(Boolean).join(' ') || question.text}`;
  // A routed question already starts with its question word ("who is the mayor?"): do not say "/who who".
  if (new RegExp(`^${question.command}\\b`, 'i').test(question.text.trim())) return question.text;
  return `/${question.command} ${question.text}`;
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
    // A search that matched nothing still offers a way on: the closest terms the article has.
    const offered = answer.command === 'search' && !answer.suggestions.length && article ? closestTerms(article, question.text) : [];
    const shown = offered.length ? { ...answer, suggestions: offered } : answer;
    const description = describeNotFound(shown, article) + (offered.length ? '\nSearch for one of these instead:' : '');
    const embed: APIEmbed = { color: COLOR_NOT_FOUND, title, description };
    if (article) embed.footer = { text: truncate(oneLine(article.article.headline), LIMITS.embedFooter) };
    return { embeds: [fitEmbed(embed)], components: notFoundComponents(shown, question, shown.suggestions) };
  }
  const description = answer.command === 'search' ? describeSearch(answer) : describeAnswer(answer);
  const embed: APIEmbed = { color: COLOR_FOUND, title, description };
  const footer = articleFooter(answer, article);
  if (footer) embed.footer = { text: footer };
  const others = otherMatches(answer, question, peopleNames(article));
  const components = foundComponents(answer, question, article, description, others.length > 0);
  // Too long a question to carry in a button: show the next candidates right away instead.
  if (others.length && !encodeButton({ kind: 'matches', question: { ...question, article: answer.article?.slug ?? question.article } })) {
    const said = new SaidOnce();
    said.note(`${answer.fact} ${answer.evidence}`);
    embed.fields = [{ name: 'Other matches', value: alternativesList(others, 3, said) || 'No other matches in the article.' }];
  }
  return { embeds: [fitEmbed(embed)], components };
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

/** "Other matches": the next candidates of the kind asked for, none repeating the answer shown. */
export function renderAlternatives(answer: Answer, question: Question, article?: ArticleIndex): APIEmbed {
  const items = otherMatches(answer, question, peopleNames(article)).slice(0, MAX_ALTERNATIVES_SHOWN);
  const list = (n: number) => {
    const said = new SaidOnce();
    said.note(`${answer.fact} ${answer.evidence}`);
    return alternativesList(items, n, said);
  };
  let description = items.length ? list(items.length) : 'No other matches in the article.';
  // Drop whole items rather than cut one in half.
  for (let n = items.length; description.length > LIMITS.embedDescription && n > 1; n--) description = list(n - 1);
  return fitEmbed({ color: COLOR_FOUND, title: `Other matches · ${escapeText(oneLine(askedText(question)))}`, description });
}
