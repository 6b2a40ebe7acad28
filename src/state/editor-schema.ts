// What the editor needs from below: the schema for completion and hover.
export { loadKubernetesSchema } from '../worker/schema.ts';
