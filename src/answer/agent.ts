// Who did it: the doer of a verb in a sentence, as news prose writes it — a subject before the
// verb, a relative "who", an agent after "by", a pronoun standing for someone named earlier.
import type { ArticleIndex } from '../search/article-index.js';
import { tokenize } from '../text/tokens.js';
import { STOP_WORDS, WEEKDAY_PATTERN } from '../text/lexicon.js';
import { isIngForm, isPastForm } from '../text/words.js';

export interface Agent {
  /** The doer as a reader should see it: a person's name, or a phrase ("a top Russian diplomat"). */
  text: string;
  personId?: string | undefined;
  /** True when the doer is a named person or organisation rather than a description. */
  named: boolean;
}

const TRAILING_FILLER = /(?:[\s,]+(?:also|later|then|first|deliberately|personally|repeatedly|had|has|have|was|were|is|are|been|be|being|would|will|could|can|did|does|do|not|never|just|still|reportedly|allegedly|initially|eventually|finally|recently|already|once|again|went on to|go on to|to|decided|tried|agreed|began|continued|helped|sought|planned|hoped|wanted|refused|failed|managed|went|on|keep|keeps|kept|continue|continues|seem|seems|appear|appears|tend|tends|directly|quickly|immediately|who had|which had|who|which|that|guilty of|accused of|convicted of|charged with|suspected of|responsible for|found))+\s*$/i;
const BOUNDARY = /[,;:()]|\b(?:and|but|that|which|when|while|because|after|before|although|though|if|as|said|says|told|wrote|according to)\b/gi;
const DETERMINER = /\b(?:a|an|the|many|some|several|his|her|their|its|our|two|three|four|five|most|few|no|one)\b/gi;

/** Words that open a relative or appositive clause ("Marsh, who …,", "trains, which …,", "Osei, a nurse …,"). */
const CLAUSE_OPENERS = new Set(['who', 'which', 'whose', 'a', 'an', 'the', 'already', 'still', 'also', 'once']);

/**
 * Where a clause set off by commas starts at the end of a stretch ("Marsh, who was not charged,"):
 * the first comma followed by a clause opener, a number or a participle ("charged", "running"),
 * when the stretch ends on a comma. Undefined when there is none.
 */
function parentheticalClause(text: string): number | undefined {
  if (!/,\s*$/.test(text)) return undefined;
  for (const m of text.matchAll(/,\s+(\w+)/g)) {
    const word = m[1]!;
    if (m.index + m[0].length >= text.trimEnd().length) break;
    if (CLAUSE_OPENERS.has(word) || /^\d+$/.test(word) || isPastForm(word) || isIngForm(word)) return m.index;
  }
  return undefined;
}

/** A word and the determiner after it: a verb with its object when the word is a verb form ("found a"). */
const WORD_BEFORE_OBJECT = /\b(\w+)\s+(?:a|an|the|his|her|their)\b/gi;

/** Where the word of the question stands in the sentence: itself first, else its closest synonym. */
export function findWordPosition(text: string, stems: ReadonlySet<string> | Map<string, number>): { start: number; end: number } | undefined {
  let best: { start: number; end: number; weight: number } | undefined;
  for (const t of tokenize(text)) {
    if (!stems.has(t.stem)) continue;
    const weight = stems instanceof Map ? (stems.get(t.stem) ?? 0) : 1;
    if (!best || weight > best.weight) best = { start: t.start, end: t.end, weight };
  }
  return best && { start: best.start, end: best.end };
}

/**
 * "obtained by BuzzFeed", "found at 1:50 p.m. on Wednesday by a farmer": the doer after "by", up to
 * 60 characters past the verb but not into a "to" clause. "by Friday", "by 20 percent", "by hand"
 * and "by car" name no doer.
 */
const PASSIVE_AGENT = new RegExp(
  String.raw`^(?:\s+(?:\w+ly\s+)?|(?:(?!\bto\s)[^,;"]){1,60}?\s)by\s+(?!\d|(?:${WEEKDAY_PATTERN}|then|now|noon|midnight|the end|the time|far|hand|car|road|rail|air|sea|train|bus|boat|phone|email|post|mistake|accident|chance|default)\b)((?:the\s+|a\s+|an\s+)?[^,.;]{2,60}?)(?=[,.;]|\s{1,20}(?:which|who|that|and|in|on|at|after|before)\b|$)`,
);

