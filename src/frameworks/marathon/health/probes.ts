/**
 * Marathon-level probes, run from the scheduler (upstream `HealthCheckWorker`): HTTP and HTTPS GET
 * (pass = status 200–399, certificates not verified; a 1xx answer with `ignoreHttp1xx` keeps the
 * previous state), TCP connect. Every probe gives up after its timeout. I/O only; the verdict
 * bookkeeping is pure (health-state.ts).
 * @module
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';

export type ProbeOutcome = { kind: 'pass'; status?: number } | { kind: 'fail'; cause: string; status?: number } | { kind: 'ignore'; status: number };

export interface HttpProbe {
  protocol: 'HTTP' | 'HTTPS';
  host: string;
  port: number;
  path: string;
  timeoutMs: number;
  ignoreHttp1xx?: boolean;
  /** Status codes that pass (readiness); default 200–399. */
  passCodes?: number[];
}

export function probeHttp(p: HttpProbe): Promise<ProbeOutcome & { body?: string; headers?: Record<string, string> }> {
  return new Promise((resolve) => {
    const req = (p.protocol === 'HTTPS' ? httpsRequest : httpRequest)(
      { host: p.host, port: p.port, path: p.path || '/', method: 'GET', timeout: p.timeoutMs, rejectUnauthorized: false, headers: { 'user-agent': 'tsmesos-marathon-health' } },
      (res) => {
        const status = res.statusCode ?? 0;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (body.length < 4096) body += c;
        });
        res.on('end', () => {
          const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
          if (status >= 100 && status < 200 && p.ignoreHttp1xx) return resolve({ kind: 'ignore', status });
          const ok = p.passCodes ? p.passCodes.includes(status) : status >= 200 && status < 400;
          resolve(ok ? { kind: 'pass', status, body, headers } : { kind: 'fail', status, cause: `HTTP ${status}`, body, headers });
        });
        res.on('error', (e) => resolve({ kind: 'fail', cause: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${p.timeoutMs} ms`)));
    req.on('error', (e) => resolve({ kind: 'fail', cause: e.message }));
    req.end();
  });
}

export function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (o: ProbeOutcome) => {
      s.destroy();
      resolve(o);
    };
    s.setTimeout(timeoutMs, () => done({ kind: 'fail', cause: `no connection within ${timeoutMs} ms` }));
    s.on('connect', () => done({ kind: 'pass' }));
    s.on('error', (e) => done({ kind: 'fail', cause: e.message }));
  });
}
