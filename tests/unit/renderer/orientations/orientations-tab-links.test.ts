// The link between the workspace's tabs and "Mes orientations": published tabs, remembered publisher names,
// focusing a tab only while it is open, and no useless notifications while a search streams.
import { describe, expect, it, vi } from 'vitest';
import { shortcutFor } from '@renderer/search/keyboard';
import { TabLinkStore, tabForSearch } from '@renderer/orientations/tab-links';

const TAB = { tabId: 'onglet-1', searchId: 'recherche-1', title: 'LRM TEST-SAMU000 à 09:58' };
const SOURCES = [
  { id: 'agendaplume', name: 'AgendaPlume' },
  { id: 'rdv-hirondelle', name: 'RDV Hirondelle' },
];

describe('tab link store', () => {
  it('publishes the open tabs and remembers the publishers’ names after their tab closed', () => {
    const store = new TabLinkStore();
    store.publish([TAB], SOURCES);
    expect(tabForSearch(store.getSnapshot(), 'recherche-1')).toEqual(TAB);

    store.publish([], []);

    expect(tabForSearch(store.getSnapshot(), 'recherche-1')).toBeUndefined();
    expect(store.getSnapshot().publisherNames).toEqual({
      agendaplume: 'AgendaPlume',
      'rdv-hirondelle': 'RDV Hirondelle',
    });
    expect(tabForSearch(store.getSnapshot(), undefined)).toBeUndefined();
  });

  it('notifies only when tabs or names really change (a streaming search republishes the same tabs often)', () => {
    const store = new TabLinkStore();
    const listener = vi.fn();
    store.subscribe(listener);

    store.publish([TAB], SOURCES);
    const first = store.getSnapshot();
    store.publish([{ ...TAB }], [...SOURCES, { id: 'agendaplume', name: 'AgendaPlume' }]);
    store.publish([{ ...TAB }], SOURCES);

    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toBe(first);

    store.publish([TAB, { tabId: 'onglet-2', searchId: 'recherche-2', title: 'Recherche à 10:05' }], []);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('ignores empty source names and stops notifying a listener that unsubscribed', () => {
    const store = new TabLinkStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    store.publish([], [{ id: 'x', name: '  ' }]);
    unsubscribe();
    store.publish([TAB], SOURCES);

    expect(listener).not.toHaveBeenCalled();
    expect(store.getSnapshot().publisherNames.x).toBeUndefined();
  });

  it('brings a tab back only while it is open and a workspace is there to do it', () => {
    const store = new TabLinkStore();
    const activate = vi.fn();
    store.publish([TAB], []);

    expect(store.focus('onglet-1')).toBe(false);
    store.setFocusHandler(activate);
    expect(store.focus('onglet-1')).toBe(true);
    expect(store.focus('onglet-ferme')).toBe(false);
    store.setFocusHandler(undefined);
    expect(store.focus('onglet-1')).toBe(false);

    expect(activate.mock.calls).toEqual([['onglet-1']]);
  });
});

describe('shortcuts', () => {
  it('v opens « Mes orientations », g the journal; not while typing', () => {
    const key = (k: string, inField = false) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      inField,
      onControl: false,
    });

    expect(shortcutFor(key('v'))).toBe('orientations');
    expect(shortcutFor(key('g'))).toBe('journal');
    expect(shortcutFor(key('v', true))).toBeUndefined();
  });
});
