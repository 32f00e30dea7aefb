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
}

const fuseCache = new WeakMap<readonly Candidate[], Fuse<Candidate>>();

function fuseFor(candidates: readonly Candidate[]): Fuse<Candidate> {
  let fuse = fuseCache.get(candidates);
  if (!fuse) {
    fuse = new Fuse(candidates as Candidate[], {
      keys: ['name', 'aliases'],
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
  return undefined;
}

function toChoice(candidate: Candidate): ApplicationCommandOptionChoiceData<string> | undefined {
  const name = truncate(oneLine(candidate.name), LIMITS.choiceName);
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
  const typed = fold(oneLine(typedRaw ?? '')).slice(0, 100);
  let ordered: Candidate[];
  if (!typed) {
    ordered = [...candidates].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  } else {
    const exact: Candidate[] = [];
    const prefix: Candidate[] = [];
    for (const candidate of candidates) {
      const t = tier(candidate, typed);
      if (t === 0) exact.push(candidate);
      else if (t === 1) prefix.push(candidate);
    }
    const byWeight = (a: Candidate, b: Candidate) => b.weight - a.weight || a.name.localeCompare(b.name);
    const fuzzy = fuseFor(candidates)
      .search(typed, { limit: max * 2 })
      .map((r) => r.item);
    ordered = [...exact.sort(byWeight), ...prefix.sort(byWeight), ...fuzzy];
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

/** People and organisations, for /who. */
export const peopleAndOrganisations = memo((index: ArticleIndex) => [
  ...index.people.map((p) => ({ name: p.name, value: p.name, aliases: p.aliases, weight: p.mentions.length })),
  ...index.organisations.map((o) => ({ name: o.name, value: o.name, weight: o.mentions.length })),
]);

/** Everyone quoted, by how many quotes they have, for /quote speaker. */
export const speakers = memo((index: ArticleIndex) => {
  const counts = new Map<string, number>();
  for (const quote of index.quotes) counts.set(quote.speaker, (counts.get(quote.speaker) ?? 0) + 1);
  const aliasesOf = new Map(index.people.map((p) => [p.name, p.aliases]));
  return [...counts].map(([speaker, count]) => ({ name: speaker, value: speaker, aliases: aliasesOf.get(speaker) ?? [], weight: count }));
});

/** Places, for /where. */
export const places = memo((index: ArticleIndex) => index.places.map((p) => ({ name: p.name, value: p.name, weight: p.mentions.length })));

/** The loaded articles, by headline, in library order on an empty field. */
export const articles = memo((library: Library) =>
  library.list().map((ix, position) => ({
    name: `${ix.article.headline} (${ix.article.slug})`,
    value: ix.article.slug,
    aliases: [ix.article.slug, ix.article.headline],
    weight: -position,
  })),
);
