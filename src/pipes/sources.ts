/**
 * What each Pipes source's records can hold, as far as lint needs it: which paths exist and
 * whether they can be an object or array (after implicit body parsing). A shape is deliberately
 * generous: lint must never call a real path impossible.
 */
import type { PathSegment } from './path.js';

/** A source whose records lint knows (and `checkPipeTemplate` can generate). */
export type PipeSource =
  | 'sqs'
  | 'sqs-fifo'
  | 'kinesis'
  | 'dynamodb'
  | 'eventbridge'
  | 's3-eventbridge'
  | 'activemq'
  | 'rabbitmq'
  | 'msk'
  | 'self-managed-kafka';

/** Every {@link PipeSource}. */
export const PIPE_SOURCES: readonly PipeSource[] = [
  'sqs',
  'sqs-fifo',
  'kinesis',
  'dynamodb',
  'eventbridge',
  's3-eventbridge',
  'activemq',
  'rabbitmq',
  'msk',
  'self-managed-kafka',
];

/** The JSON types a value can have. */
type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** What a value at some path can be. */
export interface Shape {
  readonly types: ReadonlySet<JsonType>;
  /** Known members of an object. */
  readonly fields?: Readonly<Record<string, Shape>>;
  /** Any other member (map-like objects); absent: no other member exists. */
  readonly rest?: Shape;
  /** Elements of an array. */
  readonly items?: Shape;
}

const set = (...types: JsonType[]): ReadonlySet<JsonType> => new Set(types);
const S: Shape = { types: set('string') };
const N: Shape = { types: set('number') };
const B: Shape = { types: set('boolean') };
const ANY_TYPES = set('string', 'number', 'boolean', 'null', 'object', 'array');
/** Any JSON value (a decoded body, an EventBridge detail). */
const ANY: Shape = (() => {
  const any: { types: ReadonlySet<JsonType>; rest?: Shape; items?: Shape } = { types: ANY_TYPES };
  any.rest = any;
  any.items = any;
  return any;
})();
const obj = (fields: Record<string, Shape>, rest?: Shape): Shape => ({
  types: set('object'),
  fields,
  ...(rest ? { rest } : {}),
});
const arr = (items: Shape): Shape => ({ types: set('array'), items });
const or = (a: Shape, b: Shape): Shape => ({ ...a, ...b, types: new Set([...a.types, ...b.types]) });

const sqsAttributes = {
  ApproximateReceiveCount: S,
  SentTimestamp: S,
  SenderId: S,
  ApproximateFirstReceiveTimestamp: S,
  AWSTraceHeader: S,
  DeadLetterQueueSourceArn: S,
};
const sqsRecord = (fifo: boolean): Shape =>
  obj({
    messageId: S,
    receiptHandle: S,
    body: ANY,
    attributes: obj(
      fifo ? { ...sqsAttributes, SequenceNumber: S, MessageGroupId: S, MessageDeduplicationId: S } : sqsAttributes,
    ),
    messageAttributes: obj(
      {},
      obj({ stringValue: S, binaryValue: S, stringListValues: arr(S), binaryListValues: arr(S), dataType: S }),
    ),
    md5OfBody: S,
    md5OfMessageAttributes: or(S, { types: set('null') }),
    eventSource: S,
    eventSourceARN: S,
    awsRegion: S,
  });

// DynamoDB AttributeValue: a one-key object; M and L recurse.
const attributeValue: Shape = (() => {
  const av: { types: ReadonlySet<JsonType>; fields?: Record<string, Shape> } = { types: set('object') };
  const map = obj({}, av as Shape);
  av.fields = { S, N: S, B: S, BOOL: B, NULL: B, SS: arr(S), NS: arr(S), BS: arr(S), M: map, L: arr(av as Shape) };
  return av as Shape;
})();
const image = obj({}, attributeValue);

const envelope = (detail: Shape): Shape =>
  obj({
    version: S,
    id: S,
    'detail-type': S,
    source: S,
    account: S,
    time: S,
    region: S,
    resources: arr(S),
    detail,
    'replay-name': S,
  });

