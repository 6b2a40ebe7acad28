// Monaco, bundled: workers come from our own build (Vite `?worker`), never from a CDN.
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import { loadKubernetesSchema } from '../../state/editor-schema.ts';

let configured = false;

export async function setupMonaco(): Promise<typeof monaco> {
  if (configured) return monaco;
  configured = true;
  globalThis.MonacoEnvironment = {
    getWorker: (_workerId: string, label: string) =>
      label === 'yaml' ? new YamlWorker() : new EditorWorker(),
  };
  const schema = await loadKubernetesSchema();
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    // Podwire's own diagnostics (API-server wording) are the markers; the YAML worker only
    // completes and documents.
    validate: false,
    completion: true,
    hover: true,
    schemas: [{ uri: 'https://podwire.dev/kubernetes.schema.json', fileMatch: ['*'], schema }],
  });
  return monaco;
}
