import type { LaunchEvent } from '@shared/api/console-api';
import { fr } from '../../i18n/fr';
import { formatClock } from '../../search/format';

/** A refused LRM launch: what was wrong, parameter by parameter, and nothing else happens. */
export function LaunchErrors({ launches, onDismiss }: { launches: LaunchEvent[]; onDismiss: (id: string) => void }) {
  const refused = launches.filter((l) => !l.result.ok);
  if (refused.length === 0) return null;
  return (
    <div className="launch-errors">
      {refused.map((launch) =>
        launch.result.ok ? null : (
          <section key={launch.id} className="alert alert-error" role="alert">
            <h2>{fr.launch.invalidTitle}</h2>
            <p className="launch-received">
              {fr.tabStrip.launchReceived(formatClock(Date.parse(launch.receivedAt)), launch.result.origin)}
            </p>
            <ul>
              {launch.result.errors.map((error, index) => (
                <li key={`${error.code}-${index}`} data-code={error.code}>
                  {error.message}
                </li>
              ))}
            </ul>
            <button type="button" className="btn" onClick={() => onDismiss(launch.id)}>
              {fr.launch.dismiss}
            </button>
          </section>
        ),
      )}
    </div>
  );
}
