// Writes the scenario's proxy mode into its text, so a shared text reproduces it: sets
// `spec.cluster.proxyMode` in the first `kind: Simulation` document, or appends a minimal one.
// Only that document is re-printed (by `yaml`); every other byte of the text stays as it was.

import { isMap, parseAllDocuments, type Document } from 'yaml';
import type { ProxyMode } from '../engine/index.ts';

const API_VERSION = 'podwire.dev/v1alpha1';

function isSimulation(doc: Document.Parsed): boolean {
  return doc.get('kind') === 'Simulation' && doc.get('apiVersion') === API_VERSION;
}

function appendSimulation(text: string, mode: ProxyMode, eol: string): string {
  const doc = [
    `apiVersion: ${API_VERSION}`,
    'kind: Simulation',
    'metadata:',
    '  name: scenario',
    'spec:',
    '  cluster:',
    `    proxyMode: ${mode}`,
    '',
  ].join(eol);
  if (text.trim() === '') return doc;
  const ending = /\r?\n$/.test(text) ? '' : eol;
  // A text that already ends with an empty `---` document gets no second separator.
  return /(^|\n)---[ \t]*\r?\n?$/.test(text) ? `${text}${ending}${doc}` : `${text}${ending}---${eol}${doc}`;
}

/**
 * The text with the scenario's proxy mode set to `mode`; undefined when the Simulation document
 * does not read cleanly (editing it could lose what the user wrote).
 */
export function setProxyModeInText(text: string, mode: ProxyMode): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return appendSimulation(text, mode, eol);
  const index = docs.findIndex(isSimulation);
  const doc = docs[index];
  if (!doc) return appendSimulation(text, mode, eol);
  if (doc.errors.length > 0) return undefined;
  // `spec` or `spec.cluster` written as an empty value (or a scalar) becomes a mapping.
  for (const path of [['spec'], ['spec', 'cluster']]) {
    if (!isMap(doc.getIn(path, true))) doc.setIn(path, doc.createNode({}));
  }
  doc.setIn(['spec', 'cluster', 'proxyMode'], mode);
  // The first document owns the comments above it: they are re-printed with it.
  const start = index === 0 ? 0 : doc.range[0];
  const end = doc.range[2];
  const tail = /(\r?\n)*$/.exec(text.slice(start, end))?.[0] ?? '';
  const printed = doc.toString().replace(/\n+$/, '').replaceAll('\n', eol);
  return `${text.slice(0, start)}${printed}${tail}${text.slice(end)}`;
}
