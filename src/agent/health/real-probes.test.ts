/** startHealthCheck/startCheck on the system clock with real probers and sub-second timings. */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheck } from './checker.js';
import { startHealthCheck } from './health-checker.js';
import type { CheckStatusInfoV1 } from './types.js';

const sandbox = mkdtempSync(join(tmpdir(), 'tsmesos-health-real-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));
const fast = { delay_seconds: 0, interval_seconds: 0.05, grace_period_seconds: 0 };

describe('with real processes', () => {
  it('a COMMAND health check that starts failing asks for the kill', async () => {
    writeFileSync(join(sandbox, 'ok'), '');
    const log: string[] = [];
    const killed = new Promise<string>((resolve) => {
      const events = {
        onHealthChange: (h: boolean) => {
          log.push(String(h));
          if (h) unlinkSync(join(sandbox, 'ok'));
        },
        onUnhealthyKill: resolve,
      };
      startHealthCheck({ type: 'COMMAND', command: { value: 'test -f ok' }, ...fast }, { sandbox, env: {} }, events);
    });
    expect(await killed).toMatch(/^Task failed 3 consecutive COMMAND health checks; last: command exited with status 1$/);
    expect(log).toEqual(['true', 'false', 'false', 'false']);
  });

  it('a COMMAND health check sleeping past its timeout fails by timeout', async () => {
    const message = await new Promise<string>((resolve) => {
      startHealthCheck(
        { type: 'COMMAND', command: { value: 'sleep 30' }, ...fast, timeout_seconds: 0.2, consecutive_failures: 1 },
        { sandbox, env: {} },
        { onHealthChange() {}, onUnhealthyKill: resolve },
      );
    });
    expect(message).toMatch(/timed out after 0.2s/);
  });

  it('a generalized COMMAND check reports exit codes and changes only', async () => {
    const seen: CheckStatusInfoV1[] = [];
    const check = startCheck({ type: 'COMMAND', command: { command: { value: 'exit 3' } }, ...fast }, { sandbox, env: {} }, (s) => seen.push(s));
    await new Promise((r) => setTimeout(r, 400));
    check.stop();
    expect(seen).toEqual([{ type: 'COMMAND', command: { exit_code: 3 } }]);
  });
});
