// The answering engine's behaviour on an article of our own, one behaviour per test.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { answerInput, answerQuestion, buildLibrary, parseArticle, readArticleFile } from '../src/index.js';

const ARTICLE = `---
published: 2025-03-14
source: Harbour Gazette
---
Storm closes Port Elling for three days

Port Elling reopened on Thursday after a storm closed the harbour for three days, the port authority said.

Harbour Master Ingrid Solvang said the closure cost local fishermen about 40,000 euros a day. "We have never had to close for this long," Solvang said. "The boats could not leave the quay."

Marek Lind, the port authority's chief engineer, inspected the sea wall on Wednesday morning. "The wall held, but the pier did not," he said.

Anna Lind, a fisherman who is not related to the engineer, said her boat was damaged at the quay. Mayor Tom Berg visited the harbour but did not speak to reporters.

A spokesperson for the coast guard said two crew members were rescued from a trawler near Skarvholm on Tuesday night. "They were lucky," the spokesperson said. The two crew members were treated at St. Olaf's Hospital.

Repairs to the pier will begin next month and are expected to cost 1.2 million euros.
`;

const library = buildLibrary([parseArticle(ARTICLE, 'storm')]);
const ask = (input: string) => answerInput(library, input);

describe('answering questions about an article', () => {
  it('GIVEN a typo in a surname THEN /who still finds the person and leads with the name and role', () => {
    const a = ask('/who Solvnag');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Ingrid Solvang, Harbour Master/);
    expect(a.citations[0]).toEqual({ article: 'storm', paragraph: 2 });
  });

  it('GIVEN a quote asked for by a description of its speaker THEN asking again gives the same quote', () => {
    // The description's last word once came from a shared, memoised word list by pop(), which
    // shortened it for every later question ("the police spokesperson" became "the police").
    const council = buildLibrary([readArticleFile(fileURLToPath(new URL('./fixtures/eval/articles/council-rivermouth-budget.txt', import.meta.url)))]);
    const first = answerInput(council, '/quote the police spokesperson');
    expect(first.answer).toMatch(/^Paul Dreyer/);
    expect(answerInput(council, '/quote the police spokesperson').answer).toBe(first.answer);
  });

  it('GIVEN two people who share a surname THEN /who with the surname names both, and a full name names one', () => {
    expect(ask('/who lind').answer).toMatch(/Marek Lind.*Anna Lind|Anna Lind.*Marek Lind/);
    expect(ask('/who Anna Lind').answer).toMatch(/^Anna Lind, a fisherman/);
  });

  it('GIVEN a description THEN /who finds the person who fits it', () => {
    expect(ask('/who is the chief engineer').answer).toMatch(/^Marek Lind/);
  });

  it('GIVEN an action THEN /who finds who did it, and a pronoun is resolved', () => {
    expect(ask('/who inspected the sea wall').answer).toMatch(/^Marek Lind/);
  });

  it('GIVEN a name that is not in the article THEN the answer is not found, with the closest names', () => {
    const a = ask('/who Samuel Ortega');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/not in the article/i);
  });

  it('GIVEN "he said" after a quote THEN /quote gives the words to the person it stands for', () => {
    expect(ask('/quote Marek Lind').answer).toMatch(/The wall held, but the pier did not/);
  });

  it('GIVEN "the spokesperson said" THEN the quote belongs to the unnamed spokesperson introduced earlier', () => {
    expect(ask('/quote about lucky').answer).toMatch(/^A spokesperson for the coast guard/);
  });

  it('GIVEN a person who is mentioned but never quoted THEN /quote says so instead of guessing', () => {
    const a = ask('/quote Tom Berg');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/not quoted/);
  });

  it('GIVEN a weekday and a publication date THEN /when shows both the words and the date', () => {
    expect(ask('/when did Marek Lind inspect the sea wall').answer).toMatch(/^Wednesday morning \(12 March 2025\)/);
  });

  it('GIVEN an event the article does not tell THEN /when is not found even though the names are there', () => {
    expect(ask('/when did Tom Berg resign').found).toBe(false);
  });

  it('GIVEN "how much" THEN the number leads the answer', () => {
    expect(ask('How much will the repairs cost?').answer).toMatch(/^1\.2 million euros/);
  });

  it('GIVEN /where THEN the place leads the answer', () => {
    expect(ask('/where were the crew members rescued').answer).toMatch(/^Near Skarvholm/);
  });

  it('GIVEN a place name that holds digits THEN /where never cuts it inside the word', () => {
    // The bundled article: "in a scheduled meeting at the G20 summit" once gave "… at the G".
    const bundled = buildLibrary([readArticleFile(fileURLToPath(new URL('../data/articles/seed-russia-normalization.txt', import.meta.url)))]);
    const a = answerInput(bundled, '/where did the meeting take place');
    expect(a.found).toBe(true);
    const at = a.evidence!.indexOf(a.fact.replace(/^./, (c) => c.toLowerCase()));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(a.evidence!.slice(at + a.fact.length)).toMatch(/^(?![\p{L}\p{N}])/u);
  });

  it('GIVEN an abbreviation in a place name THEN /where keeps the whole name', () => {
    expect(ask('/where were the crew members treated').answer).toMatch(/^At St\. Olaf's Hospital/);
  });

  it('GIVEN "how many" THEN the count ends on the thing counted', () => {
    expect(ask('How many crew members were rescued?').answer).toMatch(/^two crew members —/);
  });

  it('GIVEN "who did X to Y" THEN Y is never the answer, even when Y is the sentence\'s subject', () => {
    const a = ask('/who inspected Marek Lind');
    expect(a.answer).not.toMatch(/^Marek Lind/);
  });

  it('GIVEN an action whose only "doer" is the thing it was done to THEN /who says it is not in the article', () => {
    const library2 = buildLibrary([parseArticle('Leak\n\n"We regret that documents keep leaking," the official said.\n', 'leak')]);
    expect(answerInput(library2, '/who leaked the documents').found).toBe(false);
  });

  it('GIVEN "what is the article about" THEN the headline and the lede answer', () => {
    expect(ask('What is the article about?').answer).toMatch(/^Storm closes Port Elling/);
  });

  it('GIVEN mentions and markdown in the question THEN the answer is the same as without them', () => {
    expect(ask('/who @everyone **Solvang** <@123456789012345678>').answer).toBe(ask('/who Solvang').answer);
  });

  it('GIVEN named options THEN /quote filters by speaker and topic', () => {
    const a = answerQuestion(library, { command: 'quote', text: '', speaker: 'Solvang', topic: 'boats' });
    expect(a.answer).toMatch(/The boats could not leave the quay/);
  });
});

