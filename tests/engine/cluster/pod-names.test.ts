import { describe, expect, it } from 'vitest';
import {
  computeTemplateHash,
  generateName,
  safeEncodeString,
} from '../../../src/engine/cluster/pod-names.ts';
import { mulberry32 } from '../../../src/engine/cluster/rng.ts';
import { build, fixture, pod, userPods } from './build-helpers.ts';

const withSeed = (text: string, seed: number) => text.replace('seed: 1', `seed: ${seed}`);
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';

describe('names as the controllers make them', () => {
  it('SafeEncodeString maps each byte onto the vowel-free alphabet', () => {
    expect(safeEncodeString('1234567890')).toBe('56789bcdf4');
  });

  it('generateName cuts the base to 58 characters and adds 5 random ones', () => {
    const name = generateName(`${'a'.repeat(70)}-`, mulberry32(1));
    expect(name).toHaveLength(63);
    expect(name).toMatch(new RegExp(`^a{58}${SUFFIX}$`));
  });

  it('pod-template-hash does not depend on key order', () => {
    const a = computeTemplateHash({ metadata: { labels: { app: 'x' } }, spec: { containers: [] } });
    const b = computeTemplateHash({ spec: { containers: [] }, metadata: { labels: { app: 'x' } } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(computeTemplateHash({ spec: { containers: [{ image: 'y' }] } })).not.toBe(a);
  });

  const m = build(fixture('workloads.yaml'));

  it('Deployment → ReplicaSet <name>-<hash> → pods <rs>-<5>, labelled with pod-template-hash', () => {
    const rs = m.controllers.find((c) => c.kind === 'ReplicaSet' && c.name.startsWith('web-'));
    const hash = rs?.name.slice('web-'.length) ?? '';
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    const pods = userPods(m).filter((p) => p.owner?.kind === 'ReplicaSet' && p.owner.name === rs?.name);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.name).toMatch(new RegExp(`^web-${hash}-${SUFFIX}$`));
      expect(p.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(p.source).toEqual({ kind: 'Deployment', namespace: 'default', name: 'web', index: 1 });
    }
    expect(m.controllers.find((c) => c.kind === 'Deployment' && c.name === 'web')?.events).toEqual([
      `Normal  ScalingReplicaSet  deployment-controller  Scaled up replica set ${rs?.name} from 0 to 3`,
    ]);
  });

  it('StatefulSet pods are <name>-0..n-1 with hostname and subdomain', () => {
    const db = userPods(m).filter((p) => p.owner?.kind === 'StatefulSet');
    expect(
      db.map((p) => [p.name, p.hostname, p.subdomain, p.labels['statefulset.kubernetes.io/pod-name']]),
    ).toEqual([
      ['db-0', 'db-0', 'db', 'db-0'],
      ['db-1', 'db-1', 'db', 'db-1'],
    ]);
    expect(m.controllers.find((c) => c.kind === 'StatefulSet')?.events).toEqual([
      'Normal  SuccessfulCreate  statefulset-controller  create Pod db-0 in StatefulSet db successful',
      'Normal  SuccessfulCreate  statefulset-controller  create Pod db-1 in StatefulSet db successful',
    ]);
  });

  it('DaemonSet: one pod per node; RC: selector from template labels, 1 replica by default', () => {
    const agents = userPods(m).filter((p) => p.owner?.kind === 'DaemonSet');
    expect(agents.map((p) => p.node)).toEqual(['alpha', 'beta', 'gamma']);
    for (const p of agents) expect(p.name).toMatch(new RegExp(`^agent-${SUFFIX}$`));
    const rc = m.controllers.find((c) => c.kind === 'ReplicationController');
    expect(rc).toMatchObject({ name: 'node-js', desired: 1, created: 1, selector: { name: 'node-js' } });
  });

  it('same seed → same names; another seed → other names; editing one object keeps the others', () => {
    const names = (text: string) => build(text).pods.map((p) => p.name);
    const text = fixture('workloads.yaml');
    expect(names(text)).toEqual(names(text));
    const other = names(withSeed(text, 2));
    expect(other).not.toEqual(names(text));
    expect(other.filter((n) => n.startsWith('db-'))).toEqual(['db-0', 'db-1']);
    const edited = build(text.replace('image: busybox', 'image: busybox:1.36'));
    const rcName = (model: typeof m) => model.pods.find((p) => p.owner?.name === 'node-js')?.name;
    expect(rcName(edited)).toBe(rcName(m));
    expect(pod(edited, 'default', 'db-0')).toBeDefined();
  });
});
