// Per-resource checks of a searchset answer against the IG's profiles. Each takes the resource, its path and the
// sink; the Bundle-level walk (check-bundle.ts) decides which applies where.
import type { FindingSink } from './findings';
import { codings, isRecord, type Json, nonEmpty, records, text } from './json';
import {
  ACT_CODE_SYSTEMS,
  APPOINTMENT_REASON_SYSTEM,
  APPOINTMENT_TYPES,
  IDENTIFIER_TYPE_SYSTEMS,
  IDNPS_SYSTEM,
  IDNST_SYSTEM,
  KIT_INSTANT,
  MODALITIES,
  PHONE,
  SAS_PLATFORM_OID,
  SLOT_SERVICE_TYPE_EXTENSION,
  SLOT_TYPES,
  TYPE_CRENEAU_SYSTEM,
} from './profiles';

const CPTS_HORIZON_MS = 48 * 3600 * 1000;

/** Absolute http(s) URL with a host, no whitespace (no URL class here: shared/ is platform-free). */
function absoluteHttpUrl(value: string): boolean {
  return /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#]\S*)?$/u.test(value);
}

export interface SlotContext {
  cpts: boolean;
  now: Date;
}

export function checkSlot(slot: Json, path: string, sink: FindingSink, context: SlotContext): void {
  if (slot.status !== 'free') sink.add('slot-status', `${path}.status`, `reçu « ${String(slot.status)} »`);
  const start = text(slot.start);
  const end = text(slot.end);
  if (start === undefined || end === undefined) sink.add('slot-start-end', start ? `${path}.end` : `${path}.start`);
  for (const [name, value] of [
    ['start', start],
    ['end', end],
  ] as const)
    if (value !== undefined && !KIT_INSTANT.test(value)) sink.add('slot-instant-format', `${path}.${name}`, value);
  if (start !== undefined && end !== undefined && !(Date.parse(end) > Date.parse(start)))
    sink.add('slot-end-before-start', `${path}.end`);
  if (!isRecord(slot.schedule) || text(slot.schedule.reference) === undefined)
    sink.add('slot-schedule', `${path}.schedule.reference`);
  const meta = isRecord(slot.meta) ? slot.meta : {};
  const security = records(meta.security);
  if (
    security.length === 0 ||
    security.some((c) => c.system !== TYPE_CRENEAU_SYSTEM || !SLOT_TYPES.includes(String(c.code)))
  )
    sink.add('slot-security', `${path}.meta.security`);
  const serviceTypes = nonEmpty(slot.serviceType);
  const modalities = serviceTypes.filter((concept) => !records(concept.extension).length);
  const modalityCodings = codings(modalities);
  if (
    modalityCodings.length === 0 ||
    modalityCodings.some((c) => !ACT_CODE_SYSTEMS.includes(c.system ?? '') || !MODALITIES.includes(c.code ?? ''))
  )
    sink.add('slot-service-type', `${path}.serviceType`);
  const appointmentType = codings(slot.appointmentType);
  if (
    appointmentType.length !== 1 ||
    appointmentType[0]?.system !== APPOINTMENT_REASON_SYSTEM ||
    !APPOINTMENT_TYPES.includes(appointmentType[0]?.code ?? '')
  )
    sink.add('slot-appointment-type', `${path}.appointmentType`);
  if (codings(slot.specialty).length === 0) sink.add('slot-specialty', `${path}.specialty`);
  const comment = slot.comment;
  if (comment !== undefined && (typeof comment !== 'string' || !absoluteHttpUrl(comment)))
    sink.add('slot-comment-not-url', `${path}.comment`, typeof comment === 'string' ? comment.slice(0, 80) : undefined);
  else if (comment === undefined && slot.status === 'free') sink.add('slot-booking-url-missing', `${path}.comment`);
  if (context.cpts) {
    if (start !== undefined && Date.parse(start) - context.now.getTime() > CPTS_HORIZON_MS)
      sink.add('cpts-slot-beyond-48h', `${path}.start`, start);
  }
}

/** The HealthcareService a CPTS slot points at through the backported R5 extension, if any. */
export function cptsServiceReference(slot: Json): string | undefined {
  for (const concept of nonEmpty(slot.serviceType))
    for (const extension of records(concept.extension))
      if (extension.url === SLOT_SERVICE_TYPE_EXTENSION && isRecord(extension.valueReference))
        return text(extension.valueReference.reference);
  return undefined;
}

function typeCodes(identifier: Json): { system?: string; code?: string }[] {
  return codings(identifier.type);
}

/** A structure identifier: IDNST system, type (when given) from one of the accepted systems. */
function checkIdnst(identifier: Json, path: string, sink: FindingSink, missing: 'cpts' | 'sos'): void {
  const code = missing === 'cpts' ? 'cpts-organization-identifier' : 'sos-organization-identifier';
  if (identifier.system !== IDNST_SYSTEM || text(identifier.value) === undefined) sink.add(code, path);
  const types = typeCodes(identifier);
  if (types.some((t) => !IDENTIFIER_TYPE_SYSTEMS.includes(t.system ?? '') || t.code !== 'IDNST'))
    sink.add('identifier-type-system', `${path}.type`);
}

