import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderAnswer, runConsole } from '../cli/console.js';
import { BUNDLED_DATA_DIR } from '../cli/data-path.js';
import { answerInput, buildLibrary, COMMAND_NAMES, Library, parseArticle, readArticles, type Answer } from '../src/index.js';
import { buildArticleIndex, type ArticleIndex } from '../src/search/article-index.js';

const bundled = buildLibrary(readArticles(BUNDLED_DATA_DIR));

/** A library whose facts are fixed by the test, so help's examples do not depend on the engine's progress. */
function handMadeLibrary(): Library {
  const article = parseArticle(
    'Harbour reopens after storm\n\nPort Director Jana Holt reopened the harbour on Tuesday.\n\n"We lost a week," Holt said.\n',
    'harbour',
  );
  const index: ArticleIndex = {
    ...buildArticleIndex(article),
    people: [
      { id: 'peter ruiz', name: 'Peter Ruiz', aliases: ['Ruiz'], roles: [], mentions: [0] },
      { id: 'jana holt', name: 'Jana Holt', aliases: ['Holt'], roles: ['Port Director'], mentions: [0, 1] },
    ],
    organisations: [{ name: 'Port Authority', mentions: [0] }],
    places: [],
    times: [],
    quotes: [{ text: 'We lost a week', speaker: 'Jana Holt', personId: 'jana holt', sentence: 1, paragraph: 2 }],
  };
  const second = buildLibrary([parseArticle('Budget passes\n\nThe council passed the budget.\n', 'budget')]).list()[0]!;
  return new Library([index, second]);
}

/** Type lines into the console and collect everything it writes. */
async function converse(library: Library, lines: string[], options: { endInput?: boolean; color?: boolean } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const finished = runConsole(library, { input, output, ...(options.color === undefined ? {} : { color: options.color }) });
  input.write(lines.map((l) => `${l}\n`).join(''));
  if (options.endInput !== false) input.end();
  await finished;
  return written;
}

function answer(overrides: Partial<Answer>): Answer {
  return {
    input: '/who Jana Holt',
    command: 'who',
    found: true,
    answer: 'Jana Holt, the Port Director, reopened the harbour.',
    fact: 'Jana Holt, the Port Director',
    evidence: 'Port Director Jana Holt reopened the harbour on Tuesday.',
    citations: [{ article: 'harbour', paragraph: 3 }],
    confidence: 0.9,
    suggestions: [],
    alternatives: [],
    ...overrides,
  };
}

