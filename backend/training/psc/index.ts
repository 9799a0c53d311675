export { startTrainingPsc, PSC_REALM_PATH, TRAINING_CARD_PIN } from './training-psc';
export type { TrainingPsc, TrainingPscClient, TrainingPscOptions } from './training-psc';
export {
  trainingPscIdentitySchema,
  trainingPscIdentitiesSchema,
  trainingPscIdentitiesFrom,
  trainingSubject,
  scopeAllClaims,
} from './identities';
export type { TrainingPscIdentity, TrainingRegulatorLike } from './identities';
export { TRAINING_BANNER } from './pages';
