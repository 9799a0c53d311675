// One line of `PS_LibreAcces_Personne_activite_<date>.txt` (ANS "Annuaire Santé" extraction): one activity of one
// professional. UTF-8 with a BOM, `|`-separated, no quoting, a trailing `|`. Columns are read by header name.
import { field, resolveColumns, splitFields, type ColumnIndex, type ColumnsResult } from './delimited';

const RPPS_SEPARATOR = '|';

/** The header as published in 2026 (56 columns, in file order). */
export const RPPS_HEADER_2026 = [
  "Type d'identifiant PP",
  'Identifiant PP',
  'Identification nationale PP',
  "Code civilité d'exercice",
  "Libellé civilité d'exercice",
  'Code civilité',
  'Libellé civilité',
  "Nom d'exercice",
  "Prénom d'exercice",
  'Code profession',
  'Libellé profession',
  'Code catégorie professionnelle',
  'Libellé catégorie professionnelle',
  'Code type savoir-faire',
  'Libellé type savoir-faire',
  'Code savoir-faire',
  'Libellé savoir-faire',
  'Code mode exercice',
  'Libellé mode exercice',
  'Numéro SIRET site',
  'Numéro SIREN site',
  'Numéro FINESS site',
  'Numéro FINESS établissement juridique',
  'Identifiant technique de la structure',
  'Raison sociale site',
  'Enseigne commerciale site',
  'Complément destinataire (coord. structure)',
  'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)',
  'Indice répétition voie (coord. structure)',
  'Code type de voie (coord. structure)',
  'Libellé type de voie (coord. structure)',
  'Libellé Voie (coord. structure)',
  'Mention distribution (coord. structure)',
  'Bureau cedex (coord. structure)',
  'Code postal (coord. structure)',
  'Code commune (coord. structure)',
  'Libellé commune (coord. structure)',
  'Code pays (coord. structure)',
  'Libellé pays (coord. structure)',
  'Téléphone (coord. structure)',
  'Téléphone 2 (coord. structure)',
  'Télécopie (coord. structure)',
  'Adresse e-mail (coord. structure)',
  'Code Département (structure)',
  'Libellé Département (structure)',
  'Ancien identifiant de la structure',
  "Autorité d'enregistrement",
  "Code secteur d'activité",
  "Libellé secteur d'activité",
  'Code section tableau pharmaciens',
  'Libellé section tableau pharmaciens',
  'Code rôle',
  'Libellé rôle',
  'Code genre activité',
  'Libellé genre activité',
] as const;

/** The columns the importer reads; every one must be in the header. */
const RPPS_REQUIRED_COLUMNS = [
  "Type d'identifiant PP",
  'Identification nationale PP',
  "Code civilité d'exercice",
  "Nom d'exercice",
  "Prénom d'exercice",
  'Code profession',
  'Libellé profession',
  'Code type savoir-faire',
  'Code savoir-faire',
  'Libellé savoir-faire',
  'Code mode exercice',
  'Numéro FINESS site',
  'Identifiant technique de la structure',
  'Raison sociale site',
  'Enseigne commerciale site',
  'Numéro Voie (coord. structure)',
  'Indice répétition voie (coord. structure)',
  'Libellé type de voie (coord. structure)',
  'Libellé Voie (coord. structure)',
  'Code postal (coord. structure)',
  'Code commune (coord. structure)',
  'Libellé commune (coord. structure)',
  'Téléphone (coord. structure)',
  "Code secteur d'activité",
] as const satisfies readonly (typeof RPPS_HEADER_2026)[number][];

export type RppsColumn = (typeof RPPS_REQUIRED_COLUMNS)[number];

export function resolveRppsHeader(headerLine: string): ColumnsResult<RppsColumn> {
  return resolveColumns(splitFields(headerLine, RPPS_SEPARATOR), RPPS_REQUIRED_COLUMNS, 'fichier RPPS');
}

/** One activity as the importer needs it; empty cells are absent. */
export interface RppsActivity {
  /** IDNPS: `8` + RPPS or `0` + ADELI. */
  nationalId: string;
  idType: 'rpps' | 'adeli';
  civilityCode?: string;
  familyName: string;
  givenName?: string;
  professionCode: string;
  professionLabel?: string;
  skillType?: string;
  skillCode?: string;
  skillLabel?: string;
  /** TRE_R23: L libéral, S salarié, B bénévole. */
  mode?: string;
  sector?: string;
  finessSite?: string;
  structureId?: string;
  siteName?: string;
  street?: string;
  postalCode?: string;
  inseeCode?: string;
  city?: string;
  phone?: string;
}

export type RppsLineResult = { ok: true; activity: RppsActivity } | { ok: false; error: string };

const IDNPS = { rpps: /^8\d{11}$/, adeli: /^0\d{9}$/ };

/** Parses the cells of one data line. Never throws: a line that cannot be an activity gives a French reason. */
export function parseRppsLine(line: string, columns: ColumnIndex<RppsColumn>): RppsLineResult {
  const cells = splitFields(line, RPPS_SEPARATOR);
  const get = (name: RppsColumn) => field(cells, columns, name);
  const optional = (name: RppsColumn) => get(name) || undefined;
  const lastIndex = Math.max(...Object.values<number>(columns));
  if (cells.length <= lastIndex)
    return { ok: false, error: `${cells.length} champs, au moins ${lastIndex + 1} attendus` };
  const typeCode = get("Type d'identifiant PP");
  const idType = typeCode === '8' ? 'rpps' : typeCode === '0' ? 'adeli' : undefined;
  if (!idType) return { ok: false, error: `type d'identifiant inconnu « ${typeCode} »` };
  const nationalId = get('Identification nationale PP');
  if (!IDNPS[idType].test(nationalId)) return { ok: false, error: `identifiant national invalide « ${nationalId} »` };
  const familyName = get("Nom d'exercice");
  if (familyName === '') return { ok: false, error: `nom d'exercice manquant (${nationalId})` };
  const professionCode = get('Code profession');
  if (!/^\d{1,3}$/.test(professionCode)) return { ok: false, error: `code profession invalide (${nationalId})` };
  const street = [
    `${get('Numéro Voie (coord. structure)')}${get('Indice répétition voie (coord. structure)')}`,
    get('Libellé type de voie (coord. structure)'),
    get('Libellé Voie (coord. structure)'),
  ]
    .filter((part) => part !== '')
    .join(' ');
  const postalCode = get('Code postal (coord. structure)');
  const inseeCode = get('Code commune (coord. structure)').toUpperCase();
  return {
    ok: true,
    activity: {
      nationalId,
      idType,
      civilityCode: optional("Code civilité d'exercice"),
      familyName,
      givenName: optional("Prénom d'exercice"),
      professionCode,
      professionLabel: optional('Libellé profession'),
      skillType: optional('Code type savoir-faire'),
      skillCode: optional('Code savoir-faire'),
      skillLabel: optional('Libellé savoir-faire'),
      mode: optional('Code mode exercice'),
      sector: optional("Code secteur d'activité"),
      finessSite: optional('Numéro FINESS site'),
      structureId: optional('Identifiant technique de la structure'),
      siteName: optional('Enseigne commerciale site') ?? optional('Raison sociale site'),
      street: street || undefined,
      postalCode: /^\d{5}$/.test(postalCode) ? postalCode : undefined,
      inseeCode: /^(\d{5}|2[AB]\d{3})$/.test(inseeCode) ? inseeCode : undefined,
      city: optional('Libellé commune (coord. structure)'),
      phone: optional('Téléphone (coord. structure)'),
    },
  };
}
