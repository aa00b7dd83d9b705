/**
 * Lambda event-source-mapping filter cases, from the examples of AWS's Lambda event-filtering
 * guide. Records show the data field decoded (the SQS body parsed, Kinesis data base64-decoded and
 * parsed); the tests also run each case with the data encoded as the poller delivers it.
 */
import type { FilterSource } from '../../../src/patterns/filterSources.js';

/** One filter case. */
export interface FilterCase {
  readonly id: string;
  /** Where the case comes from. */
  readonly source: string;
  /** The event source the mapping reads. */
  readonly eventSource: FilterSource;
  readonly filters: readonly { Pattern: string }[];
  readonly record: Record<string, unknown>;
  readonly expected: boolean;
  readonly notes?: string;
}

const LAMBDA_DOC = 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html';
const LOCALSTACK_SQS =
  'localstack/localstack tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_sqs.py @8b9a79f (AWS-validated)';
const LOCALSTACK_DDB =
  'localstack/localstack tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_dynamodbstreams.py @8b9a79f (AWS-validated)';

export const FILTER_CASES: readonly FilterCase[] = [
  {
    id: 'lm-kinesis-1',
    source: LAMBDA_DOC,
    eventSource: 'kinesis',
    filters: [{ Pattern: '{"partitionKey": ["1"], "data": {"Location": ["Los Angeles"]}}' }],
    record: {
      kinesisSchemaVersion: '1.0',
      partitionKey: '1',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      approximateArrivalTimestamp: 1545084650.987,
      data: { City: 'Los Angeles', Temperature: 55, Location: 'Los Angeles' },
    },
    expected: true,
    notes: 'data shown already decoded (Lambda base64-decodes and JSON-parses Kinesis data before matching)',
  },
  {
    id: 'lm-kinesis-2',
    source: LAMBDA_DOC,
    eventSource: 'kinesis',
    filters: [{ Pattern: '{"data": {"Temperature": [{"numeric": [">", 50, "<=", 60]}]}}' }],
    record: {
      kinesisSchemaVersion: '1.0',
      partitionKey: '1',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      approximateArrivalTimestamp: 1545084650.987,
      data: { City: 'Los Angeles', Temperature: 55, Location: 'Los Angeles' },
    },
    expected: true,
  },
  {
    id: 'lm-kinesis-3',
    source: LAMBDA_DOC,
    eventSource: 'kinesis',
    filters: [{ Pattern: '{"data": {"Temperature": [{"numeric": [">", 60]}]}}' }],
    record: {
      kinesisSchemaVersion: '1.0',
      partitionKey: '1',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      approximateArrivalTimestamp: 1545084650.987,
      data: { City: 'Los Angeles', Temperature: 55, Location: 'Los Angeles' },
    },
    expected: false,
    notes: 'record skipped; iterator advances',
  },
  {
    id: 'lm-multi-or',
    source: LAMBDA_DOC,
    eventSource: 'kinesis',
    filters: [
      { Pattern: '{"data": {"Temperature": [{"numeric": [">", 60]}]}}' },
      { Pattern: '{"partitionKey": ["1"]}' },
    ],
    record: {
      kinesisSchemaVersion: '1.0',
      partitionKey: '1',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      approximateArrivalTimestamp: 1545084650.987,
      data: { City: 'Los Angeles', Temperature: 55, Location: 'Los Angeles' },
    },
    expected: true,
    notes: 'filters are ORed',
  },
  {
    id: 'lm-ddb-1',
    source: LAMBDA_DOC,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"dynamodb": {"Keys": {"Id": {"N": ["101"]}}}}' }],
    record: {
      eventName: 'INSERT',
      dynamodb: {
        Keys: { Id: { N: '101' } },
        NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    },
    expected: true,
    notes: 'DynamoDB N values are strings in the record: match with "101" not 101',
  },
  {
    id: 'lm-ddb-2',
    source: LAMBDA_DOC,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"dynamodb": {"Keys": {"Id": {"N": [101]}}}}' }],
    record: {
      eventName: 'INSERT',
      dynamodb: {
        Keys: { Id: { N: '101' } },
        NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    },
    expected: false,
    notes: 'inferred: number pattern vs string "101"',
  },
  {
    id: 'lm-ddb-eventname',
    source: LAMBDA_DOC,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"eventName": ["INSERT"]}' }],
    record: {
      eventName: 'INSERT',
      dynamodb: {
        Keys: { Id: { N: '101' } },
        NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    },
    expected: true,
  },
  {
    id: 'lm-sqs-json',
    source: LAMBDA_DOC,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"RequestCode": ["BBBB"]}}' }],
    record: {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      body: { RequestCode: 'BBBB' },
      attributes: { ApproximateReceiveCount: '1' },
      eventSource: 'aws:sqs',
    },
    expected: true,
    notes: 'body shown parsed: SQS body that is valid JSON is matched as an object',
  },
  {
    id: 'lm-sqs-plain',
    source: LAMBDA_DOC,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": ["hello"]}' }],
    record: {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      body: 'hello',
      attributes: { ApproximateReceiveCount: '1' },
      eventSource: 'aws:sqs',
    },
    expected: true,
    notes: 'plain-string body vs plain-string pattern',
  },
  {
    id: 'lm-sqs-mismatch-1',
    source: LAMBDA_DOC,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"RequestCode": ["BBBB"]}}' }],
    record: {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      body: 'not json',
      attributes: { ApproximateReceiveCount: '1' },
      eventSource: 'aws:sqs',
    },
    expected: false,
    notes: 'plain body vs JSON pattern: message dropped (deleted)',
  },
  {
    id: 'lm-sqs-mismatch-2',
    source: LAMBDA_DOC,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": ["BBBB"]}' }],
    record: {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      body: { RequestCode: 'BBBB' },
      attributes: { ApproximateReceiveCount: '1' },
      eventSource: 'aws:sqs',
    },
    expected: false,
    notes: 'JSON body vs plain-string pattern: dropped',
  },
  {
    id: 'lm-dup-key',
    source: LAMBDA_DOC,
    eventSource: 'kinesis',
    filters: [
      { Pattern: '{"Metadata1": ["pattern1"], "data": {"duplicateKey": ["pattern2"], "duplicateKey": ["pattern3"]}}' },
    ],
    record: { Metadata1: 'pattern1', data: { duplicateKey: 'pattern3' } },
    expected: true,
    notes: 'duplicate keys: last value wins',
  },
  {
    id: 'lm-dup-key-2',
    source: LAMBDA_DOC,
    eventSource: 'kinesis',
    filters: [
      { Pattern: '{"Metadata1": ["pattern1"], "data": {"duplicateKey": ["pattern2"], "duplicateKey": ["pattern3"]}}' },
    ],
    record: { Metadata1: 'pattern1', data: { duplicateKey: 'pattern2' } },
    expected: false,
    notes: 'duplicate keys: last value wins',
  },
  {
    id: 'lm-console-a',
    source: LAMBDA_DOC,
    eventSource: 'sqs',
    filters: [{ Pattern: '{ "a" : [ 1, 2 ] }' }],
    record: { body: 'x', a: 2 },
    expected: true,
    notes: 'inferred: top-level metadata property a',
  },
];

