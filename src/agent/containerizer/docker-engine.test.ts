import { describe, expect, it } from 'vitest';
import { engineAddress, engineMessage, findDockerCli } from './docker-engine.js';

describe('engine address and messages', () => {
  it('--docker_socket, unless defaulted while DOCKER_HOST is set', () => {
    expect(engineAddress(undefined, undefined)).toEqual({ options: { socketPath: '/var/run/docker.sock' }, describe: 'unix:///var/run/docker.sock' });
    expect(engineAddress('/var/run/docker.sock', 'unix:///tmp/podman.sock').describe).toBe('unix:///tmp/podman.sock');
    expect(engineAddress('/run/other.sock', 'unix:///tmp/podman.sock').describe).toBe('unix:///run/other.sock');
    expect(engineAddress(undefined, 'tcp://10.0.0.1:2376')).toEqual({ options: { protocol: 'http', host: '10.0.0.1', port: 2376 }, describe: 'tcp://10.0.0.1:2376' });
  });
  it("keeps the daemon's words only", () => {
    expect(engineMessage(Object.assign(new Error('(HTTP code 500) server error - Get "https://x/v2/": no such host '), { json: null }))).toBe('Get "https://x/v2/": no such host');
    expect(engineMessage({ json: { message: 'No such image: a:b' }, message: 'ignored' })).toBe('No such image: a:b');
  });
  it('finds the docker CLI on PATH (startup note only)', () => {
    expect(findDockerCli('sh', '/nonexistent:/bin')).toBe('/bin/sh');
    expect(findDockerCli('no-such-docker-cli', '/bin')).toBeUndefined();
  });
});
