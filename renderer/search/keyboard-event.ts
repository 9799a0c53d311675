// From a DOM keyboard event to the console's shortcut, the same way for every listener (search tabs, panels).
import { shortcutFor, type ShortcutCommand } from './keyboard';

export function shortcutOfEvent(event: KeyboardEvent): ShortcutCommand | undefined {
  const target = event.target instanceof Element ? event.target : document.body;
  return shortcutFor({
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    shiftKey: event.shiftKey,
    inField: target.closest('input, textarea, select, [contenteditable="true"]') !== null,
    onControl: target.closest('button, a, summary') !== null,
  });
}
