/**
 * One HTTP attempt, as upstream's `curl -s -S -L -k -g` does it: GET `scheme://host:port/path`,
 * follow redirects, ignore certificate errors for https, read the body to the end and report the
 * final status code. Could not connect, a broken response or too many redirects means the check
 * could not run (an error), not a status code.
 */
import http from 'node:http';
import https from 'node:https';
import type { ProbeResult, Prober } from './types.js';

/** curl's own default limit for `-L`. */
const MAX_REDIRECTS = 30;

export interface HttpTarget {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

export function targetUrl(t: HttpTarget): URL {
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return new URL(`${t.scheme}://${host}:${t.port}${t.path}`);
}

function get(url: URL, signal: AbortSignal): Promise<{ code: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const headers = { 'user-agent': 'tsmesos-check', accept: '*/*' };
    const onRes = (res: http.IncomingMessage): void => {
      res.on('error', reject);
      res.on('end', () => resolve({ code: res.statusCode ?? 0, location: res.headers.location }));
      res.on('close', () => res.complete || reject(new Error('connection closed before the response ended')));
      res.resume();
    };
    const req =
      url.protocol === 'https:'
        ? https.request(url, { method: 'GET', headers, signal, agent: false, rejectUnauthorized: false }, onRes)
        : http.request(url, { method: 'GET', headers, signal, agent: false }, onRes);
    req.on('error', reject);
    req.end();
  });
}

export function httpProber(target: HttpTarget): Prober {
  return async (signal: AbortSignal): Promise<ProbeResult> => {
    let url = targetUrl(target);
    try {
      for (let hops = 0; ; hops++) {
        const { code, location } = await get(url, signal);
        if (code < 300 || code >= 400 || !location) return { ok: true, status: { type: 'HTTP', http: { status_code: code } } };
        if (hops === MAX_REDIRECTS) return { ok: false, error: `more than ${MAX_REDIRECTS} redirects from ${targetUrl(target).href}` };
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return { ok: false, error: `redirect to unsupported URL ${next.href}` };
        }
        url = next;
      }
    } catch (err) {
      return { ok: false, error: `GET ${url.href} failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  };
}
