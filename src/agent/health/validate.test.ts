import { describe, expect, it } from 'vitest';
import { validateCheck, validateHealthCheck, validateTaskChecks } from './validate.js';

describe('validateHealthCheck', () => {
  it.each([
    [{ type: 'COMMAND', command: { value: 'true' } }],
    [{ type: 'COMMAND', command: { shell: false, value: '/bin/true', arguments: ['true'] } }],
    [{ type: 'HTTP', http: { port: 8080 } }],
    [{ type: 'HTTP', http: { port: 8080, path: '/health', scheme: 'https', statuses: [200] } }],
    [{ type: 'TCP', tcp: { port: 22 }, delay_seconds: 0, interval_seconds: 0.5, timeout_seconds: 0, grace_period_seconds: 0, consecutive_failures: 1 }],
  ])('accepts %j', (hc) => expect(validateHealthCheck(hc)).toBeUndefined());

  it.each([
    [null, /object/],
    [{ command: { value: 'true' } }, /needs a 'type'/],
    [{ type: 'UNKNOWN' }, /unknown health check type "UNKNOWN"/],
    [{ type: 'GRPC' }, /unknown/],
    [{ type: 'COMMAND' }, /needs a 'command'/],
    [{ type: 'COMMAND', command: {} }, /the shell command/],
    [{ type: 'COMMAND', command: { shell: false } }, /the executable path/],
    [{ type: 'COMMAND', command: { value: 'x', arguments: [1] } }, /arguments/],
    [{ type: 'HTTP' }, /needs 'http'/],
    [{ type: 'HTTP', http: {} }, /needs a 'port'/],
    [{ type: 'HTTP', http: { port: 70000 } }, /invalid 'port'/],
    [{ type: 'HTTP', http: { port: '80' } }, /invalid 'port'/],
    [{ type: 'HTTP', http: { port: 80, path: 'health' } }, /must start with '\/'/],
    [{ type: 'HTTP', http: { port: 80, scheme: 'ftp' } }, /scheme "ftp"/],
    [{ type: 'TCP' }, /needs 'tcp'/],
    [{ type: 'TCP', tcp: {} }, /needs a 'port'/],
    [{ type: 'TCP', tcp: { port: 1 }, delay_seconds: -1 }, /'delay_seconds' must not be negative/],
    [{ type: 'TCP', tcp: { port: 1 }, interval_seconds: -0.1 }, /interval_seconds/],
    [{ type: 'TCP', tcp: { port: 1 }, timeout_seconds: -5 }, /timeout_seconds/],
    [{ type: 'TCP', tcp: { port: 1 }, grace_period_seconds: -1 }, /grace_period_seconds/],
    [{ type: 'TCP', tcp: { port: 1 }, delay_seconds: 'soon' }, /number of seconds/],
    [{ type: 'TCP', tcp: { port: 1 }, consecutive_failures: -1 }, /consecutive_failures/],
  ])('rejects %j', (hc, msg) => expect(validateHealthCheck(hc)).toMatch(msg));
});

describe('validateCheck', () => {
  it('accepts the three types with their nesting', () => {
    expect(validateCheck({ type: 'COMMAND', command: { command: { value: 'exit 3' } } })).toBeUndefined();
    expect(validateCheck({ type: 'HTTP', http: { port: 80, path: '/x' }, delay_seconds: 0 })).toBeUndefined();
    expect(validateCheck({ type: 'TCP', tcp: { port: 80 } })).toBeUndefined();
  });
  it.each([
    [{}, /needs a 'type'/],
    [{ type: 'UNKNOWN' }, /unknown check type/],
    [{ type: 'COMMAND', command: { value: 'x' } }, /needs a 'value'|needs a 'command'/],
    [{ type: 'COMMAND' }, /needs 'command'/],
    [{ type: 'HTTP', http: { path: '/' } }, /needs a 'port'/],
    [{ type: 'HTTP', http: { port: 1, path: 'x' } }, /start with/],
    [{ type: 'TCP', tcp: { port: 0 } }, /invalid 'port'/],
    [{ type: 'TCP', tcp: { port: 1 }, timeout_seconds: -1 }, /timeout_seconds/],
  ])('rejects %j', (c, msg) => expect(validateCheck(c)).toMatch(msg));
});

describe('validateTaskChecks', () => {
  it('names which definition is wrong, for TASK_ERROR', () => {
    expect(validateTaskChecks({})).toBeUndefined();
    expect(validateTaskChecks({ health_check: { type: 'TCP' } })).toMatch(/^Task uses an invalid health check: /);
    expect(validateTaskChecks({ check: { type: 'TCP' } })).toMatch(/^Task uses an invalid check: /);
  });
});
