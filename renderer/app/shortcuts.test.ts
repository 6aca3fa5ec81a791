import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, shortcutText } from './shortcuts.ts';

const key = (
  value: string,
  modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: value,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('shortcuts', () => {
  it('maps key events to actions, with ⌘ as Ctrl', () => {
    expect(shortcutFor(key('s', { ctrlKey: true }))).toBe('save');
    expect(shortcutFor(key('S', { metaKey: true, shiftKey: true }))).toBe('saveAs');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(key('Delete'))).toBe('delete');
    expect(shortcutFor(key('!', { shiftKey: true }))).toBe('fitView');
    expect(shortcutFor(key('K', { ctrlKey: true, shiftKey: true }))).toBe('credentials');
    expect(shortcutFor(key('q', { ctrlKey: true }))).toBeUndefined();
  });

  it('binds every key combination once', () => {
    const keys = Object.values(SHORTCUTS).map((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads well in tooltips', () => {
    expect(shortcutText('saveAs')).toBe('Ctrl+Shift+S');
    expect(shortcutText('delete')).toBe('Delete');
    expect(shortcutText('credentials')).toBe('Ctrl+Shift+K');
  });
});
