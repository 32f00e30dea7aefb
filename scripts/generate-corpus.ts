// A deterministic generator of synthetic English news articles, for the benchmark and for tests.
// `npx tsx scripts/generate-corpus.ts [--out DIR] [--count N] [--seed S]` (default var/corpus, 500, "docent").
// The same seed always gives byte-identical files: a seeded PRNG (no Math.random), no clock,
// no locale. Article i depends only on (seed, i), so a smaller count gives a prefix of a bigger one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDirectRun } from '../cli/direct-run.js';

const DEFAULT_COUNT = 500;
export const DEFAULT_SEED = 'docent';
const DEFAULT_OUT = 'var/corpus';

/** A person as the generator wrote them: what a correct engine should find. */
export interface GeneratedPerson {
  name: string;
  surname: string;
  /** The role as the article gives it ("Finance Minister", "the port authority's chief engineer"). */
  role: string;
  pronoun: 'she' | 'he';
  /** False for people who are mentioned but never quoted. */
  quoted: boolean;
}

export interface GeneratedQuote {
  speaker: string;
  text: string;
  paragraph: number;
}

/** Something that happened, with enough words to ask about it. */
export interface GeneratedEvent {
  actor: string;
  /** Base form, to ask with "did": "open the new container terminal". */
  base: string;
  /** Past form, as written: "opened the new container terminal". */
  past: string;
  time: string;
  place: string;
  paragraph: number;
}

export interface GeneratedArticle {
  slug: string;
  fileName: string;
  text: string;
  headline: string;
  paragraphCount: number;
  facts: {
    people: GeneratedPerson[];
    organisations: string[];
    places: string[];
    quotes: GeneratedQuote[];
    events: GeneratedEvent[];
  };
}

// ---------------------------------------------------------------------------------------------
// Randomness: a small seeded PRNG (mulberry32) so output never depends on Math.random.

