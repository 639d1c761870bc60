/**
 * Liveness and facts about this instance: /ping (pong), /metrics (Dropwizard-shaped JSON with
 * `version` and `gauges`) and /metrics/prometheus, /v2/info, /v2/leader (GET; DELETE abdicates).
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { route } from '../../../http/server.js';
import { TSMESOS_VERSION } from '../../../lib/version.js';
import type { HttpContext } from './context.js';

/** The Marathon release whose API we speak (clients gate features on `version`). */
export const MARATHON_VERSION = '1.11.0';

function gauges(ctx: HttpContext): Record<string, number> {
  const s = ctx.service;
  const mem = process.memoryUsage();
  const g: Record<string, number> = {
    'marathon.uptime': Math.round((Date.now() - ctx.startedAt) / 1000),
    'marathon.leadership.elected': ctx.leadership.leading ? 1 : 0,
    'marathon.jvm.memory.heap.used': mem.heapUsed,
  };
  if (s) {
    let running = 0;
    let staged = 0;
    for (const i of s.store.instances.values()) i.state === 'TASK_RUNNING' ? running++ : staged++;
    Object.assign(g, {
      'marathon.apps.active': s.store.apps.size,
      'marathon.deployments.active': s.store.deployments.size,
      'marathon.instances.running': running,
      'marathon.instances.staged': staged,
      'marathon.instances.launch-overdue': s.targets().reduce((n, t) => n + t.missing, 0),
    });
  }
  return g;
}

export function registerInfo(app: FastifyInstance, ctx: HttpContext): void {
  route(app, ['/ping'], { GET: (_req, reply) => reply.type('text/plain; charset=utf-8').header('Cache-Control', 'must-revalidate,no-cache,no-store').send('pong\n') });
  route(app, ['/metrics'], {
    GET: () => ({
      version: '4.0.0',
      gauges: Object.fromEntries(Object.entries(gauges(ctx)).map(([k, value]) => [k, { value }])),
      counters: Object.fromEntries(Object.entries(ctx.bus.published()).map(([k, count]) => [`marathon.events.${k}`, { count }])),
      histograms: {},
      meters: {},
      timers: {},
    }),
  });
  route(app, ['/metrics/prometheus'], {
    GET: (_req, reply) => {
      const lines = Object.entries(gauges(ctx)).map(([k, v]) => `${k.replace(/[^a-zA-Z0-9_]/g, '_')} ${v}`);
      return reply.type('text/plain; version=0.0.4').send(lines.join('\n') + '\n');
    },
  });
  route(app, ['/v2/info'], {
    GET: () => {
      const c = ctx.config;
      const leader = ctx.leadership.leaderHostPort;
      return {
        name: 'marathon',
        version: MARATHON_VERSION,
        buildref: `tsmesos-${TSMESOS_VERSION}`,
        elected: ctx.leadership.leading,
        leader: leader ?? null,
        frameworkId: ctx.service?.store.frameworkId ?? null,
        marathon_config: {
          master: c.master,
          failover_timeout: c.failoverTimeoutSeconds,
          framework_name: c.frameworkName,
          hostname: c.hostname,
          mesos_role: c.role,
          mesos_user: c.user,
          task_launch_timeout: c.taskLaunchTimeoutMs,
          local_port_min: c.localPortMin,
          local_port_max: c.localPortMax,
          decline_offer_duration: c.declineOfferDurationMs,
          checkpoint: true,
          executor: '//cmd',
          ha: true,
          webui_url: null,
          features: [],
        },
        // Only upstream's keys: clients build objects from them (python-marathon fails on others).
        zookeeper_config: { zk: c.zk.replace(/\/\/[^@/]*@/, '//'), zk_session_timeout: c.zkSessionTimeoutMs, zk_timeout: c.zkSessionTimeoutMs, zk_max_versions: c.maxVersions },
        http_config: { http_port: Number(ctx.self().split(':').pop()), https_port: null, assets_path: null },
        event_subscriber: null,
      };
    },
  });
  route(app, ['/v2/leader'], {
    GET: () => {
      const leader = ctx.leadership.leaderHostPort;
      if (!leader) throw new HttpError(404, 'There is no leader');
      return { leader };
    },
    DELETE: () => {
      if (!ctx.leadership.leading) throw new HttpError(404, 'There is no leader');
      setImmediate(() => ctx.leadership.abdicate('asked to abdicate through DELETE /v2/leader'));
      return { message: 'Leadership abdicated' };
    },
  });
}
