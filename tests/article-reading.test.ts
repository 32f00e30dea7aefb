import { describe, expect, it } from 'vitest';
import { parseArticle, slugFromFileName } from '../src/index.js';
import { cleanText } from '../src/article/clean.js';
import { extractTimes, findTimeExpressions } from '../src/extract/times.js';
import { extractPeople } from '../src/extract/people.js';

describe('reading an article', () => {
  it('GIVEN a rewriter stutter THEN "and also also also" reads as "and"', () => {
    expect(cleanText('wind and also also also rain')).toBe('wind and rain');
  });

  it('GIVEN a legitimate "and also" THEN it is kept', () => {
    expect(cleanText('she sang and also danced')).toBe('she sang and also danced');
  });

  it('GIVEN curly quotes THEN they become straight quotes', () => {
    expect(cleanText('\u201cHi,\u201d she said. It\u2019s fine.')).toBe('"Hi," she said. It\'s fine.');
  });

  it('GIVEN a headline, blank-line paragraphs, one-a-line paragraphs and a Source line THEN paragraphs are numbered as a reader counts them', () => {
    const a = parseArticle('Headline here\n\nFirst para. Second sentence.\n\nThird para.\nFourth para.\n\nSource : Daily Planet\n', 'x');
    expect(a.headline).toBe('Headline here');
    expect(a.meta.source).toBe('Daily Planet');
    expect(a.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [1, 'First para. Second sentence.'],
      [2, 'Third para.'],
      [3, 'Fourth para.'],
    ]);
    expect(a.sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [1, 'First para.'],
      [1, 'Second sentence.'],
      [2, 'Third para.'],
      [3, 'Fourth para.'],
    ]);
  });

  it('GIVEN titles, times and quotes THEN sentences split only at real ends', () => {
    const a = parseArticle('H\n\nDr. Ann Lee met Mr. Bo at 3 p.m. on Friday. "It was a plan," she said. "We won." Then they left.', 'x');
    expect(a.sentences.map((s) => s.text)).toEqual([
      'Dr. Ann Lee met Mr. Bo at 3 p.m. on Friday.',
      '"It was a plan," she said.',
      '"We won."',
      'Then they left.',
    ]);
  });

  it('GIVEN a short abbreviation before a number ("Op. 35", "(r. 1435–1449)") THEN the sentence goes on, but a sentence may still start with a number', () => {
    const a = parseArticle('H\n\nHis sonatas (No. 2, Op. 35 and No. 3, Op. 58) are in four movements. The Zhengtong Emperor (r. 1435–1449) wrote to him. It came out in the US. 4 sold 310,000 copies in May. 3 more followed.', 'x');
    expect(a.sentences.map((s) => s.text)).toEqual([
      'His sonatas (No. 2, Op. 35 and No. 3, Op. 58) are in four movements.',
      'The Zhengtong Emperor (r. 1435–1449) wrote to him.',
      'It came out in the US.',
      '4 sold 310,000 copies in May.',
      '3 more followed.',
    ]);
  });

  it('GIVEN a reference note after a full stop ("ease.[q] The", "ended.[12][13] Next") THEN the sentence ends after the note', () => {
    const a = parseArticle('H\n\nHe focused on comfort and ease.[q] The camera was reworked. It ended [citation needed] in May.[12][13] Next came "[His] playing".', 'x');
    expect(a.sentences.map((s) => s.text)).toEqual([
      'He focused on comfort and ease.[q]',
      'The camera was reworked.',
      'It ended [citation needed] in May.[12][13]',
      'Next came "[His] playing".',
    ]);
  });

  it('GIVEN valid front matter THEN its date and author are kept', () => {
    const a = parseArticle('---\npublished: 2024-03-05\nauthor: Jo Reed\n---\nHeadline\n\nBody text here.', 'x');
    expect(a.meta.published).toBe('2024-03-05');
    expect(a.meta.author).toBe('Jo Reed');
    expect(a.headline).toBe('Headline');
  });

  it('GIVEN front matter with a bad date THEN the error names the key', () => {
    expect(() => parseArticle('---\npublished: yesterday\n---\nH\n\nBody.', 'x')).toThrow(/published/);
  });

  it('GIVEN an empty file THEN the error asks for a headline', () => {
    expect(() => parseArticle('\n\n', 'x')).toThrow(/headline/);
  });

  it('GIVEN a messy file name THEN the slug is plain', () => {
    expect(slugFromFileName('Court Case (v2).txt')).toBe('court-case-v2');
  });
});

