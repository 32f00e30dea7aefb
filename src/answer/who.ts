// /who: a person by name (typos forgiven), by description ("the State Department spokeswoman"),
// or by what they did ("thanked Putin"); an organisation or place by name.
import type Fuse from 'fuse.js';
import { acronymsIn, type ArticleIndex, type NameEntry, type Person } from '../search/article-index.js';
import type { Answer } from '../types.js';
import { contentTokens, tokenize } from '../text/tokens.js';
import { ORGANISATION_WORDS, PEOPLE_WORDS, ROLE_NOUNS } from '../text/lexicon.js';
import { isPersonNoun, isVerbForm } from '../text/words.js';
import { boundedMemo } from '../text/memo.js';
import { agentOf, findWordPosition, type Agent } from './agent.js';
import { foundAnswer, notFoundAnswer, paragraphOf, sentenceText, type AnswerContext, type Candidate } from './compose.js';
import { findPeopleByName, findThingsByName, matchEvent, stripQuestion, suggestPeople, suggestSentences, wordsAgree, wordsOf } from './match.js';

/** Adverbs that open an action without being its verb ("first noticed"). */
const NOT_A_VERB = new Set(['first', 'also', 'later', 'then', 'ever', 'still', 'just', 'reportedly', 'initially', 'eventually', 'finally', 'recently', 'allegedly', 'actually', 'originally', 'personally', 'directly']);

function personSummary(ix: ArticleIndex, person: Person): Candidate {
  const described = person.roles.filter((r) => !/^(?:who|whose|aged)\b/.test(r));
  const clauses = person.roles.filter((r) => /^(?:who|whose)\b/.test(r));
  const role = described.length ? described.slice(0, 2).join('; ') : (clauses[0] ?? '');
  const fact = role ? `${person.name}, ${role}` : person.name;
  // The first sentence that names them outside a quote says best who they are.
  const plain = person.mentions.find((s) => {
    const text = ix.article.sentences[s]!.text.replace(/"[^"]*"/g, '').replace(/\([^)]*\)/g, '');
    return [person.name, ...person.aliases].some((n) => text.includes(n));
  });
  const firstNamed = plain ?? ix.facts.firstMention.get(person.id) ?? person.mentions[0] ?? 0;
  const paragraphs = [...new Set(person.mentions.map((s) => paragraphOf(ix, s)))];
  return { fact, sentence: firstNamed, paragraphs, score: 1, confidence: 0.95 };
}

function describeThing(ix: ArticleIndex, thing: { name: string; mentions: number[]; kind: string }): Candidate {
  const first = thing.mentions[0] ?? 0;
  return { fact: thing.name, sentence: first, paragraphs: [...new Set(thing.mentions.map((s) => paragraphOf(ix, s)))], score: 0.9, confidence: 0.85 };
}

/** Does the typed text look like someone's name rather than a description or an action? */
function looksLikeName(typed: string): boolean {
  const words = typed.trim().split(/\s+/);
  if (words.length > 4) return false;
  if (/^(?:the|a|an|his|her|their)\b/i.test(typed)) return false;
  if (words.some((w) => /^\p{Ll}/u.test(w) && (isVerbForm(w, ['past', 'ing']) || ROLE_NOUNS.has(w.toLowerCase())))) return false;
  return words.every((w) => /^\p{Lu}/u.test(w)) || words.length <= 2;
}

