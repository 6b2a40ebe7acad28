// Built-in scenarios: the first-visit default. The gallery (titles, lessons, en/ko) is gallery.ts.
import whaleHosting from './whale-hosting.yaml?raw';

export const DEFAULT_SCENARIO = whaleHosting;
