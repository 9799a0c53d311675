// Which RPPS activities are searchable ("premier recours", the rule the national platform's importers use) and
// which specialty a professional is searched under. Codes: TRE_R01 (secteurs d'activité), TRE_R23 (modes
// d'exercice), TRE_G15 (professions), TRE_R38 (savoir-faire: spécialités ordinales).
import type { Coding } from '@shared/domain/care-offer';
import { TRE_G15_SYSTEM, TRE_R38_LABELS, TRE_R38_SYSTEM } from '@shared/domain/specialties';
import type { RppsActivity } from './rpps';

/** Town-care sectors: centre de santé, cabinet individuel, cabinet de groupe, exercice en société, maison/pôle de santé. */
const PREMIER_RECOURS_SECTORS: ReadonlySet<string> = new Set(['SA05', 'SA07', 'SA08', 'SA09', 'SA52']);

/**
 * Professions the SAS orients patients to: médecin (10), chirurgien-dentiste (40), sage-femme (50), infirmier (60),
 * masseur-kinésithérapeute (70). Pharmacists, biologists' labs, etc. are not consultations.
 */
const PREMIER_RECOURS_PROFESSIONS: ReadonlySet<string> = new Set(['10', '40', '50', '60', '70']);

const MEDECIN = '10';
/** Savoir-faire codes that still make a doctor a general practitioner. */
const GENERAL_MEDICINE_SKILLS: ReadonlySet<string> = new Set(['SM26', 'SM53', 'SM54']);
/** The code a general practitioner is searched under (the training data set and the LRM use it). */
const GENERAL_MEDICINE_CODE = 'SM54';

export type ActivityExclusion = 'profession' | 'secteur';

/**
 * Why an activity is not searchable, or undefined when it is: a premier-recours profession, practised in a town-care
 * sector, or with no sector declared in liberal mode (`L`). Hospitals (SA01–SA04), company medicine (SA13),
 * salaried activities outside those sectors are excluded.
 */
export function exclusionOf(activity: RppsActivity): ActivityExclusion | undefined {
  if (!PREMIER_RECOURS_PROFESSIONS.has(activity.professionCode)) return 'profession';
  if (activity.sector !== undefined) return PREMIER_RECOURS_SECTORS.has(activity.sector) ? undefined : 'secteur';
  return activity.mode === 'L' ? undefined : 'secteur';
}

/**
 * The specialty of an activity: a doctor's ordinal specialty (savoir-faire of type `S`, TRE_R38), general medicine
 * (SM54) for a doctor without one or with SM26/SM53/SM54; the profession (TRE_G15) for the other professions.
 */
export function specialtyOf(activity: RppsActivity): Coding {
  if (activity.professionCode === MEDECIN) {
    const skill = activity.skillType === 'S' ? activity.skillCode : undefined;
    const code = skill === undefined || GENERAL_MEDICINE_SKILLS.has(skill) ? GENERAL_MEDICINE_CODE : skill;
    const display = TRE_R38_LABELS[code] ?? (code === skill ? activity.skillLabel : undefined);
    return { system: TRE_R38_SYSTEM, code, ...(display ? { display } : {}) };
  }
  return {
    system: TRE_G15_SYSTEM,
    code: activity.professionCode,
    ...(activity.professionLabel ? { display: activity.professionLabel } : {}),
  };
}