describe('reading articles written in other styles', () => {
  it('GIVEN a Markdown article THEN the headline, bold, links and bullets read as plain text', () => {
    const a = parseArticle('# Big **news** today\n\nSee [the report](http://example.com) for *more*.\n\n- First point here.\n- Second point.\n', 'x');
    expect(a.headline).toBe('Big news today');
    expect(a.paragraphs.map((p) => p.text)).toEqual(['See the report for more.', 'First point here.', 'Second point.']);
  });

  it('GIVEN a wire dateline THEN it is kept as metadata and the first sentence starts after it', () => {
    const a = parseArticle('Talks open\n\nGENEVA, March 3 (Newswire) — The talks began on Monday.\n', 'x');
    expect(a.meta.dateline).toBe('GENEVA, March 3 (Newswire)');
    expect(a.sentences[0]!.text).toBe('The talks began on Monday.');
  });
});

describe('reading the people of an article', () => {
  it('GIVEN a source named after "according to" with an age THEN the age is kept though the clause is no role', () => {
    const article = parseArticle('Flood hits town\n\nAccording to Martin Lyle, 45, investigators found the pump had failed.\n', 'flood');
    expect(extractPeople(article).people.map((p) => [p.name, p.roles])).toEqual([['Martin Lyle', ['aged 45']]]);
  });
});

describe('finding time expressions', () => {
  it('GIVEN a weekday or month right after a word ending in "in" or "on" THEN the expression starts at the real preposition', () => {
    const found = (text: string) => findTimeExpressions(text).map((t) => text.slice(t.start, t.end));
    expect(found('Shares of Corrin in September fell.')).toEqual(['in September']);
    expect(found('Trains stop at Ashton Junction on Saturday evening.')).toEqual(['on Saturday evening']);
    expect(found('Shares of Corrin 2019 fell.')).toEqual(['2019']);
  });

  it('GIVEN relative dates and a clock time beside a date THEN each resolves against the publication date', () => {
    const article = parseArticle('---\npublished: 2025-09-20\n---\nHearing opens\n\nThe hearing opened at 8 a.m. on Tuesday, September 9. Work starts next month and ends next year. Sales rose this month.\n', 'dates');
    const resolved = Object.fromEntries(extractTimes(article).map((t) => [t.expression, t.resolved]));
    expect(resolved).toEqual({
      'at 8 a.m. on Tuesday, September 9': 'Tuesday 9 September 2025',
      'next month': 'October 2025',
      'next year': '2026',
      'this month': 'September 2025',
    });
  });
});

