// Downloading an uploaded article. Only from the attachment hosts the settings allow (Discord's
// own by default): the URL arrives inside an interaction payload, and a forged payload must not
// make the bot fetch from anywhere else. The size limit holds while the bytes stream in, so a
// file that lies about its size (or has none) cannot fill the memory.
import { formatBytes } from '../src/store/index.js';

export interface DownloadRules {
  /** Host names (optionally with a port) files may come from. */
  hosts: readonly string[];
  maxBytes: number;
  /** The whole download, from request to last byte. */
  timeoutMs: number;
}

export type Download = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 15_000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const UPLOAD_AGAIN = 'upload the file again';

/** Why this URL may not be fetched, or undefined when it may. */
export function refuseUrl(url: string, hosts: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the attachment has no valid link: upload the file again';
  }
  const host = parsed.host.toLowerCase();
  const allowed = hosts.some((entry) => entry === host || entry === parsed.hostname.toLowerCase());
  if (!allowed) return `the file must be uploaded to Discord; its link points to ${host}, which is not an attachment host (${hosts.join(', ')})`;
  // Plain http only on this machine (tests point ATTACHMENT_HOSTS at 127.0.0.1); anywhere else, https.
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) {
    return `the file's link must use https (got ${parsed.protocol.replace(':', '')}): ${UPLOAD_AGAIN}`;
  }
  return undefined;
}

/** Fetch `url` within the rules; every failure is a reason a moderator can act on, never a throw. */
export async function downloadAttachment(url: string, rules: DownloadRules): Promise<Download> {
  const refused = refuseUrl(url, rules.hosts);
  if (refused) return { ok: false, reason: refused };
  const limit = formatBytes(rules.maxBytes);
  const abort = new AbortController();
  let received = 0;
  /** Why the download was stopped on purpose (too big, too slow), as opposed to failing. */
  let stoppedBecause: string | undefined;
  const stop = (reason: string) => {
    stoppedBecause ??= reason;
    abort.abort();
  };
  const timer = setTimeout(
    () => stop(`the download took longer than ${Math.round(rules.timeoutMs / 1000)} seconds (after ${formatBytes(received)}): ${UPLOAD_AGAIN}`),
    rules.timeoutMs,
  );
  try {
    // A redirect could lead off the allowed hosts, so none is followed.
    // Identity asked for, so Content-Length is the file's size. A host that compresses anyway is
    // decoded by fetch, and then only the decoded bytes are counted (issue 10: a gzip answer was
    // refused as "stopped after 225 bytes of 169 bytes").
    const response = await fetch(url, { redirect: 'manual', signal: abort.signal, headers: { 'accept-encoding': 'identity' } });
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `the attachment host answered HTTP ${response.status} instead of the file: ${UPLOAD_AGAIN}` };
    }
    const encoding = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
    const encoded = encoding !== '' && encoding !== 'identity';
    // With an encoding, Content-Length counts the compressed bytes: it says nothing of the file's size.
    const declared = encoded ? NaN : Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > rules.maxBytes) {
      stop(`the file is ${formatBytes(declared)}; the limit is ${limit}`);
      return { ok: false, reason: stoppedBecause! };
    }
    if (!response.body) return { ok: false, reason: `the attachment host sent no file: ${UPLOAD_AGAIN}` };
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      if (received > rules.maxBytes) {
        stop(`the file is larger than the limit of ${limit}`);
        return { ok: false, reason: stoppedBecause! };
      }
      chunks.push(chunk);
    }
    if (Number.isFinite(declared) && received !== declared) {
      return { ok: false, reason: `the download stopped after ${formatBytes(received)} of ${formatBytes(declared)}: ${UPLOAD_AGAIN}` };
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    if (stoppedBecause) return { ok: false, reason: stoppedBecause };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    return {
      ok: false,
      reason: received > 0 ? `the download failed midway, after ${formatBytes(received)} (${why}): ${UPLOAD_AGAIN}` : `the file could not be downloaded (${why}): ${UPLOAD_AGAIN}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
