// Table of launch cases: input → exact request and warnings, or exact errors. Issues are written
// `code@parameter` (or `code` when the issue concerns no single parameter) so a case pins both.
import type { LaunchRequest } from '@shared/domain/launch';
import type { ParseLaunchOptions } from '@shared/launch/parse-launch';

export interface LaunchCase {
  name: string;
  input: string | readonly string[];
  options?: ParseLaunchOptions;
  /** Valid case: the exact request. */
  request?: LaunchRequest;
  /** Invalid case: the exact errors, in order. */
  errors?: readonly string[];
  /** The exact warnings, in order (default: none). */
  warnings?: readonly string[];
}

const PLATFORM = 'https://sas.sante.fr/sas/recherche';
const CONSOLE = 'sas-console://recherche';
const RPPS = '810101010101';
const RPPS_URN = `urn:oid:1.2.250.1.71.4.2.1|${RPPS}`;
const SM54_URN = 'urn:oid:1.2.250.1.213.2.28|SM54';

const enc = encodeURIComponent;

/** A launch URL with the usual origin and GP first; pass `origin: null` / `practitioner: null` to leave them out. */
export function launchUrl(params: Record<string, string | null>, base = CONSOLE): string {
  const all: Record<string, string | null> = { origin: 'TEST-SAMU000', practitioner: RPPS_URN, ...params };
  const query = Object.entries(all)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}=${enc(value)}`)
    .join('&');
  return `${base}?${query}`;
}

const GP = { kind: 'national-id', nationalId: RPPS } as const;
const SM54 = { kind: 'coded', coding: { system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM54' } } as const;
const AGEN = { inseecode: '47001', city: 'Agen' };
const AGEN_LOCATION = { inseeCode: '47001', city: 'Agen' };

/** The request `launchUrl` gives with the usual origin and GP. */
function expected(location: LaunchRequest['location'], extra: Partial<LaunchRequest> = {}): LaunchRequest {
  return { via: 'console-scheme', origin: 'TEST-SAMU000', gp: GP, location, ...extra };
}

const WINDOWS_EXE = 'C:\\Program Files\\SAS Console\\SAS Console.exe';

export const LAUNCH_CASES: readonly LaunchCase[] = [
  // ── The shape ANS's LRM simulator produces ─────────────────────────────────────────────────────────────────
  {
    name: 'ANS LRM simulator: URNs, number merged into streetname, city only',
    input:
      'https://sas.sante.fr/sas/recherche?origin=TEST-SAMU000&practitioner=urn%3Aoid%3A1.2.250.1.71.4.2.1%7C810101010101' +
      '&specialty=urn%3Aoid%3A1.2.250.1.213.2.28%7CSM54&streetname=12%20rue%20de%20la%20Paix&city=Paris',
    request: {
      via: 'platform-url',
      origin: 'TEST-SAMU000',
      gp: GP,
      specialty: SM54,
      location: { city: 'Paris', streetName: '12 rue de la Paix' },
    },
  },
  {
    name: 'ANS LRM simulator with unencoded `:` and `|`',
    input: `${PLATFORM}?origin=TEST-SAMU000&practitioner=${RPPS_URN}&specialty=${SM54_URN}&streetname=3+place+du+Capitole&city=Toulouse`,
    request: {
      via: 'platform-url',
      origin: 'TEST-SAMU000',
      gp: GP,
      specialty: SM54,
      location: { city: 'Toulouse', streetName: '3 place du Capitole' },
    },
  },
  // ── The three input forms and their tolerated spellings ───────────────────────────────────────────────────
  {
    name: 'console scheme with a full address',
    input: launchUrl({ inseecode: '47001', city: 'Agen', streetname: 'rue Paul Vidal', streetnumber: '12' }),
    request: expected({ inseeCode: '47001', city: 'Agen', streetName: 'rue Paul Vidal', streetNumber: '12' }),
  },
  {
    name: 'console scheme without slashes',
    input: launchUrl(AGEN, 'sas-console:recherche'),
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'console scheme with three slashes',
    input: launchUrl(AGEN, 'sas-console:///recherche'),
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'console scheme with a trailing slash',
    input: launchUrl(AGEN, 'sas-console://recherche/'),
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'console scheme in upper case',
    input: launchUrl(AGEN, 'SAS-Console://Recherche'),
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'pre-production host with a trailing slash on the path',
    input: launchUrl(AGEN, 'https://pre-prod.sas.sante.fr/sas/recherche/'),
    request: expected(AGEN_LOCATION, { via: 'platform-url' }),
  },
  {
    name: 'integration host in upper case with a port',
    input: launchUrl(AGEN, 'HTTPS://INT.SAS.SANTE.FR:8443/sas/recherche'),
    request: expected(AGEN_LOCATION, { via: 'platform-url' }),
  },
  {
    name: 'surrounding whitespace around the URL',
    input: `  ${launchUrl(AGEN)}\n`,
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'Windows argv: exe path and Chromium flags before the URL',
    input: [
      WINDOWS_EXE,
      '--allow-file-access-from-files',
      '--original-process-start-time=13379246574000000',
      launchUrl(AGEN),
    ],
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'Linux argv with the platform URL as last argument',
    input: ['/opt/SAS Console/sas-console', '--no-sandbox', launchUrl(AGEN, PLATFORM)],
    request: expected(AGEN_LOCATION, { via: 'platform-url' }),
  },
  {
    name: 'argv with two launch URLs: the last one is read',
    input: [WINDOWS_EXE, launchUrl({ city: 'Nérac' }), '--flag', launchUrl(AGEN)],
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'argv with a proxy URL after the launch URL: not a launch, skipped',
    input: [WINDOWS_EXE, launchUrl(AGEN), 'http://proxy.local:3128'],
    request: expected(AGEN_LOCATION),
  },
  // ── INSEE codes: Corsica and arrondissements ──────────────────────────────────────────────────────────────
  { name: 'Corsica 2A (Ajaccio)', input: launchUrl({ inseecode: '2A004' }), request: expected({ inseeCode: '2A004' }) },
  {
    name: 'Corsica 2B typed in lower case (Bastia)',
    input: launchUrl({ inseecode: '2b033' }),
    request: expected({ inseeCode: '2B033' }),
  },
  {
    name: 'Paris arrondissement maps to Paris',
    input: launchUrl({ inseecode: '75111', streetname: 'rue Oberkampf', streetnumber: '100' }),
    request: expected({
      inseeCode: '75056',
      arrondissementInseeCode: '75111',
      streetName: 'rue Oberkampf',
      streetNumber: '100',
    }),
  },
  {
    name: 'Paris 1er (75101)',
    input: launchUrl({ inseecode: '75101' }),
    request: expected({ inseeCode: '75056', arrondissementInseeCode: '75101' }),
  },
  {
    name: 'Paris 20e (75120)',
    input: launchUrl({ inseecode: '75120' }),
    request: expected({ inseeCode: '75056', arrondissementInseeCode: '75120' }),
  },
  {
    name: 'Lyon 3e maps to Lyon',
    input: launchUrl({ inseecode: '69383' }),
    request: expected({ inseeCode: '69123', arrondissementInseeCode: '69383' }),
  },
  {
    name: 'Marseille 16e maps to Marseille',
    input: launchUrl({ inseecode: '13216' }),
    request: expected({ inseeCode: '13055', arrondissementInseeCode: '13216' }),
  },
  {
    name: 'Paris itself keeps its code',
    input: launchUrl({ inseecode: '75056' }),
    request: expected({ inseeCode: '75056' }),
  },
  {
    name: '75121 is not an arrondissement',
    input: launchUrl({ inseecode: '75121' }),
    request: expected({ inseeCode: '75121' }),
  },
  // ── GP and specialty ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'GP as a free-text name',
    input: launchUrl({ practitioner: 'Dr Jean-Marie Lefèvre', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: { kind: 'name', text: 'Dr Jean-Marie Lefèvre' } }),
  },
  {
    name: 'GP URN with upper-case scheme',
    input: launchUrl({ practitioner: `URN:OID:1.2.250.1.71.4.2.1|${RPPS}`, ...AGEN }),
    request: expected(AGEN_LOCATION),
  },
  // Every GP form real LRMs send is read; one that identifies nobody is a warning, never a refusal.
  {
    name: 'GP as an ADELI IDNPS with its URN',
    input: launchUrl({ practitioner: 'urn:oid:1.2.250.1.71.4.2.1|0123456789', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: { kind: 'national-id', nationalId: '0123456789' } }),
  },
  {
    name: 'GP as a FINESS-based IDNPS with its URN',
    input: launchUrl({ practitioner: 'urn:oid:1.2.250.1.71.4.2.1|3470000001/12345', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: { kind: 'national-id', nationalId: '3470000001/12345' } }),
  },
  {
    name: 'GP as an RPPS IDNPS without the URN',
    input: launchUrl({ practitioner: RPPS, ...AGEN }),
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'GP as an ADELI IDNPS without the URN',
    input: launchUrl({ practitioner: '0471234567', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: { kind: 'national-id', nationalId: '0471234567' } }),
  },
  {
    name: 'GP as a bare RPPS number with a valid Luhn key',
    input: launchUrl({ practitioner: '10002909371', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: { kind: 'national-id', nationalId: '810002909371' } }),
  },
  {
    name: 'GP as a bare RPPS number with a wrong Luhn key: looked up, with a warning',
    input: launchUrl({ practitioner: '10101010101', ...AGEN }),
    request: expected(AGEN_LOCATION),
    warnings: ['rpps-check-digit@practitioner'],
  },
  {
    name: 'GP as a bare 9-digit ADELI number',
    input: launchUrl({ practitioner: '471234567', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: { kind: 'national-id', nationalId: '0471234567' } }),
  },
  {
    name: 'GP as OID|value without the urn: prefix',
    input: launchUrl({ practitioner: `1.2.250.1.71.4.2.1|${RPPS}`, ...AGEN }),
    request: expected(AGEN_LOCATION),
  },
  {
    name: 'GP under the structure OID: warning, launch kept',
    input: launchUrl({ practitioner: 'urn:oid:1.2.250.1.71.4.2.2|1470000001', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: undefined }),
    warnings: ['practitioner-not-identified@practitioner'],
  },
  {
    name: 'GP RPPS URN with 10 digits: warning, launch kept',
    input: launchUrl({ practitioner: 'urn:oid:1.2.250.1.71.4.2.1|81010101010', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: undefined }),
    warnings: ['practitioner-not-identified@practitioner'],
  },
  {
    name: 'GP as garbage digits: warning, launch kept',
    input: launchUrl({ practitioner: '12-34', ...AGEN }),
    request: expected(AGEN_LOCATION, { gp: undefined }),
    warnings: ['practitioner-not-identified@practitioner'],
  },
  {
    name: 'specialty as free text',
    input: launchUrl({ specialty: 'Pédiatrie', ...AGEN }),
    request: expected(AGEN_LOCATION, { specialty: { kind: 'text', text: 'Pédiatrie' } }),
  },
  {
    name: 'specialty as a profession code (dentist)',
    input: launchUrl({ specialty: 'urn:oid:1.2.250.1.71.1.2.7|40', ...AGEN }),
    request: expected(AGEN_LOCATION, {
      specialty: { kind: 'coded', coding: { system: 'urn:oid:1.2.250.1.71.1.2.7', code: '40' } },
    }),
  },
  {
    name: 'the `speciality` misspelling alone',
    input: launchUrl({ speciality: SM54_URN, ...AGEN }),
    request: expected(AGEN_LOCATION, { specialty: SM54 }),
  },
  {
    name: '`specialty` and `speciality` both: specialty wins',
    input: launchUrl({ speciality: 'Pédiatrie', specialty: SM54_URN, ...AGEN }),
    request: expected(AGEN_LOCATION, { specialty: SM54 }),
    warnings: ['specialty-alias-conflict@speciality'],
  },
  {
    name: 'no origin: warning, search still runs',
    input: launchUrl({ origin: null, ...AGEN }),
    request: { via: 'console-scheme', gp: GP, location: AGEN_LOCATION },
    warnings: ['missing-origin@origin'],
  },
  {
    name: 'no GP: informative warning',
    input: launchUrl({ practitioner: null, ...AGEN }),
    request: { via: 'console-scheme', origin: 'TEST-SAMU000', location: AGEN_LOCATION },
    warnings: ['missing-practitioner@practitioner'],
  },
  {
    name: 'known origin accepted',
    input: launchUrl(AGEN),
    options: { knownOrigins: ['SAMU047', 'TEST-SAMU000'] },
    request: expected(AGEN_LOCATION),
  },
  // ── Encoding and odd text ─────────────────────────────────────────────────────────────────────────────────
  {
    name: '`+` is a space, `%2B` a plus',
    input: `${CONSOLE}?origin=TEST-SAMU000&practitioner=Dr+Marie%2BAnne+Durand&city=Agen&streetname=rue+de+la+Paix`,
    request: expected(
      { city: 'Agen', streetName: 'rue de la Paix' },
      { gp: { kind: 'name', text: 'Dr Marie+Anne Durand' } },
    ),
  },
  {
    name: 'decomposed accent normalised to NFC',
    input: launchUrl({ city: 'E\u0301vry' }),
    request: expected({ city: 'Évry' }),
  },
  {
    name: 'whitespace runs (tab, NBSP, newline) folded and trimmed',
    input: launchUrl({ city: ' Saint\u00A0\u00A0Étienne\t', streetname: 'rue\nde la Paix' }),
    request: expected({ city: 'Saint Étienne', streetName: 'rue de la Paix' }),
  },
  {
    name: 'raw, unencoded UTF-8 letters accepted',
    input: `${CONSOLE}?origin=TEST-SAMU000&practitioner=${RPPS_URN}&city=Évry-Courcouronnes`,
    request: expected({ city: 'Évry-Courcouronnes' }),
  },
  {
    name: 'zero-width space removed from an INSEE code',
    input: launchUrl({ inseecode: '47\u200B001', city: 'Agen' }),
    request: expected(AGEN_LOCATION),
    warnings: ['invisible-character-removed@inseecode'],
  },
  {
    name: 'BOM and soft hyphen removed from a city',
    input: launchUrl({ city: '\uFEFFAg\u00ADen' }),
    request: expected({ city: 'Agen' }),
    warnings: ['invisible-character-removed@city'],
  },
  {
    name: 'empty value treated as absent',
    input: launchUrl({ ...AGEN, streetname: '', specialty: '   ' }),
    request: expected(AGEN_LOCATION),
    warnings: ['empty-value@specialty', 'empty-value@streetname'],
  },
  {
    name: 'a value of exactly 200 characters is accepted',
    input: launchUrl({ city: 'Agen', streetname: 'a'.repeat(200) }),
    request: expected({ city: 'Agen', streetName: 'a'.repeat(200) }),
  },
  {
    name: 'a `=` inside a value is kept',
    input: `${CONSOLE}?origin=TEST-SAMU000&practitioner=${RPPS_URN}&city=Agen&streetname=a=b`,
    request: expected({ city: 'Agen', streetName: 'a=b' }),
  },
  {
    name: 'empty segments ignored',
    input: `${CONSOLE}?&&origin=TEST-SAMU000&&practitioner=${RPPS_URN}&city=Agen&`,
    request: expected({ city: 'Agen' }),
  },
  // ── Parameter names ───────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'unknown parameters reported by position (a name may hold patient data)',
    input: launchUrl({ ...AGEN, foo: '1', utm_source: 'lrm' }),
    request: expected(AGEN_LOCATION),
    warnings: ['unknown-parameter@#5', 'unknown-parameter@#6'],
  },
  {
    name: 'a name with bad percent-encoding is an unknown parameter',
    input: `${launchUrl(AGEN)}&ci%zzty=Agen`,
    request: expected(AGEN_LOCATION),
    warnings: ['unknown-parameter@#5'],
  },
  {
    name: 'same value repeated: warning',
    input: `${launchUrl(AGEN)}&city=Agen&city=+Agen`,
    request: expected(AGEN_LOCATION),
    warnings: ['duplicate-parameter@city'],
  },
  {
    name: 'names in another case accepted with a warning',
    input: `${CONSOLE}?Origin=TEST-SAMU000&practitioner=${RPPS_URN}&inseeCode=47001&CITY=Agen`,
    request: expected(AGEN_LOCATION),
    warnings: ['parameter-name-case@Origin', 'parameter-name-case@inseeCode', 'parameter-name-case@CITY'],
  },
  {
    name: 'a full-width look-alike name is unknown, not folded',
    input: `${launchUrl({ inseecode: '47001' })}&\uFF43\uFF49\uFF54\uFF59=Paris`,
    request: expected({ inseeCode: '47001' }),
    // Named by its position: a name may hold the patient's address.
    warnings: ['unknown-parameter@#4'],
  },
  // ── Plain-search parameters ───────────────────────────────────────────────────────────────────────────────
  {
    name: '`text` used as specialty when none is given',
    input: launchUrl({ text: 'Dermatologie', ...AGEN }),
    request: expected(AGEN_LOCATION, { specialty: { kind: 'text', text: 'Dermatologie' } }),
    warnings: ['plain-search-fallback@text'],
  },
  {
    name: '`loc` used as city when no location is given',
    input: launchUrl({ loc: 'Agen' }),
    request: expected({ city: 'Agen' }),
    warnings: ['plain-search-fallback@loc'],
  },
  {
    name: '`text` ignored next to `specialty`',
    input: launchUrl({ specialty: SM54_URN, text: 'Dermatologie', ...AGEN }),
    request: expected(AGEN_LOCATION, { specialty: SM54 }),
    warnings: ['plain-search-ignored@text'],
  },
  {
    name: '`loc` ignored next to `inseecode`',
    input: launchUrl({ inseecode: '47001', loc: 'Paris' }),
    request: expected({ inseeCode: '47001' }),
    warnings: ['plain-search-ignored@loc'],
  },
  // ── Street number ─────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'street number with `bis` normalised',
    input: launchUrl({ ...AGEN, streetname: 'rue Paul Vidal', streetnumber: '12BIS' }),
    request: expected({ ...AGEN_LOCATION, streetName: 'rue Paul Vidal', streetNumber: '12 bis' }),
    warnings: ['street-number-repetition-index@streetnumber'],
  },
  {
    name: 'street number with a letter index',
    input: launchUrl({ ...AGEN, streetname: 'rue Paul Vidal', streetnumber: '7 B' }),
    request: expected({ ...AGEN_LOCATION, streetName: 'rue Paul Vidal', streetNumber: '7 b' }),
    warnings: ['street-number-repetition-index@streetnumber'],
  },
  {
    name: 'fragment ignored',
    input: `${launchUrl(AGEN)}#resultats`,
    request: expected(AGEN_LOCATION),
    warnings: ['fragment-ignored'],
  },
  // ══ Errors ══════════════════════════════════════════════════════════════════════════════════════════════════
  {
    name: 'argv without a launch URL',
    input: [WINDOWS_EXE, '--allow-file-access-from-files'],
    errors: ['no-launch-url'],
  },
  { name: 'empty argv', input: [], errors: ['no-launch-url'] },
  { name: 'empty string', input: '   ', errors: ['no-launch-url'] },
  { name: 'URL over 4096 characters', input: launchUrl({ city: 'a'.repeat(5000) }), errors: ['launch-url-too-long'] },
  {
    name: 'plain HTTP platform URL',
    input: launchUrl(AGEN, 'http://sas.sante.fr/sas/recherche'),
    errors: ['unsupported-launch-url'],
  },
  {
    name: 'another scheme',
    input: launchUrl(AGEN, 'ftp://sas.sante.fr/sas/recherche'),
    errors: ['unsupported-launch-url'],
  },
  { name: 'not a URL at all', input: 'Agen 47000', errors: ['unsupported-launch-url'] },
  {
    name: 'https without //',
    input: launchUrl(AGEN, 'https:sas.sante.fr/sas/recherche'),
    errors: ['unsupported-launch-url'],
  },
  {
    name: 'foreign host',
    input: launchUrl(AGEN, 'https://evil.example/sas/recherche'),
    errors: ['launch-host-not-allowed'],
  },
  {
    name: 'look-alike suffix host',
    input: launchUrl(AGEN, 'https://sas.sante.fr.evil.example/sas/recherche'),
    errors: ['launch-host-not-allowed'],
  },
  {
    name: 'look-alike prefix host',
    input: launchUrl(AGEN, 'https://fakesas.sante.fr/sas/recherche'),
    errors: ['launch-host-not-allowed'],
  },
  {
    name: 'userinfo hiding the real host',
    input: launchUrl(AGEN, 'https://sas.sante.fr@evil.example/sas/recherche'),
    errors: ['launch-host-not-allowed'],
  },
  {
    name: 'non-numeric port',
    input: launchUrl(AGEN, 'https://sas.sante.fr:https/sas/recherche'),
    errors: ['launch-host-not-allowed'],
  },
  {
    name: 'look-alike in argv is read and refused, not skipped',
    input: [WINDOWS_EXE, launchUrl(AGEN, 'https://sas-sante.example/sas/recherche')],
    errors: ['launch-host-not-allowed'],
  },
  {
    name: 'another platform page',
    input: launchUrl(AGEN, 'https://sas.sante.fr/sas/rdv'),
    errors: ['launch-path-unrecognized'],
  },
  { name: 'platform home page', input: launchUrl(AGEN, 'https://sas.sante.fr/'), errors: ['launch-path-unrecognized'] },
  { name: 'another console target', input: launchUrl(AGEN, 'sas-console://rdv'), errors: ['launch-path-unrecognized'] },
  {
    name: 'too many parameters',
    input: `${CONSOLE}?city=Agen&${Array.from({ length: 40 }, (_, i) => `p${i}=x`).join('&')}`,
    errors: ['too-many-parameters'],
  },
  {
    name: 'same parameter with different values',
    input: `${launchUrl(AGEN)}&city=N%C3%A9rac`,
    errors: ['conflicting-parameter@city'],
  },
  {
    name: 'Latin-1 percent-encoding',
    input: `${CONSOLE}?origin=TEST-SAMU000&practitioner=${RPPS_URN}&city=%E9vry`,
    errors: ['bad-percent-encoding@city'],
  },
  {
    name: 'malformed percent-encoding',
    input: `${CONSOLE}?origin=TEST-SAMU000&practitioner=${RPPS_URN}&city=Agen&streetname=rue%zz`,
    errors: ['bad-percent-encoding@streetname'],
  },
  {
    name: 'truncated UTF-8 sequence',
    input: `${CONSOLE}?origin=TEST-SAMU000&practitioner=${RPPS_URN}&inseecode=4700%C3`,
    errors: ['bad-percent-encoding@inseecode'],
  },
  {
    name: 'value over 200 characters',
    input: launchUrl({ city: 'Agen', streetname: 'a'.repeat(201) }),
    errors: ['value-too-long@streetname'],
  },
  { name: 'NUL character', input: launchUrl({ city: 'Agen\u0000' }), errors: ['forbidden-character@city'] },
  {
    name: 'escape sequence',
    input: launchUrl({ city: 'Agen', streetname: '\u001b[31mrue' }),
    errors: ['forbidden-character@streetname'],
  },
  {
    name: 'replacement character (broken encoding upstream)',
    input: launchUrl({ city: '\uFFFDvry' }),
    errors: ['forbidden-character@city'],
  },
  {
    name: 'bidi override in the GP name',
    input: launchUrl({ practitioner: 'Dr \u202EdnaruD', ...AGEN }),
    errors: ['bidi-control@practitioner'],
  },
  { name: 'origin with a space', input: launchUrl({ origin: 'SAMU 47', ...AGEN }), errors: ['invalid-origin@origin'] },
  {
    name: 'origin over 64 characters',
    input: launchUrl({ origin: 'S'.repeat(65), ...AGEN }),
    errors: ['invalid-origin@origin'],
  },
  {
    name: 'origin not among the known ones',
    input: launchUrl(AGEN),
    options: { knownOrigins: ['SAMU047'] },
    errors: ['unknown-origin@origin'],
  },
  {
    name: 'specialty URN without a code',
    input: launchUrl({ specialty: 'urn:oid:1.2.250.1.213.2.28', ...AGEN }),
    errors: ['invalid-specialty@specialty'],
  },
  {
    name: 'specialty URN with a non-numeric OID',
    input: launchUrl({ specialty: 'urn:oid:tre-r38|SM54', ...AGEN }),
    errors: ['invalid-specialty@specialty'],
  },
  {
    name: 'specialty URN with an empty code',
    input: launchUrl({ speciality: 'urn:oid:1.2.250.1.213.2.28|', ...AGEN }),
    errors: ['invalid-specialty@speciality'],
  },
  {
    name: 'specialty as a bare code',
    input: launchUrl({ specialty: '40', ...AGEN }),
    errors: ['invalid-specialty@specialty'],
  },
  {
    name: 'INSEE code of 4 digits',
    input: launchUrl({ inseecode: '4700', city: 'Agen' }),
    errors: ['invalid-insee-code@inseecode'],
  },
  {
    name: 'INSEE code 2C (not Corsica)',
    input: launchUrl({ inseecode: '2C004' }),
    errors: ['invalid-insee-code@inseecode'],
  },
  {
    name: 'INSEE code with a space',
    input: launchUrl({ inseecode: '47 001' }),
    errors: ['invalid-insee-code@inseecode'],
  },
  {
    name: 'street number as a range',
    input: launchUrl({ ...AGEN, streetname: 'rue Paul Vidal', streetnumber: '12-14' }),
    errors: ['invalid-street-number@streetnumber'],
  },
  {
    name: 'street number of 6 digits',
    input: launchUrl({ ...AGEN, streetname: 'rue Paul Vidal', streetnumber: '123456' }),
    errors: ['invalid-street-number@streetnumber'],
  },
  {
    name: 'street number without a street name',
    input: launchUrl({ ...AGEN, streetnumber: '12' }),
    errors: ['street-number-without-street-name@streetnumber'],
  },
  { name: 'no location at all', input: launchUrl({ specialty: SM54_URN }), errors: ['missing-location'] },
  { name: 'a street but no commune', input: launchUrl({ streetname: 'rue Paul Vidal' }), errors: ['missing-location'] },
  {
    name: 'no query at all',
    input: PLATFORM,
    errors: ['missing-location'],
    warnings: ['missing-origin@origin', 'missing-practitioner@practitioner'],
  },
  {
    name: 'several errors reported together, warnings kept',
    input: launchUrl({ origin: null, practitioner: 'urn:oid:1.2|x', inseecode: '9', streetnumber: 'x', foo: 'y' }),
    errors: [
      'invalid-insee-code@inseecode',
      'invalid-street-number@streetnumber',
      'street-number-without-street-name@streetnumber',
    ],
    warnings: ['unknown-parameter@#4', 'missing-origin@origin', 'practitioner-not-identified@practitioner'],
  },
];