/**
 * Filter patterns `CreateEventSourceMapping` rejected with `InvalidParameterValueException`
 * "Invalid filter pattern definition." (AWS-validated snapshots of LocalStack's SQS and DynamoDB
 * event-source-mapping tests).
 */
export const FILTER_ERROR_CASES: readonly {
  readonly id: string;
  readonly source: string;
  readonly eventSource: FilterSource;
  readonly pattern: string;
  readonly message: string;
}[] = [
  {
    id: 'ls-sqs-null',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    pattern: 'null',
    message: 'Invalid filter pattern definition.',
  },
  {
    id: 'ls-sqs-simple-string',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    pattern: 'simple string',
    message: 'Invalid filter pattern definition.',
  },
  {
    id: 'ls-sqs-scalar-field',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    pattern: '{"eventSource": "aws:sqs"}',
    message: 'Invalid filter pattern definition.',
  },
  {
    id: 'ls-sqs-empty-array',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    pattern: '{"eventSource": []}',
    message: 'Invalid filter pattern definition.',
  },
  {
    id: 'ls-ddb-single-string',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    pattern: 'single-string',
    message: 'Invalid filter pattern definition.',
  },
  {
    id: 'ls-ddb-bad-json',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    pattern: '[{"eventName": ["INSERT"=123}]',
    message: 'Invalid filter pattern definition.',
  },
];

