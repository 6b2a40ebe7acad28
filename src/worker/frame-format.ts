// The packet frame's layout, shared by the worker (writes) and the page (reads).

/** Floats per packet in `SimFrame.packets`: x, y, flow, state (0 ok, 1 failed, 2 reply). */
export const PACKET_STRIDE = 4;
