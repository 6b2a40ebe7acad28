// Packet dots drawn once per look (colour, shape, size) and stamped into one pixel buffer per
// frame: a 2D canvas without a GPU rasterizes each arc (or blits each image) on the main thread,
// ~5 µs a packet, a whole frame for 5,000 packets; stamping pixels in a typed array is a few ms.

export type PacketShape = 'dot' | 'ring' | 'failed';

/** A rendered look: `side × side` device pixels, RGBA, not premultiplied (as ImageData). */
export interface Sprite {
  readonly side: number;
  readonly rgba: Uint8ClampedArray;
  /** The same pixels as 32-bit words, to copy an opaque pixel in one write. */
  readonly words: Uint32Array;
}

/** Room around the dot for the failure glow. */
const PAD = 5;
const GLOW = 'rgba(213, 94, 0, 0.45)';
const cache = new Map<string, Sprite>();

export function sprite(shape: PacketShape, colour: string, radius: number, ratio: number): Sprite {
  const key = `${shape} ${colour} ${String(radius)} ${String(ratio)}`;
  const found = cache.get(key);
  if (found) return found;
  const size = Math.ceil(2 * (radius + PAD));
  const side = Math.ceil(size * ratio);
  const canvas = new OffscreenCanvas(side, side);
  const ctx = canvas.getContext('2d');
  let rgba = new Uint8ClampedArray(side * side * 4);
  if (ctx) {
    ctx.scale(ratio, ratio);
    const c = size / 2;
    ctx.beginPath();
    ctx.arc(c, c, radius, 0, Math.PI * 2);
    if (shape === 'ring') {
      // A reply is a ring, so direction does not rest on colour alone.
      ctx.lineWidth = 2;
      ctx.strokeStyle = colour;
      ctx.stroke();
    } else {
      ctx.fillStyle = colour;
      ctx.fill();
    }
    if (shape === 'failed') {
      ctx.beginPath();
      ctx.arc(c, c, radius + 4, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = GLOW;
      ctx.stroke();
    }
    rgba = ctx.getImageData(0, 0, side, side).data;
  }
  const made = { side, rgba, words: new Uint32Array(rgba.buffer, rgba.byteOffset, side * side) };
  if (cache.size > 256) cache.clear();
  cache.set(key, made);
  return made;
}

/** Draws `s` with its top-left at device pixel (x0, y0) over what `out` holds ("source-over"). */
export function stamp(
  out: {
    readonly rgba: Uint8ClampedArray;
    readonly words: Uint32Array;
    readonly width: number;
    readonly height: number;
  },
  s: Sprite,
  x0: number,
  y0: number,
): void {
  const { side, rgba, words } = s;
  const fromX = Math.max(0, -x0);
  const toX = Math.min(side, out.width - x0);
  const fromY = Math.max(0, -y0);
  const toY = Math.min(side, out.height - y0);
  for (let y = fromY; y < toY; y++) {
    let src = y * side + fromX;
    let dst = (y0 + y) * out.width + x0 + fromX;
    for (let x = fromX; x < toX; x++, src++, dst++) {
      const a = rgba[src * 4 + 3] ?? 0;
      if (a === 0) continue;
      const below = out.rgba[dst * 4 + 3] ?? 0;
      if (a === 255 || below === 0) {
        out.words[dst] = words[src] ?? 0;
        continue;
      }
      // Partly covered edge pixel over something already drawn: blend (straight alpha).
      const sa = a / 255;
      const da = (below / 255) * (1 - sa);
      const oa = sa + da;
      for (let k = 0; k < 3; k++) {
        const i = dst * 4 + k;
        out.rgba[i] = ((rgba[src * 4 + k] ?? 0) * sa + (out.rgba[i] ?? 0) * da) / oa;
      }
      out.rgba[dst * 4 + 3] = oa * 255;
    }
  }
}
