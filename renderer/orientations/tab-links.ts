// Which search tabs are open, so "Mes orientations" can link an appointment to the tab it was booked from
// (appointment.searchId = the tab's search id) and bring that tab back. The workspace publishes its tabs here; the
// panels read them. Also remembers the publishers' names seen in searches (an appointment only carries the id).
// A small external store (for useSyncExternalStore): plain TypeScript, no React, no DOM.

export interface TabLink {
  tabId: string;
  searchId: string;
  /** The tab's label, as the tab bar shows it ("LRM TEST-SAMU000 à 14:20"). */
  title: string;
}

export interface TabLinksSnapshot {
  tabs: readonly TabLink[];
  /** Publisher id → name, from every search of this session (kept when the tab closes). */
  publisherNames: Readonly<Record<string, string>>;
}

export const EMPTY_TAB_LINKS: TabLinksSnapshot = { tabs: [], publisherNames: {} };

const MAX_NAMES = 500;

export class TabLinkStore {
  private snapshot: TabLinksSnapshot = EMPTY_TAB_LINKS;
  private readonly listeners = new Set<() => void>();
  private focusHandler: ((tabId: string) => void) | undefined;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): TabLinksSnapshot => this.snapshot;

  /** The open tabs (those with a search id) and the sources their searches named. Notifies only on a real change. */
  publish(tabs: readonly TabLink[], sources: readonly { id: string; name: string }[]): void {
    const sameTabs =
      tabs.length === this.snapshot.tabs.length &&
      tabs.every((t, i) => {
        const known = this.snapshot.tabs[i];
        return (
          known !== undefined && known.tabId === t.tabId && known.searchId === t.searchId && known.title === t.title
        );
      });
    const fresh = sources.filter((s) => s.name.trim() !== '' && this.snapshot.publisherNames[s.id] !== s.name);
    const room = Object.keys(this.snapshot.publisherNames).length < MAX_NAMES;
    if (sameTabs && (fresh.length === 0 || !room)) return;
    this.snapshot = {
      tabs: sameTabs ? this.snapshot.tabs : tabs.map((t) => ({ ...t })),
      publisherNames:
        fresh.length > 0 && room
          ? { ...this.snapshot.publisherNames, ...Object.fromEntries(fresh.map((s) => [s.id, s.name])) }
          : this.snapshot.publisherNames,
    };
    for (const listener of this.listeners) listener();
  }

  /** The workspace says how to bring a tab to the front (undefined when it is gone: logged out). */
  setFocusHandler(handler: ((tabId: string) => void) | undefined): void {
    this.focusHandler = handler;
  }

  /** Brings the tab to the front; false when it is no longer open. */
  focus(tabId: string): boolean {
    if (!this.focusHandler || !this.snapshot.tabs.some((t) => t.tabId === tabId)) return false;
    this.focusHandler(tabId);
    return true;
  }
}

/** The open tab a search id belongs to, if it is still open. */
export function tabForSearch(links: TabLinksSnapshot, searchId: string | undefined): TabLink | undefined {
  return searchId === undefined ? undefined : links.tabs.find((t) => t.searchId === searchId);
}
