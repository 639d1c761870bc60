import { describe, expect, it } from 'vitest';
import { agentBaseUrl } from './agent-client.js';

describe('agentBaseUrl', () => {
  it('prefers the libprocess pid, where the agent really listens', () => {
    expect(agentBaseUrl({ pid: 'slave(1)@10.0.0.5:5051', hostname: 'node-a', port: 5051 })).toBe('http://10.0.0.5:5051');
  });
  it('falls back to hostname and port', () => {
    expect(agentBaseUrl({ hostname: 'node-a', port: 5052 })).toBe('http://node-a:5052');
    expect(agentBaseUrl({ hostname: 'node-a' })).toBe('http://node-a:5051');
    expect(agentBaseUrl({ hostname: '::1', port: 5051 })).toBe('http://[::1]:5051');
  });
});
