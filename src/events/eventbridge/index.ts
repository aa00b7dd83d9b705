// EventBridge / CloudWatch Events: the one source of truth of the family.
export * from './types.js';
export * from './envelope.js';
export * from './scheduled.js';
export * from './validate.js';
