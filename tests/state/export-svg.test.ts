import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/engine/index.ts';
import type { LaidOutGraph, PlacedNode } from '../../src/state/document.ts';
import { graphSvg, xml } from '../../src/state/export-svg.ts';
import { layoutGraph } from '../../src/worker/layout.ts';
import { whaleModel, whaleSources } from '../engine/graph/fixture.ts';

/**
 * A DOM-less well-formedness check: tags balance, attributes are quoted, text holds no `<` and
 * only the five XML entities (or numeric ones). Returns the text nodes.
 */
function wellFormed(doc: string): string[] {
  const stack: string[] = [];
  const texts: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < doc.length && (m = token.exec(doc)) !== null) {
    at = token.lastIndex;
    const [, close, name, , selfClosing, text] = m;
    if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(text))
        throw new Error(`bad entity in ${text}`);
      if (text.trim()) texts.push(text);
    } else if (close) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name ?? ''}>`);
    } else if (!selfClosing) stack.push(name ?? '');
  }
  if (at !== doc.length) throw new Error(`not XML at ${String(at)}: ${doc.slice(at, at + 40)}`);
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(',')}`);
  return texts;
}

const HOSTILE = '<img src=x onerror=alert(1)>';

function node(over: Partial<PlacedNode> & Pick<PlacedNode, 'id' | 'kind' | 'label'>): PlacedNode {
  return {
    namespace: 'default',
    parent: undefined,
    detail: '',
    badges: [],
    status: 'ok',
    sourceIndex: -1,
    sourceRange: undefined,
    x: 0,
    y: 0,
    width: 160,
    height: 44,
    ...over,
  };
}

const hostile: LaidOutGraph = {
  nodes: [
    node({
      id: 'node/n1',
      kind: 'cluster-node',
      label: `n1 ${HOSTILE}`,
      namespace: undefined,
      width: 300,
      height: 200,
    }),
    node({
      id: 'pod/default/p',
      kind: 'pod',
      label: HOSTILE,
      parent: 'node/n1',
      x: 20,
      y: 40,
      detail: 'a & b "c" \'d\'',
    }),
    node({ id: 'svc/default/s', kind: 'service', label: 's', x: 400, y: 60 }),
  ],
  edges: [
    {
      id: 'svc/default/s->pod/default/p',
      source: 'svc/default/s',
      target: 'pod/default/p',
      kind: 'selects',
      ready: true,
      label: HOSTILE,
    },
  ],
  namespaces: [{ name: 'default', colour: 2, quota: [], sourceIndex: -1 }],
  layoutMs: 0,
};

describe('graphSvg', () => {
  it('writes hostile names and labels as text: well-formed, no raw <img, escaped &lt;img', () => {
    const { svg } = graphSvg(hostile, `Podwire ${HOSTILE}`);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const texts = wellFormed(svg);
    expect(texts.filter((t) => t.includes('&lt;img')).length).toBe(4);
    expect(svg).toContain('a &amp; b &quot;c&quot; &apos;d&apos;');
  });

  it('places a child inside its group and sizes the picture to hold everything', () => {
    const { svg, width, height } = graphSvg(hostile, 't');
    // The pod sits at its group's (0,0) + (20,40).
    expect(svg).toMatch(/data-id="pod\/default\/p"><rect x="20" y="40"/);
    expect(width).toBe(560 + 32);
    expect(height).toBe(200 + 32);
  });

  it('draws every pod of the whale picture by name, as <text>', async () => {
    const laid = await layoutGraph(buildGraph(whaleModel, whaleSources));
    if (!laid) throw new Error('no layout');
    const { svg } = graphSvg(laid, 'whale');
    const texts = wellFormed(svg);
    const pods = laid.nodes.filter((n) => n.kind === 'pod');
    expect(pods.length).toBeGreaterThan(1);
    for (const p of pods) expect(texts).toContain(xml(p.label));
    expect(svg.match(/<path /g)?.length).toBe(laid.edges.length);
  });
});

describe('xml', () => {
  it('escapes the five specials and drops characters XML forbids', () => {
    expect(xml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
