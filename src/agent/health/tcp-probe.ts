/**
 * One TCP attempt, as upstream's `mesos-tcp-connect` helper: connect to `host:port` and close at
 * once. Connected → `succeeded: true`; refused or unreachable → `succeeded: false` (a result, not an
 * error, as upstream cannot tell those apart either). A connect that hangs is ended by the caller's
 * timeout through `signal`, which makes the attempt an error.
 */
import net from 'node:net';
import type { ProbeResult, Prober } from './types.js';

export function tcpProber(target: { host: string; port: number }): Prober {
  return (signal: AbortSignal) =>
    new Promise<ProbeResult>((resolve) => {
      if (signal.aborted) return resolve({ ok: false, error: 'TCP check aborted' });
      const sock = net.connect({ host: target.host, port: target.port });
      sock.on('error', () => {}); // a late error after we hung up must not become an uncaught one
      const finish = (r: ProbeResult): void => {
        signal.removeEventListener('abort', onAbort);
        sock.destroy();
        resolve(r);
      };
      const onAbort = (): void => finish({ ok: false, error: 'TCP check aborted' });
      signal.addEventListener('abort', onAbort, { once: true });
      sock.once('connect', () => finish({ ok: true, status: { type: 'TCP', tcp: { succeeded: true } } }));
      sock.once('error', () => finish({ ok: true, status: { type: 'TCP', tcp: { succeeded: false } } }));
    });
}
