// Text → Kubernetes objects with source ranges and diagnostics, the way `kubectl apply -f`
// reads a file: multi-document YAML (YAML 1.1 scalars, as sigs.k8s.io/yaml), JSON, `kind: List`.
// Never throws: every problem becomes a located diagnostic.

import { isAlias, parseAllDocuments, stringify, visit, type Document, type Node, type YAMLError } from 'yaml';
import { formatPath, type FieldError } from './field-errors.ts';
import { classifyKind } from './kinds.ts';
import { convertLegacyIngress, legacyIngressPath } from './legacy-ingress.ts';
import { createLineIndex, type LineIndex } from './line-index.ts';
import { locatePath, nodeRange, offsetsToRange, walk } from './locate.ts';
import { countAliasTokens, findExcessiveNesting } from './nesting.ts';
import { shiftDiagnostic, shiftObject, splitDocuments } from './chunks.ts';
import { field, isJsonObject, MAX_NESTING, NestingTooDeep, toJsonValue } from './json-value.ts';
import { checkSchema } from './schema/check.ts';
import { detectBinary, MAX_TEXT_BYTES, prepareText, utf8Length } from './text.ts';
import type {
  Diagnostic,
  FieldPath,
  JsonObject,
  JsonValue,
  ManifestObject,
  ParseResult,
  SourceRange,
} from './types.ts';
import { validateObject } from './validate/index.ts';
import { describeYamlError } from './yaml-errors.ts';

/** Aliases one document may expand; go-yaml refuses "excessive aliasing" in the same spirit. */
const MAX_ALIAS_COUNT = 100;
/** Alias tokens a whole text may hold; real manifests have a handful at most. */
const MAX_ALIAS_TOKENS = 1000;
const START: SourceRange = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };

interface Context {
  readonly text: string;
  readonly lines: LineIndex;
  readonly diagnostics: Diagnostic[];
  readonly objects: ManifestObject[];
}

function diag(
  ctx: Context,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  range: SourceRange,
  path = '',
  hint?: string,
): void {
  ctx.diagnostics.push(
    hint === undefined
      ? { severity, code, message, range, path }
      : { severity, code, message, range, path, hint },
  );
}

function yamlErrorRange(ctx: Context, error: YAMLError): SourceRange {
  return offsetsToRange(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1), ctx.lines);
}

export function parseManifests(raw: string, cache?: ParseCache): ParseResult {
  const lines = createLineIndex('');
  const ctx: Context = { text: '', lines, diagnostics: [], objects: [] };
  const bytes = raw.length > MAX_TEXT_BYTES / 4 ? utf8Length(raw) : raw.length;
  if (bytes > MAX_TEXT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    diag(
      ctx,
      'error',
      'text/too-large',
      `the text is ${mb(bytes)} MB; Podwire reads at most ${mb(MAX_TEXT_BYTES)} MB`,
      START,
      '',
      'Split the manifests and paste the part you want to study.',
    );
    return ctx;
  }
  const { text } = prepareText(raw);
  const binary = detectBinary(text);
  if (binary !== undefined) {
    diag(
      ctx,
      'error',
      'text/binary',
      'error converting YAML to JSON: yaml: control characters are not allowed',
      START,
      '',
      binary,
    );
    return ctx;
  }
  const full: Context = { ...ctx, text };
  // Resolving thousands of aliases is quadratic in the YAML library: refuse before parsing.
  if (countAliasTokens(text, MAX_ALIAS_TOKENS) > MAX_ALIAS_TOKENS) {
    diag(
      full,
      'error',
      'yaml/alias-bomb',
      'error converting YAML to JSON: yaml: document contains excessive aliasing',
      START,
      '',
      `The text uses more than ${MAX_ALIAS_TOKENS} aliases (*name): this guards against alias bombs.`,
    );
    return full;
  }
  const deep = findExcessiveNesting(text);
  if (deep !== undefined) {
    const at = { line: deep.line, column: 1 };
    diag(
      full,
      'error',
      'yaml/too-deep',
      `the document nests deeper than ${MAX_NESTING} levels`,
      { start: at, end: at },
      '',
      'No Kubernetes object nests this deep; the text is probably broken or hostile.',
    );
    return full;
  }
  // Documents are read one by one and remembered by their text, so an edit re-reads only the
  // document it touched (the YAML library reads about a megabyte a second).
  const used: ParseCache = new Map();
  let index = 0;
  for (const chunk of splitDocuments(text)) {
    const result = cache?.get(chunk.text) ?? readChunk(chunk.text);
    used.set(chunk.text, result);
    for (const d of result.diagnostics) full.diagnostics.push(shiftDiagnostic(d, chunk.lineOffset));
    for (const o of result.objects) full.objects.push(shiftObject(o, chunk.lineOffset, index++));
  }
  if (cache) {
    cache.clear();
    for (const [k, v] of used) cache.set(k, v);
  }
  return full;
}

