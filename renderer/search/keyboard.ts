// Keyboard first: one table of shortcuts, used both to act on a key and to show the list ("?").
// Single keys without modifiers, ignored while typing in a field, so a regulator can work one-handed while talking.

export type ShortcutCommand =
  | 'help'
  | 'focus-search'
  | 'next-card'
  | 'previous-card'
  | 'open-slot'
  | 'first-intention'
  | 'second-intention'
  | 'filter-today'
  | 'filter-next-days'
  | 'filter-cabinet'
  | 'filter-teleconsultation'
  | 'filter-domicile'
  | 'filter-available'
  | 'focus-filters'
  | 'clear-filters'
  | 'retry'
  | 'toggle-map'
  | 'next-tab'
  | 'previous-tab'
  | 'orientations'
  | 'journal'
  | 'escape'
  | `tab-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;

export interface Shortcut {
  command: ShortcutCommand;
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** How the key is written in the list. */
  label: string;
  /** What it does, in French. */
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'help', keys: ['?'], label: '?', description: 'Afficher cette liste' },
  {
    command: 'focus-search',
    keys: ['/'],
    label: '/ ou Ctrl+K',
    description: 'Aller à la barre de recherche (spécialité sélectionnée)',
  },
  { command: 'next-card', keys: ['j', 'ArrowDown'], label: 'j ou ↓', description: 'Carte suivante' },
  { command: 'previous-card', keys: ['k', 'ArrowUp'], label: 'k ou ↑', description: 'Carte précédente' },
  {
    command: 'open-slot',
    keys: ['Enter', 'o'],
    label: 'Entrée ou o',
    description: 'Ouvrir le créneau sélectionné (le premier de la carte)',
  },
  { command: 'first-intention', keys: ['1'], label: '1', description: 'PS disposant de créneaux disponibles' },
  { command: 'second-intention', keys: ['2'], label: '2', description: 'Créneaux en sus des disponibilités' },
  { command: 'filter-today', keys: ['a'], label: 'a', description: 'Filtre aujourd’hui' },
  { command: 'filter-next-days', keys: ['p'], label: 'p', description: 'Filtre prochains jours' },
  { command: 'filter-cabinet', keys: ['c'], label: 'c', description: 'Filtre consultation au cabinet' },
  { command: 'filter-teleconsultation', keys: ['t'], label: 't', description: 'Filtre téléconsultation' },
  { command: 'filter-domicile', keys: ['d'], label: 'd', description: 'Filtre visite à domicile' },
  { command: 'filter-available', keys: ['u'], label: 'u', description: 'Avec créneaux uniquement' },
  {
    command: 'focus-filters',
    keys: ['f'],
    label: 'f',
    description: 'Aller aux filtres (types de créneau compris), puis ← →',
  },
  { command: 'clear-filters', keys: ['x'], label: 'x', description: 'Effacer les filtres' },
  { command: 'retry', keys: ['r'], label: 'r', description: 'Relancer la recherche (éditeurs en échec)' },
  { command: 'toggle-map', keys: ['m'], label: 'm', description: 'Afficher ou masquer la carte' },
  { command: 'next-tab', keys: [']'], label: '] ou Ctrl+Tab', description: 'Onglet suivant' },
  { command: 'previous-tab', keys: ['['], label: '[ ou Ctrl+Maj+Tab', description: 'Onglet précédent' },
  { command: 'tab-1', keys: [], label: 'Ctrl+1 … Ctrl+9', description: 'Aller à l’onglet 1 à 9' },
  { command: 'orientations', keys: ['v'], label: 'v', description: 'Mes orientations : les rendez-vous pris' },
  { command: 'journal', keys: ['g'], label: 'g', description: 'Journal de garde' },
  {
    command: 'escape',
    keys: ['Escape'],
    label: 'Échap',
    description: 'Fermer la liste des raccourcis, revenir à la liste',
  },
];

const byKey = new Map<string, ShortcutCommand>(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.command] as const)));

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The event comes from a text field, a select or an editable element. */
  inField: boolean;
  /** The event comes from a button or link (Enter there is the element's own action). */
  onControl: boolean;
  shiftKey?: boolean;
}

/** Ctrl (or ⌘) chords work even while typing: moving between tabs or to the bar must not need the mouse. */
function chordFor(input: KeyInput): ShortcutCommand | undefined {
  if (input.altKey) return undefined;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (key === 'k') return 'focus-search';
  if (key === 'Tab' && input.ctrlKey) return input.shiftKey ? 'previous-tab' : 'next-tab';
  if (/^[1-9]$/u.test(key)) return `tab-${Number(key) as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;
  return undefined;
}

/** The command a key press asks for, or undefined (let the browser handle it). */
export function shortcutFor(input: KeyInput): ShortcutCommand | undefined {
  if (input.ctrlKey || input.metaKey) return chordFor(input);
  if (input.altKey) return undefined;
  if (input.inField) return input.key === 'Escape' ? 'escape' : undefined;
  const command = byKey.get(input.key.length === 1 ? input.key.toLowerCase() : input.key);
  // Enter on a slot button books that slot (the button's own click); only on a card does it mean "first slot".
  if (command === 'open-slot' && input.key === 'Enter' && input.onControl) return undefined;
  // Uppercase letters are not shortcuts (Shift is for typing); "?" needs Shift on most layouts and is allowed.
  if (input.key.length === 1 && input.key !== input.key.toLowerCase()) return undefined;
  return command;
}
