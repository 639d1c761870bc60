/**
 * A loopback HTTP server answering with recorded upstream-shaped bodies, for the `tsmesos app` /
 * `tsmesos job` error paths that the real `tsmesos marathon` / `tsmesos chronos` can not be made to
 * produce on demand (a 503 without a leader, a proxy's HTML 404, a 500). The main suites run the
 * real binaries (cli-app.test.ts, cli-job.test.ts).
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execa } from 'execa';
import { BIN, type CliResult, REPO, scratchHome } from './cli-harness.js';

export interface Canned {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Fixture {
  /** `127.0.0.1:<port>` */
  address: string;
  /** `METHOD /path?query [body]` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** `answer` picks the reply for each request; `undefined` is a Marathon-style 404. */
export async function startFixture(answer: (method: string, url: string, body: string) => Canned | undefined): Promise<Fixture> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}${body ? ` ${body}` : ''}`);
      const r = answer(req.method ?? 'GET', req.url ?? '/', body) ?? { status: 404, body: { message: `no fixture for ${req.method} ${req.url}` } };
      const text = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      const type = typeof r.body === 'string' ? 'text/plain' : 'application/json';
      res.writeHead(r.status, { ...(text ? { 'Content-Type': type } : {}), ...r.headers }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** `runCli` (cli-harness.ts) with `input` on stdin, for `-f -`. */
export async function runCliInput(args: string[], input: string, env: Record<string, string> = {}): Promise<CliResult> {
  const r = await execa(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: scratchHome, COLUMNS: '200', ...env },
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
    timeout: 20_000,
    input,
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