/** People (and unnamed actors) whose role matches a description such as "the police spokesperson". */
export function matchDescription(ix: ArticleIndex, description: string): { candidates: Candidate[]; strength: number } {
  const bare = description.replace(/^(?:the|a|an)\s+/i, '');
  const tokens = contentTokens(bare).map((t) => t.raw);
  if (tokens.length === 0 || tokens.length > 6) return { candidates: [], strength: 0 };
  // "the chief executive of Aldermoor": the role is the head; "of Aldermoor" only qualifies it.
  const [rolePart = '', qualifierPart = ''] = bare.split(/\s+(?:of|at|for|from|in|with)\s+(.*)/i);
  const roleTokens = contentTokens(rolePart).map((t) => t.raw);
  const asked = roleTokens.length ? roleTokens : tokens;
  const qualifiers = roleTokens.length ? contentTokens(qualifierPart).map((t) => t.raw) : [];
  const head = asked.at(-1)!;
  const scored: { candidate: Candidate; score: number }[] = [];
  /**
   * How well a role fits: its words against the role asked, then the qualifier ("of Aldermoor").
   * A word that the paragraphs around the person say rather than the role counts a little less
   * ("Chief executive X … Aldermoor employs 260"); a role without the qualifier fits less well.
   */
  const scoreRole = (role: string, sentences: readonly number[]): number => {
    const roleWords = roleWordsOf(role);
    if (!roleWords.some((w) => wordsAgree(head, w) > 0)) return 0;
    const inRole = (t: string) => Math.max(0, ...roleWords.map((w) => wordsAgree(t, w)));
    const paragraphs = new Set(sentences.map((i) => paragraphOf(ix, i)));
    // "the avalanche forecaster" for "a forecaster at the service", the Northern Avalanche Service
    // being named near them: a word of the organisation the role points to.
    const ofTheirOrganisation = (t: string) =>
      ix.organisations.some((o) => {
        const words = wordsOf(o.name);
        return words.some((w) => wordsAgree(t, w) === 1) && roleWords.includes(words.at(-1)!) && o.mentions.some((m) => paragraphs.has(paragraphOf(ix, m)));
      });
    const fit = asked.reduce((sum, t) => sum + (inRole(t) || (t !== head && ofTheirOrganisation(t) ? QUALIFIER_NEARBY : 0)), 0) / asked.length;
    if (qualifiers.length === 0) return fit;
    let nearby: readonly string[] | undefined;
    const qualified = qualifiers.reduce((sum, t) => {
      const agree = inRole(t);
      if (agree > 0) return sum + agree;
      nearby ??= wordsOf([...paragraphs].map((p) => paragraphText(ix, p)).join(' '));
      return sum + (nearby.some((w) => wordsAgree(t, w) === 1) ? QUALIFIER_NEARBY : 0);
    }, 0) / qualifiers.length;
    return fit * (1 - QUALIFIER_WEIGHT + QUALIFIER_WEIGHT * qualified);
  };
  for (const person of ix.people) {
    // A title and an appositive describe one person: "Professor …, a political scientist" is a politics professor.
    let best = 0;
    for (const role of person.roles) best = Math.max(best, scoreRole(role, person.mentions));
    best = Math.max(best, scoreRole(person.roles.join('; '), person.mentions));
    if (best > 0) scored.push({ candidate: { ...personSummary(ix, person), score: best, confidence: 0.6 + 0.35 * best }, score: best });
  }
  for (const actor of ix.facts.unnamed) {
    const s = scoreRole(actor.phrase, [actor.sentence]);
    if (s > 0) scored.push({ candidate: { fact: actor.phrase, sentence: actor.sentence, score: s * 0.9, confidence: 0.5 + 0.3 * s }, score: s * 0.9 });
  }
  scored.sort((a, b) => b.score - a.score);
  return { candidates: scored.map((s) => s.candidate), strength: scored[0]?.score ?? 0 };
}

/** A role's words with its acronyms' ("Northern Avalanche Service" → "nas"), remembered: every description question reads every role. */
const roleWordsOf: (role: string) => readonly string[] = boundedMemo(50_000, (role) => wordsOf(`${role} ${acronymsIn(role)}`));

/** How much a word of a description counts when it is near the person rather than in their role. */
const QUALIFIER_NEARBY = 0.8;
/** How much of a description's fit the qualifier decides: without it, a role fits too weakly to answer alone. */
const QUALIFIER_WEIGHT = 0.4;

function paragraphText(ix: ArticleIndex, paragraph: number): string {
  return ix.article.paragraphs[paragraph - 1]?.text ?? '';
}

/**
 * "Who inspected the ward" answered by "inspectors from the Care Quality Board": when the verb
 * asked about appears as the noun for its doer, that noun and its "from/of/at" phrase are the answer.
 */
