// French pages of the SAS identity provider (what the regulator sees in the browser during login and logout).
import type { LoginRefusalReason } from './events';
import { escapeHtml, renderPage } from './html';

export interface RefusalText {
  title: string;
  message: string;
}

/** What a refused login says, per reason. Shared with tests so wording changes stay in one place. */
export const REFUSAL_TEXT: Record<LoginRefusalReason, RefusalText> = {
  regulator_unknown: {
    title: 'Accès refusé',
    message:
      'Votre identité Pro Santé Connect est valide, mais votre identifiant national n’est pas enregistré comme régulateur du SAS. ' +
      'Aucune session n’a été ouverte. Contactez l’administrateur de votre SAS.',
  },
  regulator_inactive: {
    title: 'Accès retiré',
    message:
      'Votre accès au SAS a été retiré. Aucune session n’a été ouverte. Contactez l’administrateur de votre SAS.',
  },
  psc_unreachable: {
    title: 'Pro Santé Connect injoignable',
    message: 'Pro Santé Connect ne répond pas. Aucune session n’a été ouverte. Réessayez dans quelques instants.',
  },
  psc_cancelled: {
    title: 'Connexion annulée',
    message: 'La connexion a été annulée sur Pro Santé Connect. Aucune session n’a été ouverte.',
  },
  psc_failed: {
    title: 'Connexion impossible',
    message:
      'La réponse de Pro Santé Connect n’a pas pu être vérifiée. Aucune session n’a été ouverte. Relancez la connexion depuis la console.',
  },
};

export function refusalPage(reason: LoginRefusalReason, returnTo: string | undefined, nationalId?: string): string {
  const text = REFUSAL_TEXT[reason];
  const who = nationalId ? `<p class="muted">Identifiant national : ${escapeHtml(nationalId)}</p>` : '';
  const back = returnTo ? `<p><a href="${escapeHtml(returnTo)}">Revenir à la console</a></p>` : '';
  return renderPage({
    title: text.title,
    body: `<p class="error" role="alert">${escapeHtml(text.message)}</p>${who}${back}`,
    ...(returnTo ? { refreshTo: returnTo } : {}),
  });
}

export function expiredInteractionPage(): string {
  return renderPage({
    title: 'Demande de connexion expirée',
    body:
      '<p class="error" role="alert">Cette demande de connexion a expiré ou ne correspond pas à ce navigateur. ' +
      'Aucune session n’a été ouverte. Fermez cette page et relancez la connexion depuis la console.</p>',
  });
}

export function unexpectedPscResponsePage(): string {
  return renderPage({
    title: 'Réponse inattendue',
    body:
      '<p class="error" role="alert">La réponse de Pro Santé Connect ne correspond à aucune connexion en cours ' +
      '(paramètre « state » inconnu ou déjà utilisé). Aucune session n’a été ouverte. ' +
      'Fermez cette page et relancez la connexion depuis la console.</p>',
  });
}

export function logoutConfirmPage(form: string): string {
  return renderPage({
    title: 'Déconnexion du SAS',
    body:
      '<p>Voulez-vous fermer votre session SAS dans ce navigateur ?</p>' +
      `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>` +
      '<button type="submit" form="op.logoutForm">Rester connecté</button>',
  });
}

export function logoutDonePage(): string {
  return renderPage({ title: 'Déconnecté', body: '<p>Votre session SAS est fermée dans ce navigateur.</p>' });
}

export function providerErrorPage(error: string): string {
  return renderPage({
    title: 'Erreur de connexion',
    body: `<p class="error" role="alert">La demande n’a pas pu aboutir (${escapeHtml(error.slice(0, 100))}). Relancez la connexion depuis la console.</p>`,
  });
}
