// A practitioner (PS) card, as on the platform: name, specialties, address, distance, phone, participation (with
// the CPTS's number as the contact beyond slots), slots by day, and "Adresser un patient hors créneaux".
import type { Place } from '@shared/domain/care-offer';
import type { Slot } from '@shared/domain/slot';
import { specialtyLabel } from '@shared/domain/specialties';
import type { PractitionerCard } from '@shared/ranking/results';
import { fr } from '../../i18n/fr';
import { formatDistance, formatPhone, practitionerName } from '../format';
import { BeyondSlots } from './BeyondSlots';
import { Phone } from './Phone';
import { SlotDays } from './SlotDays';
import { SourceStateLine, useSourceAnswered } from './source-states';

interface Props {
  card: PractitionerCard;
  now: number;
  onBook: (slot: Slot) => void;
  onContact: (phone: string | undefined) => void;
  titleId: string;
}

export function PractitionerCardBody({ card, now, onBook, onContact, titleId }: Props) {
  const p = card.practitioner;
  const name = practitionerName(p);
  const distance = formatDistance(card.distanceKm);
  const specialties = [...new Set(p.specialties.map((s) => specialtyLabel(s) ?? s.code))];
  const place = p.places[0];
  const answered = useSourceAnswered(p.agendaSource);
  return (
    <>
      <header className="card-header">
        <div className="card-title">
          {card.isGp && <span className="badge badge-gp">{fr.gp.badge}</span>}
          <h3 id={titleId}>{name}</h3>
          {specialties.length > 0 && <p className="card-specialties">{specialties.join(' · ')}</p>}
        </div>
        <div className="card-side">
          {distance && <span className="card-distance">{fr.card.distance(distance)}</span>}
          <Phone phone={p.phone} />
        </div>
      </header>
      {place && <Address place={place} />}
      <Participation card={card} />
      <SourceStateLine sourceId={p.agendaSource} />
      {(card.slots.length > 0 || answered) && (
        <SlotDays slots={card.slots} totalSlots={card.totalSlots} now={now} ownerName={name} onBook={onBook} />
      )}
      {card.acceptsBeyondSlots && (
        <BeyondSlots phone={card.contactPhone} onContact={() => onContact(card.contactPhone)} />
      )}
    </>
  );
}

export function Address({ place }: { place: Place }) {
  const city = [place.postalCode, place.city].filter(Boolean).join(' ');
  const lines = [place.organizationName, place.line, city].filter((l): l is string => Boolean(l && l.trim()));
  if (lines.length === 0) return null;
  return <address className="card-address">{lines.join(', ')}</address>;
}

function Participation({ card }: { card: PractitionerCard }) {
  const participation = card.practitioner.participation;
  if (!participation) return null;
  if (participation.mode === 'individual') return <p className="card-participation">{fr.card.individual}</p>;
  if (participation.mode === 'cpts') {
    const name = card.cpts?.name ?? participation.structureName;
    const phone = formatPhone(card.cpts?.phone);
    return (
      <p className="card-participation card-participation-cpts">
        {name ? fr.card.viaCpts(name) : fr.card.viaStructure}
        {phone && (
          <>
            {' — '}
            {fr.card.cptsContact} : <Phone phone={card.cpts?.phone} />
          </>
        )}
      </p>
    );
  }
  // Via an MSP: the MSP's number is the one to call for a patient beyond this practitioner's slots.
  const name = card.msp?.name ?? participation.structureName;
  return (
    <p className="card-participation card-participation-msp">
      {name ? fr.card.viaMsp(name) : fr.card.viaStructure}
      {card.msp?.phone && (
        <>
          {' — '}
          {fr.structureCard.mspContact} : <Phone phone={card.msp.phone} />
        </>
      )}
    </p>
  );
}