export function agentOf(ix: ArticleIndex, sentence: number, verbStart: number, verbEnd: number): Agent | undefined {
  const text = ix.article.sentences[sentence]!.text;
  const verb = text.slice(verbStart, verbEnd);
  const after = text.slice(verbEnd);
  // "The rescue was led by the Forth Estuary Heritage Trust": the doer of a noun is after "by".
  const ledBy = /^\s+(?:was|were|is|are|has been|have been|had been)\s+(?:[a-z]+\s+){0,2}?by\s+((?:the\s+)?[^,.;(]{2,60}?)(?=\s{0,20}[,.;(]|\s{1,20}(?:which|who|that|and|in|on|at|after|before)\b|$)/.exec(after);
  // A past form is itself passive ("was arrested by"), handled below.
  if (ledBy && !isPastForm(verb)) {
    const at = verbEnd + ledBy.index + ledBy[0].lastIndexOf(ledBy[1]!);
    return describe(ix, sentence, at, at + ledBy[1]!.length, ledBy[1]!);
  }
  // Passive with an agent.
  const by = PASSIVE_AGENT.exec(after);
  if (by && isPastForm(verb)) {
    const at = verbEnd + by.index + by[0].indexOf(by[1]!);
    return describe(ix, sentence, at, at + by[1]!.length, by[1]!);
  }
  let before = text.slice(0, verbStart);
  let relative = false;
  for (let guard = 0; guard < 6; guard++) {
    let closedByComma = false;
    const trimmed = before.replace(TRAILING_FILLER, (m) => {
      if (/\b(?:who|which|that)\b/i.test(m)) relative = true;
      closedByComma = /^\s*,/.test(m);
      return '';
    });
    // A relative or appositive clause between subject and verb: "Marsh, who was not charged, testified",
    // "Test trains, which had been running since May, were suspended" (the filler took the comma).
    const clause = parentheticalClause(closedByComma ? `${trimmed},` : trimmed);
    const next = clause !== undefined ? trimmed.slice(0, clause) : trimmed;
    if (next === before) break;
    before = next;
  }
  if (relative) {
    // "the worker in intensive care, a 35-year-old technician who had tried …": the noun phrase the
    // clause hangs on, unless that phrase describes a name right before it ("Dr. Ingrid Solberg,
    // a geologist at the institute who led …"): then the person.
    const phrase = /(?:^|,\s*)((?:a|an|the)\s[^,]{1,60})$/i.exec(before);
    const describesName = phrase !== null && ix.facts.mentions.some((m) => m.sentence === sentence && !m.pronoun && m.end <= phrase.index && phrase.index - m.end <= 3);
    if (phrase && !describesName) return describe(ix, sentence, before.length - phrase[1]!.length, before.length, phrase[1]!.trim());
    const person = lastPersonBefore(ix, sentence, before.length);
    if (person) return person;
  }
  const boundaries = [...before.matchAll(BOUNDARY)];
  const lastBoundary = boundaries[boundaries.length - 1];
  let from = lastBoundary ? lastBoundary.index + lastBoundary[0].length : 0;
  let segment = before.slice(from);
  if (!segment.trim() && lastBoundary) {
    // "…, when many expected" handled above; an empty segment means the subject is further back.
    from = 0;
    segment = before;
  }
  const lead = segment.length - segment.trimStart().length;
  from += lead;
  segment = segment.trim();
  if (!segment) return undefined;
  return describe(ix, sentence, from, from + segment.length, segment);
}

function lastPersonBefore(ix: ArticleIndex, sentence: number, position: number): Agent | undefined {
  const byId = new Map(ix.people.map((p) => [p.id, p]));
  const mention = [...ix.facts.mentions].reverse().find((m) => m.sentence === sentence && m.start < position);
  if (!mention) return undefined;
  const person = byId.get(mention.personId);
  return person ? { text: person.name, personId: person.id, named: true } : undefined;
}

/** Turn a stretch of a sentence into an agent: a person mentioned in it, a proper name, or its last noun phrase. */
function describe(ix: ArticleIndex, sentence: number, from: number, to: number, phrase: string): Agent | undefined {
  const byId = new Map(ix.people.map((p) => [p.id, p]));
  const inside = ix.facts.mentions.filter((m) => m.sentence === sentence && m.start >= from && m.start < to);
  const mention = inside[inside.length - 1];
  if (mention) {
    const person = byId.get(mention.personId);
    if (person) return { text: person.name, personId: person.id, named: true };
  }
  const cleaned = phrase.replace(/^[\s"'(]+|[\s"',)]+$/g, '');
  // "Her team" → "Amara Osei's team", when the pronoun stands for someone named earlier.
  const possessive = /^(?:his|her|their)\s+(.{1,40})$/i.exec(cleaned);
  if (possessive) {
    const pronoun = ix.facts.mentions.find((m) => m.sentence === sentence && m.pronoun && m.start >= from && m.start < to);
    const person = pronoun ? byId.get(pronoun.personId) : undefined;
    if (person) return { text: `${person.name}'s ${possessive[1]}`, personId: person.id, named: true };
  }
  const proper = /((?:\p{Lu}[\p{L}'.-]*\s+)*\p{Lu}[\p{L}'.-]*)$/u.exec(cleaned);
  // "the US" is a name; "Us" at the start of a clause is not.
  if (proper && (!STOP_WORDS.has(proper[1]!.toLowerCase()) || /^[A-Z]{2,}$/.test(proper[1]!))) {
    const start = cleaned.length - proper[1]!.length;
    const detBefore = /\b(?:the|a|an)\s+$/i.exec(cleaned.slice(0, start));
    return { text: detBefore ? cleaned.slice(detBefore.index) : proper[1]!, named: true };
  }
  // "Callum Garvie, a retired marine engineer who …": the description belongs to the name before it.
  const before = ix.article.sentences[sentence]!.text.slice(0, from);
  if (/,\s*$/.test(before) && /^(?:a|an|the)\s/i.test(cleaned)) {
    const named = [...ix.facts.mentions].reverse().find((m) => m.sentence === sentence && !m.pronoun && m.end <= from && from - m.end <= 3);
    const person = named ? byId.get(named.personId) : undefined;
    if (person) return { text: person.name, personId: person.id, named: true };
  }
  // "The person said …" after "a person familiar with the talks": the one introduced earlier.
  const definite = /^the\s+([a-z-]+)$/i.exec(cleaned);
  if (definite) {
    const actor = [...ix.facts.unnamed].reverse().find((u) => u.sentence < sentence && u.head === definite[1]!.toLowerCase());
    if (actor) return { text: actor.phrase, named: false };
  }
  // "A senior diplomat involved in the negotiations": the noun phrase that opens the stretch.
  const opening = /^(?:a|an|one|two|three|several|many|some)\s+(?:[\p{L}'-]+\s+){0,3}?[\p{L}'-]+(?=\s+(?:involved|based|close|familiar|who|in|at|of|from|with|for|on)\b)/iu.exec(cleaned);
  const determiners = [...cleaned.matchAll(DETERMINER)];
  const last = determiners[determiners.length - 1];
  // …unless a verb with its object follows it ("A jury … found a former logistics manager"): then the last one.
  const verbFollows = opening !== null && [...cleaned.slice(opening[0].length).matchAll(WORD_BEFORE_OBJECT)].some((m) => isPastForm(m[1]!));
  const np = opening && !verbFollows ? opening[0] : last ? cleaned.slice(last.index) : cleaned;
  const words = tokenize(np);
  if (words.length === 0 || words.length > 10 || /^[\d\s,.]+$/.test(np)) return undefined;
  if (words.every((w) => STOP_WORDS.has(w.norm)) && !/^(?:many|some|several|most|few)$/i.test(np)) return undefined;
  return { text: np, named: false };
}
