// One tab per search or LRM launch: titled with where and what (commune, specialty, GP), detailed with its origin
// and time; a failed tab says so. Tabs that do not fit go to « Tous les onglets », a list that shows every tab.
// A navigation list of buttons (not the ARIA tabs pattern): each tab has its own close button.
import { useLayoutEffect, useState } from 'react';
import { fr } from '../i18n/fr';
import { tabDetail, tabFailed, tabTitle } from './tab-title';
import type { SearchTab } from './workspace';

interface TabBarProps {
  tabs: readonly SearchTab[];
  activeId?: string;
  onActivate: (tabId: string) => void;
  onClose: (tabId: string) => void;
}

/** The narrowest a tab gets before it goes to the overflow list (px, with its close button). */
const TAB_MIN_WIDTH = 210;
const OVERFLOW_WIDTH = 170;

/** Which tabs stay on the strip: the first ones that fit, and always the active one. */
function visibleTabs(tabs: readonly SearchTab[], activeId: string | undefined, capacity: number): SearchTab[] {
  if (tabs.length <= capacity) return [...tabs];
  const shown = tabs.slice(0, Math.max(1, capacity));
  const active = tabs.find((t) => t.id === activeId);
  if (active && !shown.includes(active)) shown[shown.length - 1] = active;
  return shown;
}

interface Capacity {
  /** Tabs that fit when all are shown. */
  all: number;
  /** Tabs that fit beside the overflow button. */
  beside: number;
}

/** The strip's capacity, measured whenever the strip is in the page (it is absent while no tab is open). */
function useCapacity(): [(element: HTMLElement | null) => void, Capacity] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [capacity, setCapacity] = useState<Capacity>({ all: Infinity, beside: Infinity });
  useLayoutEffect(() => {
    if (!element) return undefined;
    const measure = () => {
      const width = element.clientWidth;
      if (width <= 0) return;
      setCapacity({
        all: Math.max(1, Math.floor(width / TAB_MIN_WIDTH)),
        beside: Math.max(1, Math.floor((width - OVERFLOW_WIDTH) / TAB_MIN_WIDTH)),
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, capacity];
}

export function TabBar({ tabs, activeId, onActivate, onClose }: TabBarProps) {
  const [ref, capacity] = useCapacity();
  const [listOpen, setListOpen] = useState(false);
  if (tabs.length === 0) return null;
  const shown = visibleTabs(tabs, activeId, tabs.length <= capacity.all ? tabs.length : capacity.beside);
  const hidden = tabs.length - shown.length;
  return (
    <nav className="tab-bar" aria-label={fr.tabs.label} ref={ref}>
      <ul>
        {shown.map((tab) => {
          const title = tabTitle(tab);
          const busy = tab.stream.phase !== 'done' && !tab.startError;
          const failed = tabFailed(tab);
          const active = tab.id === activeId;
          return (
            <li
              key={tab.id}
              className={`tab${active ? ' tab-active' : ''}${failed ? ' tab-failed' : ''}`}
              data-tab-id={tab.id}
            >
              <button
                type="button"
                className="tab-button"
                aria-current={active ? 'page' : undefined}
                title={`${title} — ${tabDetail(tab)}`}
                onClick={() => onActivate(tab.id)}
              >
                <span className="tab-title">
                  {busy && <span className="spinner" aria-hidden="true" />}
                  {failed && <span className="tab-failed-mark">{fr.tabStrip.failed}</span>}
                  {failed && ' '}
                  {title}
                </span>
                <span className="tab-detail">{tabDetail(tab)}</span>
              </button>
              <button
                type="button"
                className="tab-close"
                aria-label={fr.tabs.close(`${title} (${tabDetail(tab)})`)}
                title={fr.tabs.close(`${title} (${tabDetail(tab)})`)}
                onClick={() => onClose(tab.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <div className="tab-overflow">
          <button
            type="button"
            className="btn tab-overflow-button"
            aria-expanded={listOpen}
            onClick={() => setListOpen((open) => !open)}
          >
            {fr.tabStrip.all(tabs.length, hidden)}
          </button>
          {listOpen && (
            <ul className="tab-overflow-list" data-testid="tab-overflow-list">
              {tabs.map((tab) => (
                <li key={tab.id}>
                  <button
                    type="button"
                    aria-current={tab.id === activeId ? 'page' : undefined}
                    onClick={() => {
                      setListOpen(false);
                      onActivate(tab.id);
                    }}
                  >
                    <span className="tab-title">{tabTitle(tab)}</span>
                    <span className="tab-detail">{tabDetail(tab)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </nav>
  );
}
