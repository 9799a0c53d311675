// The practitioner's agenda as the regulator sees it after login: the chosen slot, the other free slots of the
// coming days (booked ones left out, so a regulator is not offered a slot another has just taken), and the short
// patient form, with its errors when a posted form was refused.
import type { ServerResponse } from 'node:http';
import type { Practitioner } from '@shared/domain/care-offer';
import type { Slot } from '@shared/domain/slot';
import type { BookingContext } from './context';
import { sendPage } from './html';
import { agendaPage, type AgendaSlotView } from './pages';
import { preselectedSlot, readSlotId, slotSegment } from './paths';
import type { PatientField } from './patient-form';
import type { PublisherSession } from './sessions';
import { regulatorView } from './session-access';

/** A practitioner's agenda is cut here: enough for the coming days, and the page stays light. */
const AGENDA_MAX_SLOTS = 300;

/** What the patient form shows again: the errors of a refused form with what was typed, or a notice. */
export interface AgendaForm {
  errors?: Partial<Record<PatientField, string>>;
  values?: Partial<Record<PatientField, string>>;
  notice?: string;
}

/** The slot id a booking URL of this publisher names, else the slot's own id: how the agenda links each slot. */
function linkedSlotId(slot: Slot, origin: string): string {
  const prefix = `${origin}/rdv/`;
  if (slot.bookingUrl?.startsWith(`${prefix}agenda/`)) {
    let preselected: string | undefined;
    try {
      preselected = preselectedSlot(new URL(slot.bookingUrl));
    } catch {
      preselected = undefined;
    }
    return preselected ?? slot.id;
  }
  if (slot.bookingUrl?.startsWith(prefix)) {
    const segment = slot.bookingUrl.slice(prefix.length).split(/[?#/]/u)[0] ?? '';
    const id = readSlotId(segment);
    if (id !== undefined) return id;
  }
  return slot.id;
}

export function practitionerName(p: Practitioner): string {
  return [p.prefix ?? 'Dr', p.givenName, p.familyName].filter((s) => s && s.trim() !== '').join(' ');
}

export async function renderAgenda(
  ctx: BookingContext,
  response: ServerResponse,
  url: URL,
  slotId: string,
  session: PublisherSession,
  status: number,
  form: AgendaForm = {},
): Promise<void> {
  const found = await ctx.options.findSlot(slotId);
  if (!found)
    return ctx.page(response, 404, 'Créneau introuvable', `Ce créneau n’existe pas ou plus chez ${ctx.publisherName}.`);
  const { slot, practitioner } = found;
  const others = (await ctx.options.agendaFor(practitioner.nationalId)).slice(0, AGENDA_MAX_SLOTS);
  const byId = new Map<string, AgendaSlotView>();
  for (const candidate of [slot, ...others]) {
    const id = linkedSlotId(candidate, url.origin);
    const current = candidate === slot || id === slotId;
    if (byId.has(id) || (!current && ctx.bookings.isTaken(id))) continue;
    byId.set(id, {
      href: `/rdv/${slotSegment(current ? slotId : id)}/agenda`,
      start: candidate.start,
      end: candidate.end,
      current,
    });
  }
  const views = [...byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const notice =
    form.notice ??
    (ctx.bookings.isTaken(slotId)
      ? 'Ce créneau vient d’être réservé : choisissez-en un autre dans l’agenda.'
      : undefined);
  const place = slot.place ?? practitioner.places[0];
  sendPage(
    response,
    status,
    agendaPage({
      publisherName: ctx.publisherName,
      regulator: regulatorView(session),
      practitionerName: practitionerName(practitioner),
      ...(place ? { place } : {}),
      chosen: {
        slotId,
        start: slot.start,
        end: slot.end,
        modes: slot.modes,
        confirmAction: `/rdv/${slotSegment(slotId)}/confirm`,
      },
      slots: views,
      csrfToken: session.csrfToken,
      ...(form.errors ? { errors: form.errors } : {}),
      ...(form.values ? { values: form.values } : {}),
      ...(notice ? { notice } : {}),
    }),
  );
}
