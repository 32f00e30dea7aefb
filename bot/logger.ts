// Structured logs (pino), one JSON line per event, on standard error or a given stream.
// The token must never reach a log line: every line is scrubbed of the token's text just before
// it is written, wherever it sits (a field, a nested setting, an error message or stack, a header).
// Redaction by field path would add nothing to that, and it cost about 9 µs a line, more than
// the rest of writing the line.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Secrets to scrub from every line (the bot token). Empty strings are ignored. */
  secrets?: string[];
  /** Where lines go; standard error by default, so standard output stays free for answers. */
  destination?: DestinationStream;
}

const REDACTED = '[redacted]';

/** "https://user:pass@host/…": the user name and password of a URL, up to the '@' before its host. */
const URL_CREDENTIALS = /(\b[a-z][\w+.-]*:\/\/)[^\s/@]+@/gi;

/**
 * A line without the secrets' text and without credentials written into URLs. The logger runs
 * every line through it, and so does every message written straight to standard error (a bad
 * setting may be the token pasted into the wrong line: DATA_DIR=<token>).
 */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let clean = line.includes('://') ? line.replace(URL_CREDENTIALS, `$1${REDACTED}@`) : line;
  for (const secret of secrets) {
    if (secret.length >= 8 && clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  }
  return clean;
}

/**
 * The secrets of a token to scrub: the whole token and its HMAC part (after the last dot), which
 * is the part that lets someone log in as the bot.
 */
export function tokenSecrets(token: string | undefined): string[] {
  if (!token) return [];
  const trimmed = token.trim();
  const secretPart = trimmed.slice(trimmed.lastIndexOf('.') + 1);
  return [trimmed, ...(secretPart !== trimmed ? [secretPart] : [])].filter((s) => s.length >= 8);
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  return pino(
    {
      level: options.level,
      base: { name: 'docent' },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    options.destination ?? pino.destination(2),
  );
}
