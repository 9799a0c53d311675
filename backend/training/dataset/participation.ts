// How practitioners take part in the SAS: through the nearest CPTS within its reach, an MSP close by, on their
// own, or not at all. Every CPTS ends with at least three members, so a CPTS search always finds some.
import type { Cpts, GeoPoint, Participation, Practitioner } from '@shared/domain/care-offer';
import type { Random } from '@shared/util/random';
import type { Commune } from '../../geo/communes';
import { distanceKm } from '../../geo/distance';
import type { DepartmentPlan } from './training-plan';

/** A fictitious maison de santé pluriprofessionnelle: a structure practitioners nearby may belong to. */
export interface Msp {
  id: string;
  name: string;
  commune: Commune;
}

const byNationalId = (a: Practitioner, b: Practitioner) => a.nationalId.localeCompare(b.nationalId);

/** Sets `participation` on the department's practitioners and fills the member lists of its CPTS. */
export function assignParticipation(
  plan: DepartmentPlan,
  random: Random,
  local: readonly Practitioner[],
  localCpts: readonly Cpts[],
  msps: readonly Msp[],
): void {
  for (const practitioner of local) {
    const point = practitioner.places[0]?.point as GeoPoint;
    const nearestCpts = localCpts
      .map((cpts) => ({ cpts, distance: distanceKm(point, cpts.place?.point as GeoPoint) }))
      .sort((a, b) => a.distance - b.distance)[0];
    const nearestMsp = msps
      .map((msp) => ({ msp, distance: distanceKm(point, msp.commune.point) }))
      .sort((a, b) => a.distance - b.distance)[0];
    const draw = random.next();
    let participation: Participation | undefined;
    if (nearestCpts && nearestCpts.distance <= plan.cptsReachKm && draw < 0.45) {
      participation = {
        mode: 'cpts',
        structureId: nearestCpts.cpts.finess,
        structureName: nearestCpts.cpts.name,
        acceptsBeyondSlots: random.chance(0.6),
      };
      nearestCpts.cpts.memberIds.push(practitioner.nationalId);
    } else if (nearestMsp && nearestMsp.distance <= 10 && draw < 0.6) {
      participation = {
        mode: 'msp',
        structureId: nearestMsp.msp.id,
        structureName: nearestMsp.msp.name,
        acceptsBeyondSlots: random.chance(0.5),
      };
    } else if (draw < 0.82) {
      participation = { mode: 'individual', acceptsBeyondSlots: random.chance(0.45) };
    }
    if (participation) practitioner.participation = participation;
  }
  // Every CPTS has members: a territory that recruited nobody takes its nearest non-members.
  for (const cpts of localCpts) {
    if (cpts.memberIds.length >= 3) continue;
    const candidates = local
      .filter((practitioner) => practitioner.participation?.mode !== 'cpts')
      .map((practitioner) => ({
        practitioner,
        distance: distanceKm(practitioner.places[0]?.point as GeoPoint, cpts.place?.point as GeoPoint),
      }))
      .sort((a, b) => a.distance - b.distance || byNationalId(a.practitioner, b.practitioner))
      .slice(0, 3 - cpts.memberIds.length);
    for (const { practitioner } of candidates) {
      practitioner.participation = {
        mode: 'cpts',
        structureId: cpts.finess,
        structureName: cpts.name,
        acceptsBeyondSlots: true,
      };
      cpts.memberIds.push(practitioner.nationalId);
    }
  }
  for (const cpts of localCpts) cpts.memberIds.sort();
}