/** Parsed documents by their exact text, reused across edits (see `createParseCache`). */
export type ParseCache = Map<string, ParseResult>;

export function createParseCache(): ParseCache {
  return new Map();
}

function readChunk(text: string): ParseResult {
  const lines = createLineIndex(text);
  const ctx: Context = { text, lines, diagnostics: [], objects: [] };
  const docs = parseAllDocuments(text, {
    version: '1.1',
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
  });
  // parseAllDocuments returns an EmptyStream (not an array) for text with no documents.
  if (!Array.isArray(docs)) return ctx;
  let index = 0;
  for (const doc of docs) index = readDocument(ctx, doc, index);
  return ctx;
}

function readDocument(ctx: Context, doc: Document.Parsed, index: number): number {
  // kubectl stops at the first tab; one diagnostic per document says it, counting the rest.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  for (const error of doc.errors) {
    if (error.code === 'TAB_AS_INDENT' && error !== tabs[0]) continue;
    const { code, message, hint } = describeYamlError(error, ctx.text);
    const more =
      error === tabs[0] && tabs.length > 1
        ? ` (${tabs.length - 1} more lines below are indented with tabs.)`
        : '';
    diag(
      ctx,
      'error',
      code,
      message,
      yamlErrorRange(ctx, error),
      '',
      hint === undefined ? undefined : hint + more,
    );
  }
  for (const warning of doc.warnings) {
    const { code, message, hint } = describeYamlError(warning, ctx.text);
    diag(ctx, 'warning', code, message, yamlErrorRange(ctx, warning), '', hint);
  }
  if (doc.errors.length > 0 || doc.contents === null) return index;
  const docRange = nodeRange(doc.contents, ctx.text, ctx.lines) ?? START;
  if (!checkAliases(ctx, doc, docRange)) return index;
  let value: JsonValue;
  try {
    value = toJsonValue(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown);
  } catch (e) {
    if (e instanceof NestingTooDeep) {
      diag(
        ctx,
        'error',
        'yaml/too-deep',
        `the document nests deeper than ${MAX_NESTING} levels`,
        docRange,
        '',
        'No Kubernetes object nests this deep; the text is probably broken or hostile.',
      );
    } else {
      reportAliasBomb(ctx, docRange);
    }
    return index;
  }
  if (value === null) return index;
  if (!isJsonObject(value)) {
    const found = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    diag(
      ctx,
      'error',
      'manifest/not-object',
      `expected a Kubernetes object (a mapping with apiVersion and kind), found ${found}`,
      docRange,
    );
    return index;
  }
  const kind = field(value, 'kind');
  const items = field(value, 'items');
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items)) {
    (items as readonly JsonValue[]).forEach((item, i) => {
      const path = ['items', i];
      const node = walk(doc, doc.contents, path).node;
      if (isJsonObject(item)) readObject(ctx, doc, node, item, index++);
      else
        diag(
          ctx,
          'error',
          'manifest/not-object',
          `items[${i}]: expected a Kubernetes object`,
          nodeRange(node, ctx.text, ctx.lines) ?? docRange,
          `items[${i}]`,
        );
    });
    return index;
  }
  readObject(ctx, doc, doc.contents, value, index);
  return index + 1;
}

