// Structured logs (pino), one JSON line per event, on standard error or a given stream.
// The token must never reach a log line: fields that may hold it are redacted by path, and as
// a last guard every line is scrubbed of the token's text before it is written (an error
// message or stack can carry it where no path rule would look).
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

const REDACT_PATHS = [
  'token',
  '*.token',
  'config.token',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
];

export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let clean = line;
  for (const secret of secrets) {
    if (secret.length >= 8 && clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  }
  return clean;
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  return pino(
    {
      level: options.level,
      base: { name: 'docent' },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: secrets.length ? { streamWrite: (line) => scrubSecrets(line, secrets) } : {},
    },
    options.destination ?? pino.destination(2),
  );
}
