/**
 * Harness for the operator-CLI end-to-end suites (`cli-*.test.ts`): a fake master on an ephemeral
 * loopback port that serves the hand-built `/master/state` fixture (test/fixtures, shapes of
 * mesos-api.md §1.1) and records teardown form bodies, doubling as the first agent's
 * `/monitor/statistics`; and `runCli`, which spawns the BUILT binary (`node bin/tsmesos`, run
 * `npm run build` first) with a clean environment so the developer's own config never leaks in.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** Override to test another build of the binary. */
export const BIN = process.env.TSMESOS_BIN ?? join(REPO, 'bin/tsmesos');
export const MASTER_ID = '5e2d9b8c-1f3a-4c8e-9b7d-2a6f0c4e8d11';

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(REPO, 'test/fixtures', name), 'utf8')) as T;
}

export interface FakeMaster {
  /** `127.0.0.1:<port>` */
  address: string;
  /** Every request seen, in order: `GET /master/state`, `POST /master/teardown frameworkId=…`. */
  requests: string[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function deadPort(): Promise<number> {
  const s = createServer();
  const port = await listen(s);
  await close(s);
  return port;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => resolve(body));
  });
}

/** Starts the fake master; agent S0 points back at it, agent S1 at a dead port (unreachable). */
export async function startFakeMaster(): Promise<FakeMaster> {
  const requests: string[] = [];
  const state = fixture('master-state.json');
  const stats = fixture('agent-monitor-statistics.json');
  const deadAgent = await deadPort();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((body) => {
      const path = (req.url ?? '/').split('?')[0];
      requests.push(`${req.method} ${path}${body ? ` ${body}` : ''}`);
      const json = (value: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
      if (path === '/master/state' || path === '/state') return json(state);
      if (path === '/master/frameworks') {
        return json({ frameworks: state.frameworks, completed_frameworks: state.completed_frameworks, unregistered_frameworks: [] });
      }
      if (path === '/master/slaves') return json({ slaves: state.slaves, recovered_slaves: [] });
      if (path === '/monitor/statistics') return json(stats);
      if (path === '/master/teardown' && req.method === 'POST') {
        const id = new URLSearchParams(body).get('frameworkId');
        if (state.frameworks.some((f: { id: string }) => f.id === id)) return void res.writeHead(200).end();
        return void res.writeHead(400, { 'Content-Type': 'text/plain' }).end('No framework found with specified ID');
      }
      res.writeHead(404).end();
    });
  });
  const port = await listen(server);
  state.slaves[0].pid = `slave(1)@127.0.0.1:${port}`;
  state.slaves[1].pid = `slave(1)@127.0.0.1:${deadAgent}`;
  return { address: `127.0.0.1:${port}`, requests, close: () => close(server) };
}

/** A standby master: answers everything with a protocol-relative 307 to `leader`, as upstream does. */
export async function startStandby(leader: string): Promise<{ address: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    res.writeHead(307, { Location: `//${leader}${req.url}` }).end();
  });
  const port = await listen(server);
  return { address: `127.0.0.1:${port}`, close: () => close(server) };
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A scratch HOME so `~/.mesos/config.toml` is never the developer's. */
export const scratchHome = mkdtempSync(join(tmpdir(), 'tsmesos-cli-e2e-'));
process.on('exit', () => rmSync(scratchHome, { recursive: true, force: true }));

/** Runs `node bin/tsmesos …args` with only PATH, HOME=scratch, COLUMNS=200 and `env`. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  if (!existsSync(join(REPO, 'dist/src/cli/main.js')) && !process.env.TSMESOS_BIN) {
    throw new Error('dist/src/cli/main.js is missing: run `npm run build` before the e2e tests');
  }
  const r = await execa(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: scratchHome, COLUMNS: '200', ...env },
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
    timeout: 20_000,
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Parses a successful run's stdout as JSON; a failed run throws with its stderr, for diagnosis. */
export function jsonOf<T = any>(r: CliResult): T {
  if (r.exitCode !== 0) throw new Error(`tsmesos exited ${r.exitCode}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
