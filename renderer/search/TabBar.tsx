// One tab per search or LRM launch, labelled with its origin and time; closing one drops its data.
// A navigation list of buttons (not the ARIA tabs pattern): each tab has its own close button.
import { fr } from '../i18n/fr';
import { formatClock } from './format';
import type { SearchTab } from './workspace';

interface TabBarProps {
  tabs: readonly SearchTab[];
  activeId?: string;
  onActivate: (tabId: string) => void;
  onClose: (tabId: string) => void;
}

export function tabTitle(tab: SearchTab): string {
  const origin = tab.origin.kind === 'launch' ? fr.tabs.launch(tab.origin.lrmOrigin) : fr.tabs.manual;
  return `${origin} ${fr.tabs.at(formatClock(tab.openedAt))}`;
}

function tabDetail(tab: SearchTab): string {
  const place = tab.stream.location?.label ?? tab.form.locationText;
  return [tab.form.specialtyText, place].filter(Boolean).join(' — ');
}

export function TabBar({ tabs, activeId, onActivate, onClose }: TabBarProps) {
  if (tabs.length === 0) return null;
  return (
    <nav className="tab-bar" aria-label={fr.tabs.label}>
      <ul>
        {tabs.map((tab) => {
          const title = tabTitle(tab);
          const busy = tab.stream.phase !== 'done' && !tab.startError;
          const active = tab.id === activeId;
          return (
            <li key={tab.id} className={active ? 'tab tab-active' : 'tab'} data-tab-id={tab.id}>
              <button
                type="button"
                className="tab-button"
                aria-current={active ? 'page' : undefined}
                onClick={() => onActivate(tab.id)}
              >
                <span className="tab-title">
                  {busy && <span className="spinner" aria-hidden="true" />}
                  {title}
                </span>
                <span className="tab-detail">{tabDetail(tab)}</span>
              </button>
              <button
                type="button"
                className="tab-close"
                aria-label={fr.tabs.close(title)}
                title={fr.tabs.close(title)}
                onClick={() => onClose(tab.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
