// Systems, URLs and codes of the SAS implementation guide (ANS, FHIR R4, v1.2.0), in one place.
// The guide itself is inconsistent (two profile URL roots, three code systems for the IDNST identifier type): the
// mapper accepts every spelling seen in the guide, the builders always write the one the guide's examples use.

/** TRE_R314 TypeCreneau (Slot.meta.security). */
export const TYPE_CRENEAU_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau';
/** v3 ActCode (Slot.serviceType consultation mode). */
export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** The same code system by OID, as some publishers write it. */
export const ACT_CODE_OID = 'urn:oid:2.16.840.1.113883.5.4';
/** TRE_R66 CategorieEtablissement (Slot.serviceType `604` = CPTS). */
export const CATEGORIE_ETABLISSEMENT_SYSTEM =
  'https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement';
export const CPTS_CATEGORY_CODE = '604';
/** v2-0276 appointment reason (Slot.appointmentType): WALKIN = without appointment. */
export const APPOINTMENT_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0276';

/** Identifier type code systems. The guide uses three for IDNST; all are accepted. */
export const FR_V2_0203_SYSTEM = 'http://interopsante.org/fhir/CodeSystem/fr-v2-0203';
export const FR_CORE_V2_0203_SYSTEM = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';
export const FR_LOCATION_IDENTIFIER_TYPE_SYSTEM = 'http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type';

/** R5 backport extension on Slot.serviceType referencing the CPTS HealthcareService. */
export const SLOT_SERVICE_TYPE_EXTENSION = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType';
/** Regulator who booked an appointment (V3). */
export const APPOINTMENT_OPERATOR_EXTENSION = 'http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator';

/** Profiles, with the URL root each one has in the guide. */
const SAS_FR = 'http://sas.fr/fhir/StructureDefinition/';
const INTEROP = 'https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/';
export const PROFILES = {
  bundlePs: `${SAS_FR}BundleAgregateur`,
  bundleCpts: `${INTEROP}sas-cpts-bundle-aggregator`,
  bundleSos: `${INTEROP}sas-sos-bundle-aggregator`,
  slotPs: `${SAS_FR}FrSlotAgregateur`,
  slotCpts: `${INTEROP}sas-cpts-slot-aggregator`,
  slotSos: `${INTEROP}sas-sos-slot-aggregator`,
  schedule: `${SAS_FR}FrScheduleAgregateur`,
  scheduleSos: `${INTEROP}sas-sos-schedule-aggregator`,
  practitioner: `${SAS_FR}FrPractitionerAgregateur`,
  practitionerRole: `${SAS_FR}FrPractitionerRoleExerciceAgregateur`,
  location: `${SAS_FR}FrLocationAgregateur`,
  locationSos: `${INTEROP}sas-sos-location-aggregator`,
  healthcareServiceCpts: `${INTEROP}sas-cpts-healthcareservice-aggregator`,
  organizationCpts: `${INTEROP}sas-cpts-organization-aggregator`,
  organizationSos: `${INTEROP}sas-sos-organization-aggregator`,
  appointment: `${SAS_FR}FrAppointmentSAS`,
  appointmentSos: `${INTEROP}sas-sos-appointment`,
  practitionerRegul: `${INTEROP}FrPractitionerRegul`,
} as const;

/** Both roots exist for some profiles (the guide moved): compare by the last path segment. */
export function profileName(url: string): string {
  const slash = url.lastIndexOf('/');
  const pipe = url.indexOf('|');
  return url.slice(slash + 1, pipe > slash ? pipe : undefined);
}

/** True when a system URL denotes the given MOS nomenclature (TRE_R314...), whatever host or spelling. */
export function isNosSystem(system: string, tre: 'TRE_R314' | 'TRE_R66' | 'TRE_R38'): boolean {
  const upper = system.toUpperCase();
  return upper.includes(tre) || upper.includes(tre.replace('_', '-'));
}
