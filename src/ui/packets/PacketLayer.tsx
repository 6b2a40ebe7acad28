// Packets in flight, drawn on a canvas over the graph and following its pan and zoom. The worker
// computes where each packet is; this only draws (no React state per frame).
import { useStore } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';

import { onPackets, PACKET_STRIDE } from '../../state/sim.ts';

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const FLOW_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const FAILED = '#D55E00';

type Transform = readonly [number, number, number];

function draw(canvas: HTMLCanvasElement, packets: Float32Array, [tx, ty, zoom]: Transform): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const ratio = window.devicePixelRatio || 1;
  const { clientWidth: w, clientHeight: h } = canvas;
  if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  // A dot stays readable at any zoom: a fixed size on screen, a little larger when zoomed in.
  const r = Math.max(3, Math.min(7, 5 * zoom));
  // One path per colour and kind: thousands of packets cost a few fills, not one each.
  const dots = new Map<string, number[]>();
  const rings = new Map<string, number[]>();
  const glows: number[] = [];
  for (let i = 0; i + PACKET_STRIDE <= packets.length; i += PACKET_STRIDE) {
    const x = (packets[i] ?? 0) * zoom + tx;
    const y = (packets[i + 1] ?? 0) * zoom + ty;
    if (x < -r || y < -r || x > w + r || y > h + r) continue;
    const flow = packets[i + 2] ?? 0;
    const state = packets[i + 3] ?? 0;
    const colour = state === 1 ? FAILED : (FLOW_COLOURS[Math.abs(flow) % FLOW_COLOURS.length] ?? '#0072B2');
    // The reply is a ring, so direction does not rest on colour alone.
    const into = state === 2 ? rings : dots;
    let list = into.get(colour);
    if (!list) into.set(colour, (list = []));
    list.push(x, y);
    if (state === 1) glows.push(x, y);
  }
  const path = (points: readonly number[], radius: number) => {
    ctx.beginPath();
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = points[i] ?? 0;
      const y = points[i + 1] ?? 0;
      ctx.moveTo(x + radius, y);
      ctx.arc(x, y, radius, 0, Math.PI * 2);
    }
  };
  for (const [colour, points] of dots) {
    path(points, r);
    ctx.fillStyle = colour;
    ctx.fill();
  }
  ctx.lineWidth = 2;
  for (const [colour, points] of rings) {
    path(points, r);
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  if (glows.length > 0) {
    path(glows, r + 4);
    ctx.strokeStyle = 'rgba(213, 94, 0, 0.45)';
    ctx.lineWidth = 3;
    ctx.stroke();
  }
}

export const PacketLayer = memo(function PacketLayer() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const transform = useStore((s) => s.transform);
  const current = useRef<{ packets: Float32Array; transform: Transform; blank: boolean }>({
    packets: new Float32Array(0),
    transform,
    blank: false,
  });
  // With nothing in flight and the canvas already clear, a pan frame costs the canvas nothing.
  const redraw = () => {
    const c = current.current;
    if (!canvas.current || (c.blank && c.packets.length === 0)) return;
    draw(canvas.current, c.packets, c.transform);
    c.blank = c.packets.length === 0;
  };
  useEffect(() => {
    current.current.transform = transform;
    redraw();
  }, [transform]);
  useEffect(
    () =>
      onPackets((packets) => {
        current.current.packets = packets;
        redraw();
      }),
    [],
  );
  return <canvas ref={canvas} className="packet-layer" aria-hidden="true" data-testid="packets" />;
});
