// What the regulator reads before confirming a SAS-agenda slot: who sees the patient, where, when (in the search's
// time zone, like the chip), how, and which number to call for the hand-over — the practitioner's, or the CPTS's
// when the practitioner participates via a CPTS or the slot is a CPTS slot, or the SOS site's. Pure.
import type { Place } from '@shared/domain/care-offer';
import type { Slot } from '@shared/domain/slot';
import { fr } from '../../i18n/fr';
import { formatDay, formatSlotTime, practitionerName } from '../format';
import type { ResultCard } from '../list-rows';

type HandOverContact = 'practitioner' | 'cpts' | 'sos';

export interface AgendaConfirmation {
  slotId: string;
  /** The practitioner (or the CPTS, the SOS site, when the slot names nobody). */
  practitioner: string;
  practitionerId?: string;
  /** "Cabinet du Pin, 12 rue de la Paix, 47000 Agen", or undefined when nobody said. */
  place?: string;
  /** "ven. 13 juin, 14:30 – 14:50" in the search's time zone. */
  when: string;
  modes: string[];
  phone?: string;
  /** Whose number `phone` is. */
  contact: HandOverContact;
  /** The CPTS's name when the number is a CPTS's. */
  contactName?: string;
}

/** One line for an address, as the cards write it. */
export function placeLine(place: Place | undefined): string | undefined {
  if (!place) return undefined;
  const city = [place.postalCode, place.city].filter(Boolean).join(' ');
  const parts = [place.organizationName, place.line, city].filter((l): l is string => Boolean(l && l.trim()));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function slotWhen(slot: Pick<Slot, 'start' | 'end'>, timeZone: string): string {
  const start = Date.parse(slot.start);
  if (Number.isNaN(start)) return '—';
  return fr.agendaBooking.when(
    formatDay(start, timeZone),
    formatSlotTime(slot.start, timeZone),
    formatSlotTime(slot.end, timeZone),
  );
}

type Holder = Pick<AgendaConfirmation, 'practitioner' | 'phone' | 'contact'> &
  Partial<Pick<AgendaConfirmation, 'practitionerId' | 'place' | 'contactName'>>;

/** Strips undefined optional fields (exactOptionalPropertyTypes). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function holderOf(slot: Slot, card: ResultCard): Holder {
  const isCptsSlot = slot.types.includes('CPTS');
  if (card.kind === 'practitioner') {
    const p = card.practitioner;
    const viaCpts = p.participation?.mode === 'cpts' || isCptsSlot;
    const cptsPhone = viaCpts ? card.cpts?.phone : undefined;
    const place = p.places.find((pl) => pl.organizationId && pl.organizationId === slot.place?.organizationId);
    return defined({
      practitioner: practitionerName(p),
      practitionerId: p.nationalId,
      place: placeLine(slot.place) ?? placeLine(place ?? p.places[0]),
      ...(cptsPhone
        ? { phone: cptsPhone, contact: 'cpts' as const, contactName: card.cpts?.name }
        : { phone: p.phone, contact: 'practitioner' as const }),
    });
  }
  if (card.kind === 'cpts') {
    // A CPTS slot may name one of its members: the member is who sees the patient, the CPTS takes the hand-over.
    const member = card.members.find((m) => m.practitioner.nationalId === slot.practitionerId);
    return defined({
      practitioner: member ? practitionerName(member.practitioner) : card.cpts.name,
      practitionerId: member?.practitioner.nationalId,
      place: placeLine(slot.place) ?? placeLine(member?.practitioner.places[0]) ?? placeLine(card.cpts.place),
      phone: card.contactPhone ?? card.cpts.phone,
      contact: 'cpts' as const,
      contactName: card.cpts.name,
    });
  }
  if (card.kind === 'sos') {
    const site = card.site;
    return defined({
      practitioner:
        site.name && site.name !== site.associationName
          ? `${site.associationName} — ${site.name}`
          : site.associationName,
      place: placeLine(slot.place) ?? placeLine(site.place),
      phone: site.phone,
      contact: 'sos' as const,
    });
  }
  return defined({ practitioner: card.structure.name, phone: card.structure.phone, contact: 'practitioner' as const });
}

/** The place a slot's card shows for it (remembered with the booking for « Mes orientations »). */
export function slotPlace(slot: Slot, card: ResultCard): string | undefined {
  return holderOf(slot, card).place;
}

export function agendaConfirmation(slot: Slot, card: ResultCard, timeZone: string): AgendaConfirmation {
  return defined({
    slotId: slot.id,
    ...holderOf(slot, card),
    when: slotWhen(slot, timeZone),
    modes: slot.modes.map((m) => fr.slot.modes[m] ?? m),
  });
}

/** "du professionnel", "de la CPTS Agen Sud"… — whose number the dialog shows. */
export function contactLabel(confirmation: Pick<AgendaConfirmation, 'contact' | 'contactName'>): string {
  if (confirmation.contact === 'cpts' && confirmation.contactName)
    return fr.agendaBooking.phoneOfCpts(confirmation.contactName);
  return fr.agendaBooking.phoneOf[confirmation.contact] ?? '';
}
