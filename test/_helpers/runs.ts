/** Property-test run counts: 200 per property by default (CI), `npm run test:deep` sets 10,000. */
export const NUM_RUNS = Number(process.env.AWS_EVENT_KIT_RUNS ?? 200);
