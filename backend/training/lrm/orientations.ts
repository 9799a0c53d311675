// What a simulated LRM remembers of the orientations it received, per SAMU and in memory only (training): each
// appointment by the platform's technical id, with every message that changed it, as an LRM keeps « un historique
// des messages reçus ». Bounded: the oldest orientations go first.
import { SAS_APPOINTMENT_ID_SYSTEM, type LrmEnvelope } from '../../lrm/message';

const MAX_ORIENTATIONS_PER_SAMU = 500;
const MAX_HISTORY = 50;

interface OrientationChange {
  receivedAt: number;
  distributionId: string;
  method: 'POST' | 'PUT';
  status: string;
  start: string;
}

export interface Orientation {
  appointmentId: string;
  status: string;
  start: string;
  end: string;
  /** When the regulator booked it (Appointment.created). */
  created: string;
  /** Category code of the orientation (001 PS, 003 SOS, 604 CPTS…). */
  category?: string;
  practitioner?: string;
  structure?: string;
  history: OrientationChange[];
}

export type ApplyOutcome = { ok: true; orientation: Orientation } | { ok: false; unknownAppointment: string };

type Resource = Record<string, unknown> & { resourceType: string };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;
const first = (value: unknown): Record<string, unknown> | undefined =>
  Array.isArray(value) && typeof value[0] === 'object' && value[0] !== null
    ? (value[0] as Record<string, unknown>)
    : undefined;

function practitionerLabel(practitioner: Resource): string | undefined {
  const name = first(practitioner.name);
  const given = Array.isArray(name?.given) ? name.given.filter((g): g is string => typeof g === 'string') : [];
  const written = text(name?.text) ?? ([...given, text(name?.family)].filter(Boolean).join(' ') || undefined);
  const id = text(first(practitioner.identifier)?.value);
  return [written, id && `(${id})`].filter(Boolean).join(' ') || undefined;
}

function structureLabel(organization: Resource): string | undefined {
  const id = text(first(organization.identifier)?.value);
  return [text(organization.name), id && `(${id})`].filter(Boolean).join(' ') || undefined;
}

function appointmentIdOf(appointment: Resource): string | undefined {
  const identifiers = Array.isArray(appointment.identifier)
    ? (appointment.identifier as Record<string, unknown>[])
    : [];
  return text(identifiers.find((i) => i.system === SAS_APPOINTMENT_ID_SYSTEM)?.value) ?? text(appointment.id);
}

function categoryOf(appointment: Resource): string | undefined {
  const extension = first(appointment.extension);
  const concept = extension?.valueCodeableConcept as { coding?: unknown } | undefined;
  return text(first(concept?.coding)?.display) ?? text(first(concept?.coding)?.code);
}

export class OrientationStore {
  readonly #bySamu = new Map<string, Map<string, Orientation>>();

  /** Orientations of one SAMU, latest change first. */
  list(samu: string): Orientation[] {
    const orientations = [...(this.#bySamu.get(samu)?.values() ?? [])];
    const last = (o: Orientation) => o.history.at(-1)?.receivedAt ?? 0;
    return orientations.sort((a, b) => last(b) - last(a));
  }

  get(samu: string, appointmentId: string): Orientation | undefined {
    return this.#bySamu.get(samu)?.get(appointmentId);
  }

  /** Applies a validated message: a POSTed appointment is created or replaced, a PUT one must be known. */
  apply(samu: string, envelope: LrmEnvelope, receivedAt: number): ApplyOutcome {
    const bundle = envelope.content[0]?.contentObject.JsonContent.embeddedJsonContent;
    const entries = bundle?.entry ?? [];
    const appointmentEntry = entries.find((e) => e.resource.resourceType === 'Appointment');
    const appointment = appointmentEntry?.resource as Resource | undefined;
    const appointmentId = appointment && appointmentIdOf(appointment);
    if (!appointmentEntry || !appointment || !appointmentId) return { ok: false, unknownAppointment: '(absent)' };
    const orientations = this.#bySamu.get(samu) ?? new Map<string, Orientation>();
    this.#bySamu.set(samu, orientations);
    const known = orientations.get(appointmentId);
    const method = appointmentEntry.request.method;
    if (method === 'PUT' && !known) return { ok: false, unknownAppointment: appointmentId };
    const practitioner = entries.find((e) => e.resource.resourceType === 'Practitioner')?.resource as
      Resource | undefined;
    const organization = entries.find((e) => e.resource.resourceType === 'Organization')?.resource as
      Resource | undefined;
    const status = text(appointment.status) ?? '?';
    const start = text(appointment.start) ?? '';
    const practitionerName = (practitioner && practitionerLabel(practitioner)) ?? known?.practitioner;
    const structureName = (organization && structureLabel(organization)) ?? known?.structure;
    const category = categoryOf(appointment) ?? known?.category;
    const orientation: Orientation = {
      appointmentId,
      status,
      start,
      end: text(appointment.end) ?? '',
      created: text(appointment.created) ?? known?.created ?? '',
      ...(category ? { category } : {}),
      ...(practitionerName ? { practitioner: practitionerName } : {}),
      ...(structureName ? { structure: structureName } : {}),
      history: [
        ...(known?.history ?? []),
        { receivedAt, distributionId: envelope.distributionID, method, status, start },
      ].slice(-MAX_HISTORY),
    };
    orientations.delete(appointmentId);
    orientations.set(appointmentId, orientation);
    if (orientations.size > MAX_ORIENTATIONS_PER_SAMU) {
      const oldest = orientations.keys().next().value;
      if (oldest !== undefined) orientations.delete(oldest);
    }
    return { ok: true, orientation };
  }
}
