// The training PSC's pages: French, marked FORMATION on every screen, plain forms that work without script.
import { escapeHtml, renderPage } from '../../identity/html';
import type { TrainingPscIdentity } from './identities';

const TRAINING_BANNER = 'FORMATION — Pro Santé Connect simulé, aucune donnée réelle';

export interface LoginPageInput {
  actionBase: string;
  identities: readonly TrainingPscIdentity[];
  cardPin: string;
  error?: string;
  selected?: string;
}

function identityLabel(identity: TrainingPscIdentity): string {
  const name = `${identity.givenName} ${identity.familyName}`;
  return identity.label ? `${name} — ${identity.label}` : name;
}

export function loginPage({ actionBase, identities, cardPin, error, selected }: LoginPageInput): string {
  const chosen = selected ?? identities[0]?.nationalId;
  const radios = identities
    .map((identity) => {
      const id = escapeHtml(identity.nationalId);
      const checked = identity.nationalId === chosen ? ' checked' : '';
      return (
        `<label><input type="radio" name="identity" value="${id}"${checked}> ` +
        `${escapeHtml(identityLabel(identity))} <span class="muted">(${id})</span></label>`
      );
    })
    .join('');
  const errorHtml = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  const body =
    `<p>Environnement de <strong>formation</strong> : choisissez une identité fictive et un moyen de connexion.</p>` +
    errorHtml +
    `<form method="post" action="${escapeHtml(`${actionBase}/login`)}">` +
    `<fieldset><legend>Identité de formation</legend>${radios}</fieldset>` +
    `<fieldset><legend>Moyen de connexion</legend>` +
    `<label><input type="radio" name="method" value="cps" checked> Carte CPS (lecteur de carte)</label>` +
    `<label>Code PIN de la carte <input type="password" name="pin" inputmode="numeric" autocomplete="off" maxlength="8"></label>` +
    `<p class="muted">Code PIN de formation : ${escapeHtml(cardPin)}</p>` +
    `<label><input type="radio" name="method" value="ecps"> e-CPS (application sur téléphone)</label>` +
    `</fieldset>` +
    `<button type="submit">Se connecter</button>` +
    `</form>` +
    `<p><a href="${escapeHtml(`${actionBase}/abort`)}">Annuler la connexion</a></p>`;
  return renderPage({ title: 'Pro Santé Connect — FORMATION', banner: TRAINING_BANNER, body });
}

export function ecpsPage(actionBase: string, identity: TrainingPscIdentity): string {
  const body =
    `<p>Une demande de connexion a été envoyée à l’application e-CPS de ` +
    `<strong>${escapeHtml(`${identity.givenName} ${identity.familyName}`)}</strong>.</p>` +
    `<p><strong>Validez sur votre téléphone</strong>, puis continuez.</p>` +
    `<p class="muted">En formation, aucun téléphone n’est sollicité : « Continuer » vaut validation.</p>` +
    `<form method="post" action="${escapeHtml(`${actionBase}/ecps`)}">` +
    `<input type="hidden" name="identity" value="${escapeHtml(identity.nationalId)}">` +
    `<button type="submit">Continuer</button></form>` +
    `<p><a href="${escapeHtml(`${actionBase}/abort`)}">Annuler la connexion</a></p>`;
  return renderPage({ title: 'Validez sur votre téléphone', banner: TRAINING_BANNER, body });
}

export function messagePage(title: string, message: string): string {
  return renderPage({ title, banner: TRAINING_BANNER, body: `<p>${escapeHtml(message)}</p>` });
}
