// Internal helpers shared by event mappers, factories, arbitraries and the msw layer. Not public API.
export * from './aws.js';
export * from './errors.js';
export * from './hash.js';
export * from './json.js';
export * from './limits.js';
export * from './objects.js';
export * from './options.js';
export * from './overrides.js';
export * from './random.js';
