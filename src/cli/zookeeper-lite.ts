/**
 * `tsmesos zookeeper-lite`: runs a standalone ZooKeeper-compatible server (upstream
 * `zkServer.sh start-foreground` / `ZooKeeperServerMain`) until SIGINT/SIGTERM.
 *
 * An upstream zoo.cfg can be given three ways: `--zoo_cfg FILE`, a positional `FILE`, or, for old
 * habits, the global `--config FILE` when FILE ends in `.cfg` (any other `--config` is the tsmesos TOML
 * config). Precedence: command-line flag > zoo.cfg > ZOOKEEPER_<FLAG> env > [zookeeper-lite] table >
 * default.
 */
import type { Command } from 'commander';
import { createLogger } from '../lib/logger.js';
import { ZOOKEEPER_LITE_FLAGS } from '../zk/flags.js';
import { DataDirLockedError } from '../zk/persistence.js';
import { startZkServer } from '../zk/server.js';
import { readZooCfg, ZooCfgError } from '../zk/zoo-cfg.js';
import { defaultConfigPath, loadConfigFile } from './config/config-file.js';
import type { CliContext } from './context.js';
import { UsageError, UserError } from './errors.js';
import { addFlagOptions, cliValues } from './flags/commander-flags.js';
import { resolveFlags } from './flags/resolve-flags.js';
import { waitForShutdown } from './shutdown.js';

export function registerZookeeperLite(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('zookeeper-lite')
    .summary('run a single-node ZooKeeper-compatible server (client port 2181)')
    .description('Run a standalone server that speaks the ZooKeeper client protocol (3.4+), for masters, agents and frameworks to coordinate through.')
    .argument('[zoo.cfg]', 'an upstream zoo.cfg to read (same as --zoo_cfg)');
  addFlagOptions(cmd, ZOOKEEPER_LITE_FLAGS, 'ZOOKEEPER_');
  cmd.addHelpText(
    'after',
    `
zoo.cfg keys read: clientPort, clientPortAddress, dataDir, tickTime, minSessionTimeout,
maxSessionTimeout, snapCount. Precedence: flag > zoo.cfg > ZOOKEEPER_<FLAG> env >
[zookeeper-lite] table of the config file > default. The global --config also accepts a zoo.cfg
when its name ends in .cfg.

Four-letter words on the client port: ruok, stat, srvr, mntr, cons, envi, conf, isro, wchs.

Examples:
  $ tsmesos zookeeper-lite --data_dir=/var/lib/zookeeper
  $ tsmesos zookeeper-lite /etc/zookeeper/conf/zoo.cfg
  $ tsmesos zookeeper-lite --port=0 --data_dir=$(mktemp -d)     # pick a free port
  $ echo stat | nc 127.0.0.1 2181`,
  );
  cmd.action(async (positional: string | undefined) => {
    const cli = cliValues(cmd, ZOOKEEPER_LITE_FLAGS);
    const globalConfig = program.opts().config as string | undefined;
    const globalIsZooCfg = globalConfig?.endsWith('.cfg') ?? false;
    const zooCfgPaths = [cli.zoo_cfg, positional, globalIsZooCfg ? globalConfig : undefined].filter((p): p is string => typeof p === 'string');
    if (new Set(zooCfgPaths).size > 1) throw new UsageError(`two zoo.cfg files given: ${[...new Set(zooCfgPaths)].join(' and ')}`, 'give one of --zoo_cfg, a positional path, or --config FILE.cfg');
    const zooCfgPath = zooCfgPaths[0];
    const ignored: string[] = [];
    if (zooCfgPath) {
      try {
        const cfg = readZooCfg(zooCfgPath);
        for (const [flag, value] of Object.entries(cfg.flags)) if (cli[flag] === undefined) cli[flag] = value;
        ignored.push(...cfg.ignored);
        cli.zoo_cfg = zooCfgPath;
      } catch (e) {
        if (e instanceof ZooCfgError) throw new UserError(e.message);
        throw e;
      }
    }
    const flags = resolveFlags({
      specs: ZOOKEEPER_LITE_FLAGS,
      cli,
      env: ctx.env,
      envPrefix: 'ZOOKEEPER_',
      config: globalIsZooCfg ? loadConfigFile(defaultConfigPath(ctx.env)) : ctx.config(),
      table: 'zookeeper-lite',
    });
    const tick = flags.int('tick_time')!;
    if (tick <= 0) throw new UserError(`--tick_time must be positive, got ${tick}`);
    const min = flags.int('min_session_timeout') ?? 2 * tick;
    const max = flags.int('max_session_timeout') ?? 20 * tick;
    if (min > max) throw new UserError(`--min_session_timeout (${min}) is above --max_session_timeout (${max})`);
    const port = flags.int('port')!;
    if (port < 0 || port > 65535) throw new UserError(`--port must be 0..65535, got ${port}`);
    const snapshotCount = flags.int('snapshot_count')!;
    if (snapshotCount < 1) throw new UserError(`--snapshot_count must be at least 1, got ${snapshotCount}`);
    const log = createLogger('zookeeper-lite', { quiet: flags.bool('quiet'), logDir: flags.str('log_dir') });
    if (ignored.length > 0) log.info({ keys: ignored }, 'zoo.cfg keys ignored by a standalone zookeeper-lite');
    let running;
    try {
      running = await startZkServer({ ip: flags.str('ip')!, port, dataDir: flags.str('data_dir')!, tickTime: tick, minSessionTimeout: min, maxSessionTimeout: max, snapshotCount, log });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (e instanceof DataDirLockedError) throw new UserError(err.message, 'stop the other server or pick another --data_dir');
      if (err.code === 'EADDRINUSE') throw new UserError(`port ${port} on ${flags.str('ip')} is already in use`, 'pick another --port (0 = any free port)');
      if (err.code === 'EACCES' || err.code === 'EROFS') throw new UserError(`can not use ${flags.str('data_dir')}: ${err.message}`);
      throw e;
    }
    ctx.stdout.write(`tsmesos zookeeper-lite listening on ${running.url}\n`);
    const stopped = await Promise.race([waitForShutdown().then(() => 'signal' as const), running.fatal]).catch((e: Error) => e);
    if (stopped instanceof Error) {
      await running.close().catch(() => undefined);
      throw new UserError(`zookeeper-lite stopped: ${stopped.message}`);
    }
    ctx.stdout.write('tsmesos zookeeper-lite: shutting down\n');
    await running.close();
  });
}
