import { describe, expect, it } from 'vitest';
import { Resources } from '../protocol/resources/index.js';
import { defaultResourcesText } from './detect-resources.js';
import { portsOf, taskEnvironment } from './task-env.js';

describe('taskEnvironment', () => {
  const base = {
    frameworkId: 'f-0000',
    executorId: 't1',
    taskId: 't1',
    agentId: 'm-S0',
    agentEndpoint: '127.0.0.1:5051',
    sandbox: '/w/slaves/m-S0/frameworks/f-0000/executors/t1/runs/c1',
    checkpoint: true,
  };

  it('sets the upstream MESOS_* variables and drops the agent\'s own flags', () => {
    const env = taskEnvironment({ ...base, base: { PATH: '/bin', MESOS_WORK_DIR: '/w', TSMESOS_CONFIG: 'x' }, resources: Resources.parse('cpus:1') });
    expect(env).toMatchObject({
      PATH: '/bin',
      MESOS_FRAMEWORK_ID: 'f-0000',
      MESOS_EXECUTOR_ID: 't1',
      MESOS_TASK_ID: 't1',
      MESOS_AGENT_ENDPOINT: '127.0.0.1:5051',
      MESOS_SANDBOX: base.sandbox,
      MESOS_DIRECTORY: base.sandbox,
      MESOS_CHECKPOINT: '1',
    });
    expect(env.MESOS_WORK_DIR).toBeUndefined();
    expect(env.TSMESOS_CONFIG).toBeUndefined();
    expect(env.PORT).toBeUndefined();
  });

  it('exports PORT, PORT0… and PORTS from port resources; the task environment wins', () => {
    const env = taskEnvironment({
      ...base,
      base: {},
      resources: Resources.parse('cpus:1;ports:[31000-31001, 31005-31005]'),
      command: { environment: { variables: [{ name: 'PORT1', value: 'mine' }, { name: 'GREETING', value: 'hi' }] } },
    });
    expect([env.PORT, env.PORT0, env.PORT1, env.PORT2, env.PORTS, env.GREETING]).toEqual(['31000', '31000', 'mine', '31005', '31000,31001,31005', 'hi']);
  });

  it('lists ports in range order', () => {
    expect(portsOf(Resources.parse('ports:[5-6, 1-2]'))).toEqual([1, 2, 5, 6]);
  });
});

describe('defaultResourcesText', () => {
  it('keeps 1 GB of memory and 5 GB of disk for the host on big machines, half on small ones', () => {
    expect(defaultResourcesText(2, 24 * 1024 ** 3, 80 * 1024 ** 3)).toBe('cpus:2;mem:23552;disk:76800;ports:[31000-32000]');
    expect(defaultResourcesText(1, 1024 ** 3, 4 * 1024 ** 3)).toBe('cpus:1;mem:512;disk:2048;ports:[31000-32000]');
  });
});