const ddbRecord = (eventName: 'INSERT' | 'MODIFY', image: Record<string, unknown>): Record<string, unknown> => ({
  eventID: 'c81e728d9d4c2f636f067f89cc14862c',
  eventName,
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'us-east-1',
  dynamodb: {
    ApproximateCreationDateTime: 1700000000,
    Keys: { id: image.id },
    NewImage: image,
    SequenceNumber: '100000000000000000001',
    SizeBytes: 30,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
  eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-01-01T00:00:00.000',
});

/**
 * DynamoDB stream verdicts recorded against AWS (LocalStack's AWS-validated `test_dynamodb_event_filter`:
 * how many of two writes reached the function).
 */
export const DYNAMODB_FILTER_CASES: readonly FilterCase[] = [
  {
    id: 'ls-ddb-insert-only-1',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"eventName": ["INSERT"]}' }],
    record: ddbRecord('INSERT', { id: { S: 'id_value' }, id2: { S: 'id2_value' } }),
    expected: true,
  },
  {
    id: 'ls-ddb-insert-only-2',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"eventName": ["INSERT"]}' }],
    record: ddbRecord('MODIFY', { id: { S: 'id_value' }, id2: { S: 'id2_value' } }),
    expected: false,
  },
  {
    id: 'ls-ddb-or',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"eventName": ["INSERT", "MODIFY"]}' }],
    record: ddbRecord('MODIFY', { id: { S: 'id_value' }, id2: { S: 'id2_new_value' } }),
    expected: true,
  },
  {
    id: 'ls-ddb-type-1',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"dynamodb": {"NewImage": {"presentKey": {"S": ["presentValue"]}}}}' }],
    record: ddbRecord('INSERT', { id: { S: 'id_value_1' }, presentKey: { S: 'presentValue' } }),
    expected: true,
  },
  {
    id: 'ls-ddb-type-2',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"dynamodb": {"NewImage": {"presentKey": ["presentValue"]}}}' }],
    record: ddbRecord('INSERT', { id: { S: 'id_value_1' }, presentKey: { S: 'presentValue' } }),
    expected: false,
    notes: 'omitting the "S" does not match',
  },
  {
    id: 'ls-ddb-exists-false-1',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"dynamodb": {"NewImage": {"presentKey": [{"exists": false}]}}}' }],
    record: ddbRecord('INSERT', { id: { S: 'id_value_1' } }),
    expected: true,
  },
  {
    id: 'ls-ddb-exists-false-2',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"dynamodb": {"NewImage": {"presentKey": [{"exists": false}]}}}' }],
    record: ddbRecord('INSERT', { id: { S: 'id_value_2' }, presentKey: { S: 'presentValue' } }),
    expected: true,
    notes: 'presentKey is an object ({"S": …}), not a leaf: exists:false holds',
  },
  {
    id: 'ls-ddb-numeric-1',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [
      {
        Pattern:
          '{"dynamodb": {"NewImage": {"numericFilter": {"N": [{"numeric": [">", 100]}, {"anything-but": "101"}]}}}}',
      },
    ],
    record: ddbRecord('INSERT', { id: { S: 'id_value_1' }, numericFilter: { N: '42' } }),
    expected: true,
  },
  {
    id: 'ls-ddb-numeric-2',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [
      {
        Pattern:
          '{"dynamodb": {"NewImage": {"numericFilter": {"N": [{"numeric": [">", 100]}, {"anything-but": "101"}]}}}}',
      },
    ],
    record: ddbRecord('INSERT', { id: { S: 'id_value_2' }, numericFilter: { N: '101' } }),
    expected: false,
    notes: 'N values are strings: numeric never matches them',
  },
  {
    id: 'ls-ddb-prefix',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"dynamodb": {"NewImage": {"prefix": {"S": [{"prefix": "us-1"}]}}}}' }],
    record: ddbRecord('INSERT', { id: { S: 'id_value_1' }, prefix: { S: 'other-suffix' } }),
    expected: false,
  },
  {
    id: 'ls-ddb-creation-time',
    source: LOCALSTACK_DDB,
    eventSource: 'dynamodb',
    filters: [{ Pattern: '{"dynamodb": {"ApproximateCreationDateTime": [{"numeric": [">", 0]}]}}' }],
    record: ddbRecord('INSERT', { id: { S: 'id_value_1' } }),
    expected: true,
  },
];

