// What the scripted console plays to the renderer: one LRM launch around Agen, then, when the bench says so, a
// whole search stream at once (location, offer of N practitioners all with slots, their slots from four sources,
// the sources' statuses, done). Deterministic: the same N gives the same data on every run.
import type { LaunchEvent } from '@shared/api/console-api';
import type { Cpts, Practitioner } from '@shared/domain/care-offer';
import { AGEN, agenPractitioner, R38, seededRandom, SYNTHETIC_SOURCES } from '../../support/synthetic-offer';
import type { SearchEvent, SourceInfo } from '@shared/domain/search';
import type { ConsultationMode, Slot, SlotType } from '@shared/domain/slot';

export interface RendererScenario {
  launch: LaunchEvent;
  events: SearchEvent[];
  practitioners: number;
}

const TYPES: SlotType[][] = [['SNP'], ['PUBLIC'], ['PUBLIC', 'SNP'], ['PRO'], ['CPTS']];
const MODES: ConsultationMode[][] = [
  ['cabinet'],
  ['cabinet'],
  ['cabinet', 'teleconsultation'],
  ['teleconsultation'],
  ['domicile'],
];

/** `count` practitioners within `radiusKm` of Agen, each with 1 to 4 slots in the coming two days. */
export function buildScenario(count: number, radiusKm: number): RendererScenario {
  const random = seededRandom(count);
  const now = Date.now();
  const sources: SourceInfo[] = [...SYNTHETIC_SOURCES];
  const cpts: Cpts[] = [
    {
      finess: '470000011',
      name: 'CPTS du Pays de l’Agenais',
      phone: '+33553000011',
      place: { city: 'Agen', point: { lat: 44.205, lon: 0.62 } },
      memberIds: [],
    },
    {
      finess: '470000029',
      name: 'CPTS Garonne Sud',
      phone: '+33553000029',
      place: { city: 'Le Passage', point: { lat: 44.19, lon: 0.6 } },
      memberIds: [],
    },
  ];
  const latSpan = radiusKm / 111;
  const lonSpan = radiusKm / (111 * Math.cos((AGEN.lat * Math.PI) / 180));
  const practitioners: Practitioner[] = [];
  const slotsBySource = new Map<string, Slot[]>();
  for (let i = 0; i < count; i += 1) {
    const nationalId = `8100${String(i).padStart(8, '0')}`;
    const viaCpts = i % 4 === 1 ? cpts[i % 8 === 1 ? 0 : 1] : undefined;
    // Uniform in a disc: distance grows with the square root.
    const r = Math.sqrt(random());
    const angle = random() * 2 * Math.PI;
    const source = sources[i % sources.length] ?? sources[0]!;
    const point = { lat: AGEN.lat + r * Math.sin(angle) * latSpan, lon: AGEN.lon + r * Math.cos(angle) * lonSpan };
    practitioners.push(agenPractitioner(i, nationalId, point, source.id, viaCpts));
    const slots = slotsBySource.get(source.id) ?? [];
    slotsBySource.set(source.id, slots);
    const slotCount = 1 + Math.floor(random() * 4);
    for (let k = 0; k < slotCount; k += 1) {
      const start = Math.ceil((now + (1 + random() * 46) * 3_600_000) / 900_000) * 900_000;
      slots.push({
        id: `${source.id}/${nationalId}-${k}`,
        start: new Date(start).toISOString(),
        end: new Date(start + 900_000).toISOString(),
        types: [...(TYPES[Math.floor(random() * TYPES.length)] ?? ['PUBLIC'])],
        modes: [...(MODES[Math.floor(random() * MODES.length)] ?? ['cabinet'])],
        withAppointment: true,
        bookingUrl: `https://editeur.invalid/rdv/${nationalId}/${k}`,
        sourceId: source.id,
        specialties: [{ system: R38, code: 'SM54' }],
        practitionerId: nationalId,
      });
    }
  }
  const distance = (p: Practitioner) => {
    const point = p.places[0]?.point ?? AGEN;
    return Math.hypot(
      (point.lat - AGEN.lat) * 111,
      (point.lon - AGEN.lon) * 111 * Math.cos((AGEN.lat * Math.PI) / 180),
    );
  };
  const events: SearchEvent[] = [
    {
      type: 'location',
      location: {
        point: AGEN,
        precision: 'street',
        label: '12 Rue Paul Vidal, 47000 Agen',
        inseeCode: '47001',
        department: '47',
        radiusKm,
        enlargements: 0,
      },
    },
    {
      type: 'offer',
      offer: {
        practitioners: practitioners.map((p) => ({ practitioner: p, distanceKm: distance(p), isGp: false })),
        cpts: cpts.map((c, i) => ({ cpts: c, distanceKm: 0.8 + i })),
        sosSites: [],
        sources,
      },
      gp: { state: 'not-provided' },
    },
  ];
  for (const source of sources) {
    const slots = slotsBySource.get(source.id) ?? [];
    if (slots.length > 0) events.push({ type: 'slots', sourceId: source.id, slots });
    events.push({
      type: 'source-status',
      status: { source, state: 'answered', durationMs: 200, slotCount: slots.length },
    });
  }
  events.push({ type: 'done', durationMs: 250 });
  return {
    practitioners: count,
    events,
    launch: {
      id: 'lancement-bench',
      receivedAt: new Date(now).toISOString(),
      result: {
        ok: true,
        request: {
          via: 'console-scheme',
          origin: 'TEST-SAMU000',
          specialty: { kind: 'coded', coding: { system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM54' } },
          location: { inseeCode: '47001', city: 'Agen', streetName: 'Rue Paul Vidal', streetNumber: '12' },
        },
        warnings: [],
      },
    },
  };
}
