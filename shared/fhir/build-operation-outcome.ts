// Issues → OperationOutcome, for the backend's 4xx answers (V3 receiver) and the simulated publishers.
// Each issue keeps its stable code (details.coding, in a URN code system of the console) and its French message
// (details.text), the entry in diagnostics and the path in expression.
import type * as fhir from 'fhir/r4';
import type { MappingIssue } from './issues';

export const ISSUE_CODE_SYSTEM = 'urn:sas-console:mapping-issue';

type IssueType = fhir.OperationOutcomeIssue['code'];

/** The FHIR issue type closest to one of our codes (the naming convention of the codes carries it). */
export function fhirIssueType(code: string): IssueType {
  if (code === 'internal-error') return 'exception';
  if (code === 'value-too-long') return 'too-long';
  if (code.startsWith('not-') || code.endsWith('-wrong-resource-type') || code.endsWith('-not-an-object'))
    return 'structure';
  if (code.endsWith('-missing')) return 'required';
  if (code.endsWith('-unresolved')) return 'not-found';
  if (code.endsWith('-unknown') || code.endsWith('-invalid') || code.endsWith('-before-start')) return 'value';
  if (code.endsWith('-duplicate')) return 'duplicate';
  return 'invalid';
}

export function buildOperationOutcome(
  issues: readonly MappingIssue[],
  options: { severity?: 'error' | 'warning' } = {},
): fhir.OperationOutcome {
  if (issues.length === 0)
    return {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'information', code: 'informational', details: { text: 'Aucune anomalie.' } }],
    };
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => {
      const issue: fhir.OperationOutcomeIssue = {
        severity: options.severity ?? 'error',
        code: fhirIssueType(i.code),
        details: { coding: [{ system: ISSUE_CODE_SYSTEM, code: i.code }], text: i.message },
      };
      if (i.entry !== undefined) issue.diagnostics = `entrée : ${String(i.entry)}`;
      if (i.path !== undefined) issue.expression = [i.path];
      return issue;
    }),
  };
}