/** FNV-1a: turns any seed text into 32 bits. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: string | number) {
    this.state = hashSeed(String(seed));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const FEMALE_NAMES = [
  'Jana', 'Laura', 'Ana', 'Ingrid', 'Amara', 'Priya', 'Mei', 'Sofia', 'Leila', 'Nadia', 'Claire', 'Hannah', 'Elena',
  'Grace', 'Yuki', 'Fatima', 'Olga', 'Marta', 'Rosa', 'Irene', 'Chiara', 'Aisha', 'Zofia', 'Freya', 'Lucia', 'Noor',
  'Tamsin', 'Beatriz', 'Kemi', 'Ines', 'Sunita', 'Helga', 'Maeve', 'Astrid', 'Dana', 'Carmen',
];
const MALE_NAMES = [
  'Peter', 'Marek', 'Tom', 'David', 'Omar', 'Kwame', 'Ravi', 'Lars', 'Jonas', 'Mateo', 'Hiroshi', 'Samuel', 'Felix',
  'Andre', 'Tomas', 'Ibrahim', 'Luca', 'Pavel', 'Diego', 'Henrik', 'Yusuf', 'Wei', 'Malik', 'Oscar', 'Rafael', 'Emil',
  'Arjun', 'Niall', 'Bruno', 'Kofi', 'Stefan', 'Viktor', 'Callum', 'Idris', 'Joaquin', 'Anton',
];
const SURNAMES = [
  'Holt', 'Ruiz', 'Lind', 'Okafor', 'Nakamura', 'Brennan', 'Moreau', 'Kowalski', 'Haddad', 'Mensah', 'Sato', 'Varga',
  'Quinn', 'Albrecht', 'Duarte', 'Ferreira', 'Novak', 'Petrov', 'Sandoval', 'Taylor', 'Osei', 'Lindqvist', 'Barros',
  'Hartley', 'Iqbal', 'Jansen', 'Kaur', 'Larsen', 'Mahlangu', 'Nilsen', "O'Brien", 'Park', 'Reyes', 'Strand', 'Tanaka',
  'Udeh', 'Vance', 'Weber', 'Yilmaz', 'Zielinski', 'Castro', 'Dubois', 'Eriksen', 'Fontaine', 'Gallo', 'Horvat',
  'Ivanova', 'Kimura', 'Lopes', 'Marsh', 'Nowak', 'Ortega', 'Pellegrini', 'Rahman', 'Sorensen', 'Thorne', 'Usman',
  'Vidal', 'Whitlock', 'Adeyemi', 'Bergstrom', 'Carver', 'Delgado', 'Ekstrom', 'Fischer', 'Greaves', 'Halloran',
  'Ito', 'Jovanovic', 'Keane', 'Lacroix', 'Mwangi', 'Navarro', 'Olsen', 'Pereira', 'Rosen', 'Sharma', 'Tiwari',
];
const CITIES = [
  'Lisbon', 'Rotterdam', 'Nairobi', 'Osaka', 'Valparaiso', 'Gdansk', 'Halifax', 'Tromso', 'Cork', 'Lyon', 'Porto',
  'Accra', 'Pune', 'Perth', 'Bergen', 'Tartu', 'Leeds', 'Malmo', 'Ghent', 'Aarhus', 'Bilbao', 'Split', 'Brno', 'Graz',
  'Turku', 'Cadiz', 'Durban', 'Mombasa', 'Hobart', 'Dunedin', 'Tampere', 'Antwerp', 'Genoa', 'Thessaloniki', 'Kraków',
  'Seville', 'Montevideo', 'Cebu', 'Da Nang', 'Wellington',
];
const OUTLETS = [
  'the Daily Courier', 'the Northern Ledger', 'Radio Meridian', 'the Evening Post', 'Channel 7', 'the Harbour Gazette',
  'the Morning Star Tribune', 'Coastline News',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CLOCK_TIMES = ['7:15 a.m.', '8 a.m.', '9:30 a.m.', '10:45 a.m.', 'noon', '1:20 p.m.', '3 p.m.', '4:30 p.m.', '6 p.m.', '8:45 p.m.'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'];

/** Direct speech that fits any subject, used once an article has spent its subject's own. */
const GENERAL_SAYINGS = [
  'We owe people an honest account of what went wrong',
  'I expect a full report on my desk within a month',
  'There is still a great deal of work to do',
  'Nobody here is pretending this was easy',
  'We will keep the public informed at every step',
  'I would rather be late than wrong',
];

interface Action {
  past: string;
  base: string;
}

/** What an article is about: its institutions, people's roles, what happens and what is said. */
interface Subject {
  key: string;
  headlines: string[];
  /** Organisation names; `{City}` is filled in. */
  organisations: string[];
  /** Titles written before a name: "Transport Minister Jana Holt". */
  titles: string[];
  /** Roles written after a name: "Peter Ruiz, the port authority's chief engineer". `{spokesperson}` follows the person. */
  appositives: string[];
  actions: Action[];
  /** Direct speech; a quote is one or two of these. */
  sayings: string[];
  /** Facts without quotes, to fill paragraphs: `{City}`, `{Org}`, `{Number}`, `{Year}` are filled in. */
  background: string[];
  /** Things a person "did not" do, for people mentioned but never quoted. */
  silences: string[];
}

