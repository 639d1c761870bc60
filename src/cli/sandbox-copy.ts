/**
 * Copies one sandbox file from an agent's `/files/read` to a stream: shared by `tsmesos task cat`
 * and `tsmesos job logs`. Reads one 16-page chunk at a time up to the size the file had when we
 * started (a busy log must not keep the copy running forever), writing the raw bytes, so binary
 * files and any encoding come through unchanged; stops early when the reader goes away (`| head`).
 */
import { type AgentFilesClient, READ_CHUNK_BYTES } from '../client/agent-files.js';
import { isClosed, tolerateClosedReader, writeBytes } from './output/write-bytes.js';

type Out = NodeJS.WritableStream & { writableEnded?: boolean; destroyed?: boolean };

/**
 * Copies `path` to `out` up to `upTo` bytes (default: its size now); `fail` turns an agent error
 * into the caller's wording. Returns the bytes copied (where a follower continues).
 */
export async function copySandboxFile(files: Pick<AgentFilesClient, 'size' | 'read'>, path: string, out: Out, fail: (e: unknown) => never, upTo?: number): Promise<number> {
  const size = upTo ?? (await files.size(path).catch(fail));
  tolerateClosedReader(out);
  let offset = 0;
  while (offset < size && !isClosed(out)) {
    const chunk = await files.read(path, offset, Math.min(READ_CHUNK_BYTES, size - offset)).catch(fail);
    if (chunk.data.length === 0 || chunk.offset !== offset) break; // truncated meanwhile: stop at what exists
    await writeBytes(out, chunk.data);
    offset += chunk.data.length;
  }
  return offset;
}
