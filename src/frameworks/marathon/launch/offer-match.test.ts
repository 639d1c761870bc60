import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Resources } from '../../../protocol/resources/index.js';
import { parseApp } from '../app-model/normalize.js';
import { matchOffer } from './offer-match.js';

const scalar = (name: string, value: number, role?: string) => ({ name, type: 'SCALAR', scalar: { value }, ...(role ? { role, reservations: [{ type: 'STATIC', role }] } : {}) });
const ports = (begin: number, end: number, role?: string) => ({ name: 'ports', type: 'RANGES', ranges: { range: [{ begin, end }] }, ...(role ? { role, reservations: [{ type: 'STATIC', role }] } : {}) });
const offerOf = (resources: unknown[], hostname = 'a1', attributes: unknown[] = []) => ({ hostname, attributes, resources });
const agent = (cpus = 4, mem = 4096) => [scalar('cpus', cpus), scalar('mem', mem), scalar('disk', 10000), ports(31000, 32000)];
const app = (extra: Record<string, unknown> = {}) => parseApp({ id: '/web', cmd: 'sleep 100', cpus: 1, mem: 256, ...extra });

function ok(r: ReturnType<typeof matchOffer>) {
  if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
  return r;
}

describe('matchOffer', () => {
  it('carves cpus, mem and one random host port out of the offer', () => {
    const offer = offerOf(agent());
    const r = ok(matchOffer(app(), offer, offer.resources, [], 'marathon', () => 0.5));
    const used = Resources.fromV1(r.match.resources);
    expect(used.scalar('cpus')).toBe(1);
    expect(used.scalar('mem')).toBe(256);
    expect(r.match.hostPorts).toHaveLength(1);
    expect(r.match.hostPorts[0]).toBe(31500);
    const left = Resources.fromV1(r.remaining);
    expect(left.scalar('cpus')).toBe(3);
    expect(left.ranges('ports')).toEqual([[31000, 31499], [31501, 32000]]);
  });

  it('packs instances until a resource runs out, naming it', () => {
    const offer = offerOf(agent(2.5, 4096));
    let remaining: unknown[] = offer.resources;
    let n = 0;
    for (;;) {
      const r = matchOffer(app(), offer, remaining, [], '*');
      if (!r.ok) {
        expect(r.reason).toBe('InsufficientCpus');
        expect(r.detail).toBe('cpus: need 1, offer has 0.5');
        break;
      }
      remaining = r.remaining;
      n++;
    }
    expect(n).toBe(2);
  });

  it('memory, disk and ports each have their own reason', () => {
    expect(matchOffer(app({ mem: 9000 }), offerOf(agent()), agent(), [], '*')).toMatchObject({ ok: false, reason: 'InsufficientMemory' });
    expect(matchOffer(app({ disk: 20000 }), offerOf(agent()), agent(), [], '*')).toMatchObject({ ok: false, reason: 'InsufficientDisk' });
    const noPorts = [scalar('cpus', 4), scalar('mem', 4096)];
    expect(matchOffer(app(), offerOf(noPorts), noPorts, [], '*')).toMatchObject({ ok: false, reason: 'InsufficientPorts' });
    expect(ok(matchOffer(app({ portDefinitions: [] }), offerOf(noPorts), noPorts, [], '*')).match.hostPorts).toEqual([]);
  });

  it('requirePorts takes exactly the declared ports, or declines', () => {
    const a = app({ portDefinitions: [{ port: 31005 }, { port: 31007 }], requirePorts: true });
    expect(ok(matchOffer(a, offerOf(agent()), agent(), [], '*')).match.hostPorts).toEqual([31005, 31007]);
    const b = app({ portDefinitions: [{ port: 8080 }], requirePorts: true });
    expect(matchOffer(b, offerOf(agent()), agent(), [], '*')).toMatchObject({ ok: false, reason: 'InsufficientPorts' });
  });

  it('bridge mode: hostPort 0 is random, a fixed hostPort is taken exactly, no hostPort takes none', () => {
    const a = parseApp({
      id: '/b',
      networks: [{ mode: 'container/bridge' }],
      container: { docker: { image: 'nginx' }, portMappings: [{ containerPort: 80, hostPort: 0 }, { containerPort: 81, hostPort: 31999 }, { containerPort: 82 }] },
    });
    const r = ok(matchOffer(a, offerOf(agent()), agent(), [], '*', () => 0));
    expect(r.match.hostPorts).toEqual([31000, 31999, 31001]);
    const c = parseApp({ id: '/c', networks: [{ mode: 'container', name: 'dev' }], container: { docker: { image: 'nginx' }, portMappings: [{ containerPort: 80 }] } });
    expect(ok(matchOffer(c, offerOf(agent()), agent(), [], '*')).match.hostPorts).toEqual([]);
  });

  it('uses only accepted roles, reserved resources first', () => {
    const mixed = [scalar('cpus', 1, 'web'), scalar('cpus', 4), scalar('mem', 1024, 'web'), scalar('mem', 4096), ports(31000, 31010)];
    const r = ok(matchOffer(app({ cpus: 2 }), offerOf(mixed), mixed, [], 'web'));
    const used = Resources.fromV1(r.match.resources);
    expect(used.reserved('web').scalar('cpus')).toBe(1);
    expect(used.unreserved().scalar('cpus')).toBe(1);
    expect(used.reserved('web').scalar('mem')).toBe(256);
    // only '*' accepted: the reserved cpu does not count
    expect(matchOffer(app({ cpus: 5, acceptedResourceRoles: ['*'] }), offerOf(mixed), mixed, [], 'web')).toMatchObject({ ok: false, reason: 'InsufficientCpus', detail: 'cpus: need 5, offer has 4' });
    // only the role accepted, and the offer has nothing unreserved for it beyond
    const onlyStar = [scalar('cpus', 4), scalar('mem', 4096)];
    expect(matchOffer(app({ acceptedResourceRoles: ['web'] }), offerOf(onlyStar), onlyStar, [], 'web')).toMatchObject({ ok: false, reason: 'UnfulfilledRole' });
  });

  it('checks constraints against the agent hostname and attributes', () => {
    const a = app({ constraints: [['hostname', 'UNIQUE']] });
    const placed = [{ hostname: 'a1', attributes: {} }];
    expect(matchOffer(a, offerOf(agent(), 'a1'), agent(), placed, '*')).toEqual({ ok: false, reason: 'UnfulfilledConstraint', detail: 'UNIQUE hostname: already an instance on a1' });
    const b = app({ constraints: [['rack', 'LIKE', 'r[12]']] });
    const attrs = [{ name: 'rack', type: 'TEXT', text: { value: 'r3' } }];
    expect(matchOffer(b, offerOf(agent(), 'a2', attrs), agent(), [], '*')).toMatchObject({ ok: false, reason: 'UnfulfilledConstraint' });
  });

  it('keeps GPU agents for GPU apps', () => {
    const gpuAgent = [...agent(), scalar('gpus', 1)];
    expect(matchOffer(app(), offerOf(gpuAgent), gpuAgent, [], '*')).toMatchObject({ ok: false, reason: 'DeclinedScarceResources' });
  });

  it('property: used + remaining == what was left, and host ports are distinct and offered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 8 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (nPorts, cpus, seed) => {
        const res = [scalar('cpus', cpus), scalar('mem', 8192), ports(31000, 31003), ports(40000, 40001)];
        const a = app({ cpus: 0.5, portDefinitions: Array.from({ length: nPorts }, () => ({ port: 0 })) });
        const r = matchOffer(a, offerOf(res), res, [], '*', () => seed);
        if (!r.ok) return;
        expect(Resources.fromV1(r.match.resources).add(Resources.fromV1(r.remaining)).equals(Resources.fromV1(res))).toBe(true);
        expect(new Set(r.match.hostPorts).size).toBe(nPorts);
        for (const p of r.match.hostPorts) expect((p >= 31000 && p <= 31003) || p === 40000 || p === 40001).toBe(true);
      }),
    );
  });
});
