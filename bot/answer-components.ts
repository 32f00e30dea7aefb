// The ways on from an answer, as components: "Show paragraph" (a select menu when several cited
// paragraphs add something), "Other matches", and for "not in the article" the suggestions as
// buttons that ask the suggested question in one click. Every id is made by button-ids.ts, so a
// click is validated the same way whatever the component.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
} from 'discord.js';
import type { Answer, Question } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import { comparable } from './answer-text.js';
import { encodeButton, PICK_MENU_ID, type DocentButton } from './button-ids.js';
import { LIMITS, oneLine } from './discord-text.js';
import { SaidOnce } from './say-once.js';

export type ComponentRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Discord allows 5 buttons a row and 25 options a select menu. */
const BUTTONS_PER_ROW = 5;
const MENU_OPTIONS = 25;
/** A select option's description is at most 100 characters; a short preview reads better. */
const PREVIEW_LENGTH = 70;

/** `text` cut to `max` characters at a word, with "…" when cut. */
export function cutAtWord(text: string, max: number): string {
  const line = oneLine(text);
  if (line.length <= max) return line;
  const head = line.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 3 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, '')}…`;
}

function button(label: string, customId: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label: cutAtWord(label, LIMITS.buttonLabel), custom_id: customId };
}

// Per article index, built once (every reply without the answer cache renders: keep it cheap).
const namesCache = new WeakMap<ArticleIndex, string[]>();
const sentencesCache = new WeakMap<ArticleIndex, Map<number, Array<{ index: number; text: string; same: string }>>>();

/** The names the article's people go by, for the "a person for who" check. */
export function peopleNames(article: ArticleIndex | undefined): string[] {
  if (!article) return [];
  let names = namesCache.get(article);
  if (!names) namesCache.set(article, (names = article.people.flatMap((p) => [p.name, ...p.aliases])));
  return names;
}

/** A paragraph's sentences with their comparable text, by paragraph number. */
function paragraphSentences(article: ArticleIndex, paragraph: number): Array<{ index: number; text: string; same: string }> {
  let byParagraph = sentencesCache.get(article);
  if (!byParagraph) {
    byParagraph = new Map(article.article.paragraphs.map((p) => [p.number, p.sentences.map((s) => ({ index: s.index, text: s.text, same: comparable(s.text) }))]));
    sentencesCache.set(article, byParagraph);
  }
  return byParagraph.get(paragraph) ?? [];
}

/** The sentence of `paragraph` that the evidence comes from, as an index into the article's sentences. */
export function findEvidenceSentence(article: ArticleIndex, paragraph: number, evidence: string): number | undefined {
  if (!evidence) return undefined;
  const candidates = paragraphSentences(article, paragraph);
  const exact = candidates.find((s) => s.text === evidence);
  if (exact) return exact.index;
  return candidates.find((s) => s.text.includes(evidence) || evidence.includes(s.text))?.index;
}

/** The cited paragraphs a reader learns more from: not those that are only the sentence already shown. */
export function paragraphsWorthShowing(answer: Answer, article: ArticleIndex): Array<{ paragraph: number; sentence: number | undefined }> {
  const shown = comparable(`${answer.fact} ${answer.evidence}`);
  const numbers = [...new Set(answer.citations.filter((c) => c.article === article.article.slug).map((c) => c.paragraph))];
  return numbers.flatMap((number) => {
    const sentences = paragraphSentences(article, number);
    if (sentences.length === 0 || sentences.every((s) => shown.includes(s.same))) return [];
    return [{ paragraph: number, sentence: findEvidenceSentence(article, number, answer.evidence) }];
  });
}

/** A select menu whose options carry button ids: one pick does what the button would. */
function pickMenu(placeholder: string, options: APISelectMenuOption[]): ComponentRow {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.StringSelect, custom_id: PICK_MENU_ID, placeholder, min_values: 1, max_values: 1, options: options.slice(0, MENU_OPTIONS) }],
  };
}

/**
 * Components of a found answer. `description` is what the reply already says, so previews do not
 * repeat it; `hasOtherMatches` is whether otherMatches() kept any candidate.
 */
export function foundComponents(answer: Answer, question: Question, article: ArticleIndex | undefined, description: string, hasOtherMatches: boolean): ComponentRow[] {
  const rows: ComponentRow[] = [];
  const buttons: APIButtonComponent[] = [];
  const paragraphs = article ? paragraphsWorthShowing(answer, article) : [];
  const slug = article?.article.slug ?? '';
  if (paragraphs.length === 1) {
    const id = encodeButton({ kind: 'paragraph', slug, paragraph: paragraphs[0]!.paragraph, sentence: paragraphs[0]!.sentence });
    if (id) buttons.push(button('Show paragraph', id));
  }
  if (hasOtherMatches) {
    const id = encodeButton({ kind: 'matches', question: { ...question, article: answer.article?.slug ?? question.article } });
    if (id) buttons.push(button('Other matches', id));
  }
  if (buttons.length) rows.push({ type: ComponentType.ActionRow, components: buttons });
  if (paragraphs.length > 1 && article) {
    const said = new SaidOnce();
    said.note(description);
    const options = paragraphs.flatMap(({ paragraph, sentence }) => {
      const value = encodeButton({ kind: 'paragraph', slug, paragraph, sentence });
      const text = article.article.paragraphs.find((p) => p.number === paragraph)?.text ?? '';
      const preview = said.filter(cutAtWord(text, PREVIEW_LENGTH));
      return value ? [{ label: `Show ¶${paragraph}`, value, ...(preview && { description: preview }) }] : [];
    });
    if (options.length) rows.push(pickMenu('Show a cited paragraph', options));
  }
  return rows;
}

/** What clicking a suggestion does: ask the suggested question, or show the paragraph it quotes. */
export function suggestionAction(suggestion: string, answer: Answer, question: Question): { label: string; action: DocentButton } | undefined {
  const article = answer.article?.slug ?? question.article;
  const text = oneLine(suggestion);
  const slash = /^\/(who|when|where|quote|ask|search) (\S.*)$/.exec(text);
  if (slash) {
    const command = slash[1] as Question['command'];
    const asked = slash[2]!;
    return { label: text, action: { kind: 'ask', question: { command, text: asked, ...(command === 'quote' && { speaker: asked }), article } } };
  }
  const paragraph = /^¶(\d{1,6}):/.exec(text);
  if (paragraph && article) return { label: `Show ¶${paragraph[1]}`, action: { kind: 'paragraph', slug: article, paragraph: Number(paragraph[1]) } };
  // A person as "Name (role)": ask who they are.
  const name = text.replace(/\s*\(.*$/, '').trim();
  const command = question.command === 'search' ? 'search' : 'who';
  return name ? { label: text, action: { kind: 'ask', question: { command, text: name, article } } } : undefined;
}

/**
 * A suggestion that quotes a paragraph ("¶4: Prosecutors said…"), as the whole sentence from the
 * article when the engine cut it; undefined for other suggestions.
 */
export function paragraphSuggestion(suggestion: string, article: ArticleIndex | undefined): { paragraph: number; text: string } | undefined {
  const m = /^¶(\d{1,6}): ?(\S[\s\S]*)$/.exec(oneLine(suggestion));
  if (!m) return undefined;
  const paragraph = Number(m[1]);
  const cut = m[2]!.replace(/…$/, '');
  const whole = article?.article.sentences.find((s) => s.paragraph === paragraph && s.text.startsWith(cut));
  return { paragraph, text: whole?.text ?? m[2]! };
}

/** Components of a "not in the article" answer: each suggestion a button that asks it (or shows the paragraph it quotes). */
export function notFoundComponents(answer: Answer, question: Question, suggestions: readonly string[]): ComponentRow[] {
  const buttons: APIButtonComponent[] = [];
  const seen = new Set<string>();
  for (const suggestion of suggestions) {
    const made = suggestionAction(suggestion, answer, question);
    const id = made && encodeButton(made.action);
    if (!made || !id || seen.has(id)) continue;
    seen.add(id);
    buttons.push(button(made.label, id));
    if (buttons.length >= BUTTONS_PER_ROW) break;
  }
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/**
 * For a /search that matched nothing: the article's names closest to what was typed (fuzzy), or
 * its most-mentioned ones, as suggestions to search for instead.
 */
export function closestTerms(article: ArticleIndex, typed: string, max = 4): string[] {
  const fuzzy = typed.trim() ? article.names.search(typed.trim(), { limit: max * 2 }).map((r) => r.item.name) : [];
  const mentioned = [...article.people, ...article.organisations, ...article.places]
    .map((thing) => ({ name: thing.name, mentions: thing.mentions.length }))
    .sort((a, b) => b.mentions - a.mentions)
    .map((t) => t.name);
  return [...new Set([...fuzzy, ...mentioned])].slice(0, max).map((name) => `/search ${name}`);
}
