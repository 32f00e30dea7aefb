// Counts the hand-made language processing in src/: regular expressions (literals and
// `new RegExp`) and word lists (a Set, Map or array of three or more string literals, or a string
// of three or more words that is split), with their entries. Read with TypeScript's own parser,
// so comments and strings that merely look like a regex are not counted.
//
//   npx tsx scripts/count-handmade.ts [--lists]
//
// --lists  also print every word list found, with its file, line and size, and the regexes per file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const showLists = process.argv.includes('--lists');
/** Lists that are the program's own names, not words of English: commands, options, fact kinds. */
const NOT_LANGUAGE = new Set(['COMMAND_NAMES', 'OPTION_NAMES', 'ANSWERED_BY_READER', 'KIND_WEIGHT']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The words of a string that is split into a list: "said says told" → 3. */
function wordsOf(text: string): number {
  return text.split(/[\s|,]+/).filter(Boolean).length;
}


/**
 * Words listed as alternatives inside a regex (`\b(?:said|says|told)\b`): a word list in
 * another form. Runs of three or more plain-word alternatives are counted.
 */
function wordsInRegex(source: string): number {
  let n = 0;
  for (const m of source.matchAll(/(?:[a-z][a-z' -]*\|){2,}[a-z][a-z' -]*(?![\\[])/gi)) n += m[0].split('|').length;
  return n;
}

let regexLiterals = 0;
let regexConstructed = 0;
let regexWords = 0;
const lists: { where: string; entries: number }[] = [];
const regexesPerFile = new Map<string, number>();

for (const file of files(SRC)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  // The store reads files and JSON: its enums are not language.
  const isStore = relative(SRC, file).startsWith('store');
  const visit = (node: ts.Node, language: boolean): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && NOT_LANGUAGE.has(node.name.text)) language = false;
    const isRegex = node.kind === ts.SyntaxKind.RegularExpressionLiteral || ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp');
    if (isRegex) regexesPerFile.set(relative(ROOT, file), (regexesPerFile.get(relative(ROOT, file)) ?? 0) + 1);
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      regexLiterals++;
      regexWords += wordsInRegex(node.getText());
    }
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') regexConstructed++;
    if (language) countList(node, where);
    ts.forEachChild(node, (child) => visit(child, language));
  };
  visit(source, !isStore);
}

function countList(node: ts.Node, where: (node: ts.Node) => string): void {
  // 'a b c'.split(' ') or ('a ' + 'b c').split(/\s+/): one list, its words the entries.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'split') {
    let target: ts.Expression = node.expression.expression;
    while (ts.isParenthesizedExpression(target)) target = target.expression;
    const parts: string[] = [];
    const collect = (e: ts.Expression): boolean => {
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return parts.push(e.text) > 0;
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return collect(e.left) && collect(e.right);
      if (ts.isParenthesizedExpression(e)) return collect(e.expression);
      return false;
    };
    if (collect(target) && wordsOf(parts.join(' ')) >= 3) lists.push({ where: where(node), entries: wordsOf(parts.join(' ')) });
  }
  // An array literal of three or more strings, or of groups or pairs of strings (SYNONYM_GROUPS, a Map's entries).
  if (ts.isArrayLiteralExpression(node) && !ts.isArrayLiteralExpression(node.parent)) {
    const strings = node.elements.filter((e) => ts.isStringLiteral(e)).length;
    const groups = node.elements.filter((e): e is ts.ArrayLiteralExpression => ts.isArrayLiteralExpression(e) && e.elements.every((x) => ts.isStringLiteral(x)));
    if (strings >= 3 && strings === node.elements.length) lists.push({ where: where(node), entries: strings });
    else if (groups.length >= 3 && groups.length === node.elements.length) lists.push({ where: where(node), entries: groups.reduce((n, e) => n + e.elements.length, 0) });
  }
  // An object of three or more string or number values keyed by words (NUMBER_WORDS).
  if (ts.isObjectLiteralExpression(node) && node.properties.length >= 3 && node.properties.every((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && (ts.isStringLiteral(p.initializer) || ts.isNumericLiteral(p.initializer)))) {
    lists.push({ where: where(node), entries: node.properties.length });
  }
}

const entries = lists.reduce((n, l) => n + l.entries, 0);
if (showLists) {
  for (const l of lists.sort((a, b) => b.entries - a.entries)) console.log(`${String(l.entries).padStart(5)}  ${l.where}`);
  for (const [file, n] of [...regexesPerFile].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  regexes in ${file}`);
}
console.log(`regular expressions: ${regexLiterals + regexConstructed} (${regexLiterals} literals, ${regexConstructed} new RegExp)`);
console.log(`word lists: ${lists.length}, entries: ${entries}; words listed inside regexes: ${regexWords}`);
