// Collects the errors and warnings of one parse, each with its stable code, parameter and French message.
import type { LaunchIssue } from '../domain/launch';
import type { LaunchErrorCode, LaunchIssueCode, LaunchWarningCode } from './codes';
import { isShowableParameterName } from './messages';
import { displayable } from './characters';
import { launchMessage, type MessageContext } from './messages';

/** Parameter names shown in issues are as hostile as any value: bound and clean them once here. */
const MAX_PARAMETER_NAME_SHOWN = 40;

export function makeIssue(code: LaunchIssueCode, ctx: MessageContext = {}): LaunchIssue {
  // A "name" that is not one (`streetname:…`, an encoded `=`) may hold the patient's address: it is not repeated.
  const parameter =
    ctx.parameter === undefined
      ? undefined
      : isShowableParameterName(ctx.parameter) || /^#\d{1,3}$/u.test(ctx.parameter)
        ? displayable(ctx.parameter, MAX_PARAMETER_NAME_SHOWN)
        : '?';
  const message = launchMessage(code, { ...ctx, parameter });
  return parameter === undefined ? { code, message } : { code, parameter, message };
}

export class IssueLog {
  readonly errors: LaunchIssue[] = [];
  readonly warnings: LaunchIssue[] = [];

  error(code: LaunchErrorCode, ctx?: MessageContext): void {
    this.errors.push(makeIssue(code, ctx));
  }

  warn(code: LaunchWarningCode, ctx?: MessageContext): void {
    this.warnings.push(makeIssue(code, ctx));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
}
