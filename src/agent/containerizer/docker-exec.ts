/**
 * Running a command inside a running container (`docker exec`), which is how upstream's docker
 * executor runs COMMAND health checks and checks for Docker tasks: in the container's namespaces and
 * image, with the container's environment plus the check's own. An aborted exec (a check timeout) is
 * SIGKILLed through its host pid, since the Engine API has no call to stop an exec.
 */
import type Docker from 'dockerode';
import { FrameDemuxer } from './docker-logs.js';

export interface ExecOptions {
  /** Extra `NAME=value` variables on top of the container's. */
  env?: Record<string, string>;
  user?: string;
  workingDir?: string;
  signal?: AbortSignal;
  /** Keep at most this many bytes of combined output (default 64 KiB). */
  maxOutput?: number;
}

export interface ExecResult {
  /** The command's exit status; null when it was aborted or its status could not be read. */
  exitCode: number | null;
  /** stdout and stderr, interleaved as produced, truncated to `maxOutput`. */
  output: string;
}

export async function execIn(container: Docker.Container, argv: string[], o: ExecOptions = {}): Promise<ExecResult> {
  if (argv.length === 0) throw new Error('exec needs a command');
  const exec = await container.exec({
    Cmd: argv,
    AttachStdout: true,
    AttachStderr: true,
    ...(o.env ? { Env: Object.entries(o.env).map(([k, v]) => `${k}=${v}`) } : {}),
    ...(o.user ? { User: o.user } : {}),
    ...(o.workingDir ? { WorkingDir: o.workingDir } : {}),
  });
  const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream & { destroy(): void };
  const max = o.maxOutput ?? 64 * 1024;
  const chunks: Buffer[] = [];
  let size = 0;
  const demux = new FrameDemuxer((_type, data) => {
    if (size < max) chunks.push(data.subarray(0, max - size));
    size += data.length;
  });
  const onAbort = () => {
    stream.destroy();
    void exec.inspect().then((i) => i.Pid > 0 && process.kill(i.Pid, 'SIGKILL')).catch(() => {});
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (o.signal?.aborted) onAbort();
    await new Promise<void>((resolve) => {
      stream.on('data', (c: Buffer) => demux.push(c));
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
    if (o.signal?.aborted) return { exitCode: null, output: Buffer.concat(chunks).toString() };
    const info = await exec.inspect();
    return { exitCode: info.Running ? null : info.ExitCode, output: Buffer.concat(chunks).toString() };
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
  }
}
