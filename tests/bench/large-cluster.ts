// A generated cluster for benchmarks: Deployments with their Services and Ingresses, spread
// over namespaces. Deterministic: the same arguments give the same text.

export interface LargeClusterSize {
  readonly pods: number;
  readonly services: number;
  readonly ingresses: number;
}

export const LARGE: LargeClusterSize = { pods: 2000, services: 300, ingresses: 50 };

export function largeClusterYaml(size: LargeClusterSize = LARGE): string {
  const docs: string[] = [];
  const namespaces = 10;
  for (let n = 0; n < namespaces; n++)
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-${n}\n`);
  docs.push(
    `apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata:\n  name: large\nspec:\n  cluster:\n    nodes: 20\n  seed: 7\n`,
  );
  const perService = Math.ceil(size.pods / size.services);
  let podsLeft = size.pods;
  for (let s = 0; s < size.services; s++) {
    const ns = `team-${s % namespaces}`;
    const replicas = Math.min(perService, podsLeft);
    podsLeft -= replicas;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${s}
  namespace: ${ns}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: app-${s}}
  template:
    metadata:
      labels: {app: app-${s}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: app-${s}
  namespace: ${ns}
spec:
  type: ${s % 10 === 0 ? 'NodePort' : 'ClusterIP'}
  selector: {app: app-${s}}
  ports:
  - name: http
    port: 80
    targetPort: http
`);
  }
  for (let i = 0; i < size.ingresses; i++) {
    const s = i * Math.floor(size.services / size.ingresses);
    docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing-${i}
  namespace: team-${s % namespaces}
spec:
  ingressClassName: nginx
  rules:
  - host: app-${s}.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: app-${s}
            port:
              number: 80
`);
  }
  return docs.join('---\n');
}
