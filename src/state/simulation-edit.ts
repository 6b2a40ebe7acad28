// Writes into the scenario's Simulation document, so the text alone reproduces what the user did
// (a shared link replays it): the proxy mode, or an event scripted from the player. Only that
// document is re-printed (by `yaml`); every other byte of the text stays as it was.

import { isMap, isSeq, parseAllDocuments, stringify, type Document } from 'yaml';

const API_VERSION = 'podwire.dev/v1alpha1';

function isSimulation(doc: Document.Parsed): boolean {
  return doc.get('kind') === 'Simulation' && doc.get('apiVersion') === API_VERSION;
}

/** A minimal Simulation document holding `spec` (YAML lines below `spec:`, indented). */
function appendSimulation(text: string, specLines: readonly string[], eol: string): string {
  const doc = [`apiVersion: ${API_VERSION}`, 'kind: Simulation', 'metadata:', '  name: scenario', 'spec:']
    .concat(specLines, [''])
    .join(eol);
  if (text.trim() === '') return doc;
  const ending = /\r?\n$/.test(text) ? '' : eol;
  // A text that already ends with an empty `---` document gets no second separator.
  return /(^|\n)---[ \t]*\r?\n?$/.test(text) ? `${text}${ending}${doc}` : `${text}${ending}---${eol}${doc}`;
}

/**
 * The text with the first Simulation document changed by `edit` (or a new one appended holding
 * `fresh`); undefined when that document does not read cleanly (editing it could lose work).
 */
export function editSimulation(
  text: string,
  edit: (doc: Document.Parsed) => void,
  fresh: readonly string[],
): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return appendSimulation(text, fresh, eol);
  const index = docs.findIndex(isSimulation);
  const doc = docs[index];
  if (!doc) return appendSimulation(text, fresh, eol);
  if (doc.errors.length > 0) return undefined;
  edit(doc);
  // The first document owns the comments above it: they are re-printed with it.
  const start = index === 0 ? 0 : doc.range[0];
  const end = doc.range[2];
  const tail = /(\r?\n)*$/.exec(text.slice(start, end))?.[0] ?? '';
  const printed = doc.toString().replace(/\n+$/, '').replaceAll('\n', eol);
  return `${text.slice(0, start)}${printed}${tail}${text.slice(end)}`;
}

/** `spec`, `spec.cluster`, … written as an empty value (or a scalar) become mappings. */
export function ensureMap(doc: Document.Parsed, path: readonly string[]): void {
  for (let i = 1; i <= path.length; i++) {
    const at = path.slice(0, i);
    if (!isMap(doc.getIn(at, true))) doc.setIn(at, doc.createNode({}));
  }
}

/** What the player can script (src/engine/sim/README.md, events). */
export type ScriptedEvent =
  | { readonly action: 'notReady' | 'ready' | 'deletePod'; readonly namespace: string; readonly name: string }
  | { readonly action: 'nodeDown' | 'nodeUp'; readonly node: string };

/** Virtual milliseconds as the events grammar writes them: `12.5s`, `0s`. */
export function durationText(ms: number): string {
  // Rounded down: replayed up to the moment it was toggled, the event has already happened.
  const tenths = Math.max(0, Math.floor(ms / 100));
  return `${String(tenths / 10)}s`;
}

function eventValue(event: ScriptedEvent): string | { namespace: string; name: string } {
  if ('node' in event) return event.node;
  return { namespace: event.namespace, name: event.name };
}

/** The text with `event` at virtual time `atMs` appended to `spec.events`. */
export function addEventToText(text: string, event: ScriptedEvent, atMs: number): string | undefined {
  const item = { at: durationText(atMs), [event.action]: eventValue(event) };
  const fresh = stringify({ events: [item] })
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `  ${line}`);
  return editSimulation(
    text,
    (doc) => {
      ensureMap(doc, ['spec']);
      const node = doc.createNode(item);
      const events = doc.getIn(['spec', 'events'], true);
      if (isSeq(events)) events.items.push(node);
      else doc.setIn(['spec', 'events'], doc.createNode([node]));
    },
    fresh,
  );
}