const SCHEME = `Reading scheme expands to rural schools

Kestrel Books said on Monday that its reading scheme would reach 4,200 pupils at 57 schools in the Alder Valley this year.

Chief executive Priya Mandal announced the expansion at a school in Dunmere. The publisher, Kestrel Books, which is based in Tarnford, said in a statement that its 90 staff would deliver the books from its warehouse in Lowick.

Sofia Brennan, Kestrel Books' chief operating officer, said every school would receive its first delivery of books within 10 days.

Tom Okafor, a headteacher at St. Brigid's Primary School in Tarnford, welcomed the plan. "The children have been waiting for this," he said.

The company forecasts that about 600 families a week will borrow books from a new mobile library.

Old delivery vans, which had been used since 2015, were replaced in March.
`;

describe('paraphrased and qualified questions', () => {
  const schemeLibrary = buildLibrary([parseArticle(SCHEME, 'scheme')]);
  const askScheme = (input: string) => answerInput(schemeLibrary, input);

  it('GIVEN "the chief executive of X" and a title written before the name THEN /who finds that person, not another officer of X', () => {
    expect(askScheme('/who is the chief executive of Kestrel Books').answer).toMatch(/^Priya Mandal/);
  });

  it('GIVEN an organisation "which is based in" a town THEN /where gives the town', () => {
    expect(askScheme('/where is Kestrel Books based').answer).toMatch(/^In Tarnford/);
  });

  it('GIVEN "the chief executive of" an organisation the article never mentions THEN it is not in the article', () => {
    expect(askScheme('/who is the chief executive of Harbour Press').found).toBe(false);
  });

  it('GIVEN a question that says "expected to" THEN the event asked about is the verb after it', () => {
    expect(askScheme('How many families a week are expected to borrow books?').answer).toMatch(/^about 600 families/);
  });

  it('GIVEN "how many" with a paraphrased verb THEN the number written before the very thing counted answers it', () => {
    expect(askScheme('How many schools took part in the reading scheme?').answer).toMatch(/^57 schools/);
  });

  it('GIVEN "how many" about something the article never counts THEN it is not in the article', () => {
    expect(askScheme('How many libraries closed in the valley?').found).toBe(false);
  });

  it('GIVEN a deadline ("within 10 days") THEN /when gives it', () => {
    expect(askScheme('/when will every school receive its first books').answer).toMatch(/within 10 days/);
  });

  it('GIVEN /who about something done to things, not people THEN it is not in the article', () => {
    const a = askScheme('/who was replaced in March');
    expect(a.found).toBe(false);
  });

  it('GIVEN a role that names a saint\'s school ("St. Brigid\'s") THEN the role is not cut at the abbreviation', () => {
    expect(askScheme('/who Tom Okafor').answer).toMatch(/^Tom Okafor, a headteacher at St\. Brigid's Primary School in Tarnford/);
  });
});

const MOUNTAIN = `Walkers rescued from Ben Torran after storm

Two walkers were brought down from Ben Torran on Sunday after a night on the mountain in winds of up to 60 miles an hour.

Megan Fairclough, 41, and Ravi Sood, 38, left the car park at Glen Morrow at 8 a.m. on Saturday. On the descent Sood fell on wet rock and hurt his knee.

Dr. Helen Ashcroft, a forecaster at the service, said the Scottish Mountain Weather Service had warned of gales. "Nobody should have been up there on Saturday afternoon," she said.

Anne Kilbride, who runs the cafe at the foot of Glen Morrow, stayed open all night. "I made tea for everyone who came in," she said.

Team leader Colin Ure said the rescue sent "a clear message to anyone planning a winter walk."

A red tent was found on the ridge on Monday by a shepherd. It was taken down to the village of Morrowbridge two hours later.

"We will go out whatever the weather, but we would rather not have to," Ure said.

Iona Reid, a 3,000-metre runner who joined the search, carried the tent. The walkers did not pay for the rescue, which is free.
`;

const mountain = buildLibrary([parseArticle(MOUNTAIN, 'mountain')]);
const askMountain = (input: string) => answerInput(mountain, input);

describe('coreference, measurements and attribution', () => {
  it('GIVEN a long surname misspelt as it sounds ("Faircluff") THEN /who still finds the person', () => {
    expect(askMountain('/who Faircluff').answer).toMatch(/^Megan Fairclough/);
  });

  it('GIVEN "the weather forecaster" for "a forecaster at the service" beside the Weather Service THEN /who finds her', () => {
    expect(askMountain('/who is the weather forecaster').answer).toMatch(/^Helen Ashcroft/);
  });

  it('GIVEN "how strong" THEN the measurement answers', () => {
    expect(askMountain('How strong were the winds?').answer).toMatch(/60 miles an hour/);
  });

  it('GIVEN an event dated by a stretch of a journey ("On the descent") THEN /when gives it', () => {
    expect(askMountain('/when did Sood fall').answer).toMatch(/^(?:On )?the descent/i);
  });

  it('GIVEN a sentence that opens with "It" THEN it is about the sentence before\'s subject', () => {
    expect(askMountain('/when was the red tent taken down').answer).toMatch(/two hours later/);
  });

  it('GIVEN a sentence that refers to the previous one\'s subject as "it" mid-sentence THEN a question naming the subject finds it', () => {
    const bridge = buildLibrary([
      parseArticle(
        `Floods close paths in the Tarn valley

A wooden footbridge was built across the Tarn in 1902. Rebuilt after the floods of 1968, it was reopened to walkers in May 1970.

The village hall was reopened in June after repairs.
`,
        'bridge',
      ),
    ]);
    expect(answerInput(bridge, 'When was the footbridge reopened?').answer).toMatch(/May 1970/);
  });

  it('GIVEN "she said" after a person at "the foot of Glen Morrow" THEN the quote is the person\'s, not the glen\'s', () => {
    expect(askMountain('/quote speaker:Kilbride topic:tea').answer).toMatch(/^Anne Kilbride.*I made tea/);
  });

  it('GIVEN a speaker quoted in part and in full THEN /quote leads with the whole quote', () => {
    expect(askMountain('/quote Ure').answer).toMatch(/^Colin Ure[^:]*: "We will go out/);
  });

  it('GIVEN a role with a number written with a thousands comma THEN the role is not cut at the comma', () => {
    expect(askMountain('/who Iona Reid').answer).toMatch(/^Iona Reid, a 3,000-metre runner who joined the search/);
  });

  it('GIVEN "how much did they pay" and only a count of people near it THEN it is not in the article', () => {
    expect(askMountain('How much did the walkers pay for the rescue?').found).toBe(false);
  });
});

const COUNCIL = `Ferry service to Inchmore suspended after 40 passengers fall ill

Forty passengers fell ill after a lunch served on the Inchmore ferry on Saturday, the harbour board said, and the service has been suspended.

The meal was served at 12:30 p.m. The board was alerted by a doctor in Inchmore that evening. The board's laboratory confirmed on Tuesday that the fish was to blame.

Professor Ruth Okonedo, a marine biologist at Calder University, said warm water had probably spoiled the catch. She called the outbreak "a warning to every kitchen on the coast."

A second crossing on Sunday, with 12 passengers on board, served a different menu, and none of those passengers has reported any illness.
`;

describe("everyday words for the article's words", () => {
  const council = buildLibrary([parseArticle(COUNCIL, 'ferry')]);
  const askFerry = (input: string) => answerInput(council, input);

  it('GIVEN "dinner" and "lab" for "meal" and "laboratory" THEN /when finds the events', () => {
    expect(askFerry('/when was dinner served').answer).toMatch(/^12:30 p\.m\./);
    expect(askFerry('/when did the lab confirm the cause').answer).toMatch(/Tuesday/);
  });

  it('GIVEN "got sick" for "fell ill" THEN "how many" finds the count in the lede rather than a later one', () => {
    expect(askFerry('How many passengers got sick?').answer).toMatch(/^Forty passengers/);
  });

  it('GIVEN phrasal verbs ("tipped off", "came across") THEN they meet the one word the article uses', () => {
    expect(askFerry('/who tipped off the board').answer).toMatch(/^a doctor — The board was alerted/i);
    expect(askMountain('/who came across the red tent').answer).toMatch(/^a shepherd/i);
  });

  it('GIVEN a title and an appositive ("Professor …, a marine biologist") THEN /who the biology professor finds her', () => {
    expect(askFerry('/who is the biology professor').answer).toMatch(/^Ruth Okonedo/);
  });

  it('GIVEN "She called the outbreak "…"" THEN the quoted words are hers', () => {
    expect(askFerry('/quote Okonedo').answer).toMatch(/^Ruth Okonedo[^:]*: "a warning to every kitchen/);
  });
});

const LEAK = `Chlorine leak forces 300 families from their homes

About 300 families left their homes on Tuesday night after chlorine leaked from a tank at a water works in Dunmore.

Station commander Kerensa Ellery of the Dunmore Fire and Rescue Service said the order to leave was given because the wind was carrying the gas towards houses. "We could not take any chances with the wind," she said.

Earlier on Tuesday, Dunmore's representative to the water board, Tomas Reyes, was told of the fault. He said he had asked for the tank to be replaced in May.

Mira Solberg, who leads the Clean Harbour party, was told on Monday by the rights group Open Dunmore. She was arrested on Friday at a protest outside the works.

A doctor at Dunmore General described the injured man, a 52-year-old fitter who had tried to stop the leak by hand, as stable.

The works last leaked chlorine in 1998, when a valve failed during a storm.

"The tank should have been replaced years ago," said Niamh Doyle, regional secretary of the Waterworkers Union.

Paul Ashe, the board's chairman, met residents on Wednesday. He will be questioned by councillors on 3 March. His wife, Maria Ashe, said: "He has not slept since it happened."
`;

describe('names, roles and pronouns', () => {
  const leak = buildLibrary([parseArticle(LEAK, 'leak')]);
  const askLeak = (input: string) => answerInput(leak, input);

  it('GIVEN "the X Fire and Rescue Service" THEN it is one organisation, and "she said" after it is the officer', () => {
    const index = leak.list()[0]!;
    expect(index.organisations.map((o) => o.name)).toContain('Dunmore Fire and Rescue Service');
    expect(index.people.map((p) => p.name)).not.toContain('Dunmore Fire');
    expect(askLeak('/quote Kerensa Ellery').answer).toMatch(/^Kerensa Ellery[^:]*: "We could not take any chances/);
  });

  it('GIVEN "the Clean Harbour party" and "the rights group Open Dunmore" THEN they are organisations, and "She" is the person before them', () => {
    const names = leak.list()[0]!.organisations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Clean Harbour', 'Open Dunmore']));
    expect(askLeak('/when was Solberg arrested').answer).toMatch(/^(?:On )?Friday/i);
  });

  it('GIVEN an event the article says will happen THEN /when asked in the past is not in the article, and in the future is answered', () => {
    expect(askLeak('/when was Ashe questioned by councillors').found).toBe(false);
    expect(askLeak('/when will Ashe be questioned by councillors').answer).toMatch(/^(?:On )?3 March/i);
  });

  it('GIVEN a question that names a year THEN a sentence about another year does not answer it', () => {
    expect(askLeak('How many families left their homes in 1998?').found).toBe(false);
    expect(askLeak('How many families left their homes?').answer).toMatch(/^About 300 families/);
  });

  it('GIVEN the story\'s event in the lede and an earlier one of the same kind further down THEN /when dates the story\'s', () => {
    expect(askLeak('/when did chlorine leak').answer).toMatch(/Tuesday night/i);
  });

  it('GIVEN "a 52-year-old fitter who had tried to stop the leak by hand" THEN /who tried gives the fitter, not "hand"', () => {
    expect(askLeak('/who tried to stop the leak by hand').answer).toMatch(/^a 52-year-old fitter/);
  });

  it('GIVEN ", regional secretary of the X Union" after a name THEN /who gives that role', () => {
    expect(askLeak('/who Niamh Doyle').answer).toMatch(/^Niamh Doyle, regional secretary of the Waterworkers Union/);
  });

  it('GIVEN "which union does X work for" and only her role to say so THEN the sentence with the role answers', () => {
    expect(askLeak('Which union does Niamh Doyle work for?').answer).toMatch(/Waterworkers Union/);
  });

  it('GIVEN a role written "X\'s representative to the board, NAME" THEN /who by that role finds the person', () => {
    expect(askLeak('/who Tomas Reyes').answer).toMatch(/^Tomas Reyes, Dunmore's representative to the water board/);
  });
});

const SUMMIT = `---
published: 2025-06-18
source: Lakeside Courier
---
Leaders to meet in Geneva as fares change

The two leaders would meet in Geneva on Thursday, officials said.

The new fare scheme begins on July 1. The festival opens on Friday.

The mayor said on Monday that she would resign.
`;

describe('dates of events yet to happen', () => {
  const summit = buildLibrary([parseArticle(SUMMIT, 'summit')]);
  const askSummit = (input: string) => answerInput(summit, input);

  it('GIVEN "would meet … on Thursday" in an article published on a Wednesday THEN /when resolves it to the coming Thursday', () => {
    expect(askSummit('/when will the two leaders meet').answer).toMatch(/^Thursday \(19 June 2025\)/);
  });

  it('GIVEN "begins on July 1" and "opens on Friday" in an article published in June THEN /when gives the coming dates', () => {
    expect(askSummit('/when does the new fare scheme begin').answer).toMatch(/^July 1 \(Tuesday 1 July 2025\)/);
    expect(askSummit('/when does the festival open').answer).toMatch(/^Friday \(20 June 2025\)/);
  });

  it('GIVEN "said on Monday that she would resign" THEN /when dates the saying to the last Monday', () => {
    expect(askSummit('/when did the mayor say she would resign').answer).toMatch(/^Monday \(16 June 2025\)/);
  });
});

// A future in a clause of its own beside a past event, and futures told without "will".
const ARREST = `---
published: 2025-06-18
source: Lakeside Courier
---
Harbour chief arrested

Harbour master Jon Smith, who will retire next year, was arrested on Friday.

The port court is likely to rule on Monday.
`;

describe('a future in another clause, and futures told without "will"', () => {
  const arrest = buildLibrary([parseArticle(ARREST, 'arrest')]);
  const askArrest = (input: string) => answerInput(arrest, input);

  it('GIVEN "Smith, who will retire next year, was arrested on Friday" THEN /when was Smith arrested gives the last Friday', () => {
    expect(askArrest('/when was Smith arrested').answer).toMatch(/^Friday \(13 June 2025\)/);
  });

  it('GIVEN "is likely to rule on Monday" THEN /when will the court rule gives the coming Monday', () => {
    expect(askArrest('/when will the court rule').answer).toMatch(/^Monday \(23 June 2025\)/);
  });
});

describe('where a person is', () => {
  const TRIAL = `Warehouse owner convicted of arson

A jury in Eastgate convicted Martin Whitfield of setting fire to his own warehouse on Tuesday.

Prosecutors showed that Whitfield deleted a series of text messages to his brother-in-law, Kevin Marsh, on the morning after the fire.

His accountant, Lena Ostrova, of Harwick, told the court the business had been losing money for two years.
`;
  const trial = buildLibrary([parseArticle(TRIAL, 'trial')]);
  const askTrial = (input: string) => answerInput(trial, input);

  it('GIVEN a time written right after a name THEN /where does not give that time as where the person is', () => {
    const a = askTrial('/where Kevin Marsh');
    expect(a.fact ?? '').not.toMatch(/morning/i);
    expect(a.answer).not.toMatch(/^On the morning/);
  });

  it('GIVEN a place written right after a name THEN /where gives it', () => {
    const a = askTrial('/where Lena Ostrova');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/Harwick/);
  });
});

// A past event in the lede and one to come further down, told without "will": "would meet" and a
// present-tense schedule ("opens on Saturday").
const SECOND_ROUND = `---
published: 2025-06-18
source: Lakeside Courier
---
Ministers meet in Vienna as harbour festival opens

The two foreign ministers met in Vienna on Monday to prepare a ceasefire plan. The harbour festival opened its first stage on Monday to crowds of several thousand.

The ministers discussed prisoner exchanges and a new border crossing.

Organisers said ticket sales had doubled since last year.

The two foreign ministers would meet again in Geneva on Thursday, officials said.

The festival's main stage opens on Saturday, the organisers said. The city council voted on Monday to close the harbour library.

The council is set to vote again on Thursday, a spokesman said.
`;

describe('the tense of the question and of the event that answers it', () => {
  const round = buildLibrary([parseArticle(SECOND_ROUND, 'second-round')]);
  const askRound = (input: string) => answerInput(round, input);

  it('GIVEN a past meeting in the lede and "would meet again … on Thursday" further down THEN /when will they meet gives the coming Thursday', () => {
    expect(askRound('/when will the foreign ministers meet').answer).toMatch(/^Thursday \(19 June 2025\)/);
    expect(askRound('/when did the foreign ministers meet').answer).toMatch(/^Monday \(16 June 2025\)/);
  });

  it('GIVEN a stage that opened on Monday in the lede and one that "opens on Saturday" further down THEN /when does it open gives the coming Saturday', () => {
    expect(askRound('/when does the festival stage open').answer).toMatch(/^Saturday \(21 June 2025\)/);
    expect(askRound('/when did the festival stage open').answer).toMatch(/^Monday \(16 June 2025\)/);
  });

  it('GIVEN a vote on Monday and "is set to vote again on Thursday" THEN /when will the council vote gives the coming Thursday', () => {
    expect(askRound('/when will the council vote').answer).toMatch(/^Thursday \(19 June 2025\)/);
    expect(askRound('/when did the council vote').answer).toMatch(/^Monday \(16 June 2025\)/);
  });
});
