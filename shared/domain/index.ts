export * from './identifiers';
export * from './care-offer';
export * from './slot';
export * from './appointment';
export * from './launch';
export * from './search';
export * from './specialties';
