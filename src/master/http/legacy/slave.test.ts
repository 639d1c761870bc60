import { describe, expect, it } from 'vitest';
import { flattenAttributes } from './labels.js';
import { sampleView } from './sample-cluster.test-helpers.js';
import { renderSlave, slaveInfo } from './slave.js';

describe('flattenAttributes', () => {
  it('renders TEXT as string, SCALAR as number, RANGES and SET as text', () => {
    expect(
      flattenAttributes([
        { name: 'rack', type: 'TEXT', text: { value: 'r1' } },
        { name: 'zone', type: 'SCALAR', scalar: { value: 2 } },
        { name: 'frac', type: 'SCALAR', scalar: { value: 1.23456 } },
        { name: 'slots', type: 'RANGES', ranges: { range: [{ begin: 1, end: 4 }, { begin: 8, end: 9 }] } },
        { name: 'disks', type: 'SET', set: { item: ['ssd', 'hdd'] } },
      ]),
    ).toEqual({ rack: 'r1', zone: 2, frac: 1.235, slots: '[1-4, 8-9]', disks: '{ssd, hdd}' });
  });

  it('gives an empty object for no attributes', () => {
    expect(flattenAttributes(undefined)).toEqual({});
  });
});

describe('renderSlave', () => {
  const view = sampleView();
  const s0 = renderSlave(view.agents.get('M-S0')!, view);

  it('has every SlaveWriter key', () => {
    expect(Object.keys(s0).sort()).toEqual(
      [
        'id', 'hostname', 'port', 'attributes', 'pid', 'registered_time', 'resources', 'used_resources',
        'offered_resources', 'reserved_resources', 'unreserved_resources', 'active', 'deactivated', 'version', 'capabilities',
      ].sort(),
    );
  });

  it('reports identity, flat attributes and float-second times', () => {
    expect(s0).toMatchObject({
      id: 'M-S0',
      hostname: 'agent0',
      port: 5051,
      pid: 'slave(1)@10.0.0.5:5051',
      registered_time: 900.25,
      attributes: { rack: 'r1', zone: 2, slots: '[1-4, 8-9]', disks: '{ssd, hdd}' },
      active: true,
      deactivated: false,
      version: '1.11.0',
      capabilities: ['MULTI_ROLE', 'HIERARCHICAL_ROLE'],
    });
  });

  it('splits total into reserved by role and unreserved, flat with ranges', () => {
    expect(s0.resources).toEqual({ cpus: 6, gpus: 0, mem: 4608, disk: 10000, ports: '[31000-32000]' });
    expect(s0.reserved_resources).toEqual({ dev: { cpus: 2, gpus: 0, mem: 512, disk: 0 } });
    expect(s0.unreserved_resources).toEqual({ cpus: 4, gpus: 0, mem: 4096, disk: 10000, ports: '[31000-32000]' });
  });

  it('counts live tasks and tracked executors as used, outstanding offers as offered', () => {
    // t-run 0.5/128 + t-exec 1/256/port 31000 + executor e1 0.1/32
    expect(s0.used_resources).toEqual({ cpus: 1.6, gpus: 0, mem: 416, disk: 0, ports: '[31000-31000]' });
    expect(s0.offered_resources).toEqual({ cpus: 1, gpus: 0, mem: 256, disk: 0, ports: '[31001-31010]' });
  });

  it('marks an inactive agent deactivated with nothing used', () => {
    const s1 = renderSlave(view.agents.get('M-S1')!, view);
    expect(s1).toMatchObject({ active: false, deactivated: true, port: 5052 });
    expect(s1.used_resources).toEqual({ cpus: 0, gpus: 0, mem: 0, disk: 0 });
    expect(s1).not.toHaveProperty('reregistered_time');
  });

  it('slaveInfo is the recovered-slave identity subset', () => {
    expect(slaveInfo(view.unreachableAgents.get('M-S9')!)).toEqual({ id: 'M-S9', hostname: 'agent9', port: 5051, attributes: {} });
  });
});
