// Specialty resolution's public surface.
export {
  resolveSpecialtyText,
  resolveSpecialtyReference,
  resolutionCodings,
  knownCode,
  knownNames,
  FREQUENT_CODES,
  type SpecialtyCode,
  type SpecialtyMatch,
  type SpecialtyResolution,
} from './resolve';
export { foldText, specialtyKey, editDistance } from './normalize';
