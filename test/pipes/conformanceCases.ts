/**
 * Conformance cases: what AWS delivered (real-AWS recordings of LocalStack's validated snapshots and
 * AWS CDK integration tests) or documents, re-encoded as this project's own test data. Each case
 * cites where the fact comes from; `compare` says how to compare (exact bytes, parsed JSON, nothing
 * delivered, or rejected at PutTargets). Masked values (time, ids) were made concrete.
 */
import type { JsonValue } from '../../src/_internals/json.js';

/** One conformance case. */
export interface ConformanceCase {
  readonly id: string;
  /** Where the expected output was observed or documented. */
  readonly source: string;
  readonly kind: 'rule' | 'pipes';
  readonly confidence: string;
  readonly template: string;
  readonly inputPathsMap?: Record<string, string>;
  readonly event: JsonValue;
  readonly context?: Record<string, string>;
  readonly compare: 'exact' | 'json' | 'not-delivered' | 'error';
  readonly expected?: JsonValue;
  readonly expectedError?: string;
}

const EVENT_1: JsonValue = {
  version: '0',
  id: '7e3b5c0a-1f2d-4c3b-9a8e-0d1c2b3a4f5e',
  'detail-type': 'core.update-account-command',
  source: 'core.update-account-command',
  account: '111111111111',
  time: '2024-06-11T08:33:04Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    command: 'update-account',
    payload: {
      acc_id: '0a787ecb-4015',
      sf_id: 'baz',
    },
  },
};

const EVENT_2: JsonValue = {
  version: '0',
  id: '7e3b5c0a-1f2d-4c3b-9a8e-0d1c2b3a4f5e',
  'detail-type': 'core.update-account-command',
  source: 'core.update-account-command',
  account: '111111111111',
  time: '2024-06-11T08:33:04Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    command: 'update-account',
    payload: {
      acc_id: '0a787ecb-4015',
      sf_id: 'baz',
    },
    listsingle: ['HIGH'],
    listmulti: ['ACTIVE', 'INACTIVE'],
    valid: true,
  },
};

const EVENT_3: JsonValue = {
  version: '0',
  id: '0d3c9e4a-0000-4000-8000-000000000001',
  'detail-type': 'core.update-account-command',
  source: 'core.update-account-command',
  account: '111111111111',
  time: '2024-06-11T08:33:04Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    payload: {
      id: '123',
    },
  },
};

const EVENT_4: JsonValue = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: {
    'instance-id': 'i-0123456789',
    state: 'RUNNING',
  },
};

const EVENT_5: JsonValue = {
  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
  receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
  body: '3b241101-e2bb-4255-8caf-4136c566a962',
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1545082649183',
    SenderId: 'AIDAIENQZJOLO23YVJ4VO',
    ApproximateFirstReceiveTimestamp: '1545082649185',
  },
  messageAttributes: {},
  md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:SourceQueue',
  awsRegion: 'us-east-1',
};

const EVENT_6: JsonValue = {
  kinesisSchemaVersion: '1.0',
  partitionKey: '1',
  sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
  data: 'eyJDaXR5IjogIlNlYXR0bGUiLCAiU3RhdGUiOiAiV0EiLCAiVGVtcGVyYXR1cmUiOiAiNDYiLCAiTW9udGgiOiAiRGVjZW1iZXIifQ==',
  approximateArrivalTimestamp: 1545084650.987,
  eventSource: 'aws:kinesis',
  eventVersion: '1.0',
  eventID: 'shardId-000000000006:49590338271490256608559692538361571095921575989136588898',
  eventName: 'aws:kinesis:record',
  invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
  awsRegion: 'us-east-2',
  eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
};

const EVENT_7: JsonValue = {
  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
  receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
  body: '{"key": "value"}',
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1545082649183',
    SenderId: 'AIDAIENQZJOLO23YVJ4VO',
    ApproximateFirstReceiveTimestamp: '1545082649185',
  },
  messageAttributes: {},
  md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:SourceQueue',
  awsRegion: 'us-east-1',
};

const PATHS_1: Record<string, string> = {
  'detail-type': '$.detail-type',
  timestamp: '$.time',
  command: '$.detail.command',
};

const PATHS_2: Record<string, string> = {
  userId: '$.detail.payload.acc_id',
  payload: '$.detail.payload',
  systemstring: '$.detail.awsAccountId',
  listsingle: '$.detail.listsingle',
  listmulti: '$.detail.listmulti',
  valid: '$.detail.valid',
};

