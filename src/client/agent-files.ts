/**
 * Client for an agent's sandbox file endpoints, the ones the upstream web UI uses to show task
 * output (mesos-api.md §4): `/files/browse?path=` lists a directory, `/files/read?path=&offset=
 * &length=` answers `{offset, data}` with at most 16 pages per call, and `offset=-1` answers
 * `{offset: <file size>, data: ""}` (how the UI's "pailer" learns where to start tailing).
 * A read at or past the end answers `{offset: <size>, data: ""}`, which is how a shrunk
 * (truncated) file shows itself. A missing path is a 404.
 */
import { ClientError } from './client-error.js';
import { requestBytes } from './request-bytes.js';
import { requestJson } from './http-request.js';
import type { FileChunk, FileInfo } from './agent-types.js';

/** Upstream's per-read cap: 16 pages of 4 KiB. Asking for more only gets this much. */
export const READ_CHUNK_BYTES = 16 * 4096;

export interface AgentFilesOptions {
  timeoutMs?: number;
  /** Told to the operator when the agent can not be reached. */
  unreachableHint?: string;
}

export class AgentFilesClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly opts: AgentFilesOptions = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The entries of a directory, sorted by path as the agent sends them. */
  async browse(path: string): Promise<FileInfo[]> {
    const out = await requestJson<FileInfo[] | undefined>(this.url('/files/browse', { path }), {
      role: 'agent',
      timeoutMs: this.opts.timeoutMs,
      unreachableHint: this.opts.unreachableHint,
    });
    return Array.isArray(out) ? out : [];
  }

  /** Up to `length` bytes at `offset` (the agent may send fewer; an empty `data` means EOF). */
  read(path: string, offset: number, length = READ_CHUNK_BYTES, signal?: AbortSignal): Promise<FileChunk> {
    return this.chunk(this.url('/files/read', { path, offset, length }), signal);
  }

  /** The file's current size, from `offset=-1` (no data is transferred). */
  async size(path: string, signal?: AbortSignal): Promise<number> {
    return (await this.chunk(this.url('/files/read', { path, offset: -1 }), signal)).offset;
  }

  private async chunk(url: string, signal?: AbortSignal): Promise<FileChunk> {
    const body = await requestBytes(url, { role: 'agent', timeoutMs: this.opts.timeoutMs, unreachableHint: this.opts.unreachableHint, signal });
    const chunk = decodeReadBody(body);
    if (chunk) return chunk;
    const text = body.toString('utf8').replace(/\s+/g, ' ').slice(0, 120);
    throw new ClientError('bad-response', url, `the agent at ${new URL(url).origin} sent a /files/read answer without offset and data: ${text}`, 'is that address really a Mesos or tsmesos agent?');
  }

  private url(path: string, query: Record<string, string | number>): string {
    const qs = Object.entries(query)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
    return `${this.baseUrl}${path}?${qs}`;
  }
}

/**
 * Parses a `/files/read` body and returns `data` as the file's exact bytes. Upstream writes the
 * bytes it read into the JSON string unchanged (only quotes, backslashes and control characters
 * are escaped), so the body may hold a cut-off UTF-8 sequence or bytes that are not UTF-8 at all.
 * Reading the body as latin1 maps every byte to one character and back without loss. Servers that
 * escape non-ASCII characters as `\uXXXX` are handled too: those escapes are rewritten into their
 * UTF-8 bytes before parsing, so both styles give the same bytes. `undefined` when the body is
 * not a `{offset, data}` object.
 */
export function decodeReadBody(body: Buffer): FileChunk | undefined {
  const text = body.toString('latin1').replace(/(?:\\u[0-9a-fA-F]{4})+|\\[^u]/g, (m) => (m[1] === 'u' ? escapesAsUtf8(m) : m));
  let parsed: { offset?: unknown; data?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return undefined;
  }
  if (typeof parsed?.offset !== 'number' || typeof parsed.data !== 'string') return undefined;
  return { offset: parsed.offset, data: Buffer.from(parsed.data, 'latin1') };
}

/** A run of `\uXXXX` escapes (surrogate pairs included), re-emitted as latin1-encoded UTF-8. */
function escapesAsUtf8(run: string): string {
  let out = '';
  for (const ch of JSON.parse(`"${run}"`) as string) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x80 ? `\\u${cp.toString(16).padStart(4, '0')}` : Buffer.from(ch, 'utf8').toString('latin1');
  }
  return out;
}