const mqCommon = { data: ANY, eventSource: S, eventSourceArn: S, redelivered: B };
const kafka = obj({
  topic: S,
  partition: N,
  offset: N,
  timestamp: N,
  timestampType: S,
  key: ANY,
  value: ANY,
  headers: arr(obj({}, arr(N))),
  eventSource: S,
  eventSourceArn: S,
  bootstrapServers: S,
});

const SHAPES: Readonly<Record<PipeSource, Shape>> = {
  sqs: sqsRecord(false),
  'sqs-fifo': sqsRecord(true),
  kinesis: obj({
    kinesisSchemaVersion: S,
    partitionKey: S,
    sequenceNumber: S,
    data: ANY,
    approximateArrivalTimestamp: N,
    encryptionType: S,
    eventSource: S,
    eventVersion: S,
    eventID: S,
    eventName: S,
    invokeIdentityArn: S,
    awsRegion: S,
    eventSourceARN: S,
  }),
  dynamodb: obj({
    eventID: S,
    eventName: S,
    eventVersion: S,
    eventSource: S,
    awsRegion: S,
    dynamodb: obj({
      ApproximateCreationDateTime: N,
      Keys: image,
      NewImage: image,
      OldImage: image,
      SequenceNumber: S,
      SizeBytes: N,
      StreamViewType: S,
    }),
    eventSourceARN: S,
    userIdentity: obj({ type: S, principalId: S }),
  }),
  eventbridge: envelope(obj({}, ANY)),
  's3-eventbridge': envelope(
    obj({
      version: S,
      bucket: obj({ name: S }),
      object: obj({ key: S, size: N, etag: S, 'version-id': S, sequencer: S }),
      'request-id': S,
      requester: S,
      'source-ip-address': S,
      reason: S,
      'deletion-type': S,
      'restore-expiry-time': S,
      'source-storage-class': S,
      'destination-storage-class': S,
      'destination-access-tier': S,
      'event-version': S,
    }),
  ),
  activemq: obj({
    ...mqCommon,
    messageID: S,
    messageType: S,
    timestamp: N,
    deliveryMode: N,
    correlationID: S,
    replyTo: S,
    destination: obj({ physicalName: S }),
    type: S,
    expiration: N,
    priority: N,
    brokerInTime: N,
    brokerOutTime: N,
    properties: obj({}, S),
  }),
  rabbitmq: obj({ ...mqCommon, basicProperties: obj({}, ANY) }),
  msk: kafka,
  'self-managed-kafka': kafka,
};

/** The record shape of a source. */
export function sourceShape(source: PipeSource): Shape {
  return SHAPES[source];
}

/** What `segments` can reach in `shape`; `undefined` when no record of that shape has the path. */
export function shapeAt(shape: Shape, segments: readonly PathSegment[]): Shape | undefined {
  let current: Shape[] = [shape];
  for (const segment of segments) {
    const next: Shape[] = [];
    for (const s of current) {
      if (segment.kind === 'name') {
        if (!s.types.has('object')) continue;
        const child =
          (s.fields && Object.hasOwn(s.fields, segment.name) ? s.fields[segment.name] : undefined) ?? s.rest;
        if (child) next.push(child);
      } else if (segment.kind === 'index') {
        if (s.types.has('array') && s.items) next.push(s.items);
      } else {
        if (s.types.has('array') && s.items) next.push(s.items);
        if (s.types.has('object')) {
          for (const f of Object.values(s.fields ?? {})) next.push(f);
          if (s.rest) next.push(s.rest);
        }
      }
    }
    if (next.length === 0) return undefined;
    // Shapes reached through ANY are ANY again: keep the list short.
    current = next.includes(ANY) ? [ANY] : next;
  }
  return current.reduce(or);
}

/** Whether a value of this shape can be an object or an array. */
export function canBeStructured(shape: Shape): boolean {
  return shape.types.has('object') || shape.types.has('array');
}
