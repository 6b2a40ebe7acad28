// The running simulation, hosted in the worker: the engine decides every hop; this turns hops into
// what the page draws. Each hop is shown for HOP_MS of virtual time (slowed down to be seen), so
// a frame is the packets in flight at one virtual instant: x, y, flow and state per packet, in
// one Float32Array the page receives by transfer and only draws.

import { createSimulation, plainHop, type SimHop, type Simulation } from '../engine/index.ts';
import type { PlacedNode, SimFrame, SimSettings } from './protocol.ts';
import { PACKET_STRIDE } from './frame-format.ts';
import type { Reading } from './ingress.ts';

/** Virtual milliseconds a packet takes to cross one hop on screen. */
export const HOP_MS = 400;
/** Hops a frame carries to the page at most (its timeline shows the newest few hundred). */
const PAGE_HOPS = 400;
/**
 * While playing, a batch carries the newest few only: thousands of hops a second scroll past
 * unread, and cloning and drawing 400 each batch cost the page a frame (measured: 5,000 packets
 * on whale). Paused, stepping or picking, the page gets every hop as before.
 */
const PLAYING_HOPS = 40;
/** While playing, hops go to the page at most this often (virtual ms). */
const HOPS_EVERY_MS = 250;

interface InFlight {
  readonly request: number;
  readonly start: number;
  /** Per hop, as drawn: from x, y, to x, y, flow, state (NaN x when an end is not in the picture). */
  readonly segments: number[];
}

const SEGMENT = 6;

export interface SimSession {
  readonly sim: Simulation;
  readonly revision: number;
  readonly centres: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
  /** Requests still drawn, by id; a request's hops arrive as the engine makes them. */
  readonly flying: Map<number, InFlight>;
  /** Hops not yet handed to the page, and when the last batch went. */
  readonly unsent: SimHop[];
  sentAt: number;
}

/** Absolute centres of the drawn items; pods folded into a `pods/NODE` item use its centre. */
export function centresOf(nodes: readonly PlacedNode[]): Map<string, { x: number; y: number }> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const origin = (n: PlacedNode): { x: number; y: number } => {
    const parent = n.parent === undefined ? undefined : byId.get(n.parent);
    const p = parent ? origin(parent) : { x: 0, y: 0 };
    return { x: p.x + n.x, y: p.y + n.y };
  };
  const centres = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const o = origin(n);
    const centre = { x: o.x + n.width / 2, y: o.y + n.height / 2 };
    centres.set(n.id, centre);
    for (const hidden of n.hidden ?? []) centres.set(hidden.id, centre);
  }
  return centres;
}

export function startSession(
  reading: Reading,
  revision: number,
  nodes: readonly PlacedNode[],
  settings: SimSettings,
): SimSession {
  const sim = createSimulation(reading.model, reading.objects, {
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.traffic ? { traffic: settings.traffic } : {}),
  });
  return { sim, revision, centres: centresOf(nodes), flying: new Map(), unsent: [], sentAt: 0 };
}

/** Where an item is drawn; an id the picture lacks (e.g. `node/N` of a hop inside a node) falls back sensibly. */
function centre(s: SimSession, id: string): { x: number; y: number } | undefined {
  return s.centres.get(id) ?? s.centres.get(id.replace(/^kube-proxy\//, 'node/'));
}

/** A hop as its drawn segment, looked up once when it arrives (frames then only interpolate). */
function addSegment(s: SimSession, f: InFlight, hop: SimHop): void {
  const a = centre(s, hop.from);
  const b = centre(s, hop.to);
  f.segments.push(
    a && b ? a.x : NaN,
    a?.y ?? 0,
    b?.x ?? 0,
    b?.y ?? 0,
    hop.flow,
    hop.status === 'failed' ? 1 : hop.reply ? 2 : 0,
  );
}

/** Runs the engine up to `now` and returns the packets in flight then, plus the hops made since the last frame. */
export function frameAt(s: SimSession, now: number, options: { batch: boolean }): SimFrame {
  const fresh = s.sim.advance(now);
  for (const hop of fresh) {
    let f = s.flying.get(hop.request);
    if (!f) {
      f = { request: hop.request, start: hop.at, segments: [] };
      s.flying.set(hop.request, f);
    }
    addSegment(s, f, hop);
  }
  const out = new Float32Array(s.flying.size * PACKET_STRIDE);
  let n = 0;
  for (const [id, f] of s.flying) {
    const elapsed = now - f.start;
    const k = Math.floor(elapsed / HOP_MS);
    const count = f.segments.length / SEGMENT;
    if (k >= count || k < 0) {
      // Finished (all its hops shown) unless the engine has not made the next hop yet.
      if (k >= count && elapsed > HOP_MS * (count + 1)) s.flying.delete(id);
      continue;
    }
    const i = k * SEGMENT;
    const ax = f.segments[i] ?? NaN;
    if (Number.isNaN(ax)) continue;
    const ay = f.segments[i + 1] ?? 0;
    const t = (elapsed - k * HOP_MS) / HOP_MS;
    out[n++] = ax + ((f.segments[i + 2] ?? 0) - ax) * t;
    out[n++] = ay + ((f.segments[i + 3] ?? 0) - ay) * t;
    out[n++] = f.segments[i + 4] ?? 0;
    out[n++] = f.segments[i + 5] ?? 0;
  }
  const packets = out.slice(0, n);
  // The page's timeline shows the newest few hundred hops and refreshes a few times a second:
  // hand them over in batches (a frame that carries none costs the page nothing to receive).
  s.unsent.push(...fresh);
  if (s.unsent.length > PAGE_HOPS) s.unsent.splice(0, s.unsent.length - PAGE_HOPS);
  let hops: SimHop[] = [];
  if (!options.batch || now - s.sentAt >= HOPS_EVERY_MS || now < s.sentAt) {
    hops = s.unsent.splice(0);
    if (options.batch && hops.length > PLAYING_HOPS) hops = hops.slice(-PLAYING_HOPS);
    // Only these few are written out as sentences: structured clone copies fields, not getters.
    hops = hops.map(plainHop);
    s.sentAt = now;
  }
  return { now, packets, hops, inFlight: n / PACKET_STRIDE };
}