const sqsRecord = (body: string): Record<string, unknown> => ({
  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
  receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1545082649183',
    SenderId: 'AIDAIENQZJOLO23YVJ4VO',
    ApproximateFirstReceiveTimestamp: '1545082649185',
  },
  messageAttributes: {},
  md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-west-2:123456789012:my-queue',
  awsRegion: 'us-west-2',
});

/** SQS verdicts recorded against AWS (LocalStack's AWS-validated `test_sqs_event_filter`: the matching message is delivered, the other one deleted). */
export const SQS_FILTER_CASES: readonly FilterCase[] = [
  {
    id: 'ls-sqs-single-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": ["my-value"]}}' }],
    record: sqsRecord('{"my-key": "my-value"}'),
    expected: true,
  },
  {
    id: 'ls-sqs-single-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": ["my-value"]}}' }],
    record: sqsRecord('{"my-key": "other-value"}'),
    expected: false,
  },
  {
    id: 'ls-sqs-or-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": ["my-value-one", "my-value-two"]}}' }],
    record: sqsRecord('{"my-key": "my-value-two"}'),
    expected: true,
  },
  {
    id: 'ls-sqs-or-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": ["my-value-one", "my-value-two"]}}' }],
    record: sqsRecord('{"my-key": "other-value"}'),
    expected: false,
  },
  {
    id: 'ls-sqs-and-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [
      { Pattern: '{"body": {"my-key-one": ["other-filter", "my-value-one"], "my-key-two": ["my-value-two"]}}' },
    ],
    record: sqsRecord('{"my-key-one": "my-value-one", "my-key-two": "my-value-two"}'),
    expected: true,
  },
  {
    id: 'ls-sqs-and-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [
      { Pattern: '{"body": {"my-key-one": ["other-filter", "my-value-one"], "my-key-two": ["my-value-two"]}}' },
    ],
    record: sqsRecord('{"my-key-one": "other-value-", "my-key-two": "my-value-two"}'),
    expected: false,
  },
  {
    id: 'ls-sqs-exists-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": [{"exists": true}]}}' }],
    record: sqsRecord('{"my-key": "any-value-one"}'),
    expected: true,
  },
  {
    id: 'ls-sqs-exists-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": [{"exists": true}]}}' }],
    record: sqsRecord('{"other-key": "any-value-two"}'),
    expected: false,
  },
  {
    id: 'ls-sqs-numeric-bigger-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-number": [{"numeric": [">", 100]}]}}' }],
    record: sqsRecord('{"my-number": 101}'),
    expected: true,
  },
  {
    id: 'ls-sqs-numeric-bigger-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-number": [{"numeric": [">", 100]}]}}' }],
    record: sqsRecord('{"my-number": 100}'),
    expected: false,
  },
  {
    id: 'ls-sqs-numeric-smaller-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-number": [{"numeric": ["<", 100]}]}}' }],
    record: sqsRecord('{"my-number": 99}'),
    expected: true,
  },
  {
    id: 'ls-sqs-numeric-smaller-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-number": [{"numeric": ["<", 100]}]}}' }],
    record: sqsRecord('{"my-number": 100}'),
    expected: false,
  },
  {
    id: 'ls-sqs-numeric-range-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-number": [{"numeric": [">=", 100, "<", 200]}]}}' }],
    record: sqsRecord('{"my-number": 100}'),
    expected: true,
  },
  {
    id: 'ls-sqs-numeric-range-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-number": [{"numeric": [">=", 100, "<", 200]}]}}' }],
    record: sqsRecord('{"my-number": 200}'),
    expected: false,
  },
  {
    id: 'ls-sqs-prefix-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": [{"prefix": "yes"}]}}' }],
    record: sqsRecord('{"my-key": "yes-value"}'),
    expected: true,
  },
  {
    id: 'ls-sqs-prefix-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": [{"prefix": "yes"}]}}' }],
    record: sqsRecord('{"my-key": "no-value"}'),
    expected: false,
  },
  {
    id: 'ls-sqs-valid-json-filter-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": ["my-value"]}}' }],
    record: sqsRecord('{"my-key": "my-value"}'),
    expected: true,
  },
  {
    id: 'ls-sqs-valid-json-filter-no-match',
    source: LOCALSTACK_SQS,
    eventSource: 'sqs',
    filters: [{ Pattern: '{"body": {"my-key": ["my-value"]}}' }],
    record: sqsRecord('plain-string'),
    expected: false,
  },
];
