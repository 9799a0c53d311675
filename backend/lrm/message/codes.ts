// Systems, URLs and codes of the guide's LRM part (flow INT_L02), in one place: the builder writes them, the tests
// and the simulated LRM read them. Spelled exactly as the guide's profiles and terminology write them.
import { IDNPS_SYSTEM, IDNST_SYSTEM } from '@shared/domain/identifiers';
import { TRE_R38_SYSTEM } from '@shared/domain/specialties';
import { CATEGORIE_ETABLISSEMENT_SYSTEM, FR_CORE_V2_0203_SYSTEM } from '@shared/fhir/codes';

export { IDNPS_SYSTEM, IDNST_SYSTEM, TRE_R38_SYSTEM, FR_CORE_V2_0203_SYSTEM };

/** Appointment.identifier.system: the SAS platform's technical appointment id. */
export const SAS_APPOINTMENT_ID_SYSTEM = 'urn:oid:1.2.250.1.213.3.6.2';

const SAS_IG = 'https://interop.esante.gouv.fr/ig/fhir/sas';

/** The orientation-category extension on Appointment (sas-categorie-orientation). */
export const CATEGORIE_ORIENTATION_EXTENSION = `${SAS_IG}/StructureDefinition/sas-categorie-orientation`;
/** The SAS code system of the categories that are not establishments (PS, place de marché, SOS Médecins). */
export const CATEGORIE_ORIENTATION_SYSTEM = `${SAS_IG}/CodeSystem/categorie-orientation-sas-codesystem`;

/** fr-core practitioner specialty extension (TRE_R38 code). */
export const PRACTITIONER_SPECIALTY_EXTENSION =
  'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-practitioner-specialty';

export const PARTICIPATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

export const LRM_PROFILES = {
  bundle: `${SAS_IG}/StructureDefinition/sas-bundle-appointment-lrm`,
  appointment: `${SAS_IG}/StructureDefinition/sas-appointment-lrm`,
  practitioner: `${SAS_IG}/StructureDefinition/sas-practitioner-lrm`,
  practitionerRole: `${SAS_IG}/StructureDefinition/sas-practitioner-role-lrm`,
  organization: `${SAS_IG}/StructureDefinition/sas-organization-lrm`,
  healthcareService: `${SAS_IG}/StructureDefinition/sas-healthcareservice-lrm`,
} as const;

/** Kinds of orientation the platform sends, each with its category coding (guide's value set). */
export const ORIENTATION_CATEGORIES = {
  /** A practitioner on their own (« PS à titre individuel »). */
  ps: { system: CATEGORIE_ORIENTATION_SYSTEM, code: '001', display: 'PS' },
  /** Place de marché. */
  pdm: { system: CATEGORIE_ORIENTATION_SYSTEM, code: '002', display: 'PDM' },
  sos: { system: CATEGORIE_ORIENTATION_SYSTEM, code: '003', display: 'SOS' },
  cpts: { system: CATEGORIE_ETABLISSEMENT_SYSTEM, code: '604', display: 'CPTS' },
  msp: { system: CATEGORIE_ETABLISSEMENT_SYSTEM, code: '603', display: 'MSP' },
  cds: { system: CATEGORIE_ETABLISSEMENT_SYSTEM, code: '124', display: 'CDS' },
} as const;
export type OrientationCategory = keyof typeof ORIENTATION_CATEGORIES;
