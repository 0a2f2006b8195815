export * from './judge';
export * from './lot-plan';
export * from './unit-results';
