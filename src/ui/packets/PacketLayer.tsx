// Packets in flight, drawn on a canvas over the graph and following its pan and zoom. The worker
// computes where each packet is; this only draws (no React state per frame).
import { useStore } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';

import { onPackets, PACKET_STRIDE } from '../../state/sim.ts';
import { sprite, stamp, type Sprite } from './sprites.ts';

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
  const out = frameBuffer(ctx, canvas.width, canvas.height);
  out.words.fill(0);
  // A dot stays readable at any zoom: a fixed size on screen, a little larger when zoomed in
  // (in half pixels, so a zoom gesture makes a handful of sprites, not one per frame).
  const r = Math.round(Math.max(3, Math.min(7, 5 * zoom)) * 2) / 2;
  const looks = new Map<number, Sprite>();
  for (let i = 0; i + PACKET_STRIDE <= packets.length; i += PACKET_STRIDE) {
    const x = (packets[i] ?? 0) * zoom + tx;
    const y = (packets[i + 1] ?? 0) * zoom + ty;
    if (x < -r || y < -r || x > w + r || y > h + r) continue;
    const flow = Math.abs(packets[i + 2] ?? 0) % FLOW_COLOURS.length;
    const state = packets[i + 3] ?? 0;
    const look = state === 1 ? -1 : state === 2 ? FLOW_COLOURS.length + flow : flow;
    let s = looks.get(look);
    if (!s) {
      const colour = state === 1 ? FAILED : (FLOW_COLOURS[flow] ?? '#0072B2');
      s = sprite(state === 1 ? 'failed' : state === 2 ? 'ring' : 'dot', colour, r, ratio);
      looks.set(look, s);
    }
    stamp(out, s, Math.round(x * ratio - s.side / 2), Math.round(y * ratio - s.side / 2));
  }
  ctx.putImageData(out.image, 0, 0);
}

let buffer:
  | { image: ImageData; rgba: Uint8ClampedArray; words: Uint32Array; width: number; height: number }
  | undefined;

/** One ImageData the size of the canvas, kept across frames. */
function frameBuffer(ctx: CanvasRenderingContext2D, width: number, height: number) {
  if (buffer?.width !== width || buffer.height !== height) {
    const image = ctx.createImageData(Math.max(1, width), Math.max(1, height));
    const rgba = image.data;
    buffer = { image, rgba, words: new Uint32Array(rgba.buffer), width: image.width, height: image.height };
  }
  return buffer;
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
