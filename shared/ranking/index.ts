// Result cards, their order (distance or seeded neutral order, GP pinned) and filters. See README.md.
export * from './seeded-order';
export * from './order';
export * from './filters';
export * from './results';
