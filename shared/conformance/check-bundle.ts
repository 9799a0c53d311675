// `checkBundleConformance`: every deviation of a publisher's searchset answer (PS individual, CPTS, SOS Médecins)
// from the IG's profiles, with a code, a FHIRPath-like location and a French message. Stricter than the console's
// mapper, which tolerates what it can still read; this is what a publisher must fix before going live.
import {
  checkOrganization,
  checkPractitioner,
  checkPractitionerRole,
  checkRegulator,
  checkSlot,
  cptsServiceReference,
} from './check-resources';
import { type Finding, FindingSink } from './findings';
import { isRecord, type Json, records, text } from './json';
import { declaresProfile, PROFILE_NAMES, type Variant } from './profiles';

export interface BundleCheckOptions {
  /** The moment the answer was given, for the CPTS 48-hour window (default: now). */
  now?: Date;
}

export interface BundleCheck {
  variant: Variant;
  findings: Finding[];
  errors: number;
  warnings: number;
}

function profilesOf(resource: Json): string[] {
  const meta = isRecord(resource.meta) ? resource.meta : {};
  return Array.isArray(meta.profile) ? meta.profile.filter((p): p is string => typeof p === 'string') : [];
}

function isCptsSlot(slot: Json): boolean {
  const meta = isRecord(slot.meta) ? slot.meta : {};
  return (
    records(meta.security).some((c) => c.code === 'CPTS') ||
    declaresProfile(profilesOf(slot), ['sas-cpts-slot-aggregator'])
  );
}

function variantOf(bundle: Json, resources: Json[]): Variant {
  const profiles = profilesOf(bundle);
  const sos =
    declaresProfile(profiles, ['sas-sos-bundle-aggregator']) ||
    resources.some(
      (r) => r.resourceType === 'Schedule' && records(r.actor).some((a) => String(a.reference).startsWith('Location/')),
    );
  if (sos) return 'sos';
  const cpts =
    declaresProfile(profiles, ['sas-cpts-bundle-aggregator']) ||
    resources.some((r) => r.resourceType === 'Slot' && isCptsSlot(r));
  return cpts ? 'cpts' : 'ps';
}

/** Every `reference` string found anywhere under a value (contained resources' local `#id` excluded). */
function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) referencesIn(item, out);
  else if (isRecord(value))
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'reference' && typeof inner === 'string' && !inner.startsWith('#')) out.push(inner);
      else if (key !== 'contained') referencesIn(inner, out);
    }
  return out;
}

