// The explicit step of every console login. Once a browser holds a SAS session, an authorization request for the
// console (a public client, any loopback port) would otherwise be answered without the regulator doing anything,
// so any local process could open the browser on its own request and collect the regulator's tokens on its own
// port. A console authorization therefore passes either Pro Santé Connect in this same request, or this page,
// where the regulator confirms with a button. Publishers are not concerned: their SSO must stay silent (RDV V2),
// and their codes are useless without their secret.
import type Provider from 'oidc-provider';
import { escapeHtml, renderPage } from './html';

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

/** True when this console authorization did not pass PSC just now: the regulator must confirm it. */
export function needsConsoleConfirmation(details: InteractionDetails, consoleClientId: string): boolean {
  if (details.params['client_id'] !== consoleClientId) return false;
  // The login result of this same authorization (PSC just authenticated the user) comes back as lastSubmission.
  const last = details.lastSubmission as { login?: { accountId?: unknown } } | undefined;
  return typeof last?.login?.accountId !== 'string';
}

/** The path the confirmation form posts to, under the provider's mount path. */
export function confirmationPath(issuer: string, uid: string): string {
  return `${issuer}/interaction/${uid}/confirm`;
}

/** « Connecter la SAS Console de ce poste ? », with the port the code would be sent to. */
export function consoleConfirmationPage(action: string, redirectUri: string | undefined): string {
  let port = '';
  try {
    port = redirectUri ? new URL(redirectUri).port : '';
  } catch {
    port = '';
  }
  const where = port ? ` (retour sur ce poste, port ${escapeHtml(port)})` : '';
  return renderPage({
    title: 'Connecter la SAS Console de ce poste ?',
    body:
      `<p>La SAS Console de ce poste demande à utiliser votre session SAS${where}.</p>` +
      '<p class="muted">Si vous n’avez pas cliqué sur « Se connecter » dans la console à l’instant, fermez cette page : ' +
      'aucune connexion ne sera ouverte.</p>' +
      `<form method="post" action="${escapeHtml(action)}">` +
      '<button type="submit" name="confirm" value="yes">Connecter la SAS Console</button></form>',
  });
}