const SUBJECTS: Subject[] = [
  {
    key: 'port',
    headlines: ['{City} opens new container terminal after long delay', 'Port of {City} expands as cargo traffic grows', 'Dock workers and port managers clash over {City} terminal'],
    organisations: ['{City} Port Authority', 'Harbour Workers Union', 'Baltic Freight Lines', 'the Ministry of Transport'],
    titles: ['Transport Minister', 'Port Director', 'Mayor', 'Harbour Master'],
    appositives: ["the port authority's chief engineer", "a {spokesperson} for the harbour workers' union", "the shipping company's chief executive"],
    actions: [
      { past: 'opened the new container terminal', base: 'open the new container terminal' },
      { past: 'inspected the flooded quay', base: 'inspect the flooded quay' },
      { past: 'signed the dredging contract', base: 'sign the dredging contract' },
      { past: 'announced a ban on night shifts', base: 'announce a ban on night shifts' },
    ],
    sayings: [
      'The terminal will double what this harbour can handle',
      'We lost months to storms and we will not lose any more',
      'Nobody should work a crane for twelve hours straight',
      'The cranes are the most modern on this coast',
      'Every ship that waits outside the harbour costs us money',
      'We have asked for a proper safety review and we are still waiting',
    ],
    background: [
      'The port handled {Number} thousand containers last year, according to figures from {Org}.',
      'The quay was first built in {Year} and was last rebuilt after a storm.',
      'About {Number} hundred people work at the port, most of them on rotating shifts.',
      'Ships from {City2} and other ports have been waiting offshore for berths.',
    ],
    silences: ['did not respond to a request for comment', 'declined to comment on the contract', 'did not attend the ceremony'],
  },
  {
    key: 'court',
    headlines: ['Jury hears closing arguments in {City} fraud trial', '{City} court convicts former official of bribery', 'Judge delays sentencing in {City} arson case'],
    organisations: ['the {City} District Court', "the District Attorney's Office", '{City} Police Department', 'the Public Defender Service'],
    titles: ['Judge', 'Deputy District Attorney', 'Police Chief', 'Detective Inspector'],
    appositives: ['the lead prosecutor in the case', "the defendant's lawyer", 'a {spokesperson} for the police department'],
    actions: [
      { past: 'delivered the verdict', base: 'deliver the verdict' },
      { past: 'questioned the fire investigator', base: 'question the fire investigator' },
      { past: 'filed a motion to delay the trial', base: 'file a motion to delay the trial' },
      { past: 'arrested the second suspect', base: 'arrest the second suspect' },
    ],
    sayings: [
      'The evidence in this case points in one direction only',
      'My client has always maintained his innocence',
      'We will review the judgment carefully before deciding on an appeal',
      'The jury did its work with great care',
      'This was never about one man but about a system that failed',
      'We are asking the court for patience, not favours',
    ],
    background: [
      'The trial lasted {Number} weeks and heard from more than twenty witnesses.',
      'The charges were first filed in {Year} after an audit by {Org}.',
      'The courtroom in {City} was full for most of the hearing.',
      'Lawyers from {City2} were brought in to advise the defence.',
    ],
    silences: ['declined to answer questions from reporters', 'did not testify', 'did not respond to a request for comment'],
  },
  {
    key: 'budget',
    headlines: ['{City} council passes budget after all-night session', 'Government unveils spending plan in {City}', 'Finance ministry warns of deficit as {City} talks stall'],
    organisations: ['the Ministry of Finance', '{City} City Council', 'the National Audit Office', 'the Taxpayers Alliance'],
    titles: ['Finance Minister', 'Mayor', 'Councillor', 'Prime Minister'],
    appositives: ["the council's budget chief", 'a {spokesperson} for the ministry', "the opposition's finance spokesperson"],
    actions: [
      { past: 'presented the budget', base: 'present the budget' },
      { past: 'cut the housing grant', base: 'cut the housing grant' },
      { past: 'called for a recount of the vote', base: 'call for a recount of the vote' },
      { past: 'raised the fuel tax', base: 'raise the fuel tax' },
    ],
    sayings: [
      'This budget protects schools and hospitals first',
      'Nobody in this room likes these cuts, least of all me',
      'The numbers simply do not add up',
      'We will not balance the books on the backs of pensioners',
      'Families in this city deserve a straight answer',
      'The deficit is smaller than anyone expected a year ago',
    ],
    background: [
      'The budget totals {Number} billion and runs until the end of next year.',
      'The last comparable budget, in {Year}, was rejected twice by the council.',
      '{Org} said spending on roads would fall for the first time in a decade.',
      'Delegations from {City2} watched the debate from the public gallery.',
    ],
    silences: ['did not vote', 'declined to comment on the cuts', 'left the chamber before the vote'],
  },
  {
    key: 'tech',
    headlines: ['{City} start-up recalls batteries after fires', 'Chipmaker to build factory near {City}', 'Software firm in {City} hit by data breach'],
    organisations: ['Northwind Systems', 'Helix Batteries', 'the Consumer Safety Agency', 'the {City} Chamber of Commerce'],
    titles: ['Chief Executive', 'Economy Minister', 'Chief Technology Officer', 'Regulator'],
    appositives: ["the company's chief engineer", "a {spokesperson} for the safety agency", "the firm's head of security"],
    actions: [
      { past: 'ordered the recall', base: 'order the recall' },
      { past: 'broke ground on the factory', base: 'break ground on the factory' },
      { past: 'disclosed the breach', base: 'disclose the breach' },
      { past: 'shut down the test line', base: 'shut down the test line' },
    ],
    sayings: [
      'Safety comes before any sales target',
      'We found the fault in a single batch of cells',
      'The factory will bring skilled jobs to the region',
      'No customer passwords were taken',
      'We should have told people sooner and I regret that',
      'The regulator will decide whether the fix is good enough',
    ],
    background: [
      'The company employs {Number} hundred people and was founded in {Year}.',
      '{Org} received more than {Number} hundred complaints last quarter.',
      'Shares in the company fell sharply after the announcement in {City}.',
      'Suppliers in {City2} said orders had been put on hold.',
    ],
    silences: ['did not respond to questions about the recall', 'declined to comment', 'was not available for comment'],
  },
  {
    key: 'science',
    headlines: ['Researchers in {City} map glacier retreat', 'Scientists find rare fossil near {City}', '{City} study links river pollution to farm runoff'],
    organisations: ['the University of {City}', 'the North Sea Climate Centre', 'the Geological Survey', 'the National Science Foundation'],
    titles: ['Professor', 'Dr.', 'Science Minister', 'Lab Director'],
    appositives: ['a geologist at the university', "the study's lead author", 'a climate scientist at the research centre'],
    actions: [
      { past: 'published the study', base: 'publish the study' },
      { past: 'found the fossil', base: 'find the fossil' },
      { past: 'measured the glacier', base: 'measure the glacier' },
      { past: 'presented the findings', base: 'present the findings' },
    ],
    sayings: [
      'The ice is retreating faster than any model predicted',
      'We nearly missed it because it looked like an ordinary rock',
      'The data leave very little room for doubt',
      'More sampling is needed before anyone draws firm conclusions',
      'This is the most complete specimen found in decades',
      'Farmers are not the villains here, but the runoff is real',
    ],
    background: [
      'The team took {Number} hundred samples over two field seasons.',
      'Similar work in {Year} was funded by {Org}.',
      'The site lies about {Number} kilometres north of {City}.',
      'Researchers from {City2} are expected to repeat the measurements.',
    ],
    silences: ['was not involved in the study', 'did not respond to emails', 'declined to be interviewed'],
  },
  {
    key: 'health',
    headlines: ['{City} hospital opens new emergency wing', 'Measles cases rise in {City} schools', 'Nurses in {City} vote to strike over staffing'],
    organisations: ['{City} General Hospital', 'the Health Ministry', 'the Nurses Association', 'the Public Health Agency'],
    titles: ['Health Minister', 'Chief Medical Officer', 'Hospital Director', 'Dr.'],
    appositives: ["the hospital's head of emergency medicine", "a {spokesperson} for the nurses' association", 'an epidemiologist at the health agency'],
    actions: [
      { past: 'opened the emergency wing', base: 'open the emergency wing' },
      { past: 'declared an outbreak', base: 'declare an outbreak' },
      { past: 'called the strike vote', base: 'call the strike vote' },
      { past: 'extended visiting hours', base: 'extend visiting hours' },
    ],
    sayings: [
      'Waiting times in the emergency room should fall by half',
      'Vaccination is still the best protection we have',
      'Nurses are exhausted and the ministry knows it',
      'We are hiring as fast as we can train people',
      'Parents should check their children\'s records this week',
      'A strike is the last thing any nurse wants',
    ],
    background: [
      'The hospital treats about {Number} thousand patients a year.',
      '{Org} reported {Number} new cases since the start of the month.',
      'The old wing was built in {Year} and had no room for modern equipment.',
      'Patients from {City2} are also sent to the hospital for surgery.',
    ],
    silences: ['did not comment on the strike', 'was not available for comment', 'declined to give figures'],
  },
  {
    key: 'weather',
    headlines: ['Floods cut off villages near {City}', 'Storm leaves thousands without power in {City}', 'Landslide closes coastal road outside {City}'],
    organisations: ['the Meteorological Institute', 'the {City} Fire Service', 'the Red Cross', 'the Roads Agency'],
    titles: ['Fire Chief', 'Mayor', 'Interior Minister', 'Regional Governor'],
    appositives: ['a forecaster at the institute', "the fire service's incident commander", 'a {spokesperson} for the Red Cross'],
    actions: [
      { past: 'ordered the evacuation', base: 'order the evacuation' },
      { past: 'reopened the coastal road', base: 'reopen the coastal road' },
      { past: 'issued a red warning', base: 'issue a red warning' },
      { past: 'restored power to the hospital', base: 'restore power to the hospital' },
    ],
    sayings: [
      'The river rose a metre in less than an hour',
      'Stay away from the coast until the warning is lifted',
      'Our crews have been working through the night',
      'We have never seen rain like this in October',
      'The road will stay closed until engineers say it is safe',
      'Everyone we evacuated is accounted for',
    ],
    background: [
      'About {Number} thousand homes lost power at the height of the storm.',
      'The last comparable flood, in {Year}, destroyed two bridges.',
      '{Org} opened shelters in schools and sports halls.',
      'Rail services between {City} and {City2} were suspended.',
    ],
    silences: ['did not visit the area', 'declined to estimate the damage', 'did not respond to calls'],
  },
  {
    key: 'sport',
    headlines: ['{City} FC sack manager after cup defeat', '{City} wins bid to host athletics championships', 'Stadium plan divides {City} fans'],
    organisations: ['{City} FC', 'the National Athletics Federation', 'the Supporters Trust', 'the Sports Council'],
    titles: ['Sports Minister', 'Club Chairman', 'Coach', 'Federation President'],
    appositives: ["the club's captain", 'a {spokesperson} for the supporters trust', "the federation's technical director"],
    actions: [
      { past: 'dismissed the manager', base: 'dismiss the manager' },
      { past: 'submitted the bid', base: 'submit the bid' },
      { past: 'unveiled the stadium plan', base: 'unveil the stadium plan' },
      { past: 'signed the new striker', base: 'sign the new striker' },
    ],
    sayings: [
      'The results were not good enough and everyone knows it',
      'This city has waited a long time for a championship',
      'Fans were not asked about the move and that is wrong',
      'I gave everything for this club',
      'The new stadium will pay for itself within ten years',
      'We want young athletes here to see the best in the world',
    ],
    background: [
      'The club has won {Number} league titles, the last in {Year}.',
      '{Org} estimates the championships will draw {Number} hundred thousand visitors.',
      'The old ground in {City} holds fewer than twenty thousand people.',
      'Rival clubs from {City2} have already built new stadiums.',
    ],
    silences: ['did not attend the press conference', 'declined to comment', 'did not reply to messages'],
  },
];

