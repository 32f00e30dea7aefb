// `npm run console [-- --data PATH]`: an interactive prompt over the one answering function.
// It takes what the `ask` command takes (slash commands or bare questions) plus a few words of
// its own: help, articles, history, quit. bot/main.ts imports runConsole when no token is set.
import { createInterface } from 'node:readline';
import { answerInput, buildLibrary, readArticles, type Answer, type Library } from '../src/index.js';
import type { ArticleIndex } from '../src/search/article-index.js';
import { BUNDLED_DATA_DIR } from './data-path.js';
import { isDirectRun } from './direct-run.js';

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** ANSI bold for facts. Default: only when the output is a terminal and NO_COLOR is unset. */
  color?: boolean;
}

const PROMPT = 'docent> ';
const QUIT_WORDS = new Set(['quit', 'exit', ':q', '.exit']);

// ---------------------------------------------------------------------------------------------
// Rendering.

interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

const ANSI: Style = { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };
const PLAIN: Style = { bold: (t) => t, dim: (t) => t };

/** Article text and user input reach the terminal: drop control characters so neither can move the cursor or recolour it. */
function printable(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function citationLine(answer: Answer, library: Library): string {
  const multiple = library.size > 1;
  const seen = new Set<string>();
  const marks: string[] = [];
  for (const c of answer.citations) {
    const mark = multiple ? `¶${c.paragraph} (${c.article})` : `¶${c.paragraph}`;
    if (!seen.has(mark)) marks.push(mark);
    seen.add(mark);
  }
  return marks.join(' ');
}

/** An answer as a person reads it in a terminal: the fact in bold, the answer, the supporting sentence quoted, "¶3". */
export function renderAnswer(answer: Answer, library: Library, style: Style = PLAIN): string {
  const text = printable(answer.answer).trim();
  const fact = printable(answer.fact).trim();
  const lines: string[] = [];
  if (fact && text.includes(fact)) {
    // The answer leads with the fact: bold it where it stands rather than print it twice.
    const at = text.indexOf(fact);
    lines.push(text.slice(0, at) + style.bold(fact) + text.slice(at + fact.length));
  } else {
    if (fact) lines.push(style.bold(fact));
    lines.push(text);
  }
  const evidence = printable(answer.evidence).trim();
  if (answer.found && evidence && !text.includes(evidence)) lines.push(`  “${evidence}”`);
  const cite = citationLine(answer, library);
  if (cite) lines.push(`  ${style.dim(cite)}`);
  const suggestions = answer.found ? [] : answer.suggestions.map(printable).filter((s) => s.trim() && !text.includes(s.trim()));
  if (suggestions.length) {
    lines.push('  Closest facts in the article:');
    for (const s of suggestions) lines.push(`  - ${s.trim()}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Help, with examples taken from the loaded article so each one can be tried as shown.

function mostMentioned<T extends { mentions: number[] }>(items: T[]): T | undefined {
  return [...items].sort((a, b) => b.mentions.length - a.mentions.length)[0];
}

/** A few words of the headline, without a "Report:"-style label, as an event to ask about. */
function headlineEvent(index: ArticleIndex): string {
  const words = index.article.headline.replace(/^[^:]{1,20}:\s*/, '').split(/\s+/).slice(0, 6);
  while (words.length > 2 && /^(?:a|an|the|of|in|on|at|to|for|with|by|under|and|or|after|before)$/i.test(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

function searchTerms(event: string): string {
  const long = event.split(' ').filter((w) => w.length > 4);
  return (long.length ? long : event.split(' ')).slice(0, 2).join(' ');
}

function helpText(library: Library): string {
  const index = library.list()[0];
  const person = index && mostMentioned(index.people);
  const speaker = index?.quotes[0]?.speaker;
  const role = index?.people.find((p) => p.roles.length)?.roles[0];
  const organisation = index && mostMentioned(index.organisations);
  const place = index && mostMentioned(index.places);
  const name = person?.name ?? 'NAME';
  const event = index ? headlineEvent(index) : 'EVENT';
  const examples: [string, string][] = [
    [`/who ${name}`, 'who a person is, and where the article mentions them'],
    [`/who ${role ? `is the ${role}` : 'DESCRIPTION'}`, 'who fits a description or did something'],
    [`/when ${event}`, 'when something happened'],
    [`/where ${event}`, 'where something happened'],
    [`/quote ${speaker ?? person?.aliases[0] ?? name}`, 'what someone said (also /quote speaker:NAME topic:WORDS)'],
    [`/ask What did ${speaker ?? name} say?`, 'what, how many, which…'],
    [`/search ${organisation?.name ?? place?.name ?? searchTerms(event)}`, 'the best passages, with paragraph numbers'],
    [`Who is ${name}?`, 'a bare question works too'],
  ];
  const width = Math.max(...examples.map(([e]) => e.length));
  return [
    'Ask about the article:',
    ...examples.map(([example, what]) => `  ${printable(example).padEnd(width)}  ${what}`),
    'Add article:SLUG to ask about another loaded article.',
    'Console commands:',
    '  help       this list',
    '  articles   the loaded articles',
    '  history    the questions asked in this session',
    '  quit       leave (also exit, or Ctrl-D)',
  ].join('\n');
}

function articlesText(library: Library): string {
  if (library.size === 0) return 'No articles are loaded.';
  return library
    .list()
    .map((ix) => `  ${ix.article.slug}  ${printable(ix.article.headline)} (${ix.article.paragraphs.length} paragraphs)`)
    .join('\n');
}

function historyText(asked: string[]): string {
  if (asked.length === 0) return 'No questions yet.';
  const width = String(asked.length).length;
  return asked.map((q, i) => `  ${String(i + 1).padStart(width)}  ${printable(q)}`).join('\n');
}

function welcomeText(library: Library): string {
  const first = library.list()[0];
  if (!first) return 'Docent: no article is loaded.';
  const more = library.size > 1 ? ` and ${library.size - 1} more article${library.size > 2 ? 's' : ''}` : '';
  return `Docent is reading "${printable(first.article.headline)}"${more}. Ask a question, or type help.`;
}

// ---------------------------------------------------------------------------------------------
// The prompt.

function wantsColor(output: NodeJS.WritableStream, color: boolean | undefined): boolean {
  if (color !== undefined) return color;
  return (output as { isTTY?: boolean }).isTTY === true && !process.env.NO_COLOR;
}

/** Run the prompt until quit, exit, Ctrl-D or the end of input. */
export async function runConsole(library: Library, io: ConsoleIO = { input: process.stdin, output: process.stdout }): Promise<void> {
  const { input, output } = io;
  const style = wantsColor(output, io.color) ? ANSI : PLAIN;
  const terminal = (input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true;
  // In a terminal readline keeps a history that the up arrow walks; piped input gets no prompt.
  const rl = createInterface({ input, output, terminal, historySize: 500, removeHistoryDuplicates: true, crlfDelay: Infinity });
  rl.setPrompt(PROMPT);
  const say = (text: string) => output.write(`${text}\n`);
  const asked: string[] = [];

  // Ctrl-C on a half-typed line clears it; on an empty line it leaves, as shells do.
  rl.on('SIGINT', () => {
    if (rl.line) {
      output.write('\n');
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      rl.prompt();
    } else rl.close();
  });

  say(welcomeText(library));
  if (terminal) rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    const word = line.toLowerCase();
    if (QUIT_WORDS.has(word)) break;
    if (word === '') {
      // Nothing to answer.
    } else if (word === 'help' || word === '?' || word === '/help') say(helpText(library));
    else if (word === 'articles' || word === '/article' || word === '/articles') say(articlesText(library));
    else if (word === 'history') say(historyText(asked));
    else {
      asked.push(line);
      say(renderAnswer(answerInput(library, line), library, style));
    }
    if (terminal) rl.prompt();
  }
  rl.close();
  if (terminal) output.write('\n');
}

// ---------------------------------------------------------------------------------------------
// Run directly: `npm run console [-- --data PATH]`.

function dataPathFromArgs(argv: string[]): string {
  let data = process.env.DATA_DIR || BUNDLED_DATA_DIR;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data') {
      const value = argv[++i];
      if (!value) throw new Error('--data needs a path');
      data = value;
    } else if (arg.startsWith('--data=')) data = arg.slice('--data='.length);
    else if (arg !== '--') throw new Error(`unknown argument ${arg}; usage: npm run console [-- --data PATH]`);
  }
  return data;
}

if (isDirectRun(import.meta.url)) {
  let library: Library | undefined;
  try {
    library = buildLibrary(readArticles(dataPathFromArgs(process.argv.slice(2))));
  } catch (error) {
    process.stderr.write(`console: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
    process.exitCode = 2;
  }
  if (library) await runConsole(library);
}
