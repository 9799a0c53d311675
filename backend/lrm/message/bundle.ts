// The SASBundleAppointmentLRM transaction: which resources go in, in the guide examples' order, and with which
// request. A first message POSTs every resource; an update PUTs `Appointment/<id>` and POSTs only the resources the
// LRM has not received yet for this appointment (guide examples 5 and 9: a new practitioner is POSTed, a status
// change alone is the Appointment PUT alone).
import { LRM_PROFILES } from './codes';
import type { LrmAppointmentInput } from './input';
import {
  appointmentResource,
  healthcareServiceResource,
  organizationResource,
  practitionerResource,
  practitionerRoleResource,
  referenceOf,
  type FhirResource,
} from './resources';

interface BundleEntry {
  fullUrl: string;
  resource: FhirResource;
  request: { method: 'POST' | 'PUT'; url: string };
}

export interface LrmBundle {
  resourceType: 'Bundle';
  meta: { profile: string[] };
  type: 'transaction';
  entry: BundleEntry[];
}

/** Every resource of the appointment, Appointment first, in the order of the guide's examples. */
function resourcesOf(input: LrmAppointmentInput): FhirResource[] {
  const practitioner = input.practitioner ? practitionerResource(input.practitioner) : undefined;
  const organization = input.structure ? organizationResource(input.structure) : undefined;
  const role = practitioner && organization ? practitionerRoleResource(practitioner, organization) : undefined;
  const service = !practitioner && organization ? healthcareServiceResource(organization) : undefined;
  const appointment = appointmentResource({
    appointmentId: input.appointmentId,
    status: input.status,
    start: input.start,
    end: input.end,
    created: input.created,
    participantStatus: input.participantStatus,
    category: input.category,
    actor: practitioner ?? service,
  });
  return [appointment, practitioner, organization, role, service].filter(
    (resource): resource is FhirResource => resource !== undefined,
  );
}

/**
 * The transaction Bundle, and the references of every resource the LRM holds for the appointment once it is
 * received (`alreadySent` plus this bundle's), to pass back as `alreadySent` for the next update.
 */
export function buildLrmBundle(
  input: LrmAppointmentInput,
  options: { fhirBase: string; alreadySent?: readonly string[] | undefined },
): { bundle: LrmBundle; resources: string[] } {
  const update = options.alreadySent !== undefined;
  const sent = new Set(options.alreadySent ?? []);
  const entry: BundleEntry[] = [];
  for (const resource of resourcesOf(input)) {
    const reference = referenceOf(resource);
    const fullUrl = `${options.fhirBase}/${reference}`;
    if (resource.resourceType === 'Appointment' && update)
      entry.push({ fullUrl, resource, request: { method: 'PUT', url: reference } });
    else if (!sent.has(reference))
      entry.push({ fullUrl, resource, request: { method: 'POST', url: resource.resourceType } });
  }
  for (const { resource } of entry) sent.add(referenceOf(resource));
  return {
    bundle: { resourceType: 'Bundle', meta: { profile: [LRM_PROFILES.bundle] }, type: 'transaction', entry },
    resources: [...sent],
  };
}
