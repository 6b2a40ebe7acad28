// A scripted event applied to the world, described in one sentence. Readiness changes reach the
// Service's endpoints at once (the endpoints controller and kube-proxy's sync are not delayed);
// a node going down takes its pods out of the endpoints at once too (the node lifecycle
// controller's grace period is not modelled) and loses its conntrack table.

import type { SimAction } from './scenario.ts';
import type { World } from './world.ts';

export interface EventEffect {
  readonly description: string;
  /** Nodes whose dataplane state is lost (rebooted). */
  readonly resetNodes: readonly string[];
}

function nodeEvent(world: World, node: string, up: boolean): EventEffect {
  world.setNode(node, up);
  return up
    ? { description: `Node ${node} is back: its pods rejoin the endpoints.`, resetNodes: [] }
    : {
        description: `Node ${node} goes down: its pods stop answering and leave the endpoints; the load balancer's health checks skip it.`,
        resetNodes: [node],
      };
}

export function applyAction(world: World, action: SimAction, at: number): EventEffect {
  switch (action.kind) {
    case 'notReady':
    case 'ready': {
      const ready = action.kind === 'ready';
      const pods = world.choosePods(action.pods, ready);
      world.setReady(pods, ready);
      const names = pods.map((p) => `${p.namespace}/${p.name}`).join(', ');
      return {
        description:
          pods.length === 0
            ? `No pod to turn ${ready ? 'ready' : 'not ready'} in ${action.pods.namespace}.`
            : `${names} turn${pods.length === 1 ? 's' : ''} ${ready ? 'ready: back in' : 'not ready: out of'} its Services' endpoints; kube-proxy's rules follow.`,
        resetNodes: [],
      };
    }
    case 'deletePod': {
      const exists = world.model.pods.some((p) => p.namespace === action.namespace && p.name === action.name);
      const replacement = world.deletePod(action.namespace, action.name);
      return {
        description: !exists
          ? `No pod ${action.namespace}/${action.name} to delete.`
          : `Pod ${action.namespace}/${action.name} is deleted: it leaves the endpoints and its address goes.${replacement ? ` Its controller creates ${replacement} in its place (startup time not modelled).` : ' Nothing owns it: no replacement.'}`,
        resetNodes: [],
      };
    }
    case 'nodeDown':
    case 'nodeUp':
      if (!world.model.nodes.some((n) => n.name === action.node))
        return { description: `No node ${action.node}: nothing happens.`, resetNodes: [] };
      return nodeEvent(world, action.node, action.kind === 'nodeUp');
    case 'apply':
      world.applyUpTo(at);
      return { description: `${action.objectKind} ${action.name} is applied.`, resetNodes: [] };
    case 'delete':
      world.deleteObject(action.objectKind, action.namespace, action.name);
      return {
        description: `${action.objectKind} ${action.namespace ? `${action.namespace}/` : ''}${action.name} is deleted.`,
        resetNodes: [],
      };
  }
}