describe('resolving a time against the publication date by the tense of its verb', () => {
  // Published on Wednesday 18 June 2025.
  const resolve = (text: string) => {
    const article = parseArticle(`---\npublished: 2025-06-18\n---\nHeadline\n\n${text}\n`, 'tense');
    return Object.fromEntries(extractTimes(article).map((t) => [t.expression, t.resolved]));
  };

  it('GIVEN "would meet … on Thursday" in an article published on a Wednesday THEN the expression resolves to the coming Thursday', () => {
    expect(resolve('The two leaders would meet in Geneva on Thursday, officials said.')).toEqual({ 'on Thursday': 'Thursday 19 June 2025' });
    expect(resolve('Residents would not be allowed to return until at least Sunday.')).toEqual({ Sunday: 'Sunday 22 June 2025' });
    expect(resolve('The medal would be presented at the indoor meeting in Carrow in February.')).toEqual({ 'in February': 'February 2026' });
  });

  it('GIVEN a present-tense schedule verb beside a date ("begins on July 1", "opens on Friday") THEN the date is the coming one', () => {
    expect(resolve('The new fare scheme begins on July 1.')).toEqual({ 'on July 1': 'Tuesday 1 July 2025' });
    expect(resolve('The festival opens on Friday.')).toEqual({ 'on Friday': 'Friday 20 June 2025' });
    expect(resolve("The company's lease on the mill's east wing starts on 1 September.")).toEqual({ 'on 1 September': 'Monday 1 September 2025' });
    expect(resolve('The ban takes effect in March.')).toEqual({ 'in March': 'March 2026' });
  });

  it('GIVEN a present passive of a setting verb ("is held on Saturday") THEN the date is the coming one', () => {
    expect(resolve('The final is held on Saturday.')).toEqual({ 'on Saturday': 'Saturday 21 June 2025' });
  });

  it('GIVEN "would have", a refusal ("would not comment") or "would" after the date THEN the date stays the last one', () => {
    expect(resolve('The two leaders would have met on Thursday.')).toEqual({ 'on Thursday': 'Thursday 12 June 2025' });
    expect(resolve('The company would not comment on Thursday.')).toEqual({ 'on Thursday': 'Thursday 12 June 2025' });
    expect(resolve('The mayor said on Monday that she would resign.')).toEqual({ 'on Monday': 'Monday 16 June 2025' });
  });

  it('GIVEN a present-tense verb that is no schedule (a plural noun, a speech verb, a past verb further back) THEN the date stays the last one', () => {
    expect(resolve('The council approved the new rules on Friday.')).toEqual({ 'on Friday': 'Friday 13 June 2025' });
    expect(resolve('Prices rose after protests on Friday.')).toEqual({ 'on Friday': 'Friday 13 June 2025' });
    expect(resolve('The report, published on Tuesday, says the river is clean.')).toEqual({ 'on Tuesday': 'Tuesday 17 June 2025' });
    expect(resolve('The minister says he was attacked on Tuesday.')).toEqual({ 'on Tuesday': 'Tuesday 17 June 2025' });
    expect(resolve('Army helicopters flew in 26 tonnes of food, water and blankets on Sunday.')).toEqual({ 'on Sunday': 'Sunday 15 June 2025' });
    expect(resolve('Castlebridge completed the signing of Swedish striker Tobias Lindqvist from Vale Rovers for a club-record fee of 38 million pounds on Thursday night.')).toEqual({ 'on Thursday night': 'Thursday 12 June 2025' });
    expect(resolve('"He scores the goals that win you points in February," the coach said.')).toEqual({ 'in February': 'February 2025' });
  });

  it('GIVEN "will" more than a few words before the date THEN the verb it governs still puts the date ahead', () => {
    expect(resolve('The mission team will present its first images at a news conference in Darmstadt on Monday.')).toEqual({ 'on Monday': 'Monday 23 June 2025' });
  });

  it('GIVEN "will" and then names that make the clause long ("will face Hollins Vale … at the Westgate Arena in Lowrie on Sunday") THEN the date is the coming one', () => {
    expect(resolve('Carrick will face Hollins Vale in the final at the Westgate Arena in Lowrie on Sunday.')).toEqual({ 'on Sunday': 'Sunday 22 June 2025' });
  });

  it('GIVEN "is set to" or "is expected" before the date THEN the date is the coming one', () => {
    expect(resolve('The ministers are set to sign the deal on Friday.')).toEqual({ 'on Friday': 'Friday 20 June 2025' });
    expect(resolve('A ruling on the ferry pier is expected on Friday.')).toEqual({ 'on Friday': 'Friday 20 June 2025' });
  });

  it('GIVEN "will" in another clause ("who will retire next year") and a past verb governing the date THEN the date stays the last one', () => {
    expect(resolve('Smith, who will retire next year, was arrested on Friday.')).toMatchObject({ 'on Friday': 'Friday 13 June 2025' });
    expect(resolve('The plan that will cut fares was approved on Monday.')).toEqual({ 'on Monday': 'Monday 16 June 2025' });
    expect(resolve('The minister, who will step down next month, said on Monday that the talks had failed.')).toMatchObject({ 'on Monday': 'Monday 16 June 2025' });
    expect(resolve("The judges for next year's prize will be announced in January.")).toMatchObject({ 'in January': 'January 2026' });
  });

  it('GIVEN "will" before a participle that reads as an adjective ("will stay closed until Thursday", "remains closed until Friday") THEN the date is the coming one', () => {
    expect(resolve('The museum will stay closed until Thursday.')).toEqual({ 'until Thursday': 'Thursday 19 June 2025' });
    expect(resolve('The coast road remains closed until Friday.')).toEqual({ 'until Friday': 'Friday 20 June 2025' });
    expect(resolve('The coast road remained closed until Friday.')).toEqual({ 'until Friday': 'Friday 13 June 2025' });
  });

  it('GIVEN "is likely to" or "are going to" + verb before the date THEN the date is the coming one', () => {
    expect(resolve('The court is likely to rule on Friday.')).toEqual({ 'on Friday': 'Friday 20 June 2025' });
    expect(resolve('The two clubs are likely to meet again in March.')).toEqual({ 'in March': 'March 2026' });
    expect(resolve('The union is going to ballot its members on Monday.')).toEqual({ 'on Monday': 'Monday 23 June 2025' });
    expect(resolve('The talks are going to be held in Vienna on Thursday.')).toEqual({ 'on Thursday': 'Thursday 19 June 2025' });
  });

  it('GIVEN "was going to" or "was likely to" (a past prospect) THEN the date stays the last one', () => {
    expect(resolve('The union was going to ballot its members on Monday.')).toEqual({ 'on Monday': 'Monday 16 June 2025' });
  });

  it('GIVEN a present progressive of an arrangement ("is meeting on Thursday", "is travelling to Geneva on Friday") THEN the date is the coming one', () => {
    expect(resolve('The committee is meeting on Thursday.')).toEqual({ 'on Thursday': 'Thursday 19 June 2025' });
    expect(resolve('The foreign minister is travelling to Geneva on Friday.')).toEqual({ 'on Friday': 'Friday 20 June 2025' });
  });

  it('GIVEN a present progressive with an object ("are investigating a fire on Friday") THEN the date stays the last one', () => {
    expect(resolve('Police are investigating a fire on Friday.')).toEqual({ 'on Friday': 'Friday 13 June 2025' });
  });

  it('GIVEN "might" or "may" + verb before the date THEN the date is the coming one; "may have", "could" THEN the last one', () => {
    expect(resolve('The ministers might meet again on Thursday.')).toEqual({ 'on Thursday': 'Thursday 19 June 2025' });
    expect(resolve('The ferry may resume sailing in March.')).toEqual({ 'in March': 'March 2026' });
    expect(resolve('The ministers may have met on Thursday.')).toEqual({ 'on Thursday': 'Thursday 12 June 2025' });
    expect(resolve('The company could not be reached on Thursday.')).toEqual({ 'on Thursday': 'Thursday 12 June 2025' });
  });

  it('GIVEN "last", "earlier" or "ago" beside a future verb THEN the date stays in the past', () => {
    expect(resolve('The board would not meet, as it did last Thursday.')).toEqual({ 'last Thursday': 'Thursday 12 June 2025' });
    expect(resolve('The museum opens its doors earlier on Friday.')).toEqual({ 'earlier on Friday': 'Friday 13 June 2025' });
  });
});
