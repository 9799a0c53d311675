// A CPTS card: name, phone (the coordination's number for patients beyond slots), description, its own slots,
// "Voir tous les professionnels de la CPTS".
import type { Slot } from '@shared/domain/slot';
import type { CptsCard } from '@shared/ranking/results';
import { fr } from '../../i18n/fr';
import { formatDistance } from '../format';
import { BeyondSlots } from './BeyondSlots';
import { Phone } from './Phone';
import { Address } from './PractitionerCardView';
import { SlotDays } from './SlotDays';

interface Props {
  card: CptsCard;
  now: number;
  focused: boolean;
  onBook: (slot: Slot) => void;
  onContact: (phone: string | undefined) => void;
  onShowMembers: (finess: string) => void;
  titleId: string;
}

export function CptsCardBody({ card, now, focused, onBook, onContact, onShowMembers, titleId }: Props) {
  const distance = formatDistance(card.distanceKm);
  return (
    <>
      <header className="card-header">
        <div className="card-title">
          <span className="badge badge-cpts">{fr.card.cptsBadge}</span>
          <h3 id={titleId}>{card.cpts.name}</h3>
          <p className="card-specialties">{fr.card.cptsKind}</p>
        </div>
        <div className="card-side">
          {distance && <span className="card-distance">{fr.card.distance(distance)}</span>}
          <Phone phone={card.contactPhone} className="phone-strong" />
        </div>
      </header>
      {card.cpts.place && <Address place={card.cpts.place} />}
      {card.cpts.description && <p className="card-description">{card.cpts.description}</p>}
      {card.totalSlots > 0 && (
        <SlotDays
          slots={card.slots}
          totalSlots={card.totalSlots}
          now={now}
          ownerName={card.cpts.name}
          onBook={onBook}
        />
      )}
      <div className="card-actions">
        {!focused && (
          <button type="button" className="btn" onClick={() => onShowMembers(card.cpts.finess)}>
            {fr.card.cptsMembers}
            <span className="btn-count">{fr.card.cptsMembersCount(card.members.length)}</span>
          </button>
        )}
        <BeyondSlots phone={card.contactPhone} onContact={() => onContact(card.contactPhone)} />
      </div>
    </>
  );
}
