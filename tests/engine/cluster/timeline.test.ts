import { describe, expect, it } from 'vitest';
import { buildCluster, lookup, parseManifests, serviceEnv } from '../../../src/engine/index.ts';
import { readDuration } from '../../../src/engine/cluster/timeline.ts';

// A Service applied later in the Simulation's timeline: DNS finds it at once, but the
// environment variables kubelet wrote when the pod's containers started do not change.
const text = `apiVersion: podwire.dev/v1alpha1
kind: Simulation
metadata:
  name: late-service
spec:
  events:
  - at: 30s
    apply:
      apiVersion: v1
      kind: Service
      metadata:
        name: late
      spec:
        selector: {app: web}
        ports:
        - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: early
spec:
  selector: {app: web}
  ports:
  - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx
`;

describe('the Simulation timeline', () => {
  const model = buildCluster(parseManifests(text).objects);
  const pod = model.pods.find((p) => p.name === 'web');

  it('applies the event object after the pod started', () => {
    const late = model.services.find((s) => s.name === 'late');
    expect(late?.clusterIP).toMatch(/^10\.96\./);
    expect(pod && late && late.createOrder > pod.startOrder).toBe(true);
  });

  it('keeps the late Service out of the env vars, but DNS resolves it', () => {
    if (!pod) throw new Error('pod missing');
    const names = serviceEnv(model, pod).map((v) => v.name);
    expect(names).toContain('EARLY_SERVICE_HOST');
    expect(names).not.toContain('LATE_SERVICE_HOST');
    const answer = lookup(model, pod, 'late');
    expect(answer.rcode).toBe('NOERROR');
    expect(answer.answers[0]?.data).toBe(model.services.find((s) => s.name === 'late')?.clusterIP);
  });

  it('reads durations as Go does for the common units', () => {
    expect(readDuration('30s')).toBe(30);
    expect(readDuration('1m30s')).toBe(90);
    expect(readDuration('500ms')).toBe(0.5);
    expect(readDuration(12)).toBe(12);
    expect(readDuration('soon')).toBeUndefined();
  });
});