export function checkPractitioner(practitioner: Json, path: string, sink: FindingSink): void {
  const identifiers = records(practitioner.identifier);
  const idnps = identifiers.find((i) => i.system === IDNPS_SYSTEM);
  if (!idnps) sink.add('practitioner-identifier', `${path}.identifier`);
  else {
    const index = identifiers.indexOf(idnps);
    const types = typeCodes(idnps);
    if (
      types.length === 0 ||
      types.some((t) => !IDENTIFIER_TYPE_SYSTEMS.includes(t.system ?? '') || t.code !== 'IDNPS')
    )
      sink.add('identifier-type-system', `${path}.identifier[${index}].type`);
    if (!/^8\d{11}$/u.test(String(idnps.value)))
      sink.add('practitioner-rpps-format', `${path}.identifier[${index}].value`, String(idnps.value).slice(0, 40));
  }
  const names = records(practitioner.name);
  names.forEach((name, index) => {
    const given = Array.isArray(name.given) ? name.given : [];
    if (text(name.family) === undefined || given.some((g) => text(g) === undefined))
      sink.add('practitioner-name', `${path}.name[${index}]`);
  });
  if (names.length === 0) sink.add('practitioner-name', `${path}.name`);
  checkPhones(practitioner, path, sink);
}

function checkPhones(resource: Json, path: string, sink: FindingSink): void {
  records(resource.telecom).forEach((telecom, index) => {
    if (telecom.system === 'phone' && !PHONE.test(String(telecom.value)))
      sink.add('telecom-phone-format', `${path}.telecom[${index}].value`);
  });
}

export function checkPractitionerRole(role: Json, path: string, sink: FindingSink): void {
  if (!isRecord(role.practitioner) || text(role.practitioner.reference) === undefined)
    sink.add('role-practitioner', `${path}.practitioner.reference`);
  const organization = isRecord(role.organization) ? role.organization : undefined;
  const identifier = organization && isRecord(organization.identifier) ? organization.identifier : undefined;
  if (!identifier || text(identifier.value) === undefined)
    sink.add('role-organization-identifier', `${path}.organization.identifier`);
  else if (identifier.system !== IDNST_SYSTEM)
    sink.add('role-organization-system', `${path}.organization.identifier.system`);
  else if (typeCodes(identifier).some((t) => !IDENTIFIER_TYPE_SYSTEMS.includes(t.system ?? '') || t.code !== 'IDNST'))
    sink.add('identifier-type-system', `${path}.organization.identifier.type`);
  const locations = records(role.contained).filter((r) => r.resourceType === 'Location');
  if (locations.length === 0) sink.add('role-location', `${path}.contained`);
  locations.forEach((location) => {
    const at = `${path}.contained.ofType(Location)`;
    const address = isRecord(location.address) ? location.address : {};
    const lines = Array.isArray(address.line) ? address.line : [];
    if (!lines.some((line) => text(line) !== undefined)) sink.add('location-address-line', `${at}.address.line`);
    if (text(address.city) === undefined) sink.add('location-address-city', `${at}.address.city`);
    if (!/^\d{5}$/u.test(String(address.postalCode))) sink.add('location-postal-code', `${at}.address.postalCode`);
  });
  checkPhones(role, path, sink);
}

export function checkOrganization(organization: Json, path: string, sink: FindingSink, variant: 'cpts' | 'sos'): void {
  const identifiers = records(organization.identifier);
  const idnst = identifiers.find((i) => i.system === IDNST_SYSTEM) ?? identifiers[0];
  if (!idnst)
    sink.add(variant === 'cpts' ? 'cpts-organization-identifier' : 'sos-organization-identifier', `${path}.identifier`);
  else checkIdnst(idnst, `${path}.identifier[${identifiers.indexOf(idnst)}]`, sink, variant);
  if (variant === 'sos' && !records(organization.telecom).some((t) => t.system === 'phone' && text(t.value)))
    sink.add('sos-organization-phone', `${path}.telecom`);
  checkPhones(organization, path, sink);
}

/** FrPractitionerRegul (RDV V1): IDNPS or the SAS technical id (INTRN), active, family name, no empty given. */
export function checkRegulator(practitioner: Json, path: string, sink: FindingSink): void {
  const identifiers = records(practitioner.identifier);
  if (!identifiers.some((i) => i.system === IDNPS_SYSTEM || i.system === SAS_PLATFORM_OID))
    sink.add('regulator-identifier', `${path}.identifier`);
  if (typeof practitioner.active !== 'boolean') sink.add('regulator-active', `${path}.active`);
  const names = records(practitioner.name);
  if (names.length === 0) sink.add('practitioner-name', `${path}.name`);
  names.forEach((name, index) => {
    const given = Array.isArray(name.given) ? name.given : [];
    if (text(name.family) === undefined || given.some((g) => text(g) === undefined))
      sink.add('practitioner-name', `${path}.name[${index}]`);
  });
}
