// Identifiers of the IG's profiles and code systems as the conformance checks accept them. The guide itself mixes
// `http://sas.fr/fhir/StructureDefinition/` and `https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/`,
// and three code systems for the IDNST identifier type: all are accepted.

const PROFILE_BASES = [
  'http://sas.fr/fhir/StructureDefinition/',
  'https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/',
];

export type Variant = 'ps' | 'cpts' | 'sos';

/** Profile names accepted per resource type and answer variant. */
export const PROFILE_NAMES: Record<string, Partial<Record<Variant, readonly string[]>> & { any?: readonly string[] }> =
  {
    Bundle: {
      ps: ['BundleAgregateur'],
      cpts: ['sas-cpts-bundle-aggregator', 'BundleAgregateur'],
      sos: ['sas-sos-bundle-aggregator'],
    },
    Slot: {
      ps: ['FrSlotAgregateur'],
      cpts: ['sas-cpts-slot-aggregator', 'FrSlotAgregateur'],
      sos: ['sas-sos-slot-aggregator'],
    },
    Schedule: { any: ['FrScheduleAgregateur', 'sas-sos-schedule-aggregator'] },
    Practitioner: { any: ['FrPractitionerAgregateur'] },
    PractitionerRole: { any: ['FrPractitionerRoleExerciceAgregateur'] },
    Location: { any: ['FrLocationAgregateur', 'sas-sos-location-aggregator'] },
    HealthcareService: { any: ['sas-cpts-healthcareservice-aggregator'] },
    Organization: { any: ['sas-cpts-organization-aggregator', 'sas-sos-organization-aggregator'] },
  };

export function declaresProfile(profiles: readonly string[], names: readonly string[]): boolean {
  return profiles.some((url) => names.some((name) => PROFILE_BASES.some((base) => url === `${base}${name}`)));
}

export const IDNPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
export const SAS_PLATFORM_OID = 'urn:oid:1.2.250.1.213.3.6';
export const IDNST_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.2';
export const IDENTIFIER_TYPE_SYSTEMS = [
  'http://interopsante.org/fhir/CodeSystem/fr-v2-0203',
  'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203',
  'http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type',
];
export const TYPE_CRENEAU_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau';
export const SLOT_TYPES = ['PUBLIC', 'PRO', 'SNP', 'CPTS'];
export const ACT_CODE_SYSTEMS = ['http://terminology.hl7.org/CodeSystem/v3-ActCode', 'urn:oid:2.16.840.1.113883.5.4'];
export const MODALITIES = ['AMB', 'HH', 'VR'];
export const APPOINTMENT_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0276';
export const APPOINTMENT_TYPES = ['ROUTINE', 'WALKIN'];
export const SLOT_SERVICE_TYPE_EXTENSION = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType';
/** The kit's format for Slot.start / end: milliseconds and an explicit offset. */
export const KIT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/u;
export const PHONE = /^\+\d{6,15}$/u;