// ---------------------------------------------------------------------------------------------
// Composition.

interface Writer {
  rng: Random;
  open: string;
  close: string;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function quoted(w: Writer, text: string, end: ',' | '.' | '?'): string {
  return `${w.open}${text}${end}${w.close}`;
}

interface CastMember extends GeneratedPerson {
  /** How the lead paragraph introduces them. */
  introduction: string;
  /** How later paragraphs name them: the surname, or the full name when another person shares it. */
  short: string;
}

function castPeople(rng: Random, subject: Subject, outlet: string): CastMember[] {
  const count = rng.int(4, 6);
  const sharedSurname = rng.chance(0.15);
  const surnames = rng.sample(SURNAMES, count);
  if (sharedSurname) surnames[2] = surnames[1]!;
  const usedFirst = new Set<string>();
  const titles = rng.sample(subject.titles, 2);
  const appositives = rng.sample(subject.appositives, 2);
  const people: CastMember[] = [];
  for (let i = 0; i < count; i++) {
    const pronoun = rng.chance(0.5) ? 'she' : 'he';
    let first = rng.pick(pronoun === 'she' ? FEMALE_NAMES : MALE_NAMES);
    while (usedFirst.has(first)) first = rng.pick(pronoun === 'she' ? FEMALE_NAMES : MALE_NAMES);
    usedFirst.add(first);
    const surname = surnames[i]!;
    const name = `${first} ${surname}`;
    const spokesperson = pronoun === 'she' ? 'spokeswoman' : 'spokesman';
    // 0 and 2 carry a title before the name; 1 and 4 a role after it; 3 is a reporter; 5 a witness.
    let role: string;
    let introduction: string;
    if (i === 0 || i === 2) {
      role = titles[i === 0 ? 0 : 1]!;
      introduction = `${role} ${name}`;
    } else if (i === 1 || i === 4) {
      role = fill(appositives[i === 1 ? 0 : 1]!, { spokesperson });
      introduction = `${name}, ${role},`;
    } else if (i === 3) {
      role = `reporter for ${outlet}`;
      introduction = `${outlet}'s ${name}`;
    } else {
      role = 'a local resident';
      introduction = `${name}, a local resident,`;
    }
    people.push({ name, surname, role, pronoun, quoted: false, introduction, short: surname });
  }
  for (const p of people) if (people.filter((q) => q.surname === p.surname).length > 1) p.short = p.name;
  return people;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  weekday: string;
}

function dateOf(year: number, month: number, day: number): DateParts {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month, day)).getUTCDay()]!;
  return { year, month, day, weekday };
}

