/**
 * What every `tsmesos job` subcommand shares: the Chronos client for the resolved `--chronos`
 * address, and finding a job by name among the Chronos jobs (`/v1/scheduler/jobs`) and, failing
 * that, the Metronome jobs (`/v1/jobs/{id}`), since Chronos mode serves both APIs. Chronos answers
 * 400 (never 404) for an unknown job, so the lookup goes through the job list rather than guessing
 * from a 400 body.
 */
import type { Command } from 'commander';
import { ChronosClient } from '../client/chronos-client.js';
import type { ChronosJob, MetronomeJob } from '../client/chronos-types.js';
import { ClientError } from '../client/client-error.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { asUserError } from './master-address.js';
import { CHRONOS, CHRONOS_OPTION_HELP, resolveServiceAddress, unreachableHint } from './service-address.js';

export interface ChronosOption {
  chronos?: string;
}

export type FoundJob = { kind: 'chronos'; job: ChronosJob } | { kind: 'metronome'; job: MetronomeJob };

export function chronosFor(ctx: CliContext, flag: string | undefined): ChronosClient {
  const address = resolveServiceAddress(CHRONOS, ctx, flag);
  return new ChronosClient(address.url, { unreachableHint: unreachableHint(CHRONOS, address) });
}

export function addChronosOption(cmd: Command): Command {
  return cmd.option('--chronos <addr>', CHRONOS_OPTION_HELP);
}

/** A Chronos job by exact name, else a Metronome job by id; `UserError` naming near misses. */
export async function findJob(client: ChronosClient, name: string, embed: string[] = []): Promise<FoundJob> {
  const jobs = await client.jobs().catch(asUserError);
  const chronos = jobs.find((j) => j.name === name);
  if (chronos) return { kind: 'chronos', job: chronos };
  try {
    return { kind: 'metronome', job: await client.metronomeJob(name, embed) };
  } catch (e) {
    // 404: no such Metronome job; 400/405: a Chronos without the Metronome API. Either way: unknown.
    if (!(e instanceof ClientError && e.kind === 'status' && [400, 404, 405].includes(e.status ?? 0))) asUserError(e);
  }
  const near = jobs.map((j) => j.name).filter((n) => n.toLowerCase().includes(name.toLowerCase()));
  throw new UserError(
    `no job named ${JSON.stringify(name)}${near.length ? ` (did you mean ${near.slice(0, 5).join(', ')}?)` : ''}`,
    'see `tsmesos job list` for the jobs Chronos knows (names are case-sensitive)',
  );
}
