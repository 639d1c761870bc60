/**
 * Reaching the Docker engine. Upstream's agent runs the `docker` CLI (`--docker`) against
 * `--docker_socket`; tsmesos speaks the Engine API through dockerode to the same socket. Like the
 * docker CLI, `DOCKER_HOST` (unix:// or tcp://) is honoured when `--docker_socket` is left at its
 * default. Engine errors are reduced to the daemon's own words for TaskStatus messages.
 */
import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import Docker from 'dockerode';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

export interface EngineAddress {
  options: Docker.DockerOptions;
  /** For log lines: `unix:///var/run/docker.sock`, `tcp://host:2375`. */
  describe: string;
}

/** `--docker_socket` (a path or unix:// URL) unless defaulted and `DOCKER_HOST` says otherwise. */
export function engineAddress(socketFlag: string | undefined, dockerHost: string | undefined): EngineAddress {
  const socket = socketFlag ?? DEFAULT_SOCKET;
  const target = socket === DEFAULT_SOCKET && dockerHost ? dockerHost : socket;
  if (target.startsWith('tcp://') || target.startsWith('http://')) {
    const u = new URL(target.replace(/^tcp:/, 'http:'));
    return { options: { protocol: 'http', host: u.hostname, port: Number(u.port || 2375) }, describe: `tcp://${u.host}` };
  }
  const path = target.replace(/^unix:\/\//, '');
  return { options: { socketPath: path }, describe: `unix://${path}` };
}

export function connectEngine(address: EngineAddress): Docker {
  return new Docker(address.options);
}

export type EngineStatus = { ok: true; version: string; apiVersion: string } | { ok: false; reason: string };

/** Asks the engine for its version, giving up after `timeoutMs`. */
export async function probeEngine(docker: Docker, timeoutMs = 3000): Promise<EngineStatus> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    // dockerode forwards `abortSignal` for every call; its typings omit the options of `version`.
    const version = docker.version.bind(docker) as unknown as (o: { abortSignal: AbortSignal }) => Promise<Docker.DockerVersion>;
    const v = await version({ abortSignal: abort.signal });
    return { ok: true, version: v.Version, apiVersion: v.ApiVersion };
  } catch (e) {
    return { ok: false, reason: abort.signal.aborted ? `no answer within ${timeoutMs} ms` : engineMessage(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** The daemon's message without dockerode's `(HTTP code 500) server error -` prefix. */
export function engineMessage(e: unknown): string {
  const err = e as { json?: { message?: string } | null; message?: string; code?: string };
  const raw = err?.json?.message ?? err?.message ?? String(e);
  return raw.replace(/^\(HTTP code \d+\)\s+[^-]*-\s*/, '').trim();
}

/** HTTP status of an engine error (404 no such container/image, 409 conflict, 304 not modified). */
export function engineStatus(e: unknown): number | undefined {
  return (e as { statusCode?: number })?.statusCode;
}

/** Where `--docker` resolves on PATH, for the startup message only: the API needs no CLI. */
export function findDockerCli(name: string, path = process.env.PATH ?? ''): string | undefined {
  if (isAbsolute(name) || name.includes('/')) return existsSync(name) ? name : undefined;
  for (const dir of path.split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}
