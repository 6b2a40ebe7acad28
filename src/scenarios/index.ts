// Built-in scenarios. The gallery (titles, lessons, en/ko) grows here.
import whaleHosting from './whale-hosting.yaml?raw';

export const DEFAULT_SCENARIO = whaleHosting;
