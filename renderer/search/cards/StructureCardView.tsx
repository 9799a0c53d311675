// An MSP or centre de santé card (second intention): name, kind, address, distance and its phone. Structures
// publish no slots; the regulator may call one for the patient.
import type { StructureCard } from '@shared/ranking/structure-cards';
import { fr } from '../../i18n/fr';
import { formatDistance } from '../format';
import { Phone } from './Phone';
import { Address } from './PractitionerCardView';

export function StructureCardBody({ card, titleId }: { card: StructureCard; titleId: string }) {
  const distance = formatDistance(card.distanceKm);
  const msp = card.structure.kind === 'msp';
  return (
    <>
      <header className="card-header">
        <div className="card-title">
          <span className="badge badge-structure">{msp ? fr.structureCard.mspBadge : fr.structureCard.cdsBadge}</span>
          <h3 id={titleId}>{card.structure.name}</h3>
          <p className="card-specialties">{msp ? fr.structureCard.mspKind : fr.structureCard.cdsKind}</p>
        </div>
        <div className="card-side">
          {distance && <span className="card-distance">{fr.card.distance(distance)}</span>}
        </div>
      </header>
      {card.structure.place && <Address place={card.structure.place} />}
      <p className="card-description">
        {fr.structureCard.secondIntention}
        {card.contactPhone ? (
          <>
            {' '}
            <Phone phone={card.contactPhone} className="phone-strong" />
          </>
        ) : (
          ` ${fr.structureCard.noPhone}`
        )}
      </p>
    </>
  );
}
