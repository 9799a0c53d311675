// A deviation found: its code (see rules.ts), where (FHIRPath-like), the French message and the kit requirements.
import { RULES, type RuleCode, type Severity } from './rules';

export interface Finding {
  code: RuleCode;
  severity: Severity;
  /** FHIRPath-like location, e.g. `Bundle.entry[2].resource.ofType(Slot).start`. */
  path: string;
  message: string;
  /** ANS test kit requirement ids (agg-psindiv) this deviation fails. */
  requirements: readonly number[];
}

export class FindingSink {
  readonly findings: Finding[] = [];

  add(code: RuleCode, path: string, detail?: string): void {
    const rule = RULES[code];
    this.findings.push({
      code,
      severity: rule.severity,
      path,
      message: detail === undefined ? rule.message : `${rule.message} (${detail})`,
      requirements: rule.requirements,
    });
  }
}
