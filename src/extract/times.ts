// Time expressions and the sentences (events) they date: clock times, dates, weekdays, months,
// years, relative times ("last week", "in the coming months") and times tied to other events
// ("following Russia's invasion of Ukraine", "before Moscow's deadline").
import type { Article } from '../types.js';
import type { TimeFact, TimeKind } from '../search/article-index.js';
import { MONTH_PATTERN, MONTHS, NUMBER_WORD_PATTERN, NUMBER_WORDS, SETTING_VERBS, SPEECH_VERBS, WEEKDAY_PATTERN, WEEKDAYS } from '../text/lexicon.js';
import { stem } from '../text/tokens.js';
import { verbFormKinds } from '../text/words.js';

const MONTH = `(?:${MONTH_PATTERN}|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)`;
const WEEKDAY = `(?:${WEEKDAY_PATTERN})`;
const PARTS = 'morning|afternoon|evening|night|overnight';
const PART = `(?:${PARTS})`;
const COUNT = `(?:\\d+|a|an|${NUMBER_WORD_PATTERN}|several|a few|few|many|some|couple of)`;
const UNIT = '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries)';
const SEASONS = 'spring|summer|autumn|fall|winter';
const APPROX = '(?:(?:about|around|approximately|roughly|nearly|almost|shortly|just|some|at least|more than|less than|over|under)\\s+)';

interface Pattern {
  kind: TimeKind;
  re: RegExp;
  /**
   * A quick test that every match of `re` passes (a digit, a word it cannot match without): a
   * sentence that fails it is not searched. Most sentences of a long article name no time at all.
   */
  needs?: RegExp;
}

