// The Kubernetes JSON Schema for the editor's completion and hover, loaded on demand (it is large).
export async function loadKubernetesSchema(): Promise<object> {
  const module = await import('../engine/manifest/schema/kubernetes.schema.json');
  return module.default;
}
