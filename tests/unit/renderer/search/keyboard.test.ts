import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyInput } from '@renderer/search/keyboard';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inField: false,
  onControl: false,
  ...extra,
});

describe('keyboard shortcuts', () => {
  it('maps single keys to commands', () => {
    expect(shortcutFor(key('?'))).toBe('help');
    expect(shortcutFor(key('j'))).toBe('next-card');
    expect(shortcutFor(key('ArrowUp'))).toBe('previous-card');
    expect(shortcutFor(key('2'))).toBe('second-intention');
    expect(shortcutFor(key('a'))).toBe('filter-today');
    expect(shortcutFor(key('Enter'))).toBe('open-slot');
  });

  it('stays out of the way while typing, with modifiers, with Shift, and for Enter on a button', () => {
    expect(shortcutFor(key('j', { inField: true }))).toBeUndefined();
    expect(shortcutFor(key('Escape', { inField: true }))).toBe('escape');
    expect(shortcutFor(key('j', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(key('r', { metaKey: true }))).toBeUndefined();
    expect(shortcutFor(key('J'))).toBeUndefined();
    expect(shortcutFor(key('Enter', { onControl: true }))).toBeUndefined();
    expect(shortcutFor(key('o', { onControl: true }))).toBe('open-slot');
  });

  it('lists each key once, with a French description', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) {
      expect(s.description.length).toBeGreaterThan(3);
      for (const k of s.keys) expect(shortcutFor(key(k))).toBe(s.command);
    }
  });
});

describe('Ctrl chords (work even while typing)', () => {
  const chord = (key: string, extra: Partial<KeyInput> = {}) =>
    shortcutFor({ key, ctrlKey: true, metaKey: false, altKey: false, inField: true, onControl: false, ...extra });

  it('Ctrl+K focuses the search bar, Ctrl+Tab and Ctrl+Shift+Tab move between tabs, Ctrl+1…9 pick a tab', () => {
    expect(chord('k')).toBe('focus-search');
    expect(chord('K', { shiftKey: true })).toBe('focus-search');
    expect(chord('Tab')).toBe('next-tab');
    expect(chord('Tab', { shiftKey: true })).toBe('previous-tab');
    expect(chord('1')).toBe('tab-1');
    expect(chord('9')).toBe('tab-9');
    expect(chord('0')).toBeUndefined();
    expect(chord('a')).toBeUndefined();
    expect(chord('k', { altKey: true })).toBeUndefined();
  });
});
