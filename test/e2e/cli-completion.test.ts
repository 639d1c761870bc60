/**
 * `tsmesos completion` and `npm run gen:docs` end to end, on the BUILT binary (`npm run build`
 * first): the binary prints exactly the committed scripts, a wrong shell is a usage error (exit 2)
 * with a hint, `--help` shows how to install each script, and the gen-docs entry point writes the
 * same four files that are committed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from './cli-harness.js';

const FILES = {
  bash: 'completions/tsmesos.bash',
  zsh: 'completions/_tsmesos',
  fish: 'completions/tsmesos.fish',
  man: 'man/tsmesos.1',
};
const committed = (path: string) => readFileSync(join(REPO, path), 'utf8');
const FIX = 'run `npm run build && npm run gen:docs` and commit the result';

describe('tsmesos completion <shell>', () => {
  it.each(['bash', 'zsh', 'fish'] as const)('%s prints the committed script', async (shell) => {
    const r = await runCli(['completion', shell]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout, `${FILES[shell]} differs from \`tsmesos completion ${shell}\`: ${FIX}`).toBe(committed(FILES[shell]));
  });

  it('an unknown shell is a usage error naming the shells', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tsmesos: error: unknown shell "tcsh"');
    expect(r.stderr).toContain('hint: choose one of bash, fish, zsh');
  });

  it('a missing shell is a usage error', async () => {
    const r = await runCli(['completion']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("missing required argument 'shell'");
  });

  it('--help shows the choices and how to install each script', async () => {
    const r = await runCli(['completion', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: tsmesos completion [options] <shell>');
    expect(r.stdout).toMatch(/choices: "bash",\s+"fish",\s+"zsh"/);
    expect(r.stdout).toContain('$ tsmesos completion bash > /etc/bash_completion.d/tsmesos');
    expect(r.stdout).toContain('$ tsmesos completion zsh > "${fpath[1]}/_tsmesos"');
    expect(r.stdout).toContain('$ tsmesos completion fish > ~/.config/fish/completions/tsmesos.fish');
  });

  it('is listed in the program help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/completion <shell>\s+print a shell completion script/);
  });
});

describe('gen-docs', () => {
  const out = mkdtempSync(join(tmpdir(), 'tsmesos-gen-docs-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the four committed files from the built tree', async () => {
    const r = await execa(process.execPath, [join(REPO, 'dist/src/cli/completion/gen-docs.js'), out], {
      env: { PATH: process.env.PATH ?? '', MESOS_IP: '10.9.9.9' },
      extendEnv: false,
    });
    expect(r.stdout.split('\n').sort()).toEqual(Object.values(FILES).map((f) => `wrote ${f}`).sort());
    for (const path of Object.values(FILES)) {
      expect(readFileSync(join(out, path), 'utf8'), `${path}: ${FIX}`).toBe(committed(path));
    }
  });
});
