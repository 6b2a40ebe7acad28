import { describe, expect, it } from 'vitest';
import { actionOf } from '../../../src/ui/present/keys.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('actionOf', () => {
  it('maps the presentation keys while presenting', () => {
    expect(actionOf(key(' '), true)).toBe('play-pause');
    expect(actionOf(key('ArrowRight'), true)).toBe('forward');
    expect(actionOf(key('ArrowLeft'), true)).toBe('back');
    expect(actionOf(key('+'), true)).toBe('faster');
    expect(actionOf(key('='), true)).toBe('faster');
    expect(actionOf(key('-'), true)).toBe('slower');
    expect(actionOf(key('F'), true)).toBe('fullscreen');
    expect(actionOf(key('Escape'), true)).toBe('leave');
  });
  it('leaves every key but P alone when not presenting, and shortcuts with modifiers always', () => {
    expect(actionOf(key('p'), false)).toBe('toggle-present');
    for (const k of [' ', 'ArrowRight', 'f', 'Escape', '+']) expect(actionOf(key(k), false)).toBeUndefined();
    expect(actionOf(key('p', { ctrlKey: true }), false)).toBeUndefined();
    expect(actionOf(key('f', { metaKey: true }), true)).toBeUndefined();
  });
});
