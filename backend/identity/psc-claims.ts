// What the backend reads from Pro Santé Connect: the userinfo claims (JSON or signed JWT, same claims), the ID
// token's `acr` and `authMode`. Parsing is strict where the SAS depends on it (the national id) and lenient
// elsewhere: PSC adds claims over time and one odd field must not block a regulator's login.
import { z } from 'zod';

/** Control characters are never part of an identifier or a name. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/u;

const boundedText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'caractère de contrôle');

/** IDNPS forms seen at PSC: `8`+RPPS, `0`+ADELI, `3`+FINESS+`/`+local id, and test ids such as `ANS2023...`. */
const nationalIdSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[0-9A-Za-z][0-9A-Za-z/._-]*$/u, 'format inattendu');

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), boundedText(max).optional());

const pscUserinfoSchema = z
  .object({
    sub: boundedText(256),
    SubjectNameID: nationalIdSchema,
    given_name: optionalText(200),
    family_name: optionalText(200),
    preferred_username: optionalText(200),
    SubjectOrganization: optionalText(500),
    SubjectRefPro: z.unknown().optional(),
    otherIds: z.unknown().optional(),
  })
  .loose();

export type PscUserinfo = z.infer<typeof pscUserinfoSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const FIELD_LABELS: Record<string, string> = {
  sub: 'identifiant technique (sub)',
  SubjectNameID: 'identifiant national (SubjectNameID)',
  given_name: 'prénom (given_name)',
  family_name: 'nom (family_name)',
  preferred_username: 'preferred_username',
  SubjectOrganization: 'SubjectOrganization',
};

/** Validates PSC userinfo claims. Never throws; the message names the faulty claim, in French. */
export function parsePscUserinfo(raw: unknown): ParseResult<PscUserinfo> {
  const result = pscUserinfoSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const key = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
  if (key === undefined)
    return { ok: false, message: 'Les informations reçues de Pro Santé Connect ne sont pas un objet JSON.' };
  const label = FIELD_LABELS[key] ?? key;
  const missing = raw !== null && typeof raw === 'object' && !(key in raw);
  return {
    ok: false,
    message: missing
      ? `Pro Santé Connect n’a pas transmis le champ ${label}.`
      : `Le champ ${label} transmis par Pro Santé Connect est invalide.`,
  };
}

/** How the regulator authenticated at PSC, as publishers receive it in `idp_connect` (RDV V2). */
export type IdpConnect = 'psc-cps' | 'psc-ecps' | `psc-${string}`;

/** `acr` values PSC has been seen to send; absent is accepted too (domain.md). */
export const ACCEPTED_PSC_ACR = ['eidas1', 'eidas2', 'eidas3'] as const;

export function isAcceptedAcr(acr: unknown): acr is (typeof ACCEPTED_PSC_ACR)[number] | undefined {
  return acr === undefined || (typeof acr === 'string' && (ACCEPTED_PSC_ACR as readonly string[]).includes(acr));
}

const ECPS_MODES = new Set(['MOBILE', 'ECPS', 'E-CPS', 'APP']);

/**
 * Login method from PSC's ID token. `authMode: "CARD"` is the CPS smart card; no authMode (PSC's usual e-CPS
 * answer) or an e-CPS-like mode is the phone app; any other mode is passed on as `psc-<mode>` rather than guessed.
 */
export function idpConnectFrom(authMode: unknown): IdpConnect {
  if (typeof authMode !== 'string' || authMode.trim() === '') return 'psc-ecps';
  const mode = authMode.trim().toUpperCase();
  if (mode === 'CARD') return 'psc-cps';
  if (ECPS_MODES.has(mode)) return 'psc-ecps';
  const slug = mode
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 30);
  return slug ? `psc-${slug}` : 'psc-ecps';
}

// The provider keeps the login method in the session's `amr` (RFC 8176 values, so publishers get a standard
// claim too) and derives `idp_connect` back from it when it issues tokens: sessions carry no other free field.
const AMR_BY_IDP: Record<string, string[]> = {
  'psc-cps': ['sc', 'pin', 'mfa'],
  'psc-ecps': ['swk', 'mfa'],
};
const IDP_AMR_PREFIX = 'idp:';

export function amrFor(idpConnect: IdpConnect): string[] {
  return [...(AMR_BY_IDP[idpConnect] ?? ['mfa']), `${IDP_AMR_PREFIX}${idpConnect}`];
}

export function idpConnectFromAmr(amr: readonly string[] | undefined): IdpConnect | undefined {
  const tagged = amr?.find((v) => v.startsWith(IDP_AMR_PREFIX));
  if (!tagged) return undefined;
  const value = tagged.slice(IDP_AMR_PREFIX.length);
  return value.startsWith('psc-') ? (value as IdpConnect) : undefined;
}
