// An appointment as the backend stores it + the directory → the builder's input. What the directory does not know
// degrades the message, never stops it: an unknown practitioner is sent with the id and name the publisher gave,
// an unknown structure is left out (the LRM still gets the appointment, its category and its times).
import type { Cpts, HealthStructure, Practitioner, SosSite } from '@shared/domain/care-offer';
import { FINESS_PATTERN, finessFromIdnst, idnstFromFiness } from '@shared/domain/identifiers';
import { specialtyCodeSystem } from '@shared/domain/specialties';
import type { AppointmentRecord } from '../../storage/appointments';
import type { LrmAppointmentInput, LrmPractitioner, LrmStructure, LrmStructureKind } from './input';

/** The directory lookups used here (a Directory or a LiveDirectory's `directory`). */
export interface LrmDirectory {
  readonly sosSites: readonly SosSite[];
  getPractitioner(nationalId: string): Practitioner | undefined;
  getCpts(finess: string): Cpts | undefined;
  getSosSite(id: string): SosSite | undefined;
  getStructure(finess: string): HealthStructure | undefined;
}

/**
 * What the booking knew of the orientation and the record does not keep: the structure of a CPTS-typed or SOS
 * SAS-agenda slot (`id` = FINESS of the CPTS / MSP / centre, or the SOS site's id), or that a publisher reported it
 * as an SOS Médecins appointment (sas-sos-appointment profile).
 */
export interface OrientationContext {
  structure?: { kind: LrmStructureKind; id: string };
  sos?: boolean;
}

export interface ResolvedLrmInput {
  input: LrmAppointmentInput;
  /** The practitioner was found in the directory (name and specialty sent), not only named by the appointment. */
  practitionerFound: boolean;
  structureFound: boolean;
}

const ordinalSpecialty = (practitioner: Practitioner): string | undefined =>
  practitioner.specialties
    .find((coding) => specialtyCodeSystem(coding.system) === 'TRE_R38' && /^SM\d{2}$/u.test(coding.code.trim()))
    ?.code.trim();

function fromDirectory(practitioner: Practitioner): LrmPractitioner {
  const specialtyCode = ordinalSpecialty(practitioner);
  return {
    idnps: practitioner.nationalId,
    familyName: practitioner.familyName,
    ...(practitioner.givenName ? { givenName: practitioner.givenName } : {}),
    ...(specialtyCode ? { specialtyCode } : {}),
  };
}

const cptsStructure = (cpts: Cpts): LrmStructure => ({
  kind: 'cpts',
  idnst: idnstFromFiness(cpts.finess),
  name: cpts.name,
});

const healthStructure = (structure: HealthStructure): LrmStructure => ({
  kind: structure.kind,
  idnst: idnstFromFiness(structure.finess),
  name: structure.name,
});

/** The association (`3`+SIRET) when known, as the guide's SOS example; else the site itself. */
function sosStructure(site: SosSite): LrmStructure {
  if (site.associationId) return { kind: 'sos', idnst: site.associationId, name: site.associationName };
  const idnst = FINESS_PATTERN.test(site.id) ? idnstFromFiness(site.id) : site.id;
  return { kind: 'sos', idnst, name: site.name };
}

function structureById(directory: LrmDirectory, kind: LrmStructureKind, id: string): LrmStructure | undefined {
  const finess = finessFromIdnst(id) ?? id;
  if (kind === 'cpts') {
    const cpts = directory.getCpts(finess);
    return cpts && cptsStructure(cpts);
  }
  if (kind === 'sos') {
    const site = directory.getSosSite(id);
    return site && sosStructure(site);
  }
  const structure = directory.getStructure(finess);
  return structure && healthStructure(structure);
}

/** The structure through which a practitioner takes part in the SAS (CPTS, MSP). */
function participationStructure(directory: LrmDirectory, practitioner: Practitioner): LrmStructure | undefined {
  const participation = practitioner.participation;
  if (!participation?.structureId) return undefined;
  if (participation.mode === 'cpts') return structureById(directory, 'cpts', participation.structureId);
  if (participation.mode === 'msp') return structureById(directory, 'msp', participation.structureId);
  return undefined;
}

/**
 * SOS Médecins doctors are seldom in the directory: an appointment with no known practitioner from a publisher
 * that holds the slots of one SOS association only is that association's.
 */
function publisherSosAssociation(directory: LrmDirectory, publisherId: string): LrmStructure | undefined {
  const sites = directory.sosSites.filter((site) => site.agendaSource === publisherId);
  const [first] = sites;
  if (!first) return undefined;
  const key = (site: SosSite) => site.associationId ?? site.associationName;
  return sites.every((site) => key(site) === key(first)) ? sosStructure(first) : undefined;
}

export function lrmInputFromAppointment(
  appointment: AppointmentRecord,
  directory: LrmDirectory,
  context: OrientationContext = {},
): ResolvedLrmInput {
  const known = appointment.practitionerId ? directory.getPractitioner(appointment.practitionerId) : undefined;
  let practitioner: LrmPractitioner | undefined;
  if (known) practitioner = fromDirectory(known);
  else if (appointment.practitionerId)
    practitioner = {
      idnps: appointment.practitionerId,
      ...(appointment.practitionerName ? { text: appointment.practitionerName } : {}),
    };
  let structure = context.structure
    ? structureById(directory, context.structure.kind, context.structure.id)
    : known && participationStructure(directory, known);
  if (!structure && !known && (context.sos || context.structure === undefined))
    structure = publisherSosAssociation(directory, appointment.publisherId);
  const sos = context.sos === true || context.structure?.kind === 'sos' || structure?.kind === 'sos';
  const input: LrmAppointmentInput = {
    appointmentId: appointment.id,
    status: appointment.status,
    start: appointment.start,
    end: appointment.end,
    created: appointment.createdAt,
    ...(appointment.practitionerStatus ? { participantStatus: appointment.practitionerStatus } : {}),
    ...(practitioner ? { practitioner } : {}),
    ...(structure ? { structure } : {}),
    // The booking knew the kind even when the directory has lost the structure: the category stays true.
    category: structure?.kind ?? context.structure?.kind ?? (sos ? 'sos' : 'ps'),
  };
  return { input, practitionerFound: known !== undefined, structureFound: structure !== undefined };
}