const PATTERNS: Pattern[] = [
  { kind: 'clock', needs: /\d\s*[ap]\.?m|\d:\d|noon|midnight/, re: new RegExp(`\\b(?:(?:at|by|from|until|since|before|after)\\s+)?${APPROX}{0,4}(?:after\\s+|before\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b)(?:\\s+local time)?|\\b(?:at\\s+)?(?:noon|midnight)\\b|\\b(?:at\\s+)?${APPROX}{0,4}\\d{1,2}:\\d{2}\\b`, 'g') },
  { kind: 'date', needs: /\d/, re: new RegExp(`\\b(?:(?:on|by|since|until|from|before|after)\\s+)?(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?)\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, 'g') },
  { kind: 'weekday', needs: /day/i, re: new RegExp(`\\b(?:(?:on|last|next|this|earlier|later|late|early|since|until|by|from|before|after)\\s+){0,6}${WEEKDAY}(?:\\s+${PART})?`, 'gi') },
  { kind: 'month', needs: new RegExp(MONTH), re: new RegExp(`\\b(?:(?:in|since|by|until|from|during|before|after|last|next|this|early|late|mid-?)\\s+){0,6}(?:(?:early|late|mid)-?\\s*)?${MONTH}(?:\\s+(?:of\\s+)?\\d{4})?(?![\\w-])`, 'g') },
  { kind: 'year', needs: /1[89]\d\d|20\d\d/, re: new RegExp(`(?:\\b(?:in|since|by|until|from|during|before|after|inside|of)\\s+)?(?:the\\s+)?(?:(?:${SEASONS}|end|start|beginning|middle|first half|second half)\\s+(?:of\\s+)?)?\\b(?:1[89]\\d{2}|20\\d{2})s?\\b`, 'gi') },
  {
    kind: 'relative',
    re: new RegExp(
      [
        `\\b(?:today|tonight|yesterday|tomorrow|overnight|recently|earlier this (?:week|month|year)|later this (?:week|month|year))\\b`,
        `\\b(?:this|last|next|past|coming)\\s+(?:${PARTS}|week|weekend|month|year|season|${SEASONS})\\b`,
        `\\b(?:(?:in|over|inside|during|within)\\s+)?(?:the\\s+)?(?:coming|next|past|last|previous|following|recent)\\s+(?:few\\s+|several\\s+|${COUNT}\\s+)?${UNIT}`,
        `\\b${COUNT}\\s+${UNIT}\\s+(?:ago|earlier|later|before|after)\\b`,
        `\\b(?:after|within)\\s+${COUNT}\\s+${UNIT}'?\\s+delay\\b`,
        // A deadline: "would contact every participant within 48 hours".
        `\\bwithin\\s+${APPROX}{0,4}${COUNT}\\s+${UNIT}\\b`,
        `\\b(?:around|at|about) the same time\\b`,
        // "On the descent Maddox slipped": a stretch of a journey dates what happened on it.
        `\\bon (?:the|their|his|her|its) (?:way|descent|ascent|climb|journey|return|approach|flight|drive|walk|crossing)(?: (?:home|back|down|up|out|in))?\\b`,
        `\\bthe (?:same|next|following|previous) (?:day|week|month|year|morning|evening|night)\\b`,
        `\\b(?:until|since|by) then\\b`,
        `\\bin the (?:${SEASONS}|morning|afternoon|evening)\\b`,
        `\\b(?:in|during)\\s+the\\s+(?:\\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|opening|closing)\\s+minutes?(?:\\s+of\\s+(?:stoppage|injury|added|extra)\\s+time)?`,
        `\\b(?:at|before|after|by|just before|shortly before|shortly after)\\s+(?:half-time|half time|full-time|full time|kick-off|the break|the interval)\\b`,
        `\\b(?:in|during)\\s+(?:the\\s+)?(?:first|second)\\s+half\\b|\\bin\\s+(?:stoppage|injury|extra)\\s+time\\b`,
        `\\b(?:by|at|before|until|from|towards|toward)\\s+the\\s+(?:end|start|beginning|middle|close|turn)\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?(?:year|month|week|day|season|decade|quarter|century|summer|winter|spring|autumn|${MONTH.slice(3, -1)})`,
      ].join('|'),
      'gi',
    ),
  },
  { kind: 'duration', needs: /second|minute|hour|day|night|week|month|year|decade|centur/i, re: new RegExp(`\\b(?:for|over|during)\\s+${APPROX}{0,4}${COUNT}(?:\\s+|-)${UNIT}\\b|\\b${APPROX}{1,4}${COUNT}\\s+${UNIT}\\b|\\b(?:for|over)\\s+(?:years|decades|months|weeks|days|hours)\\b|\\b${COUNT}\\s+(?:nights|days|weeks|hours)\\b`, 'gi') },
  {
    kind: 'event-relative',
    re: /\b(?:following|after|before|since|during|amid|ahead of|prior to|until|in the wake of|in the run-up to|at the (?:end|start|height) of|by the time)\s+(?!about|around|at|least|then|that|which|it|he|she|they|we|\d)(?:the |a |an |his |her |their |its |this |these |those |\p{Lu}[\p{L}'-]* |[a-z]+ing )[^,.;:"()]{2,90}|\bunder (?:then-)?(?:President|Prime Minister|Chancellor|King|Queen|Premier)\s+\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*/gu,
  },
];

const SPECIFICITY: Record<TimeKind, number> = { clock: 7, date: 6, weekday: 5, month: 4, year: 3, relative: 4, 'event-relative': 2, duration: 1 };

interface Found {
  kind: TimeKind;
  start: number;
  end: number;
}

/** Find the time expressions of one sentence, longest and most specific first, without overlaps. */
export function findTimeExpressions(text: string): Found[] {
  const found: Found[] = [];
  for (const { kind, re, needs } of PATTERNS) {
    if (needs && !needs.test(text)) continue;
    re.lastIndex = 0;
    // exec walks the text as matchAll would (no pattern matches an empty string), without a copy of the pattern per sentence.
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      let expr = m[0];
      if (kind === 'event-relative') expr = trimEventPhrase(expr);
      else expr = withoutTrailing(expr, /[\s,]/);
      if (kind === 'year' && /^\d{4}$/.test(expr) && /\b(?:[\d,]+|No\.?)\s*$/.test(text.slice(0, m.index))) continue;
      if (!expr.trim()) continue;
      found.push({ kind, start: m.index, end: m.index + expr.length });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || SPECIFICITY[b.kind] - SPECIFICITY[a.kind]);
  const kept: Found[] = [];
  for (const f of found) {
    const overlapping = kept.filter((k) => f.start < k.end && k.start < f.end);
    if (overlapping.length === 0) {
      kept.push(f);
      continue;
    }
    // An event phrase that contains a clock or date ("before the slope gave way at 6:50 a.m.") yields to it.
    if (f.kind !== 'event-relative' && f.kind !== 'duration' && overlapping.every((k) => k.kind === 'event-relative')) {
      for (const k of overlapping) kept.splice(kept.indexOf(k), 1);
      kept.push(f);
    }
  }
  kept.sort((a, b) => a.start - b.start);
  // "at about 2:15 a.m. on April 9": adjacent clock and date are one expression.
  const merged: Found[] = [];
  for (const f of kept) {
    const prev = merged[merged.length - 1];
    const between = prev ? text.slice(prev.end, f.start) : '';
    const mergeable = (k: TimeKind) => k !== 'duration' && k !== 'event-relative' && k !== 'relative';
    if (prev && /^(?:,?\s+|\s*,\s*)(?:on\s+)?$/.test(between) && mergeable(f.kind) && mergeable(prev.kind)) {
      prev.end = f.end;
      if (SPECIFICITY[f.kind] > SPECIFICITY[prev.kind]) prev.kind = f.kind;
    } else merged.push({ ...f });
  }
  return merged;
}

/** Cut an event phrase at the start of a new clause. */
function trimEventPhrase(expr: string): string {
  return expr
    .replace(/(?<!\s)\s+(?:when|which|who|where|while|as|because|but|then|so|and (?:also )?(?:the|a|an|he|she|they|it|[a-z]+ed))(?![\w-]).*$/i, '')
    .trimEnd();
}

export function extractTimes(article: Article): TimeFact[] {
  const published = article.meta.published ? new Date(`${article.meta.published}T12:00:00Z`) : undefined;
  const facts: TimeFact[] = [];
  for (const sentence of article.sentences) {
    for (const f of findTimeExpressions(sentence.text)) {
      const expression = sentence.text.slice(f.start, f.end);
      const future = readsAsFuture(sentence.text, f.start, f.end);
      const fact: TimeFact = { expression, kind: f.kind, sentence: sentence.index, paragraph: sentence.paragraph, start: f.start, end: f.end, future };
      if (published) fact.resolved = resolveDate(expression, f.kind, published, future);
      facts.push(fact);
    }
  }
  return facts;
}

const DAY_MS = 86_400_000;
/** A clock time inside an expression, to read the date beside it ("8 a.m.", "14:30"). */
const CLOCK_TIME = /\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{1,2}:\d{2}/g;

function formatDate(d: Date): string {
  return `${WEEKDAYS[d.getUTCDay()]![0]!.toUpperCase()}${WEEKDAYS[d.getUTCDay()]!.slice(1)} ${d.getUTCDate()} ${cap(MONTHS[d.getUTCMonth()]!)} ${d.getUTCFullYear()}`;
}
function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** "three weeks ago", "a year ago": a count of days, weeks, months or years back from publication. */
const AGO = new RegExp(String.raw`\b(\d+|a|an|${NUMBER_WORD_PATTERN}) (day|week|month|year)s? ago\b`);

/** Words near a time expression that put its event in the future ("is set to vote on Thursday", "a ruling is expected on Friday"). */
const FUTURE_WORDS = /\b(?:will|shall|is to|are to|is due|are due|plans? to|is scheduled|are scheduled|is expected|are expected|is set to|are set to|next)\b/i;

/** Words that open a clause: walking back from a time expression, the verb before them governs another clause. */
const CLAUSE_OPENERS = new Set('that which who whom whose when where while whether because if although though unless'.split(' '));
/**
 * Words after which a form ending in -s or -ed is a noun or a modifier ("the talks", "after
 * protests", "38 million pounds", "water and blankets", "the delayed match"), not the clause's verb:
 * determiners, prepositions, numbers, "and"/"or" of a list, and the pronouns no third person
 * singular verb follows ("win you points").
 */
const NOMINAL_CONTEXT = new Set([
  ...(
    'the a an this these those its his her their our my your some any no every each all both many several few more most other such another ' +
    'of in on at by for from with within without into onto upon about above after against along among around before behind below beneath ' +
    'beside between beyond during except inside outside over past since through throughout till toward towards under until via per ' +
    'and or nor i you we they me us them him'
  ).split(' '),
  ...Object.keys(NUMBER_WORDS),
]);
/**
 * Modals that say nothing of when: a verb group with one has no tense to read. "could" is also the
 * past of "can" ("could not be reached on Friday"), the news's commonest use of it beside a date.
 */
const OTHER_MODALS = new Set('could should must can'.split(' '));
/** Modals of a possibility, which is to come when they are written ("might meet on Thursday"); "might have met" is past. */
const POSSIBILITY_MODALS = new Set(['might', 'may']);
/**
 * Words that say, between "is"/"are" and "to" + verb, that the event is to come: "is likely to rule
 * on Friday", "are going to meet", "is about to sign". (A participle there, "is expected to", "is
 * set to", is read at the participle.)
 */
const PROSPECTS = new Set('going likely about due bound poised'.split(' '));
/**
 * Linking verbs, not past, before which a participle is an adjective ("will stay closed until
 * Thursday", "remains closed until Friday"): the tense is the linking verb's or its auxiliary's.
 */
const LINKING_VERBS = new Set('stay stays remain remains become becomes get gets keep keeps seem seems look looks appear appears'.split(' '));
/** Forms of "be" and "have" before a participle. */
const AUXILIARIES = new Set('be been being is are am was were have has had'.split(' '));
/** Prepositions after which a present progressive is a journey or meeting arranged ("is travelling to Geneva on Friday", "is meeting with the unions on Monday"). */
const ARRANGED = new Set(['to', 'with']);
const SETTING_STEMS = new Set([...SETTING_VERBS].map(stem));
const SPEECH_STEMS = new Set([...SPEECH_VERBS].map(stem));

/** "won't" → "will", "didn't" → "did", "they'll" → "will": the verb a contraction is made of. */
function uncontracted(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'ll")) return 'will';
  if (!w.endsWith("n't")) return w;
  const base = w.slice(0, -3);
  return base === 'wo' ? 'will' : base === 'ca' ? 'can' : base === 'sha' ? 'shall' : base;
}

/**
 * Does the sentence put the time expression at `start`–`end` of `text` in the future? Tense is
 * judged near the expression: "will" elsewhere in the sentence says nothing of it. "last",
 * "earlier" or "ago" in the expression keep it in the past, "next" puts it ahead; else the verb
 * that governs the expression says ("would meet … on Thursday", "begins on July 1", "was arrested
 * on Friday"), and when it does not, the words just before it ("is due", "is expected").
 */
function readsAsFuture(text: string, start: number, end: number): boolean {
  const expression = text.slice(start, end);
  if (/\b(?:last|earlier|ago)\b/i.test(expression)) return false;
  if (FUTURE_WORDS.test(expression)) return true;
  // The verb that governs the expression says its tense before words nearby, which may belong to
  // another clause ("Smith, who will retire next year, was arrested on Friday").
  const tense = governingTense(text.slice(0, start));
  if (tense !== undefined) return tense === 'future';
  return FUTURE_WORDS.test(text.slice(Math.max(0, start - 60), start));
}

/**
 * The tense of the verb that governs a time expression, read walking back from the expression
 * through its clause (`before` is the sentence up to the expression). The reader of the day takes
 * a date as past unless the sentence puts it ahead, and two verb groups do that without the words
 * FUTURE_WORDS looks for:
 * - reported future, "would" + verb ("the two leaders would meet in Geneva on Thursday, officials
 *   said"): the event comes after the saying, which news reports on the day. Not "would have met"
 *   (its participle is read first, as past), nor a refusal ("would not comment on Thursday"), which
 *   happened when it was reported;
 * - a schedule, a verb in the third person simple present beside the date ("the new fare scheme
 *   begins on July 1", "the ban takes effect in March"), or the present passive of a verb that
 *   sets an event ("the final is held on Saturday"): news tells past events in the past tense, so a
 *   present one dated is a timetable. A form ending in -s is often a plural noun ("the new rules on
 *   Friday"), so it is the verb only when it follows its subject and no other verb comes before it
 *   in the clause ("approved the new rules on Friday" is past). Speech verbs are no schedule
 *   ("says he was attacked on Tuesday"): they end the clause;
 * - a prospect, "is"/"are" + "to", "likely to", "going to" + verb, or a present passive before
 *   "to" ("is expected to rule");
 * - a possibility, "might" or "may" + verb (not "might have");
 * - an arrangement, a present progressive with nothing but a journey or a meeting before the date
 *   ("is meeting on Thursday", "is travelling to Geneva on Friday").
 * Undefined when the clause does not say.
 */
function governingTense(before: string): 'future' | 'past' | undefined {
  // The clause: after the last punctuation that separates one ("The report, published on Tuesday,
  // says"), a comma inside a number ("1,200") aside.
  let start = 0;
  for (const m of before.matchAll(/[;:()"“”—–]|,(?!\d)/g)) start = m.index + 1;
  const written = before.slice(start).match(/[\p{L}'’-]+/gu) ?? [];
  const words = written.map(uncontracted);
  const nominal = (i: number) => i < 0 || NOMINAL_CONTEXT.has(words[i]!) || /^\d/.test(words[i]!) || /['’]s?$/.test(written[i]!);
  // A present form ending in -s, taken for the verb if nothing surer comes before it in the clause.
  let present: 'future' | undefined;
  // Twelve words are read, names aside: "will face Hollins Vale in the final at the Westgate Arena
  // in Lowrie on Sunday" is nine words from its verb.
  let left = 12;
  let i = words.length - 1;
  for (; i >= 0 && left > 0; i--) {
    const w = words[i]!;
    // A speech verb ends the clause; written in the past with nothing after it read as a verb, it is
    // the verb the expression dates ("said on Monday that …"). After an auxiliary it is a participle,
    // read as any other below ("will be announced in January").
    const speech = SPEECH_VERBS.has(w) && !AUXILIARIES.has(words[i - 1] ?? '');
    if (speech && present === undefined && verbFormKinds(w).includes('past')) return 'past';
    if (CLAUSE_OPENERS.has(w) || speech) return present;
    // A name is no verb ("Manchester United"); the sentence's first word is written with a capital anyway.
    if (/^\p{Lu}/u.test(written[i]!) && !(i === 0 && start === 0)) continue;
    left--;
    if (w === 'will' || w === 'shall') return 'future';
    if (w === 'would' || POSSIBILITY_MODALS.has(w)) {
      const [next, after] = [words[i + 1], words[i + 2]];
      if (next === 'have') return 'past';
      if (w === 'would' && (next === 'not' || next === 'never') && after !== undefined && SPEECH_STEMS.has(stem(after))) return undefined;
      return 'future';
    }
    if (w === 'is' || w === 'are' || w === 'am') {
      const [next, after] = [words[i + 1], words[i + 2]];
      // "is to sign", "is likely to rule", "are going to meet".
      if (next === 'to' || (next !== undefined && PROSPECTS.has(next) && after === 'to')) return 'future';
      // A present progressive with nothing but a journey or a meeting between it and the date is an
      // arrangement ("is meeting on Thursday"); with an object it is what is going on ("are
      // investigating a fire on Friday"), and the date may be the object's.
      if (next !== undefined && verbFormKinds(next).includes('ing') && (after === undefined || ARRANGED.has(after))) return 'future';
      return present;
    }
    if (OTHER_MODALS.has(w) || w === 'do' || w === 'does') return present;
    if (w === 'was' || w === 'were' || w === 'had' || w === 'did') return 'past';
    if (w === 'be' || w === 'been' || w === 'being' || w === 'have') continue;
    const kinds = verbFormKinds(w);
    if (kinds.includes('past') && !nominal(i - 1)) {
      const aux = words[i - 1];
      // "would be presented", "has been closed", "will stay closed": the auxiliary or linking verb before says the tense.
      if (aux === 'be' || aux === 'been' || aux === 'being' || (aux !== undefined && LINKING_VERBS.has(aux))) continue;
      // "will have finished by Friday" is to come; "would have met", "might have met" are not.
      if (aux === 'have') return words[i - 2] === 'will' || words[i - 2] === 'shall' ? 'future' : 'past';
      // "is expected to rule", "are set to sign": a present passive before "to" + verb looks ahead.
      if (aux === 'is' || aux === 'are') return SETTING_STEMS.has(stem(w)) || words[i + 1] === 'to' ? 'future' : undefined;
      return 'past';
    }
    // "has until 5 p.m. on February 27" is a present; "has said" was read as past at its participle.
    if (kinds.includes('s') && i > 0 && !nominal(i - 1)) present ??= 'future';
  }
  // Twelve words back and still no verb for sure: the -s form may be the object's plural
  // ("completed the signing of … for a fee of 38 million pounds on Thursday night").
  return i < 0 ? present : undefined;
}

/**
 * Resolve a relative expression against the publication date, the way a reader of that day
 * would: "Tuesday" is the last Tuesday (the next one when the expression is read as future).
 */
function resolveDate(expression: string, kind: TimeKind, published: Date, future: boolean): string | undefined {
  const e = expression.toLowerCase();
  if (/\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b/.test(e)) return formatDate(published);
  if (/\byesterday\b/.test(e)) return formatDate(new Date(published.getTime() - DAY_MS));
  if (/\btomorrow\b/.test(e)) return formatDate(new Date(published.getTime() + DAY_MS));
  if (/\blast week\b/.test(e)) return `the week of ${formatDate(new Date(published.getTime() - 7 * DAY_MS)).replace(/^\w+ /, '')}`;
  if (/\bnext week\b/.test(e)) return `the week of ${formatDate(new Date(published.getTime() + 7 * DAY_MS)).replace(/^\w+ /, '')}`;
  if (/\blast month\b/.test(e)) {
    const d = new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth() - 1, 1));
    return `${cap(MONTHS[d.getUTCMonth()]!)} ${d.getUTCFullYear()}`;
  }
  if (/\b(?:earlier |later )?this month\b/.test(e)) return `${cap(MONTHS[published.getUTCMonth()]!)} ${published.getUTCFullYear()}`;
  if (/\bnext month\b/.test(e)) {
    const d = new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth() + 1, 1));
    return `${cap(MONTHS[d.getUTCMonth()]!)} ${d.getUTCFullYear()}`;
  }
  if (/\blast year\b/.test(e)) return String(published.getUTCFullYear() - 1);
  if (/\bthis year\b/.test(e)) return String(published.getUTCFullYear());
  if (/\bnext year\b/.test(e)) return String(published.getUTCFullYear() + 1);
  const ago = AGO.exec(e);
  if (ago) {
    const n = /^\d+$/.test(ago[1]!) ? Number(ago[1]) : (NUMBER_WORDS[ago[1]!] ?? 1);
    const days = { day: 1, week: 7, month: 30, year: 365 }[ago[2] as 'day' | 'week' | 'month' | 'year'] * Math.max(1, n);
    return formatDate(new Date(published.getTime() - days * DAY_MS));
  }
  if (kind === 'weekday' || kind === 'relative' || kind === 'clock') {
    const day = WEEKDAYS.findIndex((w) => e.includes(w));
    if (day >= 0 && !/\d/.test(e.replace(CLOCK_TIME, ''))) {
      let delta = (published.getUTCDay() - day + 7) % 7;
      if (future && !/\blast\b/.test(e)) delta = -((day - published.getUTCDay() + 7) % 7 || 7);
      else if (/\blast\b/.test(e) && delta === 0) delta = 7;
      return formatDate(new Date(published.getTime() - delta * DAY_MS));
    }
  }
  // A clock time merged with a date ("at 8 a.m. on Tuesday, September 9") is resolved by its date.
  if (kind === 'date' || kind === 'month' || kind === 'clock') {
    if (/\d{4}/.test(e)) return undefined;
    const month = MONTHS.findIndex((m) => e.includes(m) || e.includes(`${m.slice(0, 3)}.`));
    if (month < 0) return undefined;
    const dayMatch = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(e.replace(CLOCK_TIME, ''));
    let year = published.getUTCFullYear();
    if (!future && month > published.getUTCMonth()) year -= 1;
    if (future && month < published.getUTCMonth()) year += 1;
    if (dayMatch) return formatDate(new Date(Date.UTC(year, month, Number(dayMatch[1]), 12)));
    return `${cap(MONTHS[month]!)} ${year}`;
  }
  return undefined;
}

/** `text` without the characters matching `one` at its end: a loop, where `/[\s,]+$/` retried from every position of a long run. */
function withoutTrailing(text: string, one: RegExp): string {
  let end = text.length;
  while (end > 0 && one.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