describe('the local console', () => {
  it('GIVEN the console starts THEN it welcomes with the loaded article headline', async () => {
    const out = await converse(bundled, []);
    expect(out.split('\n')[0]).toContain(bundled.list()[0]!.article.headline);
  });

  it('GIVEN questions typed at the prompt THEN each gets the same answer text as answerInput', async () => {
    const questions = ['/who Heather Nauert', 'Who obtained the document?', '/quote Nauert', '/when did Shannon meet his Russian counterpart', '/search sanctions'];
    const out = await converse(bundled, questions, { color: false });
    let from = 0;
    for (const q of questions) {
      const expected = answerInput(bundled, q);
      const at = out.indexOf(expected.answer.trim(), from);
      expect(at, q).toBeGreaterThanOrEqual(from);
      from = at + 1;
      for (const c of expected.citations) expect(out).toContain(`¶${c.paragraph}`);
    }
  });

  it('GIVEN help THEN every command is listed with an example naming the article’s real people', async () => {
    const out = await converse(handMadeLibrary(), ['help']);
    for (const command of COMMAND_NAMES) expect(out).toMatch(new RegExp(`^\\s+/${command} \\S`, 'm'));
    expect(out).toContain('/who Jana Holt'); // the most-mentioned person
    expect(out).toContain('/quote Jana Holt'); // someone actually quoted
    expect(out).toContain('/who is the Port Director');
    expect(out).toContain('/search Port Authority');
    for (const word of ['help', 'articles', 'history', 'quit']) expect(out).toMatch(new RegExp(`^\\s+${word}\\s`, 'm'));
  });

  it('GIVEN several questions and console commands THEN history lists only the questions, numbered in order', async () => {
    const out = await converse(bundled, ['/who Nauert', 'help', 'Where did Shannon meet?', 'articles', 'history']);
    const history = out.slice(out.lastIndexOf('Where did Shannon meet?') + 1);
    expect(out).toMatch(/^\s+1 {2}\/who Nauert$/m);
    expect(out).toMatch(/^\s+2 {2}Where did Shannon meet\?$/m);
    expect(history).not.toMatch(/^\s+3 /m);
  });

  it('GIVEN history before any question THEN it says there are none', async () => {
    expect(await converse(bundled, ['history'])).toContain('No questions yet.');
  });

  it('GIVEN articles THEN every loaded article is listed by slug and headline', async () => {
    const out = await converse(handMadeLibrary(), ['articles']);
    expect(out).toMatch(/harbour\s+Harbour reopens after storm/);
    expect(out).toMatch(/budget\s+Budget passes/);
  });

  it('GIVEN quit while input stays open THEN the console ends and answers nothing after it', async () => {
    const out = await converse(bundled, ['/who Nauert', 'quit', '/who Nauert'], { endInput: false });
    const expected = answerInput(bundled, '/who Nauert').answer.trim();
    expect(out.split(expected)).toHaveLength(2); // answered once, before quit
  });

  it('GIVEN exit in capitals THEN the console ends too', async () => {
    await expect(converse(bundled, ['EXIT'], { endInput: false })).resolves.toContain('Docent');
  });

  it('GIVEN the end of input (Ctrl-D) THEN the console ends', async () => {
    await expect(converse(bundled, ['/who Nauert'])).resolves.toContain(answerInput(bundled, '/who Nauert').answer);
  });

  it('GIVEN hostile input at the prompt THEN each line is answered and no control character is echoed', async () => {
    const hostile = ['\u001b[2J\u001b[31m/who', '@everyone', '/who ' + 'x'.repeat(10_000), '\u0000\u0007', '((((', '😀 who?'];
    const out = await converse(bundled, [...hostile, 'history']);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toMatch(/^\s+6 {2}😀 who\?$/m);
  });

  it('GIVEN output that is not a terminal and no colour option THEN no ANSI codes are written', async () => {
    const out = await converse(bundled, ['/who Nauert', 'help']);
    expect(out).not.toContain('\u001b[');
  });
});

describe('rendering an answer for the terminal', () => {
  const library = handMadeLibrary();

  it('GIVEN a found answer with colour THEN the fact is bold within the answer, the evidence quoted, and the paragraph marked', () => {
    const text = renderAnswer(answer({}), library, { bold: (t) => `<b>${t}</b>`, dim: (t) => t });
    expect(text).toContain('<b>Jana Holt, the Port Director</b>, reopened the harbour.');
    expect(text).toContain('“Port Director Jana Holt reopened the harbour on Tuesday.”');
    expect(text).toContain('¶3 (harbour)');
  });

  it('GIVEN a fact the answer does not contain THEN the fact is printed first on its own line', () => {
    const text = renderAnswer(answer({ answer: 'She reopened it on Tuesday.', fact: 'on Tuesday, at dawn' }), library);
    expect(text.split('\n').slice(0, 2)).toEqual(['on Tuesday, at dawn', 'She reopened it on Tuesday.']);
  });

  it('GIVEN one loaded article THEN citations show only the paragraph, once each', async () => {
    const single = buildLibrary([parseArticle('H\n\nOne.\n\nTwo.\n\nThree.', 'harbour')]);
    const text = renderAnswer(answer({ citations: [{ article: 'harbour', paragraph: 3 }, { article: 'harbour', paragraph: 3 }, { article: 'harbour', paragraph: 1 }] }), single);
    expect(text).toMatch(/^\s+¶3 ¶1$/m);
  });

  it('GIVEN a not-found answer THEN the message and the closest facts are shown, and no evidence', () => {
    const text = renderAnswer(
      answer({ found: false, answer: 'That is not in the article.', fact: '', evidence: 'stale', citations: [], suggestions: ['Jana Holt (Port Director)', 'Tuesday: the harbour reopened'] }),
      library,
    );
    expect(text).toContain('That is not in the article.');
    expect(text).toContain('- Jana Holt (Port Director)');
    expect(text).toContain('- Tuesday: the harbour reopened');
    expect(text).not.toContain('stale');
  });

  it('GIVEN suggestions already inside the answer text THEN they are not repeated', () => {
    const text = renderAnswer(answer({ found: false, answer: 'That is not in the article. Try: Jana Holt', fact: '', suggestions: ['Jana Holt'] }), library);
    expect(text.match(/Jana Holt/g)).toHaveLength(1);
  });
});
