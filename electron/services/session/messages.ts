// Every reason a console login or session can end, and what the regulator reads for it (French). Codes are stable
// (logs, tests); messages are for people.

export type SessionFailureCode =
  | 'cancelled'
  | 'timeout'
  | 'browser-unavailable'
  | 'backend-unreachable'
  | 'backend-insecure'
  | 'state-mismatch'
  | 'nonce-mismatch'
  | 'token-expired'
  | 'token-tampered'
  /** The provider refused the console's proof of its key (DPoP): with a correct console, the workstation's clock. */
  | 'proof-refused'
  | 'invalid-response'
  | 'code-refused'
  | 'identity-missing'
  | 'denied'
  | 'session-ended'
  | 'shift-ended'
  | 'logged-out'
  /** At start, the saved session could not be resumed because the backend did not answer. */
  | 'restore-unreachable'
  /** At start, the workstation's key store could not be read. */
  | 'restore-unreadable';

const MESSAGES: Record<SessionFailureCode, string> = {
  cancelled: 'Connexion annulée.',
  timeout: 'Délai de connexion dépassé : la connexion n’a pas été terminée dans le navigateur. Relancez-la.',
  'browser-unavailable': 'Impossible d’ouvrir le navigateur pour la connexion.',
  'backend-unreachable': 'Serveur d’identité du SAS injoignable : vérifiez le réseau puis réessayez.',
  'backend-insecure': 'Adresse du serveur SAS refusée : HTTPS obligatoire hors de ce poste.',
  'state-mismatch': 'Réponse de connexion inattendue (paramètre « state » différent) : connexion refusée par sécurité.',
  'nonce-mismatch':
    'Le jeton d’identité ne correspond pas à cette connexion (« nonce » différent) : connexion refusée par sécurité.',
  'token-expired':
    'Le jeton d’identité reçu est expiré : connexion refusée. Vérifiez l’heure de ce poste puis réessayez.',
  'token-tampered': 'La signature du jeton d’identité est invalide : connexion refusée par sécurité.',
  'proof-refused':
    'Le serveur SAS a refusé la preuve de la clé de ce poste, sans doute parce que l’heure du poste est décalée. Vérifiez l’heure de ce poste puis réessayez.',
  'invalid-response': 'Réponse du serveur d’identité invalide : connexion refusée par sécurité.',
  'code-refused':
    'Le serveur SAS a refusé le code de connexion (code déjà utilisé ou vérification PKCE échouée) : connexion refusée. Relancez-la.',
  'identity-missing': 'Réponse de connexion incomplète : l’identité du régulateur est absente.',
  denied: 'Connexion refusée par le serveur SAS.',
  'session-ended': 'Votre session a expiré ou a été fermée : reconnectez-vous.',
  'shift-ended': 'Votre session de travail est terminée : reconnectez-vous.',
  'logged-out': 'Vous êtes déconnecté.',
  'restore-unreachable':
    'Reconnexion automatique impossible : serveur d’identité du SAS injoignable. Vérifiez le réseau puis connectez-vous.',
  'restore-unreadable':
    'Reconnexion automatique impossible : le coffre de secrets de ce poste est illisible. Connectez-vous.',
};

/** Reasons the provider gives in `error_description` with `access_denied` (backend/identity `LoginRefusalReason`). */
const DENIAL_MESSAGES: Record<string, string> = {
  regulator_unknown: 'Accès refusé : votre identifiant national n’est pas enregistré comme régulateur du SAS.',
  regulator_inactive: 'Accès refusé : votre accès au SAS a été retiré.',
  psc_unreachable:
    'Pro Santé Connect est injoignable : aucune session n’a été ouverte. Réessayez dans quelques instants.',
  psc_cancelled: 'Connexion annulée sur Pro Santé Connect.',
  psc_failed: 'La réponse de Pro Santé Connect n’a pas pu être vérifiée : connexion refusée.',
};

export function sessionMessage(code: SessionFailureCode, denialReason?: string): string {
  if (code === 'denied' && denialReason) return DENIAL_MESSAGES[denialReason] ?? MESSAGES.denied;
  return MESSAGES[code];
}

/** The page the browser shows after the redirect back to the console. */
export function callbackPage(outcome: { ok: true } | { ok: false; message: string }): string {
  const title = outcome.ok ? 'Connexion réussie' : 'Connexion refusée';
  const text = outcome.ok ? 'Connexion réussie, vous pouvez revenir à la console.' : outcome.message;
  const escaped = text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  return (
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title} — Console SAS</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}</style></head>` +
    `<body><main><h1>${title}</h1><p>${escaped}</p><p>Vous pouvez fermer cet onglet.</p></main></body></html>`
  );
}
