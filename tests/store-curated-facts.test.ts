import { describe, expect, it } from 'vitest';
import { answerInput, Library, parseArticle } from '../src/index.js';
import { buildArticleIndex, type ArticleIndex } from '../src/search/article-index.js';
import { applyCuratedFacts, curatedFactsSchema, type CuratedFacts } from '../src/store/index.js';
import { fixture } from './fixtures/store/helpers.js';

const article = parseArticle(fixture('harbour-v2.txt').toString(), 'harbour');
// Sentences: 0 reopened, 1 Marek Lind said, 2 "The bridge…" Lind said, 3 Mayor Ana Ruiz, 4 city paid, 5 Pablo Ruiz.

/**
 * An index as an extractor might leave it: a wrong role, a surname-only person, two Ruizes.
 * Built by the engine, then its fact lists replaced, so the derived parts (name lookup,
 * mentions) are the engine's own.
 */
function extracted(): ArticleIndex {
  const built = buildArticleIndex(article);
  const people = [
    { id: 'lind', name: 'Lind', aliases: [], roles: ['port authority'], mentions: [2] },
    { id: 'ana ruiz', name: 'Ana Ruiz', aliases: ['Ruiz'], roles: ['Mayor'], mentions: [3] },
    { id: 'pablo ruiz', name: 'Pablo Ruiz', aliases: ['Ruiz'], roles: ['deputy'], mentions: [5] },
    { id: 'kessel harbour', name: 'Kessel Harbour', aliases: [], roles: [], mentions: [0] },
  ];
  const organisations = [{ name: 'port authority', mentions: [1] }];
  return {
    ...built,
    people,
    organisations,
    places: [],
    times: [{ expression: 'on Wednesday', kind: 'weekday', sentence: 0, paragraph: 1, start: 36, end: 48, future: false }],
    quotes: [{ text: 'The bridge is safe for heavy trucks again,', speaker: 'Lind', personId: 'lind', sentence: 2, paragraph: 2 }],
    facts: {
      ...built.facts,
      people,
      organisations,
      places: [],
      mentions: [{ personId: 'lind', sentence: 2, start: 45, end: 49, pronoun: false }],
      firstMention: new Map([['lind', 2]]),
      genders: new Map([['lind', 'male']]),
    },
  };
}

const facts = (input: unknown): CuratedFacts => curatedFactsSchema.parse(input);

