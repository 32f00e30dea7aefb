// Autocomplete choices: exact matches first, then prefix matches, then fuzzy ones (fuse.js);
// on an empty field the most-mentioned. Never more than 25 choices, names and values at most
// 100 characters, as Discord requires.
import Fuse from 'fuse.js';
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Library } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import { LIMITS, oneLine, truncate } from './discord-text.js';

export interface Candidate {
  /** What the person sees. */
  name: string;
  /** What Discord sends back as the option's value. */
  value: string;
  /** Other ways to find it (a surname, a slug). */
  aliases?: string[];
  /** Higher first on an empty field (how often it is mentioned). */
  weight: number;
  /** Shown after the name and matched too: a person's role (`Heather Nauert — State Department spokeswoman`). */
  description?: string | undefined;
  /** Which article it is from, shown when several are offered at once. */
  articleLabel?: string | undefined;
}

const fuseCache = new WeakMap<readonly Candidate[], Fuse<Candidate>>();

function fuseFor(candidates: readonly Candidate[]): Fuse<Candidate> {
  let fuse = fuseCache.get(candidates);
  if (!fuse) {
    fuse = new Fuse(candidates as Candidate[], {
      keys: ['name', 'aliases', 'description'],
      threshold: 0.4,
      ignoreLocation: true,
      includeScore: true,
    });
    fuseCache.set(candidates, fuse);
  }
  return fuse;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

function tier(candidate: Candidate, typed: string): number | undefined {
  const names = [candidate.name, ...(candidate.aliases ?? [])].map(fold);
  if (names.includes(typed)) return 0;
  if (names.some((n) => n.startsWith(typed) || n.split(/[\s-]+/).some((word) => word.startsWith(typed)))) return 1;
  // Words inside the role: "the ju" finds the judge.
  const role = fold(candidate.description ?? '');
  if (role && (role.startsWith(typed) || role.includes(` ${typed}`))) return 2;
  return undefined;
}

/** Question words a person types before what they mean ("who is the ju…", "is the mayor"). */
const LEADING_FILLER = /^(?:who|whom|what|where|when|is|was|are|were|the|a|an)\s+/;

function stripFiller(typed: string): string {
  let text = typed;
  for (let i = 0; i < 4 && LEADING_FILLER.test(text); i++) text = text.replace(LEADING_FILLER, '');
  return text || typed;
}

/** "Name — role · article": the role and the article cut first, the name never. */
function choiceName(candidate: Candidate): string {
  const name = oneLine(candidate.name);
  const article = candidate.articleLabel ? ` · ${oneLine(candidate.articleLabel)}` : '';
  const role = candidate.description ? ` — ${oneLine(candidate.description)}` : '';
  if (name.length + role.length + article.length <= LIMITS.choiceName) return `${name}${role}${article}`;
  const roomForRole = LIMITS.choiceName - name.length - Math.min(article.length, 40);
  const shortArticle = article ? truncate(article, Math.max(0, Math.min(article.length, 40))) : '';
  const shortRole = role && roomForRole > 8 ? truncate(role, roomForRole) : '';
  return truncate(`${name}${shortRole}${shortArticle}`, LIMITS.choiceName);
}

function toChoice(candidate: Candidate): ApplicationCommandOptionChoiceData<string> | undefined {
  const name = truncate(choiceName(candidate), LIMITS.choiceName);
  // A value is sent back as typed: cutting it would change what is asked, so skip the few that cannot fit.
  if (!name || !candidate.value || candidate.value.length > LIMITS.choiceValue) return undefined;
  return { name, value: candidate.value };
}

/** Rank `candidates` for what has been typed so far. */
export function rankChoices(
  candidates: readonly Candidate[],
  typedRaw: string,
  limit: number = LIMITS.choices,
): ApplicationCommandOptionChoiceData<string>[] {
  const max = Math.min(limit, LIMITS.choices);
  const typed = stripFiller(fold(oneLine(typedRaw ?? '')).slice(0, 100));
  let ordered: Candidate[];
  if (!typed) {
    ordered = [...candidates].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  } else {
    const exact: Candidate[] = [];
    const prefix: Candidate[] = [];
    const inRole: Candidate[] = [];
    for (const candidate of candidates) {
      const t = tier(candidate, typed);
      if (t === 0) exact.push(candidate);
      else if (t === 1) prefix.push(candidate);
      else if (t === 2) inRole.push(candidate);
    }
    const byWeight = (a: Candidate, b: Candidate) => b.weight - a.weight || a.name.localeCompare(b.name);
    const fuzzy = fuseFor(candidates)
      .search(typed, { limit: max * 2 })
      .map((r) => r.item);
    ordered = [...exact.sort(byWeight), ...prefix.sort(byWeight), ...inRole.sort(byWeight), ...fuzzy];
  }
  const seen = new Set<string>();
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const candidate of ordered) {
    if (seen.has(candidate.value)) continue;
    const choice = toChoice(candidate);
    if (!choice) continue;
    seen.add(candidate.value);
    choices.push(choice);
    if (choices.length >= max) break;
  }
  return choices;
}

