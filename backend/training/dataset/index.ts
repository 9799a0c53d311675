// The training data set: generator, files, slot patterns (and `slotsForWindow`), identities.
export * from './files';
export * from './generate';
export * from './training-plan';
export * from './identifiers';
export * from './names';
export * from './regulators';
export * from './slot-patterns';
export * from './specialties';
export * from './sas-agenda';
