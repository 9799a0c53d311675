import { fr } from '../i18n/fr';
import { getConsoleApi } from '../api/console-client';
import { OrientationButtons } from '../orientations/OrientationButtons';
import { OrientationPanels } from '../orientations/OrientationPanels';
import { TabLinksProvider } from '../orientations/TabLinks';
import { useOrientations } from '../orientations/use-orientations';
import { useState } from 'react';
import { Header } from './shell/Header';
import { LogoutDialog } from './shell/LogoutDialog';
import { LaunchErrors } from './shell/LaunchErrors';
import { Workspace } from '../search/Workspace';
import { useConsole } from './use-console';

export function App() {
  const { state, login, cancelLogin, logout, dismissLaunch, dismissError } = useConsole();
  const training = state.environment?.mode === 'training';
  const loggedIn = state.session.status === 'logged-in';
  const orientations = useOrientations(getConsoleApi(), loggedIn);
  const [openTabs, setOpenTabs] = useState(0);
  const [confirmingLogout, setConfirmingLogout] = useState(false);
  // A session that ended by itself (expiry, access withdrawn) keeps the tabs, paused, to rerun after login;
  // a logout asked for by the regulator drops them.
  const keepWorkspace = loggedIn || (state.hadSession && !state.loggedOutByUser);
  const sessionEnded = !loggedIn && keepWorkspace;
  const requestLogout = () => {
    if (openTabs > 0) setConfirmingLogout(true);
    else void logout();
  };
  return (
    <TabLinksProvider>
      <div className={training ? 'app app-training' : 'app'}>
        <Header
          environment={state.environment}
          session={state.session}
          onLogin={login}
          onCancelLogin={cancelLogin}
          onLogout={requestLogout}
          relogin={sessionEnded}
          tools={loggedIn ? <OrientationButtons orientations={orientations} /> : undefined}
        />
        <div className="app-body">
          <main className="app-main">
            {state.error && (
              <div className="alert alert-error" role="alert">
                <span>{state.error.message}</span>
                <button type="button" className="btn" onClick={dismissError}>
                  {fr.launch.dismiss}
                </button>
              </div>
            )}
            <LaunchErrors launches={state.launches} onDismiss={dismissLaunch} />
            {!loggedIn && state.launchesWaiting > 0 && (
              <p className="notice notice-info" role="status" data-testid="launches-waiting">
                {fr.incidents.pendingLaunches(state.launchesWaiting)}
              </p>
            )}
            {keepWorkspace && (
              <Workspace
                launches={state.launches}
                onLaunchConsumed={dismissLaunch}
                onTabCount={setOpenTabs}
                paused={!loggedIn}
                {...(sessionEnded && state.session.status === 'logged-out' && state.session.message
                  ? { pausedReason: state.session.message }
                  : {})}
              />
            )}
            {!keepWorkspace && (
              <section className="welcome">
                <h1>{state.session.status === 'logging-in' ? fr.session.loggingIn : fr.session.loggedOutTitle}</h1>
                <p>{state.session.status === 'logging-in' ? fr.session.loggingInHint : fr.session.loggedOutBody}</p>
                {state.session.status === 'logged-out' && state.session.message && (
                  <p className="alert alert-warning">{state.session.message}</p>
                )}
              </section>
            )}
          </main>
          {loggedIn && <OrientationPanels orientations={orientations} />}
        </div>
        <LogoutDialog
          open={confirmingLogout}
          openTabs={openTabs}
          onCancel={() => setConfirmingLogout(false)}
          onConfirm={() => {
            setConfirmingLogout(false);
            void logout();
          }}
        />
      </div>
    </TabLinksProvider>
  );
}
