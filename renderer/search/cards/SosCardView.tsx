// A SOS Médecins consultation site: association, site, address, phone, its slots (often without appointment).
import type { Slot } from '@shared/domain/slot';
import type { SosSiteCard } from '@shared/ranking/results';
import { fr } from '../../i18n/fr';
import { formatDistance } from '../format';
import { Phone } from './Phone';
import { Address } from './PractitionerCardView';
import { SlotDays } from './SlotDays';

interface Props {
  card: SosSiteCard;
  now: number;
  onBook: (slot: Slot) => void;
  titleId: string;
}

export function SosCardBody({ card, now, onBook, titleId }: Props) {
  const distance = formatDistance(card.distanceKm);
  const title =
    card.site.name && card.site.name !== card.site.associationName
      ? `${card.site.associationName} — ${card.site.name}`
      : card.site.associationName;
  return (
    <>
      <header className="card-header">
        <div className="card-title">
          <span className="badge badge-sos">{fr.card.sosBadge}</span>
          <h3 id={titleId}>{title}</h3>
          <p className="card-specialties">{fr.card.sosKind}</p>
        </div>
        <div className="card-side">
          {distance && <span className="card-distance">{fr.card.distance(distance)}</span>}
          <Phone phone={card.site.phone} />
        </div>
      </header>
      <Address place={card.site.place} />
      <SlotDays slots={card.slots} totalSlots={card.totalSlots} now={now} ownerName={title} onBook={onBook} />
    </>
  );
}
