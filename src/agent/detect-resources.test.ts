import { describe, expect, it } from 'vitest';
import { Resources } from '../protocol/resources/resources.js';
import { agentResources } from './detect-resources.js';

const detected = 'cpus:2;mem:23552;disk:76800;ports:[31000-32000]';

describe('agentResources (upstream Containerizer::resources)', () => {
  it('uses the detected resources when --resources is absent', () => {
    expect(agentResources(undefined, detected).equals(Resources.parse(detected))).toBe(true);
  });

  it('detects each of cpus, mem, disk and ports that --resources does not name', () => {
    const r = agentResources('cpus:4;mem:4096', detected);
    expect(r.scalar('cpus')).toBe(4);
    expect(r.scalar('mem')).toBe(4096);
    expect(r.scalar('disk')).toBe(76800);
    expect(r.ranges('ports')).toEqual([[31000, 32000]]);
  });

  it('keeps what --resources names, also when reserved for a role, and adds nothing else', () => {
    const r = agentResources('cpus(prod):1;mem:64;disk:10;ports:[5000-5001];gpus:1', detected);
    expect(r.scalar('cpus')).toBe(1);
    expect(r.scalar('disk')).toBe(10);
    expect(r.ranges('ports')).toEqual([[5000, 5001]]);
    expect(r.scalar('gpus')).toBe(1);
  });
});
