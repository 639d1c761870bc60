/**
 * Runs the third-party npm `mesos-framework` Scheduler (its own protocol code, unmodified) against a
 * master and prints one JSON line per interesting event on stdout, each with an `event` key. The
 * client's winston logger also writes plain-text lines to stdout; readers keep only JSON lines.
 *
 * Must run in a working directory that has a `logs/` folder (winston-daily-rotate-file crashes
 * without it).
 *
 * Environment: MF_MODULE (resolved path of the package, default "mesos-framework"), MASTER_HOST,
 * MASTER_PORT, FRAMEWORK_NAME, DRIVER_DEADLINE_MS (hard exit, default 60000).
 * Commands on stdin, one per line: `teardown` (TEARDOWN call; exits 0 once it was answered 202 and the
 * master has closed the subscription stream, 5 if that takes over 5 s), `exit`. EOF on stdin (parent gone) exits too.
 */
'use strict';

const { Scheduler, Mesos } = require(process.env.MF_MODULE || 'mesos-framework');

function emit(event, fields) {
  process.stdout.write(JSON.stringify({ event, t: Date.now(), ...fields }) + '\n');
}

const deadline = setTimeout(() => {
  emit('deadline', {});
  process.exit(3);
}, Number(process.env.DRIVER_DEADLINE_MS || 60000));
deadline.unref();

const m = Mesos.getMesos();
const scheduler = new Scheduler({
  masterUrl: process.env.MASTER_HOST || '127.0.0.1',
  port: Number(process.env.MASTER_PORT || 5050),
  frameworkName: process.env.FRAMEWORK_NAME || 'acceptance',
  // The default 10 s socket timeout is shorter than the 15 s heartbeat interval.
  masterConnectionTimeout: 60,
  tasks: {
    sleeper: {
      priority: 1,
      instances: 1,
      // (uris, environment, shell, value, arguments, user)
      commandInfo: new m.CommandInfo(null, null, true, 'sleep 10', null, null),
      resources: { cpus: 0.1, mem: 32, ports: 0, disk: 0 },
    },
  },
});

let tearingDown = false;

function launched() {
  return scheduler.launchedTasks.map((t) => ({
    taskId: t.taskId,
    name: t.mesosName,
    agentId: t.runtimeInfo && t.runtimeInfo.agentId,
  }));
}

scheduler.on('ready', () => {
  emit('ready', {});
  scheduler.subscribe();
});
scheduler.on('sent_subscribe', (o) => emit('sent_subscribe', { mesosStreamId: o.mesosStreamId }));
scheduler.on('subscribed', (o) => emit('subscribed', { frameworkId: o.frameworkId, mesosStreamId: o.mesosStreamId }));
scheduler.on('offers', (o) =>
  emit('offers', {
    offers: o.offers.map((offer) => ({
      id: offer.id.value,
      agentId: offer.agent_id.value,
      hostname: offer.hostname,
      resources: offer.resources.map((r) => r.name),
    })),
  }),
);
scheduler.on('sent_accept', () => emit('sent_accept', { launched: launched() }));
scheduler.on('task_launched', (task) => emit('task_launched', { taskId: task.taskId, name: task.mesosName }));
scheduler.on('update', (u) =>
  emit('update', {
    taskId: u.status.task_id.value,
    state: u.status.state,
    agentId: u.status.agent_id && u.status.agent_id.value,
    uuid: u.status.uuid || null,
  }),
);
scheduler.on('heartbeat', (ts) => emit('heartbeat', { ts }));
for (const name of ['sent_decline', 'sent_acknowledge', 'sent_kill', 'sent_reconcile']) {
  scheduler.on(name, () => emit(name, {}));
}
// After TEARDOWN the master answers 202 and closes the subscription stream, in either order. The
// client reports the closed stream as an error and would re-subscribe after its back-off: exit once
// both have happened instead.
let teardownAccepted = false;
let streamClosed = false;
function maybeDone() {
  if (teardownAccepted && streamClosed) process.exit(0);
}
scheduler.on('sent_teardown', () => {
  emit('sent_teardown', {});
  teardownAccepted = true;
  maybeDone();
});
scheduler.on('error', (e) => {
  const message = typeof e === 'string' ? e : e && e.message;
  if (tearingDown && message === 'Long-running connection was closed!') {
    emit('stream_closed', {});
    streamClosed = true;
    maybeDone();
    return;
  }
  emit('error', { message });
});

let buf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buf += chunk;
  let i;
  while ((i = buf.indexOf('\n')) >= 0) {
    const cmd = buf.slice(0, i).trim();
    buf = buf.slice(i + 1);
    if (cmd === 'teardown') {
      tearingDown = true;
      emit('teardown_requested', { frameworkId: scheduler.frameworkId });
      scheduler.teardown();
      setTimeout(() => {
        emit('teardown_incomplete', { teardownAccepted, streamClosed });
        process.exit(5);
      }, 5000).unref();
    } else if (cmd === 'exit') {
      process.exit(0);
    }
  }
});
process.stdin.on('end', () => process.exit(0));
