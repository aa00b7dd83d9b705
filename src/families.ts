/**
 * The registered event families: shared code (the override rule's replaced-whole keys, the
 * shared tests) iterates this list. Adding a family is its own folders plus one line here
 * (see CONTRIBUTING.md, "Adding a family").
 */
import type { FamilyDescriptor } from './_internals/family.js';
import { s3Family } from './events/s3/family.js';
import { sqsFamily } from './events/sqs/family.js';
import { snsFamily } from './events/sns/family.js';
import { dynamodbFamily } from './events/dynamodb/family.js';
import { kinesisFamily } from './events/kinesis/family.js';
import { eventbridgeFamily } from './events/eventbridge/family.js';
import { cloudwatchLogsFamily } from './events/cloudwatch-logs/family.js';

/**
 * Every family, in registration order (which orders `REPLACED_WHOLE`).
 * @internal
 */
export const FAMILIES = [
  sqsFamily,
  snsFamily,
  dynamodbFamily,
  kinesisFamily,
  s3Family,
  eventbridgeFamily,
  cloudwatchLogsFamily,
] as const satisfies readonly FamilyDescriptor[];
