// An appointment as stored + the directory → the builder's input: the practitioner's name and ordinal specialty,
// the CPTS or SOS association it is booked through, and degraded (never failing) when the directory does not know.
import { describe, expect, it } from 'vitest';
import { createDirectory } from '@backend/directory/directory';
import {
  buildLrmMessage,
  lrmInputFromAppointment,
  type LrmDirectory,
  type OrientationContext,
  type ResolvedLrmInput,
} from '@backend/lrm/message';
import type { AppointmentRecord } from '@backend/storage/appointments';

const directory: LrmDirectory = createDirectory({
  publishers: [],
  practitioners: [
    {
      nationalId: '810002909371',
      familyName: 'Dupont',
      givenName: 'Jean',
      specialties: [{ system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM54' }],
      places: [],
    },
    {
      nationalId: '810000000002',
      familyName: 'Martin',
      specialties: [
        { system: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante', code: '40' },
      ],
      places: [],
      participation: { mode: 'cpts', structureId: '010012961', acceptsBeyondSlots: false },
    },
  ],
  cpts: [{ finess: '010012961', name: 'CPTS DU HAUT BUGEY', memberIds: ['810000000002'] }],
  sosSites: [
    {
      id: '330000001',
      associationName: 'SOS Médecins Bordeaux',
      associationId: '334173748400020',
      name: 'SOS Médecins Bordeaux – Mériadeck',
      place: {},
      agendaSource: 'editeur-sos',
    },
  ],
});

const record = (over: Partial<AppointmentRecord> = {}): AppointmentRecord => ({
  id: 'rdv-1',
  publisherId: 'editeur-ps',
  publisherAppointmentId: 'p-1',
  status: 'booked',
  start: '2026-01-10T09:00:00.000Z',
  end: '2026-01-10T09:20:00.000Z',
  operatorId: '810000000099',
  createdAt: '2026-01-09T17:00:00.000Z',
  updatedAt: '2026-01-09T17:00:00.000Z',
  ...over,
});

describe('lrmInputFromAppointment', () => {
  it('a practitioner found: name and TRE_R38 specialty, individual orientation', () => {
    const { input, practitionerFound, structureFound } = lrmInputFromAppointment(
      record({ practitionerId: '810002909371', practitionerName: 'Docteur Dupont' }),
      directory,
    );
    expect([practitionerFound, structureFound]).toEqual([true, false]);
    expect(input).toMatchObject({
      appointmentId: 'rdv-1',
      category: 'ps',
      created: '2026-01-09T17:00:00.000Z',
      practitioner: { idnps: '810002909371', familyName: 'Dupont', givenName: 'Jean', specialtyCode: 'SM54' },
    });
    expect(input.structure).toBeUndefined();
  });

  it('a practitioner taking part through a CPTS: CPTS orientation with its IDNST (1+FINESS); no R38 code, no specialty', () => {
    const { input } = lrmInputFromAppointment(record({ practitionerId: '810000000002' }), directory);
    expect(input.category).toBe('cpts');
    expect(input.structure).toEqual({ kind: 'cpts', idnst: '1010012961', name: 'CPTS DU HAUT BUGEY' });
    expect(input.practitioner?.specialtyCode).toBeUndefined();
  });

  it('an unknown practitioner degrades to the id and name the appointment carries', () => {
    const resolved: ResolvedLrmInput = lrmInputFromAppointment(
      record({ practitionerId: '899999999999', practitionerName: 'Dr Inconnu' }),
      directory,
    );
    expect(resolved.practitionerFound).toBe(false);
    expect(resolved.input.practitioner).toEqual({ idnps: '899999999999', text: 'Dr Inconnu' });
    const bundle = buildLrmMessage(resolved.input, {
      senderId: 'fr.health.ptfsas',
      recipient: 'fr.health.samu330',
      now: 0,
    }).envelope.content[0]?.contentObject.JsonContent.embeddedJsonContent;
    expect(bundle?.entry.map((e) => e.resource.resourceType)).toEqual(['Appointment', 'Practitioner']);
  });

  it('an SOS publisher appointment without doctor: the association (3+SIRET), category SOS', () => {
    const { input } = lrmInputFromAppointment(record({ publisherId: 'editeur-sos', status: 'pending' }), directory);
    expect(input).toMatchObject({
      category: 'sos',
      structure: { kind: 'sos', idnst: '334173748400020', name: 'SOS Médecins Bordeaux' },
    });
  });

  it('a SAS-agenda slot of a CPTS names its structure; an unknown one is left out, its category kept', () => {
    expect(
      lrmInputFromAppointment(record({ publisherId: 'sas-agenda' }), directory, {
        structure: { kind: 'cpts', id: '010012961' },
      }).input.category,
    ).toBe('cpts');
    const lost: OrientationContext = { structure: { kind: 'cpts', id: '999999999' } };
    const unknown = lrmInputFromAppointment(record({ publisherId: 'sas-agenda' }), directory, lost);
    expect([unknown.structureFound, unknown.input.category, unknown.input.structure]).toEqual([
      false,
      'cpts',
      undefined,
    ]);
  });

  it('an SOS appointment with no structure known keeps the SOS category (guide example 4)', () => {
    expect(lrmInputFromAppointment(record({ status: 'pending' }), directory, { sos: true }).input.category).toBe('sos');
  });
});