// Candidate lists are built once per article index (a refresh makes new indexes, so a WeakMap forgets the old).
function memo<K extends object>(build: (key: K) => Candidate[]): (key: K) => Candidate[] {
  const cache = new WeakMap<K, Candidate[]>();
  return (key) => {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = build(key)));
    return value;
  };
}

/** A person's first role, for the choice name. */
const roleOf = (roles: readonly string[]) => roles.find((r) => !r.startsWith('aged ')) ?? undefined;

/** People with their role, and organisations, for /who. */
export const peopleAndOrganisations = memo((index: ArticleIndex) => [
  ...index.people.map((p) => ({ name: p.name, value: p.name, aliases: p.aliases, weight: p.mentions.length, description: roleOf(p.roles) })),
  ...index.organisations.map((o) => ({ name: o.name, value: o.name, weight: o.mentions.length })),
]);

/** Everyone quoted, by how many quotes they have, with their role, for /quote speaker. */
export const speakers = memo((index: ArticleIndex) => {
  const counts = new Map<string, number>();
  for (const quote of index.quotes) if (quote.speaker) counts.set(quote.speaker, (counts.get(quote.speaker) ?? 0) + 1);
  const byName = new Map(index.people.map((p) => [p.name, p]));
  return [...counts].map(([speaker, count]) => ({
    name: speaker,
    value: speaker,
    aliases: byName.get(speaker)?.aliases ?? [],
    weight: count,
    description: roleOf(byName.get(speaker)?.roles ?? []),
  }));
});

/** "Marsh, who was not charged", "Marsh, 41,": a name written as a person's, whatever list it is in. */
function writtenAsPerson(name: string, text: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}, (who|aged|\\d{1,3},)`).test(text);
}

/** Places, for /where: never a person's name, even where the extractor filed one as a place. */
export const places = memo((index: ArticleIndex) => {
  const personNames = new Set(index.people.flatMap((p) => [p.name, ...p.aliases]).map(fold));
  const text = index.article.paragraphs.map((p) => p.text).join('\n');
  const people = new Set(index.places.filter((p) => personNames.has(fold(p.name)) || writtenAsPerson(p.name, text)).map((p) => fold(p.name)));
  // "Kevin Marsh" goes with "Marsh": a full name whose surname is written as a person's.
  const isPerson = (name: string) => people.has(fold(name)) || people.has(fold(name.split(/\s+/).pop() ?? ''));
  return index.places.filter((p) => !isPerson(p.name)).map((p) => ({ name: p.name, value: p.name, weight: p.mentions.length }));
});

const everywhere = new WeakMap<Library, Map<(index: ArticleIndex) => Candidate[], Candidate[]>>();

/**
 * `pick`'s candidates from every loaded article, each labelled with its article when there are
 * several (for a question that names no article: the engine then picks the article that answers).
 */
export function fromEveryArticle(library: Library, pick: (index: ArticleIndex) => Candidate[]): Candidate[] {
  let byPick = everywhere.get(library);
  if (!byPick) everywhere.set(library, (byPick = new Map()));
  let candidates = byPick.get(pick);
  if (!candidates) {
    const several = library.size > 1;
    candidates = library.list().flatMap((index) => pick(index).map((c) => (several ? { ...c, articleLabel: index.article.slug } : c)));
    byPick.set(pick, candidates);
  }
  return candidates;
}

/** The loaded articles, by headline, in library order on an empty field. */
export const articles = memo((library: Library) =>
  library.list().map((ix, position) => ({
    name: `${ix.article.headline} (${ix.article.slug})`,
    value: ix.article.slug,
    aliases: [ix.article.slug, ix.article.headline],
    weight: -position,
  })),
);
