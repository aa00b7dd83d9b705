/**
 * The CLI half of the family descriptors: each registered family's kinds, one line per family
 * (`src/cli/kinds/<family>.ts`), then the Pipes kinds that wrap them. The CLI iterates this list
 * (`KINDS` in `./kinds.ts`); the shared family test checks that it names every family of
 * `src/families.ts` once. Adding a family adds one line here (see CONTRIBUTING.md, "Adding a family").
 */
import type { CliFamily } from './kinds/_shared.js';
import { cloudwatchLogsCliFamily } from './kinds/cloudwatchLogs.js';
import { dynamodbCliFamily } from './kinds/dynamodb.js';
import { eventbridgeCliFamily } from './kinds/eventbridge.js';
import { kinesisCliFamily } from './kinds/kinesis.js';
import { pipesCliKinds } from './kinds/pipes.js';
import { s3CliFamily } from './kinds/s3.js';
import { snsCliFamily } from './kinds/sns.js';
import { sqsCliFamily } from './kinds/sqs.js';

/**
 * Every family's CLI kinds, in the order `aws-event-kit list` prints them (public, so it is its own
 * order, not the registration order of `src/families.ts`).
 */
export const CLI_FAMILIES: readonly CliFamily[] = [
  s3CliFamily,
  sqsCliFamily,
  snsCliFamily,
  kinesisCliFamily,
  dynamodbCliFamily,
  eventbridgeCliFamily,
  cloudwatchLogsCliFamily,
  pipesCliKinds,
];
