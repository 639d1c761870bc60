/**
 * v1 `Offer` message (upstream `mesos.proto` `Offer`, assembled in `Master::offer` in
 * `src/master/master.cpp`): the scheduler `OFFERS` event shape, also used in `GET_FRAMEWORKS` and the
 * tsmesos offer event. The `url` tells a scheduler how to reach the agent directly.
 */
import type { MasterView, OfferRecord } from '../../model.js';
import { id, pidAddress } from './wire.js';

const DEFAULT_AGENT_PORT = 5051;

export function v1Offer(offer: OfferRecord, view: MasterView): Record<string, unknown> {
  const agent = view.agents.get(offer.agentId);
  const hostname = agent?.info.hostname ?? '';
  const addr = agent === undefined ? undefined : pidAddress(agent.pid);
  const executors = view.frameworks.get(offer.frameworkId)?.executors.get(offer.agentId);
  return {
    id: id(offer.id),
    framework_id: id(offer.frameworkId),
    agent_id: id(offer.agentId),
    hostname,
    url: {
      scheme: 'http',
      address: { hostname, ip: addr?.ip ?? hostname, port: addr?.port ?? agent?.info.port ?? DEFAULT_AGENT_PORT },
      path: '/slave(1)',
    },
    allocation_info: { role: offer.role },
    // Every offered resource carries the offer's role, which MULTI_ROLE schedulers echo back in LAUNCH.
    resources: offer.resources.allocate(offer.role).toV1(),
    attributes: agent?.info.attributes ?? [],
    executor_ids: [...(executors?.keys() ?? [])].map(id),
  };
}
