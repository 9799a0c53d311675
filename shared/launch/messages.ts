// Every French text of the launch parser and of `check-launch`, in one place so wording is reviewed together.
// Messages name the parameter; they never repeat a patient's data (address, GP name): only the origin, a
// parameter name or the URL's scheme, host and path appear, always through `displayable`.
import { displayable } from './characters';
import type { LaunchIssueCode } from './codes';

/** What a message may mention. Builders read only the fields their code needs. */
export interface MessageContext {
  /** The parameter concerned, as the parser names it. */
  parameter?: string;
  /** Another parameter the message refers to (alias, fallback target). */
  other?: string;
  /** A value safe to show (an origin), shown through `displayable`. */
  value?: string;
  /** The URL without its query (scheme, host, path). */
  url?: string;
  count?: number;
  limit?: number;
}

const q = (text: string | undefined, max = 64): string => `« ${displayable(text ?? '?', max)} »`;

/**
 * A parameter name is shown only when it looks like one: a malformed query (`streetname:…`, an encoded `=`) puts the
 * patient's address inside the "name", and the address must never be repeated.
 */
const PARAMETER_NAME = /^[A-Za-z0-9_-]{1,40}$/u;
export const isShowableParameterName = (name: string): boolean => PARAMETER_NAME.test(name);
const param = (ctx: MessageContext): string =>
  ctx.parameter !== undefined && isShowableParameterName(ctx.parameter)
    ? `Paramètre ${q(ctx.parameter)}`
    : 'Paramètre « ? » (nom illisible)';