function agentNoun(text: string, at: { start: number; end: number }, asked: string): { text: string; named: boolean } | undefined {
  const word = text.slice(at.start, at.end);
  // A noun for a person, looked up in WordNet; "inspectors" for "inspected", not "inspectors" for "inspectors".
  if (!isPersonNoun(word) || isPersonNoun(asked)) return undefined;
  const phrase = /^[\p{L}'-]+(?:\s+(?:from|of|at|with)\s+(?:the\s+)?[^,.;]{2,60}?)?(?=[,.;]|\s{1,20}(?:spent|said|who|which|that|and|found|had|have|were|was|are|is)\b|$)/u.exec(text.slice(at.start));
  if (!phrase) return undefined;
  return { text: phrase[0], named: /\p{Lu}/u.test(phrase[0]) };
}

/**
 * News ledes describe before they name: "a former logistics manager" in the first paragraph is
 * "Marcus Whitfield, 41, …" who opens the second. Only for an indefinite description in the lede.
 */
function namedInNextParagraph(ix: ArticleIndex, sentence: number, description: string): Agent | undefined {
  const s = ix.article.sentences[sentence]!;
  // Only a description of a person ("a former logistics manager"), not "a jury" or "a storm".
  if (s.paragraph > 1 || !/^(?:a|an)\s/i.test(description) || !ROLE_NOUNS.has(description.split(/\s+/).pop()!.toLowerCase())) return undefined;
  const next = ix.article.paragraphs[s.paragraph]?.sentences[0];
  if (!next) return undefined;
  const opener = ix.facts.mentions.find((m) => m.sentence === next.index && !m.pronoun && m.start === 0);
  const person = opener ? ix.people.find((p) => p.id === opener.personId) : undefined;
  return person ? { text: `${person.name} (${description})`, personId: person.id, named: true } : undefined;
}

/** Who did something: the doer of the best-matching sentence's verb. */
function matchAction(ix: ArticleIndex, action: string): Candidate[] {
  const terms = ix.search.terms(action);
  const key = terms.find((t) => !NOT_A_VERB.has(t.token.norm));
  if (!key || key.expansions.size === 0) return [];
  const hits = matchEvent(ix, action);
  // People the question names (by full name, or by a surname written with its capital).
  const asked = new Set(wordsOf(action));
  const capitalised = new Set(wordsOf(action.replace(/\b\p{Ll}[\p{L}'-]*/gu, '')));
  const askedAbout = new Set(
    ix.people
      .filter((p) => wordsOf(p.name).every((w) => asked.has(w)) || p.aliases.some((a) => wordsOf(a).every((w) => capitalised.has(w))))
      .map((p) => p.id),
  );
  const askedStems = new Set(contentTokens(action).map((t) => t.stem));
  const out: Candidate[] = [];
  for (const hit of hits) {
    const text = sentenceText(ix, hit.index);
    const at = findWordPosition(text, key.expansions);
    if (!at) continue;
    let agent: Agent | undefined = agentNoun(text, at, key.token.raw) ?? agentOf(ix, hit.index, at.start, at.end);
    if (!agent) continue;
    if (!agent.named) agent = namedInNextParagraph(ix, hit.index, agent.text) ?? agent;
    // "Who was suspended?" is not answered by "Test trains … were suspended": a description must be of people.
    if (!agent.named && !describesPeople(agent.text)) continue;
    const factor = agent.named ? 1 : 0.7;
    // "Who convicted Whitfield?" is not answered by "Whitfield was convicted": the doer is someone else.
    if (agent.personId && askedAbout.has(agent.personId)) continue;
    // Nor by the thing it was done to: "which documents keep leaking" names no leaker.
    if (!agent.named && tokenize(agent.text).some((t) => askedStems.has(t.stem))) continue;
    out.push({ fact: agent.text, sentence: hit.index, score: hit.score * factor * hit.coverage, confidence: Math.min(0.9, hit.coverage * factor) });
  }
  return out.sort((a, b) => b.score - a.score);
}

const PERSON_SUFFIX = /(?:er|or|ist|ian|ant|ent|ee|ive|man|men|woman|women|person|people)s?$/;

/**
 * Whether a description can be of someone ("a senior diplomat", "divers from the underwater search
 * unit", "many"): one of its words names people, a group or an organisation. "Test trains" cannot.
 */
function describesPeople(description: string): boolean {
  return description
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean)
    .some((written, i) => {
      const word = written.toLowerCase();
      const singular = word.replace(/(?<=[^s])s$/, '');
      // A suffix says nothing of a name inside the phrase: "Brackwater" is no one's job.
      const suffixSays = (i === 0 || !/^\p{Lu}/u.test(written)) && PERSON_SUFFIX.test(word);
      return ROLE_NOUNS.has(word) || ROLE_NOUNS.has(singular) || ORGANISATION_WORDS.has(singular) || PEOPLE_WORDS.has(word) || suffixSays;
    });
}

export function answerWho(ix: ArticleIndex, ctx: AnswerContext, text: string): Answer {
  const typed = stripQuestion(text);
  if (!typed) return notFoundAnswer(ix, ctx, suggestPeople(ix), 'Who would you like to know about? Give a name, a description or an action.');

  const people = findPeopleByName(ix, typed);
  if (people.length && people[0]!.score >= 0.6) {
    const top = people.filter((p) => p.score >= people[0]!.score - 0.05);
    if (top.length > 1) {
      // Two people share the name typed (a surname): name them both rather than pick one.
      const facts = top.map((p) => personSummary(ix, p.item));
      const text = `${top.length} people: ${facts.map((f) => f.fact).join('; ')}`;
      return foundAnswer(ix, ctx, { ...facts[0]!, fact: text, text, paragraphs: facts.flatMap((f) => f.paragraphs ?? []) }, facts.slice(1));
    }
    return foundAnswer(ix, ctx, personSummary(ix, people[0]!.item), people.slice(1).map((p) => personSummary(ix, p.item)));
  }
  const things = findThingsByName(ix, typed);
  if (things.length && things[0]!.score >= 0.8 && looksLikeName(typed)) return foundAnswer(ix, ctx, describeThing(ix, things[0]!.item));

  const described = matchDescription(ix, typed);
  // "thanked Putin", "arrests protesters": a first word that is a verb form asks for a doer, even when it looks like a name.
  const firstWord = /^[\p{L}'-]+/u.exec(typed)?.[0] ?? '';
  const actions = looksLikeName(typed) && !isVerbForm(firstWord, ['past', 's']) ? [] : matchAction(ix, typed);
  if (described.strength >= 0.75) return foundAnswer(ix, ctx, described.candidates[0]!, [...described.candidates.slice(1), ...actions]);
  if (actions.length) return foundAnswer(ix, ctx, actions[0]!, [...actions.slice(1), ...described.candidates]);

  const suggestions = looksLikeName(typed) ? closestNames(ix, typed) : suggestSentences(ix, typed);
  return notFoundAnswer(ix, ctx, suggestions.length ? suggestions : suggestPeople(ix));
}

function closestNames(ix: ArticleIndex, typed: string): string[] {
  const query = typed.slice(0, 60);
  if (!someNameWithin(ix.names, query)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of ix.names.search(query, { limit: 8 })) {
    const person = r.item.kind === 'person' ? ix.people.find((p) => p.id === r.item.ref) : undefined;
    const name = person ? person.name : r.item.name;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out.slice(0, 4);
}

/** Each name finder's names in lowercase, or undefined for a name that is not plain ASCII. */
const plainNames = new WeakMap<Fuse<NameEntry>, (string | undefined)[]>();

/**
 * False only when Fuse cannot find anything for the query: no name holds a stretch within the
 * threshold's share of edits of it ("Samuel Ortega", "Angela Merkel" in an article without them).
 * Fuse's bitap reports a name only at i errors with i / length <= threshold, and a bitap match with
 * i errors is a stretch of the name within i edits (insertions, deletions, substitutions), so the
 * cheaper edit distance below decides the empty case exactly; the search is then skipped (it was
 * over half the time of such a question). When a name comes within reach, Fuse ranks as before.
 * Non-ASCII text (case and accents folded by Fuse's own rules), long patterns (split in chunks)
 * and extended search are left to Fuse.
 */
export function someNameWithin(names: Fuse<NameEntry>, query: string): boolean {
  const { threshold, useExtendedSearch } = names.options;
  const pattern = query.toLowerCase();
  if (useExtendedSearch || !query.trim() || pattern.length > 32 || !/^[\x20-\x7e]*$/.test(pattern)) return true;
  let lowered = plainNames.get(names);
  if (!lowered) {
    lowered = names.getIndex().docs.map((d) => (/^[\x20-\x7e]*$/.test(d.name) ? d.name.toLowerCase() : undefined));
    plainNames.set(names, lowered);
  }
  // The most errors bitap accepts: its levels run from 0 below the length, while errors / length <= threshold.
  let most = -1;
  while (most + 1 < pattern.length && (most + 1) / pattern.length <= threshold) most++;
  if (most < 0) return true;
  const column = new Array<number>(pattern.length + 1);
  for (const name of lowered) if (name === undefined || closestStretch(pattern, name, column, most) <= most) return true;
  return false;
}

/** The fewest edits turning the pattern into some stretch of the text (Sellers), stopping once within `enough`. */
function closestStretch(pattern: string, text: string, column: number[], enough: number): number {
  const m = pattern.length;
  for (let i = 0; i <= m; i++) column[i] = i;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    // column holds the edits for text up to j (exclusive); a stretch may start anywhere: row 0 is 0.
    let diagonal = 0;
    for (let i = 1; i <= m; i++) {
      const above = column[i]!;
      const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
      column[i] = Math.min(above + 1, column[i - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
    best = Math.min(best, column[m]!);
    if (best <= enough) return best;
  }
  return best;
}
