/** Picks the I/O prober for a normalized check definition (see `spec.ts`). */
import { commandProber } from './command-probe.js';
import { httpProber } from './http-probe.js';
import type { ProbeSpec } from './spec.js';
import { tcpProber } from './tcp-probe.js';
import type { HealthCheckContext, Prober } from './types.js';

export function proberFor(spec: ProbeSpec, ctx: HealthCheckContext): Prober {
  switch (spec.type) {
    case 'COMMAND':
      return commandProber(spec.command, ctx);
    case 'HTTP':
      return httpProber(spec);
    case 'TCP':
      return tcpProber(spec);
  }
}
