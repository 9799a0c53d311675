import type { ReactNode } from 'react';
import type { EnvironmentInfo, SessionState } from '@shared/api/console-api';
import { fr } from '../../i18n/fr';

interface HeaderProps {
  environment?: EnvironmentInfo;
  session: SessionState;
  onLogin: () => void;
  onCancelLogin: () => void;
  onLogout: () => void;
  /** Buttons of the logged-in shell (Mes orientations, Journal de garde), before the user's name. */
  tools?: ReactNode;
  /** The session ended by itself (expiry, access withdrawn): the login button says « Se reconnecter ». */
  relogin?: boolean;
}

const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

export function Header({ environment, session, onLogin, onCancelLogin, onLogout, tools, relogin }: HeaderProps) {
  const training = environment?.mode === 'training';
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{fr.productName}</span>
        <span className="brand-tagline">{fr.productTagline}</span>
      </div>
      {environment && (
        <span
          className={training ? 'env-badge env-training' : 'env-badge'}
          title={training ? fr.environment.trainingHint : environment.backendUrl}
        >
          {training ? fr.environment.training : environment.label}
        </span>
      )}
      <div className="session-area">
        {tools}
        {session.status === 'logged-out' && (
          <button type="button" className="btn btn-primary" onClick={onLogin}>
            {relogin ? fr.incidents.relogin : fr.session.login}
          </button>
        )}
        {session.status === 'logging-in' && (
          <>
            <span className="session-pending" role="status">
              {fr.session.loggingIn}
            </span>
            <button type="button" className="btn" onClick={onCancelLogin}>
              {fr.session.cancel}
            </button>
          </>
        )}
        {session.status === 'logged-in' && (
          <>
            <span className="session-user">
              <strong>
                {session.user.givenName} {session.user.familyName}
              </strong>
              <small>{fr.session.expiresAt(timeFormat.format(new Date(session.expiresAt)))}</small>
            </span>
            <button type="button" className="btn" onClick={onLogout}>
              {fr.session.logout}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
