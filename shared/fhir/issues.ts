// Problems found while mapping FHIR input. The mapper never throws: every problem becomes one of these, and the
// caller decides (the check-bundle CLI prints them, the backend answers 400/422 with an OperationOutcome).

export interface MappingIssue {
  /** Stable kebab-case code, e.g. `slot-end-before-start`: tests and callers match on it. */
  code: string;
  /** French, for the integrator or the regulator. */
  message: string;
  /** The bundle entry concerned: its fullUrl when it has one, else its index. */
  entry?: string | number;
  /** FHIRPath-like location in the resource, e.g. `Slot.start`. */
  path?: string;
}

/** Collects the issues of one resource, so each one carries its entry without repeating it at every call. */
export class IssueSink {
  constructor(
    private readonly entry?: string | number,
    readonly issues: MappingIssue[] = [],
  ) {}

  add(code: string, message: string, path?: string): void {
    const issue: MappingIssue = { code, message };
    if (this.entry !== undefined) issue.entry = this.entry;
    if (path !== undefined) issue.path = path;
    this.issues.push(issue);
  }

  /** A sink for another entry that reports into the same list. */
  forEntry(entry?: string | number): IssueSink {
    return new IssueSink(entry, this.issues);
  }
}
