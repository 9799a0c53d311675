// Specialty and profession codes of the SAS: TRE_R38 SpecialiteOrdinale (Slot.specialty, launch `specialty`) and
// TRE_G15 ProfessionSante (e.g. 40 = dentist), with their French labels for the UI. The same code system is
// written two ways: the FHIR URL in publishers' bundles, the OID in LRM launches. Compare codings with
// `sameSpecialty`, never with `===` on the system.
import type { Coding } from './care-offer';

export const TRE_R38_SYSTEM =
  'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale';
export const TRE_R38_OID = 'urn:oid:1.2.250.1.213.2.28';
export const TRE_G15_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante';
const TRE_G15_OID = 'urn:oid:1.2.250.1.71.1.2.7';

export type SpecialtyCodeSystem = 'TRE_R38' | 'TRE_G15';

/** Which nomenclature a coding's system names (URL, OID, or the bare table name), if any. */
export function specialtyCodeSystem(system: string): SpecialtyCodeSystem | undefined {
  const value = system.trim();
  if (value === TRE_R38_SYSTEM || value === TRE_R38_OID || value === 'TRE_R38') return 'TRE_R38';
  if (value === TRE_G15_SYSTEM || value === TRE_G15_OID || value === 'TRE_G15') return 'TRE_G15';
  return undefined;
}

/** Same code in the same nomenclature, whichever way each system is written. */
function sameSpecialty(a: Coding, b: Coding): boolean {
  if (a.code.trim() !== b.code.trim()) return false;
  const systemA = specialtyCodeSystem(a.system);
  return systemA !== undefined ? systemA === specialtyCodeSystem(b.system) : a.system.trim() === b.system.trim();
}

/** TRE_R38 labels (official display without the "(SM)" suffix). */
export const TRE_R38_LABELS: Readonly<Record<string, string>> = {
  SM01: 'Anatomie et cytologie pathologiques',
  SM02: 'Anesthésie-réanimation',
  SM03: 'Biologie médicale',
  SM04: 'Cardiologie et maladies vasculaires',
  SM05: 'Chirurgie générale',
  SM06: 'Chirurgie maxillo-faciale',
  SM07: 'Chirurgie maxillo-faciale et stomatologie',
  SM08: 'Chirurgie orthopédique et traumatologie',
  SM09: 'Chirurgie infantile',
  SM10: 'Chirurgie plastique reconstructrice et esthétique',
  SM11: 'Chirurgie thoracique et cardio-vasculaire',
  SM12: 'Chirurgie urologique',
  SM13: 'Chirurgie vasculaire',
  SM14: 'Chirurgie viscérale et digestive',
  SM15: 'Dermatologie et vénéréologie',
  SM16: 'Endocrinologie et métabolisme',
  SM17: 'Génétique médicale',
  SM18: 'Gériatrie',
  SM19: 'Gynécologie médicale',
  SM20: 'Gynécologie-obstétrique',
  SM21: 'Hématologie',
  SM24: 'Gastro-entérologie et hépatologie',
  SM25: 'Médecine du travail',
  SM26: 'Qualifié en médecine générale',
  SM27: 'Médecine interne',
  SM28: 'Médecine nucléaire',
  SM29: 'Médecine physique et de réadaptation',
  SM30: 'Néphrologie',
  SM31: 'Neuro-chirurgie',
  SM32: 'Neurologie',
  SM33: 'Neuro-psychiatrie',
  SM34: 'ORL et chirurgie cervico-faciale',
  SM38: 'Ophtalmologie',
  SM39: 'Oto-rhino-laryngologie',
  SM40: 'Pédiatrie',
  SM41: 'Pneumologie',
  SM42: 'Psychiatrie',
  SM43: 'Psychiatrie de l’enfant et de l’adolescent',
  SM44: 'Radio-diagnostic',
  SM48: 'Rhumatologie',
  SM50: 'Stomatologie',
  SM53: 'Spécialiste en médecine générale',
  SM54: 'Médecine générale',
  SM57: 'Allergologie',
  SM58: 'Maladies infectieuses et tropicales',
  SM59: 'Médecine d’urgence',
  SM61: 'Médecine vasculaire',
  SM62: 'Endocrinologie, diabétologie, nutrition',
  SM72: 'Médecine interne et immunologie clinique',
  SM73: 'Médecine cardiovasculaire',
  SCD01: 'Orthopédie dento-faciale',
  SCD02: 'Chirurgie orale',
  SCD03: 'Médecine bucco-dentaire',
};

/** TRE_G15 professions a search may name. */
export const TRE_G15_LABELS: Readonly<Record<string, string>> = {
  '10': 'Médecin',
  '21': 'Pharmacien',
  '40': 'Chirurgien-dentiste',
  '50': 'Sage-femme',
  '60': 'Infirmier',
  '70': 'Masseur-kinésithérapeute',
};

/** General medicine, the specialty of a search that names none. */
export const GENERAL_MEDICINE: Coding = { system: TRE_R38_SYSTEM, code: 'SM54', display: 'Médecine générale' };

/** A French label for a coding: the table's, else the coding's own display, else undefined. */
export function specialtyLabel(coding: Coding): string | undefined {
  const system = specialtyCodeSystem(coding.system);
  const table = system === 'TRE_R38' ? TRE_R38_LABELS : system === 'TRE_G15' ? TRE_G15_LABELS : undefined;
  return table?.[coding.code.trim()] ?? coding.display;
}

/** A coding in the nomenclature's FHIR form, with its label. */
export function specialtyCoding(system: SpecialtyCodeSystem, code: string): Coding {
  const label = (system === 'TRE_R38' ? TRE_R38_LABELS : TRE_G15_LABELS)[code];
  return {
    system: system === 'TRE_R38' ? TRE_R38_SYSTEM : TRE_G15_SYSTEM,
    code,
    ...(label ? { display: label } : {}),
  };
}

/** General medicine under any of its TRE_R38 codes (SM54, and the qualified / specialist SM26, SM53). */
export function isGeneralMedicine(coding: Coding): boolean {
  return specialtyCodeSystem(coding.system) === 'TRE_R38' && ['SM54', 'SM53', 'SM26'].includes(coding.code.trim());
}

/** Whether a practitioner's coding answers a search for `wanted` (general medicine codes are interchangeable). */
export function specialtyMatches(coding: Coding, wanted: Coding): boolean {
  return sameSpecialty(coding, wanted) || (isGeneralMedicine(coding) && isGeneralMedicine(wanted));
}
