// SAS IG (FHIR R4) ⇄ domain: mappers (never throw, issues instead) and builders.
export * from './issues';
export * from './codes';
export * from './instant';
export * from './paris-time';
export * from './booking-url';
export { mapSlotBundle, type SlotBundleContext, type SlotBundleMapping } from './map-slot-bundle';
export { mapResource, type MappedResource, type ResourceMapping } from './map-resource';
export {
  mapAppointment,
  appointmentIssueStatus,
  type AppointmentMapping,
  type AppointmentReport,
} from './map-appointment';
export { mapRegulatorPractitioner, type RegulatorAccount, type RegulatorMapping } from './map-regulator';
export * from './build-search';
export * from './build-bundle';
export * from './build-v1-v3';
export * from './build-operation-outcome';
