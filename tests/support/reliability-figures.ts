// Figures for the README's "Reliability" table. Each reliability test file reports one summary row
// (| Check | Result |) and, if it has them, a table of details. They are printed, and written to
// var/reliability/<area>.md (first line: the summary row), so after `npm run test:reliability`
// `head -qn1 var/reliability/*.md` is the table of the latest run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIGURES_DIR = fileURLToPath(new URL('../../var/reliability/', import.meta.url));

export function reportFigures(area: string, summary: string, details: string[] = []): void {
  const text = [summary, ...(details.length ? ['', ...details] : [])].join('\n');
  // A leading newline: the test runner prints its own prefix on the first line.
  console.log(`\n${text}`);
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${area}.md`), `${text}\n`);
}
