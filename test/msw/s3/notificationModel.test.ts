/**
 * Property: random notification configurations (queue destinations with event types and key
 * filters) are accepted exactly when no two share an event type with overlapping filters, as
 * the S3 user guide states; once saved, every queue receives the s3:TestEvent and then exactly
 * the records of the changes its configuration matches, in order.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
 */
import {
  DeleteObjectCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  type Event,
  type QueueConfiguration,
} from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

const { mocks } = useAwsMocks();
const s3 = new S3Client({ ...awsTestClientConfig(), forcePathStyle: false });

const EVENTS = [
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectTagging:Put',
] as const;
const KEYS = ['a.csv', 'a.txt', 'logs/a.csv', 'logs/b.txt', 'img/a.png'];
interface Config {
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}
const config = fc.record({
  events: fc.uniqueArray(fc.constantFrom(...EVENTS), { minLength: 1, maxLength: 2 }),
  prefix: fc.constantFrom('', 'logs/', 'lo', 'img/'),
  suffix: fc.constantFrom('', '.csv', '.txt', 'csv'),
});
const op = fc.record({ kind: fc.constantFrom('put', 'delete', 'tag'), key: fc.constantFrom(...KEYS) });

// The guide's rule, written from its text: same event type (a wildcard covers its names) and
// prefixes and suffixes that could both match one key.
const covers = (a: string, b: string) => a === b || (a.endsWith(':*') && b.startsWith(a.slice(0, -1)));
const shareEvent = (x: readonly string[], y: readonly string[]) =>
  x.some((a) => y.some((b) => covers(a, b) || covers(b, a)));
const overlap = (x: Config, y: Config) =>
  shareEvent(x.events, y.events) &&
  (x.prefix.startsWith(y.prefix) || y.prefix.startsWith(x.prefix)) &&
  (x.suffix.endsWith(y.suffix) || y.suffix.endsWith(x.suffix));
const selfOverlap = (x: Config) =>
  x.events.some((a, i) => x.events.some((b, j) => i !== j && (covers(a, b) || covers(b, a))));

it('configurations are accepted iff nothing overlaps; each queue gets exactly its matching records', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(config, { minLength: 1, maxLength: 3 }),
      fc.array(op, { maxLength: 10 }),
      async (configs, ops) => {
        mocks.reset();
        mocks.s3.createBucket('bkt');
        const queues = configs.map((_, i) => mocks.sqs.createQueue(`q${i}`));
        const QueueConfigurations: QueueConfiguration[] = configs.map((c, i) => ({
          Id: `c${i}`,
          QueueArn: queues[i]?.arn,
          Events: c.events as Event[],
          ...(c.prefix === '' && c.suffix === ''
            ? {}
            : {
                Filter: {
                  Key: {
                    FilterRules: [
                      ...(c.prefix === '' ? [] : [{ Name: 'prefix' as const, Value: c.prefix }]),
                      ...(c.suffix === '' ? [] : [{ Name: 'suffix' as const, Value: c.suffix }]),
                    ],
                  },
                },
              }),
        }));
        const conflicting =
          configs.some(selfOverlap) || configs.some((c, i) => configs.slice(0, i).some((d) => overlap(c, d)));
        const saved = await s3
          .send(
            new PutBucketNotificationConfigurationCommand({
              Bucket: 'bkt',
              NotificationConfiguration: { QueueConfigurations },
            }),
          )
          .then(
            () => true,
            (error: { name: string }) => {
              expect(error.name).toBe('InvalidArgument');
              return false;
            },
          );
        expect(saved).toBe(!conflicting);
        if (!saved) {
          for (const q of queues) expect(mocks.sqs.messages(q.arn)).toEqual([]);
          return;
        }

        const expected: string[][] = configs.map(() => []);
        const live = new Set<string>();
        for (const { kind, key } of ops) {
          let eventName: string | undefined;
          if (kind === 'put') {
            await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: key, Body: 'x' }));
            live.add(key);
            eventName = 'ObjectCreated:Put';
          } else if (kind === 'delete') {
            await s3.send(new DeleteObjectCommand({ Bucket: 'bkt', Key: key }));
            // An unversioned delete of a missing key changes nothing and notifies nothing.
            if (live.delete(key)) eventName = 'ObjectRemoved:Delete';
          } else if (live.has(key)) {
            await s3.send(
              new PutObjectTaggingCommand({ Bucket: 'bkt', Key: key, Tagging: { TagSet: [{ Key: 'k', Value: 'v' }] } }),
            );
            eventName = 'ObjectTagging:Put';
          }
          if (eventName === undefined) continue;
          configs.forEach((c, i) => {
            if (
              c.events.some((e) => covers(e, `s3:${eventName}`)) &&
              key.startsWith(c.prefix) &&
              key.endsWith(c.suffix)
            )
              expected[i]?.push(`${eventName} ${key} c${i}`);
          });
        }
        queues.forEach((q, i) => {
          const [test, ...records] = mocks.sqs.messages(q.arn).map((m) => JSON.parse(m.body));
          expect(test.Event).toBe('s3:TestEvent');
          const seen = records.map(
            (r) =>
              `${r.Records[0].eventName} ${decodeURIComponent(r.Records[0].s3.object.key)} ${r.Records[0].s3.configurationId}`,
          );
          expect(seen).toEqual(expected[i]);
        });
      },
    ),
    // Each run saves a configuration and makes up to ten SDK calls: a fifth of NUM_RUNS.
    { numRuns: Math.max(40, Math.floor(NUM_RUNS / 5)) },
  );
});
