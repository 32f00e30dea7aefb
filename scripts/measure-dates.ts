// Measures chrono-node against our own time extraction (src/extract/times.ts), sentence by
// sentence, on every article of every question set: the public dev and real sets, our own set
// and the blind holdouts.
//
//   npx tsx scripts/measure-dates.ts [--examples N]
//
// (a) Spans: how many time expressions each finds, how many they agree on (the spans overlap;
//     "same" when they are equal but for a leading preposition), and examples of each one's misses.
// (b) Resolution: for the relative expressions of the news articles, the date each resolves them
//     to against the publication date. Only three articles carry a `published` date; the others
//     are measured as if published on Wednesday 18 June 2025, which says whether the two agree on
//     what an expression means, not which date is true.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chrono from 'chrono-node/en';
import { readArticleFile, type Article } from '../src/index.js';
import { extractTimes, findTimeExpressions } from '../src/extract/times.js';
import type { TimeKind } from '../src/search/article-index.js';
import { namedQuestionSets } from '../tests/support/eval-score.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { examples: { type: 'string', default: '12' } } });
const EXAMPLES = Number(values.examples);
/** The date a news article without its own is measured as published on (a Wednesday). */
const ASSUMED_PUBLISHED = '2025-06-18';

const sets = namedQuestionSets(ROOT);

/** The kinds chrono-node also claims to read; years alone, durations and event phrases it does not. */
const GENERAL: TimeKind[] = ['clock', 'date', 'weekday', 'month', 'relative'];

interface Span {
  start: number;
  end: number;
}
interface Example {
  set: string;
  text: string;
  sentence: string;
}

const bare = (s: string) => s.toLowerCase().replace(/^(?:on|at|in|by|since|until|from|before|after|during|inside|over)\s+/, '').replace(/[\s,.]+$/, '');
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const around = (text: string, s: Span) => `${text.slice(Math.max(0, s.start - 50), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 30)}`.replace(/\s+/g, ' ');

interface SpanFigures {
  set: string;
  sentences: number;
  ours: number;
  oursGeneral: number;
  chrono: number;
  agreed: number;
  same: number;
  oursOnly: Partial<Record<TimeKind, number>>;
  chronoOnly: number;
}

const oursMisses: Example[] = [];
const chronoMisses: Example[] = [];
const resolution = { own: { both: 0, agree: 0, oursOnly: 0, chronoOnly: 0 }, assumed: { both: 0, agree: 0, oursOnly: 0, chronoOnly: 0 } };
const disagreements: (Example & { ours: string; chrono: string; own: boolean })[] = [];
const resolvedByOneOnly: (Example & { who: 'ours' | 'chrono'; date: string; own: boolean })[] = [];
const figures: SpanFigures[] = [];
let chronoMs = 0;
let oursMs = 0;

