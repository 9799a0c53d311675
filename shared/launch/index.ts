// The LRM launch parser's public surface.
export { parseLaunch, isNoLaunch, type ParseLaunchOptions } from './parse-launch';
export { findLaunchUrl, looksLikeLaunchUrl, isPlatformHost } from './launch-url';
export { normalizeInseeCode, type NormalizedInseeCode } from './insee-code';
export { LAUNCH_PARAMETERS, type LaunchParameter } from './parameters';
export {
  LAUNCH_ERROR_CODES,
  LAUNCH_WARNING_CODES,
  LAUNCH_ISSUE_CODES,
  LAUNCH_LIMITS,
  type LaunchErrorCode,
  type LaunchWarningCode,
  type LaunchIssueCode,
} from './codes';
export { launchMessage, CHECK_LAUNCH_USAGE } from './messages';
export { launchSpecialty, launchGpIdentifier, type LaunchGpIdentifier } from './launch-specialty';
export { normalizeIdnps, rppsKeyIsValid } from './practitioner';