export function checkBundleConformance(input: unknown, options: BundleCheckOptions = {}): BundleCheck {
  const sink = new FindingSink();
  const now = options.now ?? new Date();
  if (isRecord(input) && typeof input.resourceType === 'string' && input.resourceType in SINGLE_CHECKS) {
    // One resource of an answer, as the guide publishes its examples: its own rules, no Bundle around it.
    SINGLE_CHECKS[input.resourceType]?.(input, sink, now);
    return summarise(isCptsSlot(input) ? 'cpts' : 'ps', sink);
  }
  if (!isRecord(input) || input.resourceType !== 'Bundle') {
    sink.add('bundle-not-bundle', 'Bundle');
    return summarise('ps', sink);
  }
  if (input.type !== 'searchset') sink.add('bundle-type', 'Bundle.type', `reçu « ${String(input.type)} »`);
  const entries = Array.isArray(input.entry) ? input.entry : [];
  const located: { resource: Json; path: string; mode: unknown; fullUrl?: string }[] = [];
  entries.forEach((entry, index) => {
    const path = `Bundle.entry[${index}]`;
    if (!isRecord(entry) || !isRecord(entry.resource) || typeof entry.resource.resourceType !== 'string') {
      sink.add('entry-resource-missing', `${path}.resource`);
      return;
    }
    const mode = isRecord(entry.search) ? entry.search.mode : undefined;
    if (mode !== undefined && mode !== 'match' && mode !== 'include')
      sink.add('entry-search-mode', `${path}.search.mode`);
    located.push({
      resource: entry.resource,
      path: `${path}.resource.ofType(${entry.resource.resourceType})`,
      mode,
      ...(text(entry.fullUrl) ? { fullUrl: text(entry.fullUrl) } : {}),
    });
  });
  const resources = located.map((l) => l.resource);
  const variant = variantOf(input, resources);

  if (!declaresProfile(profilesOf(input), PROFILE_NAMES.Bundle?.[variant] ?? []))
    sink.add('bundle-profile', 'Bundle.meta.profile');
  const matches = located.filter((l) => l.mode === 'match').length;
  if (typeof input.total !== 'number') sink.add('bundle-total-missing', 'Bundle.total');
  else if (input.total !== matches)
    sink.add('bundle-total-mismatch', 'Bundle.total', `${input.total} annoncé(s), ${matches} entrée(s) « match »`);
  if (!records(input.link).some((link) => link.relation === 'self' && text(link.url) !== undefined))
    sink.add('bundle-link-self', 'Bundle.link');

  const keys = new Map<string, Json>();
  for (const { resource, fullUrl } of located) {
    if (typeof resource.id === 'string') keys.set(`${String(resource.resourceType)}/${resource.id}`, resource);
    if (fullUrl !== undefined) keys.set(fullUrl, resource);
  }
  const resolve = (reference: string): Json | undefined =>
    keys.get(reference) ?? [...keys.entries()].find(([key]) => key.endsWith(`/${reference}`))?.[1];

  const referenced = new Set<Json>();
  for (const { resource, path } of located) {
    for (const reference of referencesIn(resource)) {
      const target = resolve(reference);
      if (target) referenced.add(target);
      else sink.add('reference-unresolved', path, reference.slice(0, 120));
    }
  }

  for (const { resource, path, mode } of located) {
    const type = String(resource.resourceType);
    const names = PROFILE_NAMES[type];
    const expected = names ? (names.any ?? names[variant] ?? []) : [];
    if (expected.length > 0 && !declaresProfile(profilesOf(resource), expected))
      sink.add('profile-missing', `${path}.meta.profile`, `attendu : ${expected.join(' ou ')}`);
    // Slots of a SOS answer come by _revinclude: nothing references them, they reference their Schedule.
    if (mode !== 'match' && type !== 'Slot' && !referenced.has(resource)) sink.add('resource-unused', path);
    switch (type) {
      case 'Slot': {
        const cpts = isCptsSlot(resource);
        checkSlot(resource, path, sink, { cpts, now });
        if (cpts && variant !== 'sos') {
          const service = cptsServiceReference(resource);
          if (service === undefined || resolve(service)?.resourceType !== 'HealthcareService')
            sink.add('cpts-service-reference', `${path}.serviceType`);
        }
        break;
      }
      case 'Schedule':
        if (variant === 'sos' && !records(resource.actor).some((a) => String(a.reference).startsWith('Location/')))
          sink.add('sos-schedule-actor', `${path}.actor`);
        break;
      case 'Practitioner':
        checkPractitioner(resource, path, sink);
        break;
      case 'PractitionerRole':
        checkPractitionerRole(resource, path, sink);
        break;
      case 'Organization':
        checkOrganization(resource, path, sink, variant === 'sos' ? 'sos' : 'cpts');
        break;
      default:
        break;
    }
  }

  const hasSlots = resources.some((r) => r.resourceType === 'Slot');
  if (variant !== 'sos' && hasSlots) {
    if (!resources.some((r) => r.resourceType === 'Practitioner')) sink.add('bundle-no-practitioner', 'Bundle.entry');
    if (!resources.some((r) => r.resourceType === 'PractitionerRole'))
      sink.add('bundle-no-practitioner-role', 'Bundle.entry');
  }
  return summarise(variant, sink);
}

const SINGLE_CHECKS: Record<string, (resource: Json, sink: FindingSink, now: Date) => void> = {
  Slot: (slot, sink, now) => checkSlot(slot, 'Slot', sink, { cpts: isCptsSlot(slot), now }),
  Practitioner: (practitioner, sink) =>
    declaresProfile(profilesOf(practitioner), ['FrPractitionerRegul'])
      ? checkRegulator(practitioner, 'Practitioner', sink)
      : checkPractitioner(practitioner, 'Practitioner', sink),
  PractitionerRole: (role, sink) => checkPractitionerRole(role, 'PractitionerRole', sink),
  Organization: (organization, sink) =>
    checkOrganization(
      organization,
      'Organization',
      sink,
      declaresProfile(profilesOf(organization), ['sas-sos-organization-aggregator']) ? 'sos' : 'cpts',
    ),
  Schedule: () => {},
  Location: () => {},
  HealthcareService: () => {},
};

function summarise(variant: Variant, sink: FindingSink): BundleCheck {
  const errors = sink.findings.filter((f) => f.severity === 'error').length;
  return { variant, findings: sink.findings, errors, warnings: sink.findings.length - errors };
}
