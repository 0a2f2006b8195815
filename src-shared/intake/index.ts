export * from './delivery-summary';
export * from './scan-classify';
export * from './supplier-gate';