/** Chrono's reading of a result at the granularity of our resolved string ("Tuesday 11 March 2025", "March 2025", "2024"). */
function chronoAt(r: chrono.ParsedResult, granularity: Granularity): string {
  const c = r.start;
  if (granularity === 'week') return mondayOf(Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!));
  const y = c.get('year')!;
  const m = String(c.get('month')!).padStart(2, '0');
  const d = String(c.get('day')!).padStart(2, '0');
  return granularity === 'year' ? `${y}` : granularity === 'month' ? `${y}-${m}` : `${y}-${m}-${d}`;
}
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
type Granularity = 'week' | 'day' | 'month' | 'year';
/** The Monday that opens the week of a day, as YYYY-MM-DD. */
const mondayOf = (ms: number) => new Date(ms - ((new Date(ms).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
/** Our resolved string as a sortable date and its granularity ("the week of 11 June 2025" is a week). */
function oursAt(resolved: string): { value: string; granularity: Granularity } | undefined {
  const week = /^the week of (\d{1,2}) (\w+) (\d{4})$/.exec(resolved);
  if (week) return { value: mondayOf(Date.UTC(Number(week[3]), MONTHS.indexOf(week[2]!.toLowerCase()), Number(week[1]))), granularity: 'week' };
  const day = /(\d{1,2}) (\w+) (\d{4})$/.exec(resolved);
  if (day) return { value: `${day[3]}-${String(MONTHS.indexOf(day[2]!.toLowerCase()) + 1).padStart(2, '0')}-${day[1]!.padStart(2, '0')}`, granularity: 'day' };
  const month = /^(\w+) (\d{4})$/.exec(resolved);
  if (month) return { value: `${month[2]}-${String(MONTHS.indexOf(month[1]!.toLowerCase()) + 1).padStart(2, '0')}`, granularity: 'month' };
  if (/^\d{4}$/.test(resolved)) return { value: resolved, granularity: 'year' };
  return undefined;
}
/**
 * Did chrono resolve a date the text does not write in full? A year is not written, and some part
 * of the date is known: chrono marks the parts it computed ("last week") as certain, and leaves a
 * bare time of day ("night", "morning") on the reference date with no part certain.
 */
const chronoRelative = (r: chrono.ParsedResult) => !/\d{4}/.test(r.text) && (['year', 'month', 'day', 'weekday'] as const).some((c) => r.start.isCertain(c));

for (const [setName, folder] of sets) {
  let files: string[];
  try {
    files = readdirSync(join(folder, 'articles'));
  } catch {
    continue;
  }
  const f: SpanFigures = { set: setName, sentences: 0, ours: 0, oursGeneral: 0, chrono: 0, agreed: 0, same: 0, oursOnly: {}, chronoOnly: 0 };
  for (const file of files.sort()) {
    const read = readArticleFile(join(folder, 'articles', file));
    const news = setName !== 'real';
    const own = read.meta.published !== undefined;
    const article: Article = news && !own ? { ...read, meta: { ...read.meta, published: ASSUMED_PUBLISHED } } : read;
    const published = article.meta.published ? new Date(`${article.meta.published}T12:00:00Z`) : new Date(`${ASSUMED_PUBLISHED}T12:00:00Z`);
    const reference = { instant: published, timezone: 0 };
    let t0 = performance.now();
    const facts = news ? extractTimes(article) : [];
    oursMs += performance.now() - t0;
    for (const sentence of article.sentences) {
      f.sentences++;
      const text = sentence.text;
      t0 = performance.now();
      const ours = findTimeExpressions(text).map((o) => ({ ...o, text: text.slice(o.start, o.end) }));
      oursMs += performance.now() - t0;
      t0 = performance.now();
      const theirs = chrono.parse(text, reference).map((r) => ({ start: r.index, end: r.index + r.text.length, text: r.text, r }));
      chronoMs += performance.now() - t0;
      f.ours += ours.length;
      f.chrono += theirs.length;
      const general = ours.filter((o) => GENERAL.includes(o.kind));
      f.oursGeneral += general.length;
      for (const o of ours) {
        const match = theirs.find((t) => overlaps(o, t));
        if (!match) {
          f.oursOnly[o.kind] = (f.oursOnly[o.kind] ?? 0) + 1;
          if (GENERAL.includes(o.kind)) oursMisses.push({ set: setName, text: `${o.kind}: ${o.text}`, sentence: around(text, o) });
        }
      }
      for (const t of theirs) {
        const match = ours.find((o) => overlaps(o, t));
        if (!match) {
          f.chronoOnly++;
          chronoMisses.push({ set: setName, text: t.text, sentence: around(text, t) });
          continue;
        }
        f.agreed++;
        if (bare(match.text) === bare(t.text)) f.same++;
      }
      if (!news) continue;
      // (b) Resolution of what the text leaves relative.
      const bucket = own ? resolution.own : resolution.assumed;
      const sentenceFacts = facts.filter((x) => x.sentence === sentence.index);
      for (const fact of sentenceFacts) {
        const t = theirs.find((x) => overlaps(fact, x) && chronoRelative(x.r));
        const mine = fact.resolved ? oursAt(fact.resolved) : undefined;
        if (mine && t) {
          bucket.both++;
          const theirValue = chronoAt(t.r, mine.granularity);
          if (theirValue === mine.value) bucket.agree++;
          else disagreements.push({ set: setName, own, text: fact.expression, sentence: around(text, fact), ours: mine.value, chrono: theirValue });
        } else if (mine) {
          bucket.oursOnly++;
          resolvedByOneOnly.push({ set: setName, own, who: 'ours', text: fact.expression, sentence: around(text, fact), date: mine.value });
        }
      }
      for (const t of theirs) {
        if (!chronoRelative(t.r)) continue;
        if (sentenceFacts.some((x) => x.resolved && oursAt(x.resolved) && overlaps(x, t))) continue;
        bucket.chronoOnly++;
        resolvedByOneOnly.push({ set: setName, own, who: 'chrono', text: t.text, sentence: around(text, t), date: chronoAt(t.r, t.r.start.isCertain('day') || t.r.start.isCertain('weekday') ? 'day' : 'month') });
      }
    }
  }
  figures.push(f);
}

const pct = (n: number, d: number) => `${n}/${d} (${d ? ((100 * n) / d).toFixed(1) : '0.0'}%)`;
console.log('(a) Time expressions found, sentence by sentence');
console.log('set        sentences  ours (general kinds)  chrono  overlap  same span  ours only by kind                      chrono only');
const total: SpanFigures = { set: 'all', sentences: 0, ours: 0, oursGeneral: 0, chrono: 0, agreed: 0, same: 0, oursOnly: {}, chronoOnly: 0 };
for (const f of [...figures, total]) {
  if (f !== total) {
    for (const k of ['sentences', 'ours', 'oursGeneral', 'chrono', 'agreed', 'same', 'chronoOnly'] as const) total[k] += f[k];
    for (const [k, n] of Object.entries(f.oursOnly)) total.oursOnly[k as TimeKind] = (total.oursOnly[k as TimeKind] ?? 0) + n;
  }
  const only = Object.entries(f.oursOnly).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`${f.set.padEnd(10)} ${String(f.sentences).padEnd(10)} ${`${f.ours} (${f.oursGeneral})`.padEnd(21)} ${String(f.chrono).padEnd(7)} ${String(f.agreed).padEnd(8)} ${String(f.same).padEnd(10)} ${only.padEnd(38)} ${f.chronoOnly}`);
}
console.log(`time spent finding: ours ${oursMs.toFixed(0)} ms, chrono-node ${chronoMs.toFixed(0)} ms`);

/** Every n-th example, so that the list reaches across the sets. */
const spread = <T>(list: T[], n: number) => (list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!));
console.log(`\nFound by ours only, of the general kinds (${oursMisses.length}; ${EXAMPLES} spread across the sets):`);
for (const e of spread(oursMisses, EXAMPLES)) console.log(`  ${e.set}: ${e.text}  …${e.sentence}…`);
console.log(`\nFound by chrono-node only (${chronoMisses.length}):`);
for (const e of spread(chronoMisses, EXAMPLES)) console.log(`  ${e.set}: ${e.text}  …${e.sentence}…`);
const news = chronoMisses.filter((e) => e.set !== 'real');
console.log(`\nFound by chrono-node only in the news sets (${news.length}):`);
for (const e of spread(news, EXAMPLES)) console.log(`  ${e.set}: ${e.text}  …${e.sentence}…`);

console.log('\n(b) Relative expressions resolved against the publication date (news sets)');
for (const [label, b] of [['own published date (3 articles)', resolution.own], [`assumed published ${ASSUMED_PUBLISHED}`, resolution.assumed]] as const) {
  console.log(`  ${label}: both resolve ${b.both}, same date ${pct(b.agree, b.both)}; only ours resolves ${b.oursOnly}; only chrono-node ${b.chronoOnly}`);
}
console.log(`\nDifferent dates (${disagreements.length}):`);
for (const e of spread(disagreements, 2 * EXAMPLES)) console.log(`  ${e.set}${e.own ? '' : '*'}: ${e.text} → ours ${e.ours}, chrono ${e.chrono}  …${e.sentence}…`);
for (const who of ['ours', 'chrono'] as const) {
  const list = resolvedByOneOnly.filter((e) => e.who === who);
  console.log(`\nResolved by ${who === 'ours' ? 'ours' : 'chrono-node'} only (${list.length}):`);
  for (const e of spread(list, EXAMPLES)) console.log(`  ${e.set}${e.own ? '' : '*'}: ${e.text} → ${e.date}  …${e.sentence}…`);
}
console.log('\n* measured as if published on', ASSUMED_PUBLISHED);
