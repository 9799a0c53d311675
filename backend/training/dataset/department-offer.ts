// One department of the training data set: its practitioners placed by population, its CPTS, MSP and SOS Médecins
// sites, who takes part in the SAS, and where each agenda is published. Every draw comes from the one seeded
// generator in a fixed order: moving a draw changes the whole data set (the committed files would no longer match).
import type { Cpts, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { Random } from '@shared/util/random';
import type { CommuneTable } from '../../geo/communes';
import type { DepartmentOutlines } from '../../geo/outlines';
import { SAS_AGENDA_ID } from '../../directory/publishers';
import { fictitiousFiness, idnpsOfRpps, practitionerRpps } from './identifiers';
import { GIVEN_NAMES, fictitiousPhone } from './names';
import { assignParticipation, type Msp } from './participation';
import { communeNamed, placeIn, pointNear, populationSampler } from './placement';
import { practitionerPattern, sosSitePattern } from './practice-agendas';
import type { SlotPattern } from './slot-patterns';
import { allocateSpecialties, type PracticeProfile } from './specialties';
import { TRAINING_PUBLISHERS, type DepartmentPlan } from './training-plan';

/** What the departments share: the generator, the geography, and counters that keep identifiers unique. */
export interface DatasetDraw {
  random: Random;
  communes: CommuneTable;
  outlines: DepartmentOutlines;
  /** Family names, shuffled once, given to practitioners in turn. */
  names: readonly string[];
  serials: { practitioner: number; structure: number; phone: number };
  /** Every agenda's pattern, in the order drawn. */
  patterns: SlotPattern[];
}

export interface DepartmentOffer {
  practitioners: Practitioner[];
  cpts: Cpts[];
  sosSites: SosSite[];
}

export function generateDepartment(plan: DepartmentPlan, draw: DatasetDraw): DepartmentOffer {
  const { random, communes, outlines } = draw;
  const located = communes
    .inDepartment(plan.code)
    .filter((commune) => outlines.contains(plan.code, commune.point))
    .sort((a, b) => a.insee.localeCompare(b.insee));
  const sample = populationSampler(located);
  const profiles = new Map<string, PracticeProfile>();
  const practitioners = drawPractitioners(plan, draw, sample, profiles);
  const { cpts, msps } = drawStructures(plan, draw);
  assignParticipation(plan, random, practitioners, cpts, msps);
  assignAgendas(random, draw.patterns, practitioners, profiles);
  const sosSites = drawSosSites(plan, draw);
  return { practitioners, cpts, sosSites };
}

/** Practitioners of the plan's specialties, each at a point near a commune drawn by population. */
function drawPractitioners(
  plan: DepartmentPlan,
  draw: DatasetDraw,
  sample: ReturnType<typeof populationSampler>,
  profiles: Map<string, PracticeProfile>,
): Practitioner[] {
  const { random, outlines } = draw;
  const local: Practitioner[] = [];
  for (const specialty of random.shuffle(allocateSpecialties(plan.practitioners))) {
    let commune = sample(random);
    let point = pointNear(random, commune, outlines);
    while (!point) {
      commune = sample(random);
      point = pointNear(random, commune, outlines);
    }
    draw.serials.practitioner += 1;
    const practitioner: Practitioner = {
      nationalId: idnpsOfRpps(practitionerRpps(draw.serials.practitioner)),
      familyName: draw.names[(draw.serials.practitioner - 1) % draw.names.length] ?? 'Plumevert',
      givenName: random.pick(GIVEN_NAMES),
      prefix: 'Dr',
      specialties: [specialty.coding],
      places: [placeIn(random, commune, point)],
      phone: fictitiousPhone((draw.serials.phone += 1)),
    };
    profiles.set(practitioner.nationalId, specialty.profile);
    local.push(practitioner);
  }
  return local;
}

/** CPTS: a territory around a town, its members among the practitioners nearest to it; MSPs in other towns. */
function drawStructures(plan: DepartmentPlan, draw: DatasetDraw): { cpts: Cpts[]; msps: Msp[] } {
  const { random } = draw;
  const cpts: Cpts[] = plan.cpts.map((name) => {
    const commune = communeNamed(draw.communes, name, plan.code);
    draw.serials.structure += 1;
    return {
      finess: fictitiousFiness(plan.code, draw.serials.structure),
      name: `CPTS ${commune.name} (fictive)`,
      phone: fictitiousPhone((draw.serials.phone += 1)),
      description:
        `Communauté professionnelle territoriale de santé fictive du secteur de ${commune.name}, ` +
        `pour la formation. Coordination joignable en semaine de 8 h à 20 h.`,
      place: placeIn(random, commune, commune.point),
      memberIds: [],
    };
  });
  const msps = plan.msp.map((name) => {
    const commune = communeNamed(draw.communes, name, plan.code);
    draw.serials.structure += 1;
    return {
      id: fictitiousFiness(plan.code, draw.serials.structure),
      name: `MSP de ${commune.name} (fictive)`,
      commune,
    };
  });
  return { cpts, msps };
}

/** Agendas: an interfaced publisher, the SAS agenda only, or nothing at all. */
function assignAgendas(
  random: Random,
  patterns: SlotPattern[],
  local: readonly Practitioner[],
  profiles: Map<string, PracticeProfile>,
): void {
  const psPublishers = TRAINING_PUBLISHERS.filter((publisher) => publisher.kind === 'ps');
  const cptsPublishers = TRAINING_PUBLISHERS.filter((publisher) => publisher.kind === 'cpts');
  for (const practitioner of local) {
    const participating = practitioner.participation !== undefined;
    const cptsMember = practitioner.participation?.mode === 'cpts';
    const draw = random.next();
    if (participating && draw < 0.12) practitioner.agendaSource = SAS_AGENDA_ID;
    else if (draw < 0.85) {
      const publisher = cptsMember && random.chance(0.6) ? random.pick(cptsPublishers) : random.pick(psPublishers);
      practitioner.agendaSource = publisher.id;
    }
    // Some agendas have no free slot at all ("aucun créneau"): a card without slots, second intention only.
    if (!practitioner.agendaSource || random.chance(0.12)) continue;
    const profile = profiles.get(practitioner.nationalId) ?? 'general';
    patterns.push(
      practitionerPattern(random, {
        nationalId: practitioner.nationalId,
        sourceId: practitioner.agendaSource,
        profile,
        participating,
        cptsMember,
      }),
    );
  }
}

/** SOS Médecins consultation sites, open every day, on the SOS publisher. */
function drawSosSites(plan: DepartmentPlan, draw: DatasetDraw): SosSite[] {
  const { random } = draw;
  return plan.sos.sites.map((name, index) => {
    const commune = communeNamed(draw.communes, name, plan.code);
    draw.serials.structure += 1;
    const point = pointNear(random, commune, draw.outlines) ?? commune.point;
    const site: SosSite = {
      id: `1${fictitiousFiness(plan.code, draw.serials.structure)}`,
      associationName: plan.sos.association,
      name: `Centre de consultations ${commune.name}${plan.sos.sites.length > 1 ? ` ${index + 1}` : ''} (formation)`,
      phone: fictitiousPhone((draw.serials.phone += 1)),
      place: placeIn(random, commune, point),
      agendaSource: 'sos-planning',
    };
    draw.patterns.push(sosSitePattern(random, site, index, plan));
    return site;
  });
}
