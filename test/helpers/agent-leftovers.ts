/**
 * Stopping an agent leaves its tasks running on purpose (a restart re-adopts them), so tests that
 * run real agents kill what is left under a work_dir: every container whose pid the launcher
 * recorded (each leads its own process group) and the launcher itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function pidFiles(dir: string, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) pidFiles(p, out);
    else if (e.name === 'pid') out.push(p);
  }
  return out;
}

function kill(pid: number, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

export function killAgentLeftovers(workDir: string): void {
  for (const file of pidFiles(join(workDir, 'meta'))) {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (pid > 0) {
      kill(pid, true);
      kill(pid, false);
    }
  }
  try {
    const launcher = Number.parseInt(readFileSync(join(workDir, 'launcher.pid'), 'utf8'), 10);
    if (launcher > 0) kill(launcher, false);
  } catch {
    /* no launcher was started */
  }
}