/** The pages that may launch the console: the only paths a message repeats. */
const KNOWN_PATHS = new Set(['/sas/recherche', '/sas/recherche/', '/recherche', '/recherche/', '']);
const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]{0,30}):(\/\/)?([^/?#]*)([^?#]*)/u;
const KNOWN_HOST = /^(?:[a-z0-9-]{1,40}\.)*sas\.sante\.fr$|^recherche$/u;

/**
 * The URL as a message may show it: its scheme, its host when it is the platform's (or the console's `recherche`),
 * its path when it is a known page; anything else becomes "…". A launch written with `&` or `/` instead of `?` has
 * the patient's address in its "host" or "path", and the address must never be repeated.
 */
function shownLaunchUrl(raw: string | undefined): string {
  const match = URL_PARTS.exec(raw ?? '');
  if (!match) return '?';
  const [, scheme = '', slashes = '', host = '', path = ''] = match;
  const shownScheme =
    /^[A-Za-z][A-Za-z0-9+.-]{0,30}$/u.test(scheme) && scheme.length <= 12 ? scheme.toLowerCase() : '?';
  const knownHost = KNOWN_HOST.test(host.toLowerCase());
  const shownHost = knownHost ? host.toLowerCase() : host ? '…' : '';
  const shownPath = knownHost && KNOWN_PATHS.has(path) ? path : path ? '/…' : '';
  return `${shownScheme}:${slashes}${shownHost}${shownPath}`;
}

const url = (ctx: MessageContext): string => `URL de lancement ${q(shownLaunchUrl(ctx.url), 120)}`;

const ACCEPTED_FORMS = 'sas-console://recherche?… ou https://sas.sante.fr/sas/recherche?…';

const MESSAGES: { readonly [C in LaunchIssueCode]: (ctx: MessageContext) => string } = {
  // Errors
  'no-launch-url': () => `Aucune URL de lancement : la console attend une adresse ${ACCEPTED_FORMS}`,
  'launch-url-too-long': (c) =>
    `URL de lancement trop longue : ${c.count ?? '?'} caractères, ${c.limit ?? '?'} au plus.`,
  'unsupported-launch-url': (c) => `${url(c)} non reconnue : seules les adresses ${ACCEPTED_FORMS} sont acceptées.`,
  'launch-host-not-allowed': (c) =>
    `${url(c)} : l'hôte n'est pas celui de la plateforme SAS (sas.sante.fr ou l'un de ses sous-domaines).`,
  'launch-path-unrecognized': (c) =>
    `${url(c)} : seule la page de recherche (https://sas.sante.fr/sas/recherche ou sas-console://recherche) peut lancer la console.`,
  'too-many-parameters': (c) => `L'URL de lancement contient ${c.count ?? '?'} paramètres, ${c.limit ?? '?'} au plus.`,
  'conflicting-parameter': (c) =>
    `${param(c)} présent ${c.count ?? '?'} fois avec des valeurs différentes : impossible de savoir laquelle retenir.`,
  'bad-percent-encoding': (c) =>
    `${param(c)} : encodage « % » invalide (la valeur doit être encodée en UTF-8, par exemple « é » = %C3%A9).`,
  'value-too-long': (c) =>
    `${param(c)} : valeur trop longue (${c.count ?? '?'} caractères, ${c.limit ?? '?'} au plus).`,
  'forbidden-character': (c) =>
    `${param(c)} : la valeur contient des caractères de contrôle ou invalides (encodage cassé ?) ; elle est refusée.`,
  'bidi-control': (c) =>
    `${param(c)} : la valeur contient des caractères qui inversent le sens d'affichage du texte ; elle est refusée.`,
  'invalid-origin': (c) =>
    `${param(c)} : ${q(c.value)} n'est pas une origine valide (1 à 64 lettres sans accent, chiffres, « . », « _ » ou « - »).`,
  'unknown-origin': (c) =>
    `${param(c)} : le flux entre le logiciel de régulation médicale ${q(c.value)} et la console SAS est désactivé (origine inconnue).`,
  'invalid-specialty': (c) =>
    `${param(c)} : spécialité mal formée (attendu : urn:oid:<OID>|<code>, par exemple urn:oid:1.2.250.1.213.2.28|SM54, ou un libellé).`,
  'invalid-insee-code': (c) =>
    `${param(c)} : code INSEE invalide (5 chiffres, ou 2A/2B suivi de 3 chiffres pour la Corse).`,
  'invalid-street-number': (c) =>
    `${param(c)} : numéro de voie invalide (1 à 5 chiffres, éventuellement suivis de bis, ter, quater, quinquies ou d'une lettre).`,
  'street-number-without-street-name': (c) =>
    `${param(c)} : un numéro de voie sans nom de voie (« streetname ») ne peut pas être utilisé.`,
  'missing-location': () =>
    `Localisation du patient absente : il faut au moins le paramètre « inseecode » ou « city » pour lancer la recherche.`,
  // Warnings
  'missing-origin': (c) => `${param(c)} absent : l'origine de l'appel (LRM / SAMU) n'est pas connue.`,
  'missing-practitioner': (c) => `${param(c)} absent : le médecin traitant n'a pas été renseigné.`,
  'practitioner-not-identified': (c) =>
    `${param(c)} : le médecin traitant n'a pas pu être identifié (attendu : son RPPS, son identifiant national urn:oid:1.2.250.1.71.4.2.1|8…, |0… ou |3…, son ADELI ou son nom) ; la recherche est lancée sans lui.`,
  'rpps-check-digit': (c) =>
    `${param(c)} : la clé de contrôle du numéro RPPS est fausse (faute de frappe ?) ; le médecin traitant est tout de même recherché.`,
  'specialty-alias-conflict': (c) =>
    `${param(c)} ignoré : ${q(c.other)} est aussi présent et c'est lui qui est retenu.`,
  'duplicate-parameter': (c) =>
    `${param(c)} présent ${c.count ?? '?'} fois avec la même valeur : une seule est retenue.`,
  'unknown-parameter': (c) =>
    `Paramètre inconnu ${q(c.parameter)} (le ${c.count ?? '?'}e de l'URL) : ignoré. Son nom n'est pas repris : il pourrait contenir des données du patient.`,
  'empty-value': (c) => `${param(c)} vide : considéré comme absent.`,
  'invisible-character-removed': (c) =>
    `${param(c)} : caractères invisibles (espaces sans largeur, marques de direction…) supprimés.`,
  'parameter-name-case': (c) => `${param(c)} : nom attendu en minuscules, ${q(c.other)} ; accepté.`,
  'plain-search-fallback': (c) => `${param(c)} (recherche simple) utilisé à la place de ${q(c.other)}, absent.`,
  'plain-search-ignored': (c) => `${param(c)} (recherche simple) ignoré : ${q(c.other)} est renseigné.`,
  'street-number-repetition-index': (c) =>
    `${param(c)} : indice de répétition (bis, ter…) accepté par la console ; la plateforme nationale n'attend que des chiffres.`,
  'fragment-ignored': () => `URL de lancement : la partie après « # » est ignorée.`,
};

export function launchMessage(code: LaunchIssueCode, ctx: MessageContext = {}): string {
  return MESSAGES[code](ctx);
}

/** What `check-launch` prints on a usage error. */
export const CHECK_LAUNCH_USAGE = {
  error:
    'check-launch attend une URL de lancement, ou les arguments d’un lancement (argv) dont la dernière URL est lue.',
  usage: [
    'npm run --silent cli -- check-launch "sas-console://recherche?origin=…&inseecode=…"',
    'npm run --silent cli -- check-launch "C:\\…\\SAS Console.exe" --allow-file-access-from-files "https://sas.sante.fr/sas/recherche?…"',
  ],
} as const;
