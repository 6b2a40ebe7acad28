// Types for scripts/chromium.mjs (used by the benchmarks).
export function findChromium(options?: { install?: boolean }): Promise<string | undefined>;
export const CHROMIUM_HELP: string;
