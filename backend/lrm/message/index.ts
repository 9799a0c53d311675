// INT_L02, the appointment sent back to the LRM through the Hub Santé: the message itself, and the Hub's answers.
//
// Entry points:
//   lrmInputFromAppointment(record, directory, context?) → { input, practitionerFound, structureFound }
//     An appointment as stored (AppointmentRecord) + the directory → the builder's input. Never throws: what the
//     directory does not know is sent as the appointment names it, or left out.
//   buildLrmMessage(input, { senderId, recipient, now, ttlMs?, previous?, fhirBase? })
//       → { distributionId, envelope, resources }
//     ttlMs (dateTimeExpires − dateTimeSent) defaults to a day; fhirBase (the entries' fullUrl base) to the platform's.
//     The EDXL-DE envelope (JSON, publish as is with content-type application/json) around the SASBundleAppointmentLRM
//     transaction. First message: no `previous`, every resource POSTed. Update (status, times, practitioner…): pass
//     `previous: { resources }` from the last result for this appointment: the Appointment is PUT
//     (`Appointment/<appointment id>`) and only resources the LRM never received are POSTed. Keep `resources` and
//     `distributionId` with the outbox row. Throws LrmMessageInputError (French, each field named) on invalid input.
//   parseRcDeAck(body) / parseHubError(body) → { ok: true, value } | { ok: false, problems }
//     The `${senderId}.ack` and `${senderId}.info` queues' bodies (Buffer, string or JSON). Never throw.
//     parseHubError's value: { referencedDistributionId, code (400 | 404 | 500…), codeName?, cause, … }.
//   parseLrmEnvelope(body), buildRcDeAck(…), buildHubError(…): the LRM's side (simulated LRM, tests).
export { buildLrmMessage, type LrmMessage, type LrmMessageOptions } from './build-message';
export type { LrmBundle } from './bundle';
export { lrmEnvelopeSchema, type LrmEnvelope } from './envelope';
export {
  buildHubError,
  buildRcDeAck,
  hubErrorSchema,
  parseHubError,
  parseLrmEnvelope,
  parseRcDeAck,
  rcDeAckSchema,
  type HubError,
  type Parsed,
  type RcDeAck,
} from './hub-messages';
export {
  lrmInputFromAppointment,
  type LrmDirectory,
  type OrientationContext,
  type ResolvedLrmInput,
} from './from-directory';
export type { LrmAppointmentInput, LrmPractitioner, LrmStructure } from './input';
export * from './codes';
