/**
 * Getting the task's image onto the engine (docs/docker-containerizer.md "Image pulling"): an image
 * already present is used as is, without asking any registry, unless `force_pull_image` is set;
 * otherwise it is pulled, and the pull's progress is logged. A failed pull names the image and the
 * registry's answer, which becomes the task's TASK_FAILED message. Concurrent launches of one image
 * share one pull.
 */
import type Docker from 'dockerode';
import type { Logger } from '../../lib/logger.js';
import { pullReference } from './docker-info.js';
import { engineMessage, engineStatus } from './docker-engine.js';

interface Progress {
  status?: string;
  id?: string;
  progress?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/** Log at most this often while a pull runs (layer progress arrives many times a second). */
const PROGRESS_LOG_MS = 1000;

export class ImageStore {
  private readonly pulls = new Map<string, Promise<void>>();

  constructor(
    private readonly docker: Docker,
    private readonly log: Logger,
  ) {}

  async ensure(image: string, forcePull: boolean): Promise<void> {
    if (!forcePull && (await this.present(image))) return;
    let pull = this.pulls.get(image);
    if (!pull) {
      pull = this.pull(image).finally(() => this.pulls.delete(image));
      this.pulls.set(image, pull);
    }
    await pull;
  }

  private async present(image: string): Promise<boolean> {
    try {
      await this.docker.getImage(image).inspect();
      return true;
    } catch (e) {
      if (engineStatus(e) === 404) return false;
      throw new Error(`Failed to inspect image '${image}': ${engineMessage(e)}`);
    }
  }

  private async pull(image: string): Promise<void> {
    const started = Date.now();
    this.log.info({ image }, 'pulling docker image');
    try {
      const { fromImage, tag } = pullReference(image);
      const stream = await this.docker.createImage({ fromImage, ...(tag ? { tag } : {}) });
      let lastLog = 0;
      await new Promise<void>((resolve, reject) => {
        this.docker.modem.followProgress(
          stream,
          (err: Error | null, output: Progress[]) => {
            // The engine reports some failures as a final progress record rather than an HTTP error.
            const failed = err ?? output?.find((p) => p.error);
            if (failed) reject(failed instanceof Error ? failed : new Error(failed.errorDetail?.message ?? failed.error));
            else resolve();
          },
          (p: Progress) => {
            if (Date.now() - lastLog < PROGRESS_LOG_MS && !/^(Digest|Status):/.test(p.status ?? '')) return;
            lastLog = Date.now();
            this.log.info({ image, layer: p.id, status: p.status, progress: p.progress }, 'docker pull progress');
          },
        );
      });
      this.log.info({ image, ms: Date.now() - started }, 'pulled docker image');
    } catch (e) {
      throw new Error(`Failed to pull image '${image}': ${engineMessage(e)}`);
    }
  }
}
