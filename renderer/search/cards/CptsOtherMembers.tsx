// « Voir tous les professionnels de la CPTS »: the members the search did not find (beyond the radius, another
// specialty), each marked with why, and their distance. Reachable through the CPTS's coordination number.
import type { OfferCptsMember } from '@shared/domain/search';
import { fr } from '../../i18n/fr';
import { formatDistance } from '../format';

export function CptsOtherMembers({ members }: { members: readonly OfferCptsMember[] }) {
  if (members.length === 0) return null;
  return (
    <section className="cpts-other-members" aria-label={fr.card.cptsOtherMembers}>
      <h4>{fr.card.cptsOtherMembers}</h4>
      <ul>
        {members.map((m) => {
          const p = m.practitioner;
          const distance = formatDistance(m.distanceKm);
          return (
            <li key={p.nationalId} data-testid="cpts-other-member" data-national-id={p.nationalId}>
              <span className="member-name">{[p.prefix, p.givenName, p.familyName].filter(Boolean).join(' ')}</span>
              {distance && <span className="card-distance">{fr.card.distance(distance)}</span>}
              {m.outsideRadius && <span className="badge badge-muted">{fr.card.memberOutsideRadius}</span>}
              {m.otherSpecialty && <span className="badge badge-muted">{fr.card.memberOtherSpecialty}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
