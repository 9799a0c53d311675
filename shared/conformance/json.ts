// Reading untrusted JSON without trusting its shape: every accessor answers undefined rather than throw.
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Codings of a CodeableConcept, or of each CodeableConcept of a list. */
export function codings(concepts: unknown): { system?: string; code?: string }[] {
  const list = Array.isArray(concepts) ? concepts : [concepts];
  return records(list).flatMap((concept) =>
    records(concept.coding).map((c) => ({
      ...(text(c.system) ? { system: text(c.system) } : {}),
      ...(text(c.code) ? { code: text(c.code) } : {}),
    })),
  );
}

/** Meaningful elements of a list: the guide's examples carry empty `{}` items left by their narrative tooling. */
export function nonEmpty(value: unknown): Json[] {
  return records(value).filter((item) => Object.keys(item).length > 0);
}
