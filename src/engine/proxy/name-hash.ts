// kube-proxy names chains after base32(sha256(name)): pkg/proxy/iptables/proxier.go keeps 16
// characters (portProtoHash), pkg/proxy/nftables/proxier.go 8 (hashAndTruncate).

import { base32, sha256, utf8Bytes } from './sha256.ts';

// Every sync names every chain again (and an edit re-syncs every node): remember the digests.
// A pure function's cache, shared by the modes; bounded so a long session cannot grow it forever.
const digests = new Map<string, string>();
const MAX_CACHED = 200_000;

/** The first 16 base32 characters of sha256(text): the longest prefix any proxier uses. */
export function nameHash(text: string): string {
  let found = digests.get(text);
  if (found === undefined) {
    if (digests.size >= MAX_CACHED) digests.clear();
    // 10 bytes are exactly 16 base32 characters: the prefix, without encoding the rest.
    found = base32(sha256(utf8Bytes(text)).subarray(0, 10));
    digests.set(text, found);
  }
  return found;
}