const PATHS_3: Record<string, string> = {
  userId: '$.detail.payload.acc_id',
  payload: '$.detail.payload',
  systemstring: '$.detail.awsAccountId',
  listsingle: '$.detail.listsingle',
  listmulti: '$.detail.listmulti',
};

const PATHS_4: Record<string, string> = {
  userId: '$.detail.payload.acc_id',
  payload: '$.detail.payload',
  listsingle: '$.detail.listsingle',
};

const PATHS_5: Record<string, string> = { detail: '$.detail' };

const PATHS_6: Record<string, string> = {
  timestamp: '$.time',
  instance: '$.detail.instance-id',
  state: '$.detail.state',
  resource: '$.resources[0]',
};

const CONTEXT_1: Record<string, string> = {
  ruleArn: 'arn:aws:events:us-east-1:111111111111:rule/test-bus/test-rule',
  ruleName: 'test-rule',
  ingestionTime: '2024-06-11T08:33:05Z',
};

const CONTEXT_2: Record<string, string> = {
  ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
  ruleName: 'example',
  ingestionTime: '2015-11-11T21:29:55Z',
};

const CONTEXT_3: Record<string, string> = {
  pipeArn: 'arn:aws:pipes:us-east-1:123456789012:pipe/BaseTestPipe',
  pipeName: 'BaseTestPipe',
  sourceArn: 'arn:aws:sqs:us-east-1:123456789012:SourceQueue',
  enrichmentArn: 'arn:aws:lambda:us-east-1:123456789012:function:EnrichmentLambda',
  targetArn: 'arn:aws:sqs:us-east-1:123456789012:TargetQueue',
  ingestionTime: '2024-06-11T08:33:05Z',
};

const CONTEXT_4: Record<string, string> = {
  pipeArn: 'arn:aws:pipe:us-east-1:123456789012:pipe/example',
  pipeName: 'example',
  ingestionTime: '2015-11-11T21:29:55Z',
};

