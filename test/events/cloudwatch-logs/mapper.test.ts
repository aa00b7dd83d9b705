import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { decodeLogEventId, encodeLogEventId } from '../../../src/events/cloudwatch-logs/ids.js';
import {
  decodeCloudWatchLogsEvent,
  encodeCloudWatchLogsData,
  toCloudWatchLogsControlMessage,
  toCloudWatchLogsDataMessage,
  toCloudWatchLogsEvent,
} from '../../../src/events/cloudwatch-logs/mapper.js';
import type { CloudWatchLogsDataParts } from '../../../src/events/cloudwatch-logs/types.js';
import { checkCloudWatchLogsEvent } from './_invariants.js';

describe('log event ids', () => {
  it('reproduce the ids of a real delivery (powertools-ts__cloudwatch-logs.json)', () => {
    const ingestionTime = 1729520904176;
    const batchToken = 0x78ff52991e50c4bfn;
    expect(encodeLogEventId({ timestamp: 1729520895158, ingestionTime, batchToken, index: 0 })).toBe(
      '38569604798453153764115268074363468419149517103543812096',
    );
    expect(encodeLogEventId({ timestamp: 1729520895158, ingestionTime, batchToken, index: 1 })).toBe(
      '38569604798453153764115268074363468419149517103543812097',
    );
    expect(encodeLogEventId({ timestamp: 1729520895159, ingestionTime, batchToken, index: 2 })).toBe(
      '38569604798475454509313798697505004137422165465049792514',
    );
    expect(decodeLogEventId('38569604798475454509313798697505004137422165465049792514')).toEqual({
      timestamp: 1729520895159,
      ingestionTime,
      batchToken,
      index: 2,
    });
    expect(decodeLogEventId('eventId1')).toBeUndefined();
  });

  it('reject out-of-range parts', () => {
    expect(() => encodeLogEventId({ timestamp: -1, ingestionTime: 0, batchToken: 0n, index: 0 })).toThrow(
      /^encodeLogEventId: timestamp must be non-negative/,
    );
    expect(() => encodeLogEventId({ timestamp: 0, ingestionTime: 0, batchToken: 1n << 64n, index: 0 })).toThrow(
      /batchToken must be a 64-bit unsigned bigint/,
    );
    expect(() => encodeLogEventId({ timestamp: 0, ingestionTime: 0, batchToken: 0n, index: 65536 })).toThrow(
      /index must be an integer from 0 to 65535/,
    );
  });
});

const parts: CloudWatchLogsDataParts = {
  owner: '123456789012',
  logGroup: '/aws/lambda/echo-nodejs',
  logStream: '2019/03/13/[$LATEST]94fa867e5374431291a7fc14e2f56ae7',
  subscriptionFilters: ['LambdaStream_cloudwatchlogs-node'],
  ingestionTime: 1552518357000,
  batchToken: 12345n,
  logEvents: [
    {
      timestamp: 1552518348220,
      message: 'REPORT RequestId: 6234bffe-149a-b642-81ff-2e8e376d8aff\tDuration: 46.84 ms\n',
    },
  ],
};

