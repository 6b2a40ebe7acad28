import { afterEach, describe, expect, it } from 'vitest';
import { changeSpeed, fullAppAddress, isEmbedAddress } from '../../src/state/present.ts';
import { setSpeed, simStore, SPEEDS } from '../../src/state/sim.ts';

describe('the embed address', () => {
  it('is ?embed=1 (or true), nothing else', () => {
    expect(isEmbedAddress('?embed=1')).toBe(true);
    expect(isEmbedAddress('?scenario=x&embed=true')).toBe(true);
    expect(isEmbedAddress('?embed=0')).toBe(false);
    expect(isEmbedAddress('')).toBe(false);
  });
  it('opens in the full app with the same scenario: only embed goes', () => {
    expect(fullAppAddress('https://h/p/?embed=1&scenario=abc#s=xyz')).toBe('https://h/p/?scenario=abc#s=xyz');
  });
});

describe('changeSpeed', () => {
  afterEach(() => setSpeed(1));
  it('steps through the player speeds and stops at the ends', () => {
    setSpeed(1);
    changeSpeed(1);
    expect(simStore.getState().speed).toBe(2);
    for (let i = 0; i < 10; i++) changeSpeed(1);
    expect(simStore.getState().speed).toBe(SPEEDS.at(-1));
    for (let i = 0; i < 10; i++) changeSpeed(-1);
    expect(simStore.getState().speed).toBe(SPEEDS[0]);
  });
});
