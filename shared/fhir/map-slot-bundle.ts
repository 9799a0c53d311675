// A publisher's answer to the SAS slot search (searchset Bundle: PS individual, CPTS or SOS Médecins) → domain.
// Never throws. Each problem is an issue naming its entry; a bad resource is dropped (or kept without the bad
// field) and the rest of the bundle maps. Links followed, each a fixed number of steps:
//   Slot → Schedule → actor Practitioner | PractitionerRole (→ Practitioner, contained Location) | Location (SOS)
//   Slot.serviceType 604 → extension → HealthcareService → providedBy → Organization (CPTS)
//   SOS Location → managingOrganization → Organization (association)
import type { Cpts, Practitioner, SosSite } from '../domain/care-offer';
import type { Slot } from '../domain/slot';
import { readBundleEntries } from './bundle-entries';
import { BundleGraph } from './bundle-graph';
import { IssueSink, type MappingIssue } from './issues';
import { mapSlotCore } from './map-slot';
import { excerpt } from './read';
import type { ResolvedResource } from './references';

export interface SlotBundleContext {
  /** The publisher (registry id) or `sas-agenda`: prefixes slot ids and fills `sourceId` / `agendaSource`. */
  sourceId: string;
}

export interface SlotBundleMapping {
  slots: Slot[];
  practitioners: Practitioner[];
  cpts: Cpts[];
  sosSites: SosSite[];
  issues: MappingIssue[];
}

/** Maps a searchset Bundle from a publisher. */
export function mapSlotBundle(input: unknown, context: SlotBundleContext): SlotBundleMapping {
  const root = new IssueSink();
  try {
    return new BundleMapper(context, root).run(input);
  } catch {
    // Belt and braces: the readers do not throw on JSON, but `input` may be any JS value (getters, proxies).
    root.add('internal-error', 'Erreur interne pendant la lecture du Bundle : résultat incomplet.');
    return { slots: [], practitioners: [], cpts: [], sosSites: [], issues: root.issues };
  }
}

/** The steps over the entries, in the order that lets each step find what the previous ones mapped. */
class BundleMapper {
  private readonly graph: BundleGraph;
  private entries: ResolvedResource[] = [];
  private readonly slots: Slot[] = [];
  private readonly slotIds = new Set<string>();

  constructor(
    private readonly context: SlotBundleContext,
    private readonly root: IssueSink,
  ) {
    this.graph = new BundleGraph(context.sourceId, root);
  }

  run(input: unknown): SlotBundleMapping {
    const entries = readBundleEntries(input, this.root, this.graph.index);
    if (entries !== undefined) {
      this.entries = entries;
      const graph = this.graph;
      this.guarded('Practitioner', (entry, sink) => graph.practitionerOf(entry, sink));
      this.guarded('PractitionerRole', (entry, sink) => graph.roleOf(entry, sink));
      this.guarded('Schedule', (entry, sink) => graph.scheduleOf(entry, sink));
      this.guarded('Slot', (entry, sink) => this.mapSlot(entry, sink));
      // CPTS services no slot points at (a CPTS without free slots now) still describe a CPTS of the answer.
      this.guarded('HealthcareService', (entry, sink) => graph.cptsOfService(entry, sink));
      this.addSlotSpecialties();
    }
    return {
      slots: this.slots,
      practitioners: [...this.graph.practitioners.values()],
      cpts: [...this.graph.cptsByFiness.values()],
      sosSites: [...this.graph.sosSites.values()],
      issues: this.root.issues,
    };
  }

  /** Runs a step on every entry of a type; an exception in one entry is contained to it. */
  private guarded(type: string, step: (entry: ResolvedResource, sink: IssueSink) => void): void {
    for (const entry of this.entries) {
      if (entry.resourceType !== type) continue;
      const sink = this.root.forEntry(entry.entry);
      try {
        step(entry, sink);
      } catch {
        sink.add('internal-error', `Erreur interne en lisant cette ressource ${type} : ignorée.`);
      }
    }
  }

  private mapSlot(entry: ResolvedResource, sink: IssueSink): void {
    const core = mapSlotCore(entry.resource, sink);
    if (core === undefined) return;
    const localId = core.fhirId ?? `entry-${typeof entry.entry === 'number' ? entry.entry : this.slots.length}`;
    const id = `${this.context.sourceId}/${localId}`;
    if (this.slotIds.has(id)) {
      sink.add(
        'slot-duplicate',
        `Créneau en double (Slot.id ${excerpt(localId)}) : seul le premier est gardé.`,
        'Slot.id',
      );
      return;
    }
    this.slotIds.add(id);
    const slot: Slot = {
      id,
      start: core.start,
      end: core.end,
      types: core.types,
      modes: core.modes,
      withAppointment: core.withAppointment,
      sourceId: this.context.sourceId,
      specialties: core.specialties,
    };
    if (core.bookingUrl !== undefined) slot.bookingUrl = core.bookingUrl;
    if (core.reasons.length > 0) slot.reasons = core.reasons;

    if (core.scheduleReference !== undefined) {
      const schedule = this.graph.resolve(core.scheduleReference, entry, ['Schedule']);
      if (schedule === undefined) {
        sink.add(
          'slot-schedule-unresolved',
          `Agenda du créneau introuvable dans le Bundle (Slot.schedule → ${excerpt(core.scheduleReference)}) : ajoutez _include=Slot:schedule.`,
          'Slot.schedule',
        );
      } else {
        const info = this.graph.scheduleOf(schedule, this.root.forEntry(schedule.entry));
        if (info.practitionerId !== undefined) slot.practitionerId = info.practitionerId;
        if (info.sosSiteId !== undefined) slot.sosSiteId = info.sosSiteId;
        if (info.sosAssociationId !== undefined) slot.sosAssociationId = info.sosAssociationId;
        if (info.place !== undefined) slot.place = info.place;
      }
    }

    for (const reference of core.cptsServiceReferences) {
      const cpts = this.graph.cptsOfSlotService(reference, entry, sink);
      if (cpts === undefined) continue;
      slot.cptsFiness ??= cpts.finess;
      // A slot shared by several CPTS keeps them all: each CPTS's members may take it.
      const finesses = (slot.cptsFinesses ??= []);
      if (!finesses.includes(cpts.finess)) finesses.push(cpts.finess);
      if (slot.practitionerId !== undefined && !cpts.memberIds.includes(slot.practitionerId))
        cpts.memberIds.push(slot.practitionerId);
    }
    this.slots.push(slot);
  }

  /** A practitioner's specialties include those of their slots (the IG puts them on the Slot, not the role). */
  private addSlotSpecialties(): void {
    for (const slot of this.slots) {
      const practitioner =
        slot.practitionerId === undefined ? undefined : this.graph.practitioners.get(slot.practitionerId);
      if (practitioner === undefined) continue;
      for (const s of slot.specialties)
        if (!practitioner.specialties.some((c) => c.system === s.system && c.code === s.code))
          practitioner.specialties.push(s);
    }
  }
}
