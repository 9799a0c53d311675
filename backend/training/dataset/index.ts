// The training data set: generator, files, slot patterns (and `slotsForWindow`), identities.
export * from './files';
export * from './generate';
export * from './identifiers';
export * from './names';
export * from './random';
export * from './regulators';
export * from './slot-patterns';
export * from './specialties';
export * from './time-zone';
export * from './sas-agenda';
