// The active regulators of the training data set (resources/training/regulators.json): the load run books its
// appointments in their names and reads them back as them. Chloé (inactive) is left out on purpose.
export const ACTIVE_TRAINING_REGULATORS: readonly string[] = ['899999000005', '899999000013', '3479990004/OSNP0042'];