/** The cases, one per observed or documented fact. */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  {
    id: 'ls-rule-string-all',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_put_events_with_input_transformer_input_template_string[custom-variables-match-all]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '"Event of <detail-type> type, at time <timestamp>, info extracted from detail <command>"',
    inputPathsMap: PATHS_1,
    event: EVENT_1,
    compare: 'exact',
    expected:
      '"Event of core.update-account-command type, at time 2024-06-11T08:33:04Z, info extracted from detail update-account"',
  },
  {
    id: 'ls-rule-string-special-start-all',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: ...input_template_string["{[/Check..."]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '"{[/Check with special starting characters for event of <detail-type> type"',
    inputPathsMap: PATHS_1,
    event: EVENT_1,
    compare: 'exact',
    expected: '"{[/Check with special starting characters for event of core.update-account-command type"',
  },
  {
    id: 'ls-rule-json-all',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_put_events_with_input_transformer_input_template_json[custom-variables-match-all]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '{"detailType": <detail-type>,  "time": <timestamp>, "command": <command>}',
    inputPathsMap: PATHS_1,
    event: EVENT_1,
    compare: 'json',
    expected: { detailType: 'core.update-account-command', time: '2024-06-11T08:33:04Z', command: 'update-account' },
  },
  {
    id: 'ls-rule-predefined-string',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_predefined_variables["Message containing all pre defined variables ..."]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template:
      '"Message containing all pre defined variables <aws.events.rule-arn> <aws.events.rule-name> <aws.events.event.ingestion-time>"',
    event: EVENT_1,
    context: CONTEXT_1,
    compare: 'exact',
    expected:
      '"Message containing all pre defined variables arn:aws:events:us-east-1:111111111111:rule/test-bus/test-rule test-rule 2024-06-11T08:33:05Z"',
  },
  {
    id: 'ls-rule-nested-00',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement[{"method": "PUT", "path": "users-service/users/<userId>", "bod": <payload>}]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '{"method": "PUT", "path": "users-service/users/<userId>", "bod": <payload>}',
    inputPathsMap: PATHS_2,
    event: EVENT_2,
    compare: 'json',
    expected: {
      method: 'PUT',
      path: 'users-service/users/0a787ecb-4015',
      bod: { acc_id: '0a787ecb-4015', sf_id: 'baz' },
    },
  },
  {
    id: 'ls-rule-nested-01',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement["Payload of <payload> with path users-service/users/<userId> and <userId>"]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '"Payload of <payload> with path users-service/users/<userId> and <userId>"',
    inputPathsMap: PATHS_2,
    event: EVENT_2,
    compare: 'exact',
    expected:
      '"Payload of {acc_id:0a787ecb-4015,sf_id:baz} with path users-service/users/0a787ecb-4015 and 0a787ecb-4015"',
  },
  {
    id: 'ls-rule-nested-02',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement[{"id" : <userId>}]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '{"id" : <userId>}',
    inputPathsMap: PATHS_2,
    event: EVENT_2,
    compare: 'json',
    expected: { id: '0a787ecb-4015' },
  },
  {
    id: 'ls-rule-nested-05',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement[{"method": "PUT", "path": "users-service/users/<userId>", "bod": [<userId>, "hardcoded"]}]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '{"method": "PUT", "path": "users-service/users/<userId>", "bod": [<userId>, "hardcoded"]}',
    inputPathsMap: PATHS_2,
    event: EVENT_2,
    compare: 'json',
    expected: { method: 'PUT', path: 'users-service/users/0a787ecb-4015', bod: ['0a787ecb-4015', 'hardcoded'] },
  },
  {
    id: 'ls-rule-nested-07',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement["<listsingle> single list item"]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '"<listsingle> single list item"',
    inputPathsMap: PATHS_2,
    event: EVENT_2,
    compare: 'exact',
    expected: '"[HIGH] single list item"',
  },
  {
    id: 'ls-rule-nested-09',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement[{"singlelistitem": <listsingle>}]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '{"singlelistitem": <listsingle>}',
    inputPathsMap: PATHS_2,
    event: EVENT_2,
    compare: 'json',
    expected: { singlelistitem: ['HIGH'] },
  },
  {
    id: 'ls-rule-nested-11',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement[{"multi_replacement": "users/<userId>/second/<userId>"}]',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '{"multi_replacement": "users/<userId>/second/<userId>"}',
    inputPathsMap: PATHS_2,
    event: EVENT_2,
    compare: 'json',
    expected: { multi_replacement: 'users/0a787ecb-4015/second/0a787ecb-4015' },
  },
  {
    id: 'ls-rule-multiline-string',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement[multi-line param] (snapshot recorded 13-12-2024 17:27:50; param later disabled in the test file)',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot (older recording, not re-validated)',
    template:
      '"<listsingle> single list item"\n"<listmulti> multiple list items"\n"<systemstring> system account id"\n"<payload> payload"\n"<userId> user id"',
    inputPathsMap: PATHS_3,
    event: EVENT_2,
    compare: 'exact',
    expected:
      '"[HIGH] single list item"\n"[ACTIVE,INACTIVE] multiple list items"\n" system account id"\n"{acc_id:0a787ecb-4015,sf_id:baz} payload"\n"0a787ecb-4015 user id"',
  },
  {
    id: 'ls-rule-dropped-0',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_input_transformer_nested_keys_replacement_not_valid[{"not_valid": "users-service/users/<payload>", "bod": <payload>}] (no snapshot; asserts no SQS message; validated 2025-10-08)',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-test',
    template: '{"not_valid": "users-service/users/<payload>", "bod": <payload>}',
    inputPathsMap: PATHS_4,
    event: EVENT_2,
    compare: 'not-delivered',
  },
  {
    id: 'ls-rule-undefined-placeholder',
    source:
      'localstack/localstack tests/aws/services/events/test_events_inputs.py + .snapshot.json (commit 8b9a79f0, recorded against AWS; validation.json last_validated 2025-10-08) :: test_put_events_with_input_transformer_missing_keys (snapshot)',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '"Event of <detail-type> type, with not defined key <notdefinedkey>"',
    inputPathsMap: PATHS_1,
    event: null,
    compare: 'error',
    expectedError: 'InputTemplate for target <target-id> contains invalid placeholder notdefinedkey.',
  },
  {
    id: 'ls-rule-lambda-detail-payload-with-id',
    source:
      'localstack/localstack tests/aws/services/events/test_events.py::TestEventRule::test_process_pattern_to_single_matching_rules_single_target (+ snapshot, validated 2025-01-08)',
    kind: 'rule',
    confidence: 'observed-in-real-AWS-snapshot',
    template: '{"detail-payload-with-id": <detail>}',
    inputPathsMap: PATHS_5,
    event: EVENT_3,
    compare: 'json',
    expected: { 'detail-payload-with-id': { payload: { id: '123' } } },
  },
  {
    id: 'doc-rule-simple-string',
    source:
      "AWS EventBridge User Guide, eb-transform-target-input 'Input transform examples' table (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html)",
    kind: 'rule',
    confidence: 'documented',
    template: '"instance <instance> is in <state>"',
    inputPathsMap: PATHS_6,
    event: EVENT_4,
    context: CONTEXT_2,
    compare: 'exact',
    expected: '"instance i-0123456789 is in RUNNING"',
  },
  {
    id: 'doc-rule-escaped-quotes',
    source:
      "AWS EventBridge User Guide, eb-transform-target-input 'Input transform examples' table (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html)",
    kind: 'rule',
    confidence: 'documented',
    template: '"instance \\"<instance>\\" is in <state>"',
    inputPathsMap: PATHS_6,
    event: EVENT_4,
    context: CONTEXT_2,
    compare: 'exact',
    expected: '"instance \\"i-0123456789\\" is in RUNNING"',
  },
  {
    id: 'doc-rule-simple-json',
    source:
      "AWS EventBridge User Guide, eb-transform-target-input 'Input transform examples' table (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html)",
    kind: 'rule',
    confidence: 'documented',
    template: '{"instance" : <instance>,"state": <state>}',
    inputPathsMap: PATHS_6,
    event: EVENT_4,
    context: CONTEXT_2,
    compare: 'json',
    expected: { instance: 'i-0123456789', state: 'RUNNING' },
  },
  {
    id: 'doc-rule-json-strings-and-vars',
    source:
      "AWS EventBridge User Guide, eb-transform-target-input 'Input transform examples' table (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html)",
    kind: 'rule',
    confidence: 'documented',
    template:
      '{"instance" : <instance>,"state": "<state>","instanceStatus": "instance \\"<instance>\\" is in <state>"}',
    inputPathsMap: PATHS_6,
    event: EVENT_4,
    context: CONTEXT_2,
    compare: 'json',
    expected: { instance: 'i-0123456789', state: 'RUNNING', instanceStatus: 'instance "i-0123456789" is in RUNNING' },
  },
  {
    id: 'doc-rule-json-mixed',
    source:
      "AWS EventBridge User Guide, eb-transform-target-input 'Input transform examples' table (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html)",
    kind: 'rule',
    confidence: 'documented',
    template: '{"instance" : <instance>,"state": [ 9, <state>, true ],"Transformed" : "Yes"}',
    inputPathsMap: PATHS_6,
    event: EVENT_4,
    context: CONTEXT_2,
    compare: 'json',
    expected: { instance: 'i-0123456789', state: [9, 'RUNNING', true], Transformed: 'Yes' },
  },
  {
    id: 'doc-rule-json-reserved',
    source:
      "AWS EventBridge User Guide, eb-transform-target-input 'Input transform examples' table (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html)",
    kind: 'rule',
    confidence: 'documented',
    template:
      '{"instance" : <instance>,"state": <state>,"ruleArn" : <aws.events.rule-arn>,"ruleName" : <aws.events.rule-name>,"originalEvent" : <aws.events.event.json>}',
    inputPathsMap: PATHS_6,
    event: EVENT_4,
    context: CONTEXT_2,
    compare: 'json',
    expected: {
      instance: 'i-0123456789',
      state: 'RUNNING',
      ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
      ruleName: 'example',
      originalEvent: {
        version: '0',
        id: '7bf73129-1428-4cd3-a780-95db273d1602',
        'detail-type': 'EC2 Instance State-change Notification',
        source: 'aws.ec2',
        account: '123456789012',
        time: '2015-11-11T21:29:54Z',
        region: 'us-east-1',
        resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
        detail: { 'instance-id': 'i-0123456789', state: 'RUNNING' },
      },
    },
  },
  {
    id: 'doc-rule-string-reserved',
    source:
      "AWS EventBridge User Guide, eb-transform-target-input 'Input transform examples' table (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html)",
    kind: 'rule',
    confidence: 'documented',
    template: '"<aws.events.rule-name> triggered"',
    inputPathsMap: PATHS_6,
    event: EVENT_4,
    context: CONTEXT_2,
    compare: 'exact',
    expected: '"example triggered"',
  },
  {
    id: 'cdk-pipes-target-body-plain',
    source:
      'aws/aws-cdk packages/@aws-cdk/aws-pipes-*-alpha/test/integ.*.ts (deploy-time assertions against real AWS) :: aws-pipes-targets-alpha/test/integ.sqs.ts, aws-pipes-sources-alpha/test/integ.sqs.ts (also integ.sns.ts / integ.cloudwatch-logs.ts via regex)',
    kind: 'pipes',
    confidence: 'observed-in-real-AWS-integ-test',
    template: '<$.body>',
    event: EVENT_5,
    context: CONTEXT_3,
    compare: 'exact',
    expected: '3b241101-e2bb-4255-8caf-4136c566a962',
  },
  {
    id: 'cdk-pipes-enrichment-json-template',
    source:
      'aws/aws-cdk packages/@aws-cdk/aws-pipes-*-alpha/test/integ.*.ts (deploy-time assertions against real AWS) :: aws-pipes-alpha/test/integ.pipe.ts (template string confirmed in integ.pipe.js.snapshot/aws-cdk-pipes.template.json)',
    kind: 'pipes',
    confidence: 'observed-in-real-AWS-integ-test (indirect)',
    template: '{"body":<$.body>,"name":<aws.pipes.pipe-name>,"static":"static"}',
    event: EVENT_5,
    context: CONTEXT_3,
    compare: 'json',
    expected: { body: '3b241101-e2bb-4255-8caf-4136c566a962', name: 'BaseTestPipe', static: 'static' },
  },
  {
    id: 'doc-pipes-ec2-example',
    source:
      "AWS EventBridge User Guide, eb-pipes-input-transformation (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html) 'Input transform example'",
    kind: 'pipes',
    confidence: 'documented',
    template:
      '{\n  "instance" : <$.detail.instance-id>,\n  "state": <$.detail.state>,\n  "pipeArn" : <aws.pipes.pipe-arn>,\n  "pipeName" : <aws.pipes.pipe-name>,\n  "originalEvent" : <aws.pipes.event.json>\n}',
    event: EVENT_4,
    context: CONTEXT_4,
    compare: 'json',
    expected: {
      instance: 'i-0123456789',
      state: 'RUNNING',
      pipeArn: 'arn:aws:pipe:us-east-1:123456789012:pipe/example',
      pipeName: 'example',
      originalEvent: {
        version: '0',
        id: '7bf73129-1428-4cd3-a780-95db273d1602',
        'detail-type': 'EC2 Instance State-change Notification',
        source: 'aws.ec2',
        account: '123456789012',
        time: '2015-11-11T21:29:54Z',
        region: 'us-east-1',
        resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
        detail: { 'instance-id': 'i-0123456789', state: 'RUNNING' },
      },
    },
  },
  {
    id: 'doc-pipes-kinesis-json-data',
    source:
      "AWS EventBridge User Guide, eb-pipes-input-transformation (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html) 'Implicit body data parsing'",
    kind: 'pipes',
    confidence: 'documented',
    template: '{"data": <$.data>, "city": <$.data.City>}',
    event: EVENT_6,
    context: CONTEXT_4,
    compare: 'json',
    expected: { data: { City: 'Seattle', State: 'WA', Temperature: '46', Month: 'December' }, city: 'Seattle' },
  },
  {
    id: 'doc-pipes-sqs-json-body-bare',
    source:
      "AWS EventBridge User Guide, eb-pipes-input-transformation (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html) 'Implicit body data parsing'",
    kind: 'pipes',
    confidence: 'documented-ambiguous',
    template: '<$.body>',
    event: EVENT_7,
    context: CONTEXT_4,
    compare: 'exact',
    expected: '"{key: value}"',
  },
  {
    id: 'doc-pipes-sqs-json-body-wrapped',
    source:
      "AWS EventBridge User Guide, eb-pipes-input-transformation (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html) 'Implicit body data parsing' / 'Common issues'",
    kind: 'pipes',
    confidence: 'documented',
    template: '{"body": <$.body>}',
    event: EVENT_7,
    context: CONTEXT_4,
    compare: 'json',
    expected: { body: { key: 'value' } },
  },
];
