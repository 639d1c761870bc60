/**
 * A GET whose body comes back as raw bytes, for the agent's `/files/*` endpoints. `request()` in
 * http-request.ts decodes bodies as UTF-8 text, which is right for state JSON but not for file
 * contents: a `/files/read` chunk may end in the middle of a multi-byte character (upstream cuts
 * at 16 pages, not at characters), and decoding would replace those bytes and break the offset
 * arithmetic. Agents never redirect, so this does not follow 3xx. Failures are `ClientError`s
 * worded like http-request.ts's, naming the agent's address.
 */
import { originOf, pathOf, reasonOf, snippet } from './url-text.js';
import { ClientError } from './client-error.js';

export interface BytesRequestOptions {
  /** Whole-exchange limit, connect to last body byte. */
  timeoutMs?: number;
  /** What the server is, for messages ("agent"). */
  role?: string;
  /** Appended to "can not reach …" and timeout errors. */
  unreachableHint?: string;
  /** Lets a follower stop an in-flight poll at once on Ctrl-C. */
  signal?: AbortSignal;
}

export const DEFAULT_BYTES_TIMEOUT_MS = 10_000;

/** GETs `url`; resolves with the body bytes of a 2xx answer, else throws a `ClientError`. */
export async function requestBytes(url: string, opts: BytesRequestOptions = {}): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_BYTES_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const role = opts.role ?? 'server';
  let status: number;
  let body: Buffer;
  try {
    const res = await fetch(url, { redirect: 'manual', signal });
    status = res.status;
    body = Buffer.from(await res.arrayBuffer());
  } catch (e) {
    if (opts.signal?.aborted) throw e; // the caller stopped us: not a failure worth wording
    const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (timeout.aborted || err?.name === 'TimeoutError') {
      throw new ClientError('timeout', url, `the ${role} at ${originOf(url)} did not answer within ${timeoutMs / 1000}s (GET ${pathOf(url)})`, opts.unreachableHint);
    }
    const reason = reasonOf(err?.cause?.code) ?? err?.cause?.message ?? err?.message ?? String(e);
    throw new ClientError('unreachable', url, `can not reach the ${role} at ${originOf(url)} (GET ${pathOf(url)}: ${reason})`, opts.unreachableHint);
  }
  if (status < 200 || status >= 300) {
    const text = body.toString('utf8').trim();
    const what = `the ${role} at ${originOf(url)} answered ${status} to GET ${pathOf(url)}${text ? `: ${snippet(text)}` : ''}`;
    throw new ClientError('status', url, what, undefined, status, text);
  }
  return body;
}





