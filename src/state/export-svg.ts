// The laid-out graph as a standalone SVG document (the PNG export draws this on a canvas). Built
// as a string: every value from the YAML (names, labels, details) goes through `xml()`, so a name
// like `<img onerror=…>` is text in the picture, never markup. Pure: no DOM.

import type { LaidOutGraph, PlacedNode } from './document.ts';

/** Namespace palette slots 0–7, the graph view's (graph.css `.ns-N`): dark text on each. */
const PALETTE = ['#dbe9ff', '#d8f3dc', '#ffe3c2', '#f3d9fa', '#d3f4f4', '#fff3b0', '#ffd6d6', '#e4e0ff'];
const MARGIN = 16;

/** Escapes text for an XML text node or a double-quoted attribute; drops characters XML 1.0 forbids. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n = (v: number): string => String(Math.round(v * 10) / 10);

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Each node's box on the canvas (a child's x/y are relative to its group; groups come first). */
function boxes(nodes: readonly PlacedNode[]): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const node of nodes) {
    const parent = node.parent === undefined ? undefined : out.get(node.parent);
    out.set(node.id, {
      x: node.x + (parent?.x ?? 0),
      y: node.y + (parent?.y ?? 0),
      w: node.width,
      h: node.height,
    });
  }
  return out;
}

export interface SvgPicture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** The whole picture as an SVG document, `title` its accessible name. */
export function graphSvg(graph: LaidOutGraph, title: string): SvgPicture {
  const placed = boxes(graph.nodes);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of placed.values()) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.w);
    maxY = Math.max(maxY, b.y + b.h);
  }
  if (placed.size === 0) minX = minY = maxX = maxY = 0;
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN);
  const colours = new Map(graph.namespaces.map((ns) => [ns.name, ns.colour]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="${n(minX - MARGIN)} ${n(minY - MARGIN)} ${String(width)} ${String(height)}" font-family="system-ui, 'Noto Sans', 'Noto Sans CJK KR', sans-serif">`,
    `<title>${xml(title)}</title>`,
    `<rect x="${n(minX - MARGIN)}" y="${n(minY - MARGIN)}" width="${String(width)}" height="${String(height)}" fill="#ffffff"/>`,
  ];
  for (const node of graph.nodes) {
    const b = placed.get(node.id);
    if (!b || node.kind !== 'cluster-node') continue;
    out.push(
      `<g class="group" data-id="${xml(node.id)}"><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="8" fill="#f6f7f9" stroke="#57606a"/>`,
      `<text x="${n(b.x + 10)}" y="${n(b.y + 18)}" font-size="13" font-weight="600" fill="#1b1f24">${xml(node.label)}</text></g>`,
    );
  }
  for (const edge of graph.edges) {
    const s = placed.get(edge.source);
    const t = placed.get(edge.target);
    if (!s || !t) continue;
    const x1 = s.x + s.w;
    const y1 = s.y + s.h / 2;
    const x2 = t.x;
    const y2 = t.y + t.h / 2;
    const bend = Math.max(30, Math.abs(x2 - x1) / 2);
    const dash = edge.ready ? '' : ' stroke-dasharray="5 4"';
    out.push(
      `<path d="M${n(x1)} ${n(y1)} C${n(x1 + bend)} ${n(y1)} ${n(x2 - bend)} ${n(y2)} ${n(x2)} ${n(y2)}" fill="none" stroke="#57606a" stroke-width="1.4"${dash}/>`,
    );
    if (edge.label)
      out.push(
        `<text x="${n((x1 + x2) / 2)}" y="${n((y1 + y2) / 2 - 4)}" font-size="10" text-anchor="middle" fill="#1b1f24">${xml(edge.label)}</text>`,
      );
  }
  for (const node of graph.nodes) {
    const b = placed.get(node.id);
    if (!b || node.kind === 'cluster-node') continue;
    const slot = node.namespace === undefined ? undefined : colours.get(node.namespace);
    const fill = slot === undefined ? '#ffffff' : (PALETTE[slot] ?? '#ffffff');
    out.push(
      `<g class="item ${xml(node.kind)}" data-id="${xml(node.id)}"><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="6" fill="${fill}" stroke="#1b1f24" stroke-width="1"/>`,
      `<text x="${n(b.x + 8)}" y="${n(b.y + 17)}" font-size="12" font-weight="600" fill="#1b1f24">${xml(node.label)}</text>`,
      ...(node.detail
        ? [
            `<text x="${n(b.x + 8)}" y="${n(b.y + 32)}" font-size="10.5" fill="#1b1f24">${xml(node.detail)}</text>`,
          ]
        : []),
      `</g>`,
    );
  }
  out.push('</svg>');
  return { svg: out.join('\n'), width, height };
}