describe('toCloudWatchLogsDataMessage', () => {
  it('builds the docs payload shape with consistent ids', () => {
    const data = toCloudWatchLogsDataMessage(parts);
    expect(Object.keys(data)).toEqual([
      'messageType',
      'owner',
      'logGroup',
      'logStream',
      'subscriptionFilters',
      'logEvents',
    ]);
    checkCloudWatchLogsEvent(toCloudWatchLogsEvent(data));
    expect(toCloudWatchLogsDataMessage({ ...parts, policyLevel: 'ACCOUNT_LEVEL_POLICY' }).policyLevel).toBe(
      'ACCOUNT_LEVEL_POLICY',
    );
  });

  it('rejects parts that break a rule', () => {
    const cases: [Partial<CloudWatchLogsDataParts>, RegExp][] = [
      [{ owner: '1234' }, /^toCloudWatchLogsDataMessage: parts.owner "1234" is not an AWS account id/],
      [{ logGroup: 'a group' }, /parts.logGroup "a group" breaks CloudWatch Logs log group naming rules/],
      [{ logStream: 'a:b' }, /parts.logStream "a:b" breaks CloudWatch Logs log stream naming rules/],
      [{ subscriptionFilters: [] }, /parts.subscriptionFilters must name the delivering subscription filter/],
      [{ logEvents: [] }, /parts.logEvents must be a non-empty array/],
      [
        { logEvents: [{ timestamp: 1552518348220, message: '' }] },
        /parts.logEvents\[0\].message must be a non-empty string/,
      ],
      [
        {
          logEvents: [
            { timestamp: 1552518348221, message: 'b' },
            { timestamp: 1552518348220, message: 'a' },
          ],
        },
        /parts.logEvents\[1\].timestamp 1552518348220 is before the previous event's 1552518348221/,
      ],
      [
        { logEvents: [{ timestamp: 1552518357000 + 7_200_001, message: 'a' }] },
        /more than 2 hours after the ingestion time/,
      ],
      [
        { logEvents: [{ timestamp: 1552518357000 - 14 * 86_400_000 - 1, message: 'a' }] },
        /more than 14 days before the ingestion time/,
      ],
      [
        { logEvents: Array.from({ length: 10_001 }, () => ({ timestamp: 1552518348220, message: 'a' })) },
        /holds 10001 events, over the 10000-event batch limit/,
      ],
    ];
    for (const [patch, message] of cases) {
      expect(() => toCloudWatchLogsDataMessage({ ...parts, ...patch })).toThrow(message);
      expect(() => toCloudWatchLogsDataMessage({ ...parts, ...patch })).toThrow(EventInputError);
    }
  });
});

describe('CONTROL_MESSAGE', () => {
  it('has the fixed shape CloudWatch Logs sends', () => {
    const event = toCloudWatchLogsEvent(toCloudWatchLogsControlMessage(1552518348220));
    expect(checkCloudWatchLogsEvent(event)).toEqual({
      messageType: 'CONTROL_MESSAGE',
      owner: 'CloudwatchLogs',
      logGroup: '',
      logStream: '',
      subscriptionFilters: [],
      logEvents: [
        {
          id: '',
          timestamp: 1552518348220,
          message: 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.',
        },
      ],
    });
  });
});

describe('decodeCloudWatchLogsEvent', () => {
  const data = toCloudWatchLogsDataMessage(parts);
  it('round-trips', () => {
    expect(decodeCloudWatchLogsEvent(toCloudWatchLogsEvent(data))).toEqual(data);
    expect(encodeCloudWatchLogsData(data)[9]).toBe(0);
  });
  it('rejects the common fixture mistakes with clear errors', () => {
    const json = JSON.stringify(data);
    const cases: [unknown, RegExp][] = [
      [{}, /^decodeCloudWatchLogsEvent: event.awslogs.data must be a string/],
      [{ awslogs: { data: 'not base64!' } }, /event.awslogs.data is not standard base64/],
      [
        { awslogs: { data: Buffer.from(json).toString('base64') } },
        /event.awslogs.data is not gzip \(it starts with 7b22, not the gzip magic 1f8b\); CloudWatch Logs always gzips/,
      ],
      [{ awslogs: { data: deflateSync(json).toString('base64') } }, /is not gzip \(it starts with 789c/],
      [
        { awslogs: { data: Buffer.from([0x1f, 0x8b, 1, 2, 3]).toString('base64') } },
        /event.awslogs.data is corrupt gzip/,
      ],
      [{ awslogs: { data: gzipSync('{oops').toString('base64') } }, /gunzips to text that is not JSON/],
      [{ awslogs: { data: gzipSync('[]').toString('base64') } }, /gunzips to \[\], not a JSON object/],
      [
        { awslogs: { data: gzipSync(JSON.stringify({ ...data, messageType: 'X' })).toString('base64') } },
        /has messageType "X"/,
      ],
      [
        { awslogs: { data: gzipSync(JSON.stringify({ ...data, logEvents: [] })).toString('base64') } },
        /has no non-empty logEvents array/,
      ],
      [
        { awslogs: { data: gzipSync(JSON.stringify({ ...data, logEvents: [{ id: 1 }] })).toString('base64') } },
        /logEvents\[0\] must be \{ id: string, timestamp: number, message: string \}/,
      ],
    ];
    for (const [event, message] of cases) expect(() => decodeCloudWatchLogsEvent(event as never)).toThrow(message);
  });
});