describe('applying curated facts', () => {
  it('GIVEN a surname-only person WHEN the curated full name lists the surname as an alias THEN the person is renamed, gains the curated role, and their quotes follow', () => {
    const index = applyCuratedFacts(extracted(), facts({ people: [{ name: 'Marek Lind', role: 'chief engineer', aliases: ['Lind'] }] }));
    const lind = index.people.find((p) => p.id === 'marek lind')!;
    expect(lind).toEqual({ id: 'marek lind', name: 'Marek Lind', aliases: ['Lind'], roles: ['chief engineer'], mentions: [1, 2] });
    expect(index.people.some((p) => p.id === 'lind')).toBe(false);
    expect(index.quotes[0]).toMatchObject({ speaker: 'Marek Lind', personId: 'marek lind' });
  });

  it('GIVEN two people sharing a surname WHEN one is corrected THEN the other is left as it was', () => {
    const index = applyCuratedFacts(extracted(), facts({ people: [{ name: 'Pablo Ruiz', role: 'deputy mayor' }] }));
    expect(index.people.find((p) => p.name === 'Pablo Ruiz')!.roles).toEqual(['deputy mayor']);
    expect(index.people.find((p) => p.name === 'Ana Ruiz')).toEqual(extracted().people[1]);
  });

  it('GIVEN a person the extractor missed THEN they are added with every sentence naming them', () => {
    const index = applyCuratedFacts(extracted(), facts({ people: [{ name: 'Mayor Ana Ruiz', role: 'mayor' }, { name: 'Kessel', aliases: [] }] }));
    // "Mayor Ana Ruiz" is not the same full name as "Ana Ruiz": curated people match by full name or alias only.
    expect(index.people.find((p) => p.name === 'Mayor Ana Ruiz')).toMatchObject({ roles: ['mayor'], mentions: [3] });
    expect(index.people.find((p) => p.name === 'Kessel')).toMatchObject({ mentions: [0] });
  });

  it('GIVEN a wrongly extracted person marked remove THEN they are dropped and nothing else changes', () => {
    const before = extracted();
    const index = applyCuratedFacts(before, facts({ people: [{ name: 'Kessel Harbour', remove: true }] }));
    expect(index.people.map((p) => p.name)).toEqual(['Lind', 'Ana Ruiz', 'Pablo Ruiz']);
    expect(index.quotes).toEqual(before.quotes);
  });

  it('GIVEN a removed speaker THEN their quotes stay, without the link to the removed person', () => {
    const index = applyCuratedFacts(extracted(), facts({ people: [{ name: 'Lind', remove: true }] }));
    expect(index.quotes[0]).toMatchObject({ text: 'The bridge is safe for heavy trucks again,', speaker: 'Lind', personId: undefined });
  });

  it('GIVEN a curated quote THEN an existing quote is re-attributed, and a missing one is added at its sentence', () => {
    const index = applyCuratedFacts(
      extracted(),
      facts({
        quotes: [
          { text: '"The bridge is safe for heavy trucks again,"', speaker: 'Pablo Ruiz' },
          { text: 'a second inspection is planned for March', speaker: 'Pablo Ruiz' },
        ],
      }),
    );
    expect(index.quotes).toEqual([
      { text: 'The bridge is safe for heavy trucks again,', speaker: 'Pablo Ruiz', personId: 'pablo ruiz', sentence: 2, paragraph: 2 },
      { text: 'a second inspection is planned for March', speaker: 'Pablo Ruiz', personId: 'pablo ruiz', sentence: 5, paragraph: 4 },
    ]);
  });

  it('GIVEN curated organisations and places THEN the missing ones are added with their mentions, without duplicates', () => {
    const index = applyCuratedFacts(extracted(), facts({ organisations: ['Port Authority', 'city'], places: ['Kessel'] }));
    expect(index.organisations).toEqual([
      { name: 'port authority', mentions: [1] },
      { name: 'city', mentions: [4] },
    ]);
    expect(index.places).toEqual([{ name: 'Kessel', mentions: [0] }]);
  });

  it('GIVEN a renamed person THEN the engine name lookup and mentions follow the curated name', () => {
    const index = applyCuratedFacts(extracted(), facts({ people: [{ name: 'Marek Lind', role: 'chief engineer', aliases: ['Lind', 'the engineer'] }] }));
    expect(index.names.search('the engineer').map((r) => r.item)).toContainEqual({ name: 'the engineer', kind: 'person', ref: 'marek lind' });
    expect(index.names.search('Lind').some((r) => r.item.ref === 'lind')).toBe(false);
    expect(index.facts.people).toBe(index.people);
    expect(index.facts.mentions.filter((m) => m.personId === 'marek lind').map((m) => m.sentence)).toEqual([1, 2]);
    expect(index.facts.firstMention.get('marek lind')).toBe(2);
    expect(index.facts.genders.get('marek lind')).toBe('male');
  });

  it('GIVEN curated facts for the real engine THEN its /who answer leads with the curated role', () => {
    const curated = applyCuratedFacts(buildArticleIndex(article), facts({ people: [{ name: 'Marek Lind', role: 'harbour master of Kessel', aliases: ['Lind'] }] }));
    const answer = answerInput(new Library([curated]), '/who Marek Lind');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('harbour master of Kessel');
  });

  it('GIVEN any curated facts THEN the index passed in is left untouched', () => {
    const before = extracted();
    const { search: _search, names: _names, ...copy } = structuredClone({ ...before, search: undefined, names: undefined });
    applyCuratedFacts(before, facts({ people: [{ name: 'Marek Lind', role: 'engineer', aliases: ['Lind'] }, { name: 'Pablo Ruiz', remove: true }], places: ['Kessel'] }));
    const { search: _s, names: _n, ...after } = before;
    expect(after).toEqual(copy);
  });
});
