/**
 * Shared fixtures of the Docker containerizer suites: whether an engine answers (suites skip with the
 * reason when none does), the local test image (`busybox:local`, built by `test/support/docker-image.sh`
 * when missing — no registry is reachable), a wrapper that lets the shared conformance suite's plain
 * command specs run in that image, and cleanup of every container a suite's work_dir left behind.
 */
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { execa } from 'execa';
import { silentLogger } from '../../lib/logger.js';
import { DockerContainerizer, type DockerContainerizerOptions } from './docker.js';
import { engineAddress, probeEngine } from './docker-engine.js';
import { SANDBOX_MOUNT, ownedFilter } from './docker-labels.js';
import { MARK_VAR } from './process-fixtures.test-helpers.js';
import type { Containerizer, LaunchSpec } from './types.js';

export const TEST_IMAGE = 'busybox:local';
const IMAGE_SCRIPT = fileURLToPath(new URL('../../../test/support/docker-image.sh', import.meta.url));

export const testEngine = engineAddress(undefined, process.env.DOCKER_HOST);
export const testDocker = new Docker(testEngine.options);

let checked: Promise<{ ok: boolean; reason: string }> | undefined;

/** Whether Docker suites can run here; builds the test image on first use. */
export function dockerForTests(): Promise<{ ok: boolean; reason: string }> {
  checked ??= (async () => {
    const s = await probeEngine(testDocker);
    if (!s.ok) return { ok: false, reason: `no Docker engine reachable at ${testEngine.describe} (${s.reason}); see machine-notes §1 or .ci/run` };
    const built = await execa('bash', [IMAGE_SCRIPT], { reject: false, env: { TSMESOS_TEST_IMAGE: TEST_IMAGE } });
    if (built.exitCode !== 0) return { ok: false, reason: `could not build ${TEST_IMAGE}: ${built.stderr || built.stdout}` };
    return { ok: true, reason: '' };
  })();
  return checked;
}

export function dockerOpts(workDir: string, extra: Partial<DockerContainerizerOptions> = {}): DockerContainerizerOptions {
  return { workDir, engine: testEngine, log: silentLogger, switchUser: true, ...extra };
}

/** A spec without ContainerInfo gets the test image; the test mark travels in the task's own env. */
export function inTestImage(spec: LaunchSpec, image = TEST_IMAGE): LaunchSpec {
  if (spec.container) return spec;
  const variables = [...(spec.command.environment?.variables ?? [])];
  for (const [k, v] of Object.entries(spec.env)) {
    // Only a task's own variables reach a container; the suite's mark and variables must count as such.
    if (k === MARK_VAR || (k !== 'PATH' && process.env[k] !== v)) variables.push({ name: k, value: v });
  }
  // Plain command tasks run in their sandbox; in a container that is the sandbox mount.
  const docker = { image, network: 'NONE', parameters: [{ key: 'workdir', value: SANDBOX_MOUNT }] };
  return { ...spec, command: { ...spec.command, environment: { variables } }, container: { type: 'DOCKER', docker } };
}

/** The Docker containerizer behind the Containerizer contract, fed plain command specs. */
export function dockerForConformance(cz: DockerContainerizer): Containerizer {
  return {
    name: cz.name,
    accepts: (c) => cz.accepts(c),
    launch: (spec) => cz.launch(inTestImage(spec)),
    wait: (id) => cz.wait(id),
    kill: (id, grace) => cz.kill(id, grace),
    usage: (id) => cz.usage(id),
    recover: (known) => cz.recover(known),
    close: () => cz.close(),
  };
}

/** Removes every container labelled with `workDir` (running or not), whatever the test left. */
export async function removeContainersOf(workDir: string): Promise<void> {
  const list = await testDocker.listContainers({ all: true, filters: ownedFilter(workDir) }).catch(() => []);
  await Promise.all(list.map((c) => testDocker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => {})));
}