function readObject(
  ctx: Context,
  doc: Document.Parsed,
  root: Node | null | undefined,
  written: JsonObject,
  index: number,
): void {
  const objectRange = nodeRange(root, ctx.text, ctx.lines) ?? START;
  // The whole object, for "which object is under the cursor"; fields fall back to its first line.
  const wholeRange = root?.range ? offsetsToRange(root.range[0], root.range[1], ctx.lines) : objectRange;
  const located = (path: FieldPath, atKey = false, legacy = false) =>
    locatePath(doc, root, legacy ? legacyIngressPath(path) : path, atKey, ctx.text, ctx.lines, objectRange);
  const apiVersion = field(written, 'apiVersion');
  const kind = field(written, 'kind');
  // Paths are the object's own, as the API server words them (a List item is its own object).
  const show = formatPath;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    const missing = [
      typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion not set' : '',
      typeof kind !== 'string' || kind === '' ? 'kind not set' : '',
    ].filter(Boolean);
    const message = `error validating data: ${missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]}`;
    diag(
      ctx,
      'error',
      'manifest/missing-type',
      message,
      objectRange,
      show([]),
      'Every object needs apiVersion and kind, e.g. apiVersion: v1 and kind: Service.',
    );
    return;
  }
  const metadata = field(written, 'metadata');
  const name = isJsonObject(metadata) ? field(metadata, 'name') : undefined;
  const namespace = isJsonObject(metadata) ? field(metadata, 'namespace') : undefined;
  const status = classifyKind(apiVersion, kind);
  const kindRange = located(['kind']);
  const noMatch = `no matches for kind "${kind}" in version "${apiVersion}"`;
  let body = written;
  let legacy = false;
  switch (status.status) {
    case 'unknown':
      diag(ctx, 'error', 'manifest/unknown-kind', noMatch, kindRange, 'kind', status.suggestion);
      return;
    case 'removed':
      diag(
        ctx,
        'error',
        'manifest/removed-version',
        noMatch,
        located(['apiVersion']),
        'apiVersion',
        `${apiVersion} ${kind} was removed in Kubernetes ${status.removedIn}; use apiVersion: ${status.replacement}.`,
      );
      return;
    case 'not-simulated':
      diag(
        ctx,
        'warning',
        'manifest/not-simulated',
        `${kind} (${apiVersion}) is not simulated: Podwire keeps it but it has no effect on the picture`,
        kindRange,
        'kind',
      );
      break;
    case 'legacy-ingress': {
      body = convertLegacyIngress(written);
      legacy = true;
      const v1 = stringify(
        { apiVersion: 'networking.k8s.io/v1', kind, spec: field(body, 'spec') ?? null },
        { lineWidth: 0 },
      );
      diag(
        ctx,
        'info',
        'manifest/legacy-ingress',
        `${apiVersion} Ingress is no longer served (removed in Kubernetes 1.22); Podwire reads it as networking.k8s.io/v1:\n${v1}`,
        located(['apiVersion']),
        'apiVersion',
      );
      break;
    }
    case 'simulated':
      break;
  }
  const simulated = status.status === 'simulated' || status.status === 'legacy-ingress';
  const locate = (path: FieldPath, atKey = false) => located(path, atKey, legacy);
  if (simulated) {
    const normalizedVersion = legacy ? 'networking.k8s.io/v1' : apiVersion;
    const errors: FieldError[] = [...checkSchema(normalizedVersion, kind, body)];
    // Validation rules assume the right JSON types; the schema errors already say what is wrong.
    errors.push(...validateObject(normalizedVersion, kind, body));
    for (const e of errors) {
      const code = e.type === 'StrictDecoding' ? 'schema/strict' : `field/${e.type}`;
      diag(ctx, e.severity, code, e.message, locate(e.path, e.atKey ?? false), show(e.path));
    }
  }
  ctx.objects.push({
    apiVersion: legacy ? 'networking.k8s.io/v1' : apiVersion,
    kind,
    name: typeof name === 'string' ? name : '',
    namespace: typeof namespace === 'string' ? namespace : undefined,
    body,
    index,
    range: wholeRange,
    simulated,
    locate: (path) => locate(path),
  });
}

/** Counts aliases before expanding any (expansion itself is what a bomb attacks), and finds
 * aliases to anchors never defined, as go-yaml does ("unknown anchor … referenced"). */
function checkAliases(ctx: Context, doc: Document.Parsed, docRange: SourceRange): boolean {
  let count = 0;
  let unknown: { name: string; node: Node } | undefined;
  visit(doc, {
    Alias(_, node) {
      count++;
      if (unknown === undefined && node.resolve(doc) === undefined) unknown = { name: node.source, node };
      return count > MAX_ALIAS_COUNT ? visit.BREAK : undefined;
    },
  });
  if (count > MAX_ALIAS_COUNT) {
    reportAliasBomb(ctx, docRange);
    return false;
  }
  if (unknown !== undefined && isAlias(unknown.node)) {
    const range = nodeRange(unknown.node, ctx.text, ctx.lines) ?? docRange;
    diag(
      ctx,
      'error',
      'yaml/unknown-anchor',
      `error converting YAML to JSON: yaml: line ${range.start.line}: unknown anchor '${unknown.name}' referenced`,
      range,
      '',
      'An alias (*name) must refer to an anchor (&name) written earlier in the same document.',
    );
    return false;
  }
  return true;
}

function reportAliasBomb(ctx: Context, range: SourceRange): void {
  diag(
    ctx,
    'error',
    'yaml/alias-bomb',
    'error converting YAML to JSON: yaml: document contains excessive aliasing',
    range,
    '',
    `An alias (*name) may be expanded at most ${MAX_ALIAS_COUNT} times in a document: this guards against "billion laughs" inputs.`,
  );
}
