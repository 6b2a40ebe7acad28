// Addresses the evaluators parse for every rule they test: the same few strings (rule CIDRs, the
// packet's IPs) again and again, so each text is parsed once. Pure functions of the text, so a
// memo cannot change an answer; bounded, so a long run with many addresses cannot grow it for ever.

import { parseCidr, parseIPv4, type Cidr } from '../cluster/ipv4.ts';

const LIMIT = 50_000;
const ips = new Map<string, number | undefined>();
const cidrs = new Map<string, Cidr | undefined>();
const hosts = new Map<string, Cidr | undefined>();

function remembered<T>(memo: Map<string, T>, text: string, parse: (text: string) => T): T {
  const found = memo.get(text);
  if (found !== undefined || memo.has(text)) return found as T;
  const value = parse(text);
  if (memo.size >= LIMIT) memo.clear();
  memo.set(text, value);
  return value;
}

/** parseIPv4, once per text. */
export const ipValue = (text: string): number | undefined => remembered(ips, text, parseIPv4);

/** parseCidr, once per text. */
export const cidrValue = (text: string): Cidr | undefined => remembered(cidrs, text, parseCidr);

/** `ADDRESS/32` parsed, once per address (an iptables `-s`/`-d` written without a prefix). */
export const hostCidrValue = (address: string): Cidr | undefined =>
  remembered(hosts, address, (a) => parseCidr(`${a}/32`));
