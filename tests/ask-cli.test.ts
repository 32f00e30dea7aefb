// The `ask` command as CONTRACT.md fixes it: inputs from arguments or standard input, one answer
// line each, --json objects with the required fields, exit 2 with a one-line reason on bad data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function ask(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'ask.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

const ARTICLE = `Harbour reopens after storm

Port Director Jana Holt reopened the harbour on Tuesday after a three-day closure.

"We lost a week of trade," Holt said.
`;

function articleFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docent-ask-'));
  const path = join(dir, 'harbour.txt');
  writeFileSync(path, ARTICLE);
  return path;
}

describe('the ask command', () => {
  it('GIVEN questions on standard input with --json THEN each non-blank line gets one JSON answer, in order, with the required fields', () => {
    const r = ask(['--json', '--data', articleFile()], '/who Jana Holt\n\n/when did the harbour reopen\n/who Samuel Ortega\n');
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(3);
    const answers = r.lines.map((l) => JSON.parse(l) as { input: string; command: string; found: boolean; answer: string; citations: { article: string; paragraph: number }[] });
    expect(answers.map((a) => a.input)).toEqual(['/who Jana Holt', '/when did the harbour reopen', '/who Samuel Ortega']);
    expect(answers.map((a) => a.command)).toEqual(['who', 'when', 'who']);
    expect(answers[0]).toMatchObject({ found: true, citations: expect.arrayContaining([{ article: 'harbour', paragraph: 1 }]) });
    expect(answers[0]!.answer).toMatch(/^Jana Holt/);
    expect(answers[1]!.answer).toMatch(/^Tuesday/);
    expect(answers[2]).toMatchObject({ found: false });
    expect(answers[2]!.answer).toMatch(/not in the article/i);
  });

  it('GIVEN an input as an argument without --json THEN the answer is one line of text with its paragraph mark', () => {
    const r = ask(['--data', articleFile(), '/quote Holt']);
    expect(r.status).toBe(0);
    expect(r.lines).toEqual([expect.stringMatching(/We lost a week of trade.*¶2/)]);
    expect(r.stderr).toBe('');
  });

  it('GIVEN a data path that does not exist THEN it exits 2 with a one-line reason and prints no answer', () => {
    const r = ask(['--data', join(tmpdir(), 'docent-no-such-folder'), '/who x']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ask: no file or folder at /)]);
  });

  it('GIVEN an unknown option THEN it exits 2 with the usage', () => {
    const r = ask(['--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run --silent ask/);
  });
});
