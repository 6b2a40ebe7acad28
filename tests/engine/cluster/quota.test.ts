import { describe, expect, it } from 'vitest';
import { build, fixture, userPods } from './build-helpers.ts';

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: default}
spec:
  hard: {HARD}
`;
const svc = (name: string, type = 'ClusterIP', ports = 1) => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: ${type}
  ports:
${Array.from({ length: ports }, (_, i) => `  - {name: p${i}, port: ${80 + i}}`).join('\n')}
`;
const join = (...docs: string[]) => docs.join('---\n');

describe('ResourceQuota admission: the seed note (test namespace, pods 3, services 1, rc 1)', () => {
  const m = build(fixture('seed-quota.yaml'));
  const rcPods = userPods(m).filter((p) => p.owner?.name === 'node-js-90');

  it('rejects exactly what Kubernetes rejects, with the API server wording', () => {
    expect(
      m.rejected.map((r) => [
        r.kind,
        r.namespace,
        r.message.replace(/node-js-90-[a-z0-9]{5}/, 'node-js-90-XXXXX'),
      ]),
    ).toEqual([
      [
        'Pod',
        'test',
        'pods "node-js-90-XXXXX" is forbidden: exceeded quota: test-quotas, requested: pods=1, used: pods=3, limited: pods=3',
      ],
      [
        'ReplicationController',
        'test',
        'replicationcontrollers "node-js-multi" is forbidden: exceeded quota: test-quotas, requested: replicationcontrollers=1, used: replicationcontrollers=1, limited: replicationcontrollers=1',
      ],
      [
        'Service',
        'test',
        'services "node-js-multi" is forbidden: exceeded quota: test-quotas, requested: services=1, used: services=1, limited: services=1',
      ],
    ]);
  });

  it('counts the utility pod created before the quota: only two of three RC pods fit', () => {
    expect(rcPods).toHaveLength(2);
    const rejectedPod = m.rejected[0];
    expect(rejectedPod?.name).toMatch(/^node-js-90-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(rcPods.map((p) => p.name)).not.toContain(rejectedPod?.name);
    expect(rejectedPod?.source).toEqual({
      kind: 'ReplicationController',
      namespace: 'test',
      name: 'node-js-90',
      index: 3,
    });
  });

  it('records the events kubectl describe rc shows (slow start: 1, then a batch of 2)', () => {
    const rc = m.controllers.find((c) => c.name === 'node-js-90');
    expect(rc).toMatchObject({
      kind: 'ReplicationController',
      desired: 3,
      created: 2,
      selector: { name: 'node-js-90' },
    });
    expect(rc?.events).toEqual([
      `Normal  SuccessfulCreate  replication-controller  Created pod: ${rcPods[0]?.name}`,
      `Normal  SuccessfulCreate  replication-controller  Created pod: ${rcPods[1]?.name}`,
      `Warning  FailedCreate  replication-controller  Error creating: ${m.rejected[0]?.message}`,
    ]);
  });

  it('shows final usage on the quota and locates rejected objects', () => {
    expect(m.quotas).toEqual([
      expect.objectContaining({
        namespace: 'test',
        name: 'test-quotas',
        hard: { pods: '3', services: '1', replicationcontrollers: '1' },
        used: { pods: '3', services: '1', replicationcontrollers: '1' },
      }),
    ]);
    const errors = m.diagnostics.filter((d) => d.code === 'admission/quota-exceeded');
    expect(errors.map((d) => [d.severity, d.range.start.line])).toEqual([
      ['error', 72],
      ['error', 95],
    ]);
    expect(m.diagnostics.find((d) => d.code === 'admission/pod-forbidden')?.range.start.line).toBe(40);
  });
});

describe('ResourceQuota admission: resources and formats', () => {
  it('counts services.nodeports per port and lists several exceeded resources sorted', () => {
    const m = build(
      join(
        QUOTA.replace('{HARD}', '{services: 5, services.nodeports: 2, services.loadbalancers: 0}'),
        svc('a', 'NodePort', 2),
        svc('b', 'LoadBalancer', 1),
      ),
    );
    expect(m.rejected.map((r) => r.message)).toEqual([
      'services "b" is forbidden: exceeded quota: q, requested: services.loadbalancers=1,services.nodeports=1, used: services.loadbalancers=0,services.nodeports=2, limited: services.loadbalancers=0,services.nodeports=2',
    ]);
  });

  it('does not count LoadBalancer node ports when allocateLoadBalancerNodePorts is false', () => {
    const lb = svc('lb', 'LoadBalancer', 2).replace(
      'spec:\n',
      'spec:\n  allocateLoadBalancerNodePorts: false\n',
    );
    const m = build(join(QUOTA.replace('{HARD}', '{services.nodeports: 0}'), lb));
    expect(m.rejected).toEqual([]);
    expect(m.quotas[0]?.used).toEqual({ 'services.nodeports': '0' });
  });

  it('names apps resources with their group: count/deployments.apps', () => {
    const deploy = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: nginx}]}
`;
    const m = build(
      join(
        deploy('one'),
        QUOTA.replace('{HARD}', '{count/deployments.apps: "1", count/replicasets.apps: 5}'),
        deploy('two'),
      ),
    );
    expect(m.rejected.map((r) => [r.kind, r.message])).toEqual([
      [
        'Deployment',
        'deployments.apps "two" is forbidden: exceeded quota: q, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
      ],
    ]);
    expect(m.quotas[0]?.used).toEqual({ 'count/deployments.apps': '1', 'count/replicasets.apps': '1' });
  });

  it("refuses a Deployment's ReplicaSet with the deployment controller's event", () => {
    const m = build(
      join(
        QUOTA.replace('{HARD}', '{count/replicasets.apps: 0}'),
        fixture('workloads.yaml').split('---\n')[1] ?? '',
      ),
    );
    const web = m.controllers.find((c) => c.kind === 'Deployment' && c.name === 'web');
    expect(web?.created).toBe(0);
    expect(web?.events[0]).toMatch(
      /^Warning {2}ReplicaSetCreateError {2}deployment-controller {2}Failed to create new replica set "web-[4-9bcdf]+": replicasets\.apps "web-[4-9bcdf]+" is forbidden: exceeded quota: q, requested: count\/replicasets\.apps=1, used: count\/replicasets\.apps=0, limited: count\/replicasets\.apps=0$/,
    );
  });

  it('applies pod scopes: a BestEffort quota ignores pods that request resources', () => {
    const podDoc = (name: string, resources: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers: [{name: c, image: nginx${resources}}]
`;
    const quota = QUOTA.replace('{HARD}', '{pods: 1}\n  scopes: [BestEffort]');
    const m = build(
      join(quota, podDoc('a', ''), podDoc('b', ', resources: {requests: {cpu: 100m}}'), podDoc('c', '')),
    );
    expect(m.rejected.map((r) => r.message)).toEqual([
      'pods "c" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1',
    ]);
  });

  it('prints quantities canonically (1000 → 1k)', () => {
    const m = build(QUOTA.replace('{HARD}', '{pods: "1000"}'));
    expect(m.quotas[0]?.hard).toEqual({ pods: '1k' });
    expect(m.quotas[0]?.used).toEqual({ pods: '0' });
    const full = build(
      join(
        QUOTA.replace('{HARD}', '{pods: 0}'),
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}]}\n',
      ),
    );
    expect(full.rejected[0]?.message).toBe(
      'pods "p" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0',
    );
  });
});
