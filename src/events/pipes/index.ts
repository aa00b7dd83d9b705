// EventBridge Pipes source batches (what a pipe hands its enrichment or target).
export * from './sourceBatch.js';
