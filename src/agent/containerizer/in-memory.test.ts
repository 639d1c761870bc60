import { describe, expect, it } from 'vitest';
import { fakeScript, InMemoryContainerizer, InMemoryHost } from './in-memory.js';
import type { LaunchSpec } from './types.js';

const spec = (id: string, value: string): LaunchSpec => ({
  containerId: id,
  frameworkId: 'f',
  executorId: id,
  taskId: id,
  sandbox: '/nonexistent',
  metaDir: '/nonexistent',
  command: { value },
  env: {},
  limits: { cpus: 1, memMb: 32 },
});

describe('in-memory containerizer scripts', () => {
  it('reads the behaviour from the command', () => {
    expect(fakeScript({ value: 'exit 3' })).toEqual({ kind: 'exit', code: 3 });
    expect(fakeScript({ value: ' sleep 0.5 ' })).toEqual({ kind: 'sleep', seconds: 0.5 });
    expect(fakeScript({ value: 'fail disk on fire' })).toEqual({ kind: 'fail', message: 'disk on fire' });
    expect(fakeScript({ shell: false, value: '/bin/sleep', arguments: ['sleep', '2'] })).toEqual({ kind: 'sleep', seconds: 2 });
    expect(fakeScript({ value: 'python -m http.server' })).toEqual({ kind: 'forever' });
  });

  it('ends `sleep S` with status 0 after S seconds', async () => {
    const cz = new InMemoryContainerizer();
    const t0 = Date.now();
    await cz.launch(spec('s', 'sleep 0.05'));
    expect(await cz.wait('s')).toMatchObject({ exitCode: 0 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
  });

  it('keeps containers on the host across containerizer instances', async () => {
    const host = new InMemoryHost();
    const a = new InMemoryContainerizer({ host });
    await a.launch(spec('c', 'serve'));
    await a.close();
    await expect(a.wait('c')).rejects.toThrow(/Unknown container/);
    const b = new InMemoryContainerizer({ host });
    expect(await b.recover([{ containerId: 'c' }, { containerId: 'gone' }])).toEqual(['c']);
    await b.kill('c');
    expect(await b.wait('c')).toMatchObject({ signal: 'SIGTERM' });
  });
});
