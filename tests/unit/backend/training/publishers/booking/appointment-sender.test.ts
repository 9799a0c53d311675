// What the publisher reports in RDV V3: a FrAppointmentSAS the backend's own mapper accepts, with the regulator as
// operator and no patient identity; and the reading of OperationOutcome answers (untrusted input).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppointmentSender, outcomeText } from '@backend/training/publishers/booking/appointment-sender';
import type { BookedAppointment } from '@backend/training/publishers/booking/bookings';
import { mapAppointment } from '@shared/fhir/map-appointment';

const SYSTEM = 'urn:sas-console:training:editeur-a:appointment';
const sender = createAppointmentSender({
  appointmentsUrl: 'http://127.0.0.1:1/fhir/Appointment',
  publisherKey: 'k',
  identifierSystem: SYSTEM,
});

const appointment = (status: BookedAppointment['status']): BookedAppointment => ({
  id: 'RDV-0123456789AB',
  slotId: 's2',
  practitionerId: '810001234567',
  practitionerName: 'Dr Jeanne Dupont',
  start: '2026-03-11T09:30:00+01:00',
  end: '2026-03-11T10:00:00+01:00',
  operatorId: '3750000001/REG42',
  status,
  patient: { familyName: 'Lefèvre', givenName: 'Zoé', birthDate: '1984-05-17', phone: '0612345678' },
  createdAt: '2026-03-10T08:00:00.000Z',
  updatedAt: '2026-03-10T08:00:00.000Z',
  knownToPlatform: false,
});

describe('the FrAppointmentSAS a publisher sends', () => {
  it.each(['booked', 'cancelled', 'fulfilled', 'noshow'] as const)(
    '%s: read back by the backend’s mapper as sent',
    (status) => {
      const resource = sender.resourceFor(appointment(status));
      const mapped = mapAppointment(JSON.parse(JSON.stringify(resource)));
      expect(mapped).toEqual({
        ok: true,
        appointment: {
          profile: 'ps',
          publisherAppointmentId: 'RDV-0123456789AB',
          identifierSystem: SYSTEM,
          status,
          start: '2026-03-11T09:30:00+01:00',
          end: '2026-03-11T10:00:00+01:00',
          created: '2026-03-10T08:00:00.000Z',
          operatorId: '3750000001/REG42',
          practitionerId: '810001234567',
          practitionerName: 'Dr Jeanne Dupont',
          practitionerStatus: 'accepted',
        },
      });
      const text = JSON.stringify(resource);
      for (const value of ['Lefèvre', 'Zoé', '1984-05-17', '0612345678']) expect(text).not.toContain(value);
    },
  );
});

describe('an unreachable platform', () => {
  it('is reported in French after the configured attempts', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const unreachable = createAppointmentSender({
      appointmentsUrl: 'http://127.0.0.1:1/fhir/Appointment',
      publisherKey: 'k',
      identifierSystem: SYSTEM,
      attempts: 2,
      baseDelayMs: 1,
    });
    expect(await unreachable.send(appointment('booked'), 'create')).toEqual({
      ok: false,
      attempts: 2,
      message: 'La plateforme SAS est injoignable (2 tentatives). Réessayez dans un instant.',
    });
  });
});

describe('outcomeText', () => {
  it('joins the French texts of an OperationOutcome, diagnostics when there is no text', () => {
    expect(
      outcomeText(
        JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ details: { text: 'Statut inconnu.' } }, { diagnostics: 'fin avant début' }, { code: 'x' }],
        }),
      ),
    ).toBe('Statut inconnu. ; fin avant début');
    expect(outcomeText('{"resourceType":"Bundle"}')).toBeUndefined();
    expect(outcomeText('<html>')).toBeUndefined();
    expect(outcomeText('{"resourceType":"OperationOutcome","issue":[]}')).toBeUndefined();
  });

  it('never throws and stays short, whatever the body', () => {
    const issue = fc.record(
      { details: fc.option(fc.record({ text: fc.anything() }), { nil: undefined }), diagnostics: fc.anything() },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.array(fc.oneof(issue, fc.anything()), { maxLength: 30 }).map((issues) => {
        try {
          return JSON.stringify({ resourceType: 'OperationOutcome', issue: issues });
        } catch {
          return '{}';
        }
      }),
    );
    fc.assert(
      fc.property(body, (text) => {
        const result = outcomeText(text);
        if (result !== undefined) expect(result.length).toBeLessThanOrEqual(600);
      }),
      { numRuns: 500 },
    );
  });
});
