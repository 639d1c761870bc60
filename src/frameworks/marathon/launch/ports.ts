/**
 * Host-port assignment from an offer's `ports` ranges: the exact ports asked for (requirePorts, or a
 * fixed `hostPort`), then random ones for the rest (Marathon never takes "the next free" port, so
 * replacements do not keep colliding on one number).
 */
import type { Resource } from '../../../protocol/resources/index.js';

/** One port an instance needs on the host: `exact` when fixed, otherwise any. */
export interface PortSlot {
  exact?: number;
}

export interface PortPick {
  port: number;
  /** The offered entry it comes from (its role and allocation role go into the TaskInfo). */
  from: Resource;
}

/** The host ports an app asks for, in port-index order (host mode: portDefinitions; else mappings with a hostPort). */
export function portSlots(app: {
  networks: Array<{ mode: string }>;
  portDefinitions: Array<{ port: number }>;
  requirePorts: boolean;
  container?: { portMappings: Array<{ hostPort?: number }> };
}): PortSlot[] {
  const host = app.networks.length === 0 || app.networks.some((n) => n.mode === 'host');
  if (host) return app.portDefinitions.map((p) => (app.requirePorts && p.port !== 0 ? { exact: p.port } : {}));
  return (app.container?.portMappings ?? []).flatMap((m) => (m.hostPort === undefined ? [] : [m.hostPort === 0 ? {} : { exact: m.hostPort }]));
}

/** Picks one port per slot from `ranges` (entries of type RANGES named `ports`); undefined when they do not fit. */
export function pickPorts(slots: PortSlot[], ranges: readonly Resource[], rng: () => number): PortPick[] | undefined {
  const taken = new Set<number>();
  const out: Array<PortPick | undefined> = new Array(slots.length);
  const owner = (port: number): Resource | undefined => ranges.find((r) => r.ranges?.some(([b, e]) => port >= b && port <= e));
  slots.forEach((s, i) => {
    if (s.exact === undefined) return;
    const from = owner(s.exact);
    if (from && !taken.has(s.exact)) {
      taken.add(s.exact);
      out[i] = { port: s.exact, from };
    }
  });
  if (slots.some((s, i) => s.exact !== undefined && !out[i])) return undefined;
  const spans = ranges.flatMap((r) => (r.ranges ?? []).map(([b, e]) => ({ b, size: e - b + 1, r })));
  const total = spans.reduce((n, s) => n + s.size, 0);
  const portAt = (k: number): PortPick => {
    let rest = k;
    for (const s of spans) {
      if (rest < s.size) return { port: s.b + rest, from: s.r };
      rest -= s.size;
    }
    throw new Error('port index out of range');
  };
  for (let i = 0; i < slots.length; i++) {
    if (slots[i].exact !== undefined) continue;
    if (taken.size >= total) return undefined;
    // A random start, then the next free port after it (wrapping): spread out, and never loops forever.
    let k = Math.floor(rng() * total);
    for (let tries = 0; tries < total && !out[i]; tries++, k = (k + 1) % total) {
      const pick = portAt(k);
      if (!taken.has(pick.port)) {
        taken.add(pick.port);
        out[i] = pick;
      }
    }
    if (!out[i]) return undefined;
  }
  return out as PortPick[];
}
