// Booking and the appointment afterwards: the patient form posted on the agenda books the slot, and every state of
// the appointment (booked, honoured, cancelled…) is reported to the platform in RDV V3. A failed report is kept on
// the appointment and can be retried from its page, because the platform must end up knowing every appointment.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { localDate } from '@shared/util/time-zone';
import { practitionerName, renderAgenda } from './agenda-view';
import type { AppointmentSender } from './appointment-sender';
import type { BookedAppointment } from './bookings';
import type { BookingContext } from './context';
import { sendPage, sendRedirect } from './html';
import { appointmentPage } from './pages';
import type { AppointmentAction } from './paths';
import { readPatientForm } from './patient-form';
import type { PublisherSession } from './sessions';
import { currentSession, noSession, regulatorView, sessionForm } from './session-access';

export interface AppointmentPages {
  /** Books the slot with the posted patient form. */
  confirm(request: IncomingMessage, response: ServerResponse, url: URL, slotId: string): Promise<void>;
  /** The appointment's page, for the regulator who booked it. */
  show(request: IncomingMessage, response: ServerResponse, appointmentId: string): void;
  /** A change asked from that page (honoured, cancelled…) or a retry of a failed report. */
  act(
    request: IncomingMessage,
    response: ServerResponse,
    appointmentId: string,
    action: AppointmentAction,
  ): Promise<void>;
}

export function createAppointmentPages(ctx: BookingContext, sender: AppointmentSender): AppointmentPages {
  async function report(appointment: BookedAppointment, mode: 'create' | 'update') {
    const outcome = await sender.send(appointment, mode);
    const at = new Date(ctx.now()).toISOString();
    if (outcome.ok) ctx.bookings.recordReport(appointment, { state: 'sent', at, httpStatus: outcome.httpStatus });
    else {
      ctx.options.logger?.warn('V3 report failed', {
        publisher: ctx.options.publisher.id,
        appointment: appointment.id,
        status: outcome.httpStatus,
        message: outcome.message,
      });
      ctx.bookings.recordReport(appointment, {
        state: 'failed',
        at,
        message: outcome.message,
        ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}),
      });
    }
  }

  async function confirm(request: IncomingMessage, response: ServerResponse, url: URL, slotId: string) {
    const current = currentSession(ctx, request);
    if (!current) return noSession(ctx, response, slotId);
    const { session } = current;
    const fields = await sessionForm(ctx, request, response, session);
    if (!fields) return;
    const found = await ctx.options.findSlot(slotId);
    if (!found)
      return ctx.page(
        response,
        404,
        'Créneau introuvable',
        `Ce créneau n’existe pas ou plus chez ${ctx.publisherName}.`,
      );
    const patient = readPatientForm(fields, localDate(ctx.now()));
    if (!patient.ok)
      return renderAgenda(ctx, response, url, slotId, session, 422, { errors: patient.errors, values: patient.values });
    const booked = ctx.bookings.book({
      slotId,
      practitionerId: found.practitioner.nationalId,
      practitionerName: practitionerName(found.practitioner),
      start: found.slot.start,
      end: found.slot.end,
      operatorId: session.nationalId,
      patient: patient.patient,
    });
    if (!booked.ok)
      return booked.reason === 'slot-taken'
        ? renderAgenda(ctx, response, url, slotId, session, 409, {
            notice: 'Ce créneau vient d’être réservé : choisissez-en un autre dans l’agenda.',
          })
        : ctx.page(
            response,
            503,
            'Réservation impossible',
            `${ctx.publisherName} ne peut plus enregistrer de rendez-vous pendant cette session de formation.`,
          );
    await report(booked.appointment, 'create');
    return sendRedirect(response, `/rdv/appointment/${booked.appointment.id}`);
  }

  function ownAppointment(
    response: ServerResponse,
    id: string,
    session: PublisherSession,
  ): BookedAppointment | undefined {
    const appointment = ctx.bookings.get(id);
    if (appointment && appointment.operatorId === session.nationalId) return appointment;
    ctx.page(
      response,
      404,
      'Rendez-vous introuvable',
      `Ce rendez-vous n’existe pas chez ${ctx.publisherName}, ou il a été pris par un autre régulateur.`,
    );
    return undefined;
  }

  function show(request: IncomingMessage, response: ServerResponse, appointmentId: string): void {
    const current = currentSession(ctx, request);
    if (!current) return noSession(ctx, response);
    const appointment = ownAppointment(response, appointmentId, current.session);
    if (!appointment) return;
    return sendPage(
      response,
      200,
      appointmentPage({
        publisherName: ctx.publisherName,
        regulator: regulatorView(current.session),
        appointment,
        csrfToken: current.session.csrfToken,
      }),
    );
  }

  async function act(
    request: IncomingMessage,
    response: ServerResponse,
    appointmentId: string,
    action: AppointmentAction,
  ): Promise<void> {
    const current = currentSession(ctx, request);
    if (!current) return noSession(ctx, response);
    const fields = await sessionForm(ctx, request, response, current.session);
    if (!fields) return;
    const appointment = ownAppointment(response, appointmentId, current.session);
    if (!appointment) return;
    if (action === 'retry') {
      await report(appointment, appointment.knownToPlatform ? 'update' : 'create');
    } else {
      if (!ctx.bookings.apply(appointment, action))
        return ctx.page(response, 409, 'Action impossible', 'Cette action n’est plus possible pour ce rendez-vous.', {
          link: { href: `/rdv/appointment/${appointment.id}`, text: 'Revenir au rendez-vous' },
        });
      // Every change is a conditional PUT on the publisher's identifier (the backend creates it if absent).
      await report(appointment, 'update');
    }
    return sendRedirect(response, `/rdv/appointment/${appointment.id}`);
  }

  return { confirm, show, act };
}
