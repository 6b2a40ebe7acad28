// SHA-256/base32 known answers, chain names from the conformance files, probability formatting.

import { describe, expect, it } from 'vitest';
import {
  servicePortEndpointChainName,
  servicePortPolicyClusterChain,
  serviceFirewallChainName,
} from '../../../../src/engine/proxy/chain-names.ts';
import {
  computeProbability,
  formatFixed,
  savedProbability,
} from '../../../../src/engine/proxy/iptables/probability.ts';
import { base32, hex, sha256, utf8Bytes } from '../../../../src/engine/proxy/sha256.ts';

describe('sha256 and base32', () => {
  it('matches FIPS 180-4 known answers', () => {
    expect(hex(sha256(utf8Bytes('')))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(sha256(utf8Bytes('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(utf8Bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  it('encodes base32 as RFC 4648 (with padding)', () => {
    expect(base32(utf8Bytes('foobar'))).toBe('MZXW6YTBOI======');
    expect(base32(utf8Bytes('fo'))).toBe('MZXQ====');
  });
  it('names chains as kube-proxy does (answers from the conformance files)', () => {
    expect(servicePortPolicyClusterChain('ns1/svc1:p80', 'tcp')).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(serviceFirewallChainName('ns5/svc5:p80', 'tcp')).toBe('KUBE-FW-NUKIZ6OKUXPJNT4C');
    expect(servicePortEndpointChainName('ns4/svc4:p80', 'tcp', '10.180.0.5:80')).toBe(
      'KUBE-SEP-C6EBXVWJJZMIWKLZ',
    );
  });
});

describe('statistic probabilities', () => {
  it('writes %0.10f of 1/n, rounding half to even like Go', () => {
    expect(computeProbability(2)).toBe('0.5000000000');
    expect(computeProbability(3)).toBe('0.3333333333');
    expect(computeProbability(7)).toBe('0.1428571429');
    expect(formatFixed(1 / 2048, 10)).toBe('0.0004882812'); // exactly 0.00048828125: a tie
  });
  it('prints what the kernel stored: lround(p·2^31), 11 decimals', () => {
    expect(savedProbability('0.3333333333')).toBe('0.33333333349');
    expect(savedProbability('0.5000000000')).toBe('0.50000000000');
    expect(savedProbability('0.2500000000')).toBe('0.25000000000');
  });
});