function addDays(d: DateParts, days: number): DateParts {
  const t = new Date(Date.UTC(d.year, d.month, d.day + days));
  return dateOf(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
}

const isoDate = (d: DateParts) => `${d.year}-${String(d.month + 1).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const longDate = (d: DateParts) => `${MONTHS[d.month]} ${d.day}, ${d.year}`;

/** One synthetic article: the same (seed, index) always gives the same text. */
export function generateArticle(seed: string | number, index: number): GeneratedArticle {
  const rng = new Random(`${seed}:${index}`);
  const subject = rng.pick(SUBJECTS);
  const [city, city2, city3] = rng.sample(CITIES, 3) as [string, string, string];
  const outlet = rng.pick(OUTLETS);
  const curly = rng.chance(0.35);
  const w: Writer = { rng, open: curly ? '\u201c' : '"', close: curly ? '\u201d' : '"' };
  const people = castPeople(rng, subject, outlet);
  const organisations = rng.sample(subject.organisations, 3).map((o) => fill(o, { City: city }));
  const actions = rng.sample(subject.actions, 3);
  // Subject sayings first, then general ones, so no quote repeats within an article.
  const sayings = [...rng.sample(subject.sayings, subject.sayings.length), ...rng.sample(GENERAL_SAYINGS, GENERAL_SAYINGS.length)];
  const eventDay = dateOf(rng.int(2012, 2025), rng.int(0, 11), rng.int(1, 28));
  const published = addDays(eventDay, rng.int(0, 2));
  const headline = fill(rng.pick(subject.headlines), { City: city });
  const values = (): Record<string, string> => ({
    City: city,
    City2: city2,
    Org: rng.pick(organisations),
    Number: rng.pick(NUMBER_WORDS),
    Year: String(rng.int(1950, eventDay.year - 1)),
  });

  const [lead, second, third, , fourth, witness] = people as [CastMember, CastMember, CastMember, CastMember, CastMember | undefined, CastMember | undefined];
  const reporter = people[3]!;
  const paragraphs: string[] = [];
  const quotes: GeneratedQuote[] = [];
  const events: GeneratedEvent[] = [];
  const say = (p: CastMember, text: string) => {
    p.quoted = true;
    quotes.push({ speaker: p.name, text, paragraph: paragraphs.length + 1 });
  };
  let sayingAt = 0;
  const nextSaying = () => sayings[sayingAt++ % sayings.length]!;

  // 1. The lead: who did what, where, when.
  const clock = rng.pick(CLOCK_TIMES);
  paragraphs.push(`${lead.introduction} ${actions[0]!.past} in ${city} on ${eventDay.weekday}, ${rng.pick(organisations)} said.`);
  events.push({ actor: lead.name, base: actions[0]!.base, past: actions[0]!.past, time: eventDay.weekday, place: city, paragraph: 1 });

  // 2. A direct quote from the lead, "X said" or "said X".
  {
    const s = nextSaying();
    say(lead, s);
    paragraphs.push(rng.chance(0.5) ? `${quoted(w, s, ',')} ${lead.short} said.` : `${quoted(w, s, ',')} said ${lead.short}.`);
  }

  // 3. The appositive role, then an indirect statement and a pronoun-attributed quote.
  {
    const s = nextSaying();
    say(second, s);
    paragraphs.push(`${second.introduction} said the work had been planned for months. ${quoted(w, s, ',')} ${second.pronoun} added.`);
  }

  // 4. A second event with a full date and a clock time, at another place.
  paragraphs.push(`${third.introduction} ${actions[1]!.past} at ${clock} on ${longDate(eventDay)} in ${city2}, ${rng.chance(0.5) ? 'officials said' : `according to ${organisations[1]}`}.`);
  events.push({ actor: third.name, base: actions[1]!.base, past: actions[1]!.past, time: `${clock} on ${longDate(eventDay)}`, place: city2, paragraph: paragraphs.length });

  // 5. A quote split around its attribution.
  {
    const a = nextSaying();
    const b = nextSaying();
    say(third, `${a}. ${b}`);
    paragraphs.push(`${quoted(w, a, ',')} ${third.short} said. ${quoted(w, b, '.')}`);
  }

  // 6. "According to X".
  {
    const s = nextSaying();
    const speaker = fourth ?? second;
    say(speaker, s);
    paragraphs.push(`${quoted(w, s, ',')} according to ${speaker === fourth ? fourth.introduction.replace(/,$/, '') : speaker.short}.`);
  }

  // 7. An unnamed official, resolved from the sentence before.
  {
    const org = rng.pick(organisations);
    const s = nextSaying();
    quotes.push({ speaker: `an official at ${org}`, text: s, paragraph: paragraphs.length + 1 });
    paragraphs.push(`An official at ${org}, who asked not to be named, confirmed the figures. ${quoted(w, s, ',')} the official said.`);
  }

  // 8. A relative time and a third event.
  {
    const when = rng.pick(['Last week', 'Earlier this month', 'In the coming months', 'Two days earlier', 'Late last year']);
    const actor = rng.pick([lead, second, third]);
    const past = when === 'In the coming months' ? `will ${actions[2]!.base}` : actions[2]!.past;
    paragraphs.push(`${when}, ${actor.short} ${past} in ${city3}, ${reporter.introduction} reported.`);
    events.push({ actor: actor.name, base: actions[2]!.base, past, time: when.toLowerCase(), place: city3, paragraph: paragraphs.length });
  }

  // 9. A person mentioned but never quoted; then background facts in random order, up to 8–16 paragraphs.
  const silent = witness ?? reporter;
  const silence = rng.pick(subject.silences);
  paragraphs.push(`${silent === witness ? witness.introduction : silent.name} ${silence}.`);
  const middle: string[] = [
    ...rng.sample(subject.background, subject.background.length).map((b) => fill(b, values())),
    `The matter is expected to return to ${rng.pick(organisations)} on ${MONTHS[(eventDay.month + rng.int(1, 3)) % 12]} ${rng.int(1, 28)}.`,
    `${lead.short} is expected to speak again at ${rng.pick(CLOCK_TIMES)} ${rng.pick(['on Monday', 'on Friday', 'next week', 'tomorrow'])}.`,
  ];
  const target = rng.int(8, 16);
  for (const p of rng.sample(middle, middle.length)) {
    if (paragraphs.length >= target) break;
    paragraphs.push(p);
  }
  while (paragraphs.length < target) {
    const p = rng.pick([lead, second, third]);
    const s = nextSaying();
    say(p, s);
    paragraphs.push(rng.chance(0.5) ? `${quoted(w, s, '.')} ${p.short} said on ${published.weekday}.` : `${p.short} said: ${quoted(w, s, '.')}`);
  }

  const frontMatter = rng.chance(0.3) ? `---\ntitle: ${headline}\nsource: ${outlet.replace(/^the /, 'The ')}\npublished: ${isoDate(published)}\n---\n` : '';
  const sourceLine = !frontMatter && rng.chance(0.6) ? `\nSource : ${outlet.replace(/^the /, 'The ')}\n` : '';
  const body = paragraphs.map((p) => capitalize(p)).join('\n\n');
  const text = `${frontMatter}${headline}\n\n${body}\n${sourceLine}`;
  const slug = `synthetic-${String(index + 1).padStart(4, '0')}-${subject.key}`;
  return {
    slug,
    fileName: `${slug}.txt`,
    text,
    headline,
    paragraphCount: paragraphs.length,
    facts: {
      people: people.map(({ name, surname, role, pronoun, quoted }) => ({ name, surname, role, pronoun, quoted })),
      organisations,
      places: [city, city2, city3],
      quotes,
      events,
    },
  };
}

/** `count` articles from `seed`, in order. */
export function generateCorpus(options: { count?: number; seed?: string | number } = {}): GeneratedArticle[] {
  const count = options.count ?? DEFAULT_COUNT;
  const seed = options.seed ?? DEFAULT_SEED;
  return Array.from({ length: count }, (_, i) => generateArticle(seed, i));
}

/** Write the articles into `dir` (created if missing), one `<slug>.txt` each. */
export function writeCorpus(dir: string, articles: GeneratedArticle[]): void {
  mkdirSync(dir, { recursive: true });
  for (const a of articles) writeFileSync(join(dir, a.fileName), a.text, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Command line.

function parseArgs(argv: string[]): { out: string; count: number; seed: string } {
  const options = { out: DEFAULT_OUT, count: DEFAULT_COUNT, seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v === '') throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--out') options.out = value();
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--count') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error('--count must be a whole number from 1 to 100000');
      options.count = n;
    } else if (arg !== '--') throw new Error(`unknown argument ${arg}; usage: generate-corpus [--out DIR] [--count N] [--seed S]`);
  }
  return options;
}

if (isDirectRun(import.meta.url)) {
  try {
    const { out, count, seed } = parseArgs(process.argv.slice(2));
    writeCorpus(out, generateCorpus({ count, seed }));
    process.stderr.write(`wrote ${count} articles (seed ${JSON.stringify(seed)}) to ${out}\n`);
  } catch (error) {
    process.stderr.write(`generate-corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
