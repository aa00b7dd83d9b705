/**
 * Put/GetBucketNotificationConfiguration, validated as S3 validates a configuration: ARNs of the
 * right service, known event types, `prefix`/`suffix` filter rules, unique ids, no two
 * configurations sharing an event type with overlapping filters, and destinations that exist in
 * the mocks (S3's "Unable to validate the following destination configurations", one
 * `ArgumentName<n>`/`ArgumentValue<n>` pair per failed destination, as recorded against AWS in
 * localstack's snapshots). Saving sends the `s3:TestEvent` to each SQS and SNS destination.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
 */
import { readXml } from '../body.js';
import { S3Error, invalidArgument, malformedXml } from '../errors.js';
import { type S3Call, respond, respondXml } from '../http.js';
import { S3_NOTIFICATION_EVENT_TYPES } from '../notifications.js';
import {
  type S3DestinationConfiguration,
  type S3DestinationKind,
  eventTypeCovers,
  filterOf,
  testEventOf,
} from '../notificationConfiguration.js';
import type { S3Runtime } from '../runtime.js';
import { assertRoot, el, elements, text, xmlDocument } from '../xml.js';

const EVENT_TYPES = new Set<string>(S3_NOTIFICATION_EVENT_TYPES);

/** Each kind's XML element, ARN element and ARN service. */
const KINDS: readonly { kind: S3DestinationKind; element: string; arnElement: string; service: string }[] = [
  { kind: 'topic', element: 'TopicConfiguration', arnElement: 'Topic', service: 'sns' },
  { kind: 'queue', element: 'QueueConfiguration', arnElement: 'Queue', service: 'sqs' },
  { kind: 'function', element: 'CloudFunctionConfiguration', arnElement: 'CloudFunction', service: 'lambda' },
];

const OVERLAP = 'Configurations overlap. Configurations on the same bucket cannot share a common event type.';
const AMBIGUOUS =
  'Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.';
/** "ID length exceeded allowed limit of 255"; filter values are at most 1024 UTF-8 bytes. */
const MAX_ID = 255;
const MAX_FILTER_BYTES = 1024;

function invalid(message: string): S3Error {
  return new S3Error('InvalidArgument', 400, message);
}

/** Parses one configuration block, checking what S3 checks on its own. */
function parseBlock(runtime: S3Runtime, kind: (typeof KINDS)[number], block: string): S3DestinationConfiguration {
  const arn = text(block, kind.arnElement);
  const events = elements(block, 'Event').map((e) => text(`<Event>${e}</Event>`, 'Event') as string);
  if (arn === undefined || events.length === 0) throw malformedXml();
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== kind.service)
    throw invalidArgument('The ARN could not be parsed', kind.arnElement, arn);
  for (const event of events)
    if (!EVENT_TYPES.has(event)) throw invalidArgument('The event is not supported for notifications', 'Event', event);
  events.forEach((event, index) => {
    for (const other of events.slice(0, index))
      if (eventTypeCovers(event, other.slice(3)) || eventTypeCovers(other, event.slice(3))) throw invalid(OVERLAP);
  });
  const rules: { name: 'Prefix' | 'Suffix'; value: string }[] = [];
  const filter = elements(block, 'Filter')[0];
  if (filter !== undefined) {
    for (const rule of elements(filter, 'FilterRule')) {
      const rawName = text(rule, 'Name');
      const value = text(rule, 'Value');
      if (rawName === undefined || value === undefined) throw malformedXml();
      const name = rawName.toLowerCase();
      if (name !== 'prefix' && name !== 'suffix')
        throw invalidArgument('filter rule name must be either prefix or suffix', 'FilterRule.Name', rawName);
      const capital = name === 'prefix' ? 'Prefix' : 'Suffix';
      if (rules.some((r) => r.name === capital))
        throw invalid(`Cannot specify more than one ${name} rule in a filter.`);
      if (Buffer.byteLength(value, 'utf8') > MAX_FILTER_BYTES)
        throw invalid('Size of filter rule value cannot exceed 1024 bytes in UTF-8 representation');
      rules.push({ name: capital, value });
    }
  }
  const id = text(block, 'Id') ?? '';
  if (id.length > MAX_ID) throw invalid('ID length exceeded allowed limit of 255');
  return { kind: kind.kind, id: id === '' ? runtime.notificationId() : id, arn, events, rules };
}

/** Two configurations conflict when they share an event type and their filters overlap. */
function assertNoOverlap(configurations: readonly S3DestinationConfiguration[]): void {
  configurations.forEach((configuration, index) => {
    const { prefix, suffix } = filterOf(configuration);
    for (const other of configurations.slice(0, index)) {
      const shared = configuration.events.some((a) =>
        other.events.some((b) => eventTypeCovers(a, b.slice(3)) || eventTypeCovers(b, a.slice(3))),
      );
      if (!shared) continue;
      const theirs = filterOf(other);
      const prefixes = prefix.startsWith(theirs.prefix) || theirs.prefix.startsWith(prefix);
      const suffixes = suffix.endsWith(theirs.suffix) || theirs.suffix.endsWith(suffix);
      if (prefixes && suffixes)
        throw invalid(configuration.rules.length === 0 && other.rules.length === 0 ? OVERLAP : AMBIGUOUS);
    }
  });
}

/** PutBucketNotificationConfiguration. */
export async function putBucketNotificationConfiguration(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const notifier = runtime.configured;
  const { xml } = await readXml(call.request);
  try {
    assertRoot(xml, 'NotificationConfiguration');
  } catch {
    throw malformedXml();
  }
  const configurations: S3DestinationConfiguration[] = [];
  for (const kind of KINDS)
    for (const block of elements(xml, kind.element)) configurations.push(parseBlock(runtime, kind, block));
  const ids = new Set<string>();
  for (const { id } of configurations) {
    if (ids.has(id)) throw invalid('Same ID used for multiple configurations. IDs must be unique.');
    ids.add(id);
  }
  assertNoOverlap(configurations);
  const eventBridge = elements(xml, 'EventBridgeConfiguration').length > 0;
  if (notifier === undefined)
    throw new S3Error('NotImplemented', 501, 'aws-event-kit/msw: this S3 runtime has no notification configurations');
  if (eventBridge && !runtime.hasEventBridge) {
    throw new S3Error(
      'NotImplemented',
      501,
      'aws-event-kit/msw: this S3 mock has no EventBridge bus to send to (createS3Service options.eventBridge)',
    );
  }
  // S3 validates a destination by testing it: the SQS and SNS ones receive the s3:TestEvent.
  if (call.request.headers.get('x-amz-skip-destination-validation')?.toLowerCase() !== 'true') {
    const failed: [string, string][] = [];
    const test = testEventOf(bucket.name, call.now, call.ids);
    for (const arn of new Set(configurations.filter((c) => c.kind !== 'function').map((c) => `${c.kind} ${c.arn}`))) {
      const [kind, target] = [arn.slice(0, arn.indexOf(' ')) as 'queue' | 'topic', arn.slice(arn.indexOf(' ') + 1)];
      if (!notifier.sendTestEvent(kind, target, test)) failed.push([target, `The destination ${kind} does not exist`]);
    }
    for (const arn of new Set(configurations.filter((c) => c.kind === 'function').map((c) => c.arn))) {
      if (notifier.destinations.lambda?.exists(arn) !== true)
        failed.push([`${arn}, null`, `Not authorized to invoke function [${arn}]`]);
    }
    if (failed.length > 0) {
      const extra: Record<string, string> = {};
      failed.forEach(([name, value], index) => {
        extra[`ArgumentName${index + 1}`] = name;
        extra[`ArgumentValue${index + 1}`] = value;
      });
      throw new S3Error('InvalidArgument', 400, 'Unable to validate the following destination configurations', extra);
    }
  }
  notifier.set(bucket.name, { destinations: configurations, eventBridge });
  return respond(call, 200);
}

/** GetBucketNotificationConfiguration: the saved configuration, filter rule names capitalised. */
export function getBucketNotificationConfiguration(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const saved = runtime.configured?.get(bucket.name);
  let body = '';
  for (const kind of KINDS) {
    for (const c of saved?.destinations ?? []) {
      if (c.kind !== kind.kind) continue;
      const rules = c.rules
        .map((rule) => `<FilterRule>${el('Name', rule.name)}${el('Value', rule.value)}</FilterRule>`)
        .join('');
      body += `<${kind.element}>${el('Id', c.id)}${el(kind.arnElement, c.arn)}${c.events.map((e) => el('Event', e)).join('')}${rules === '' ? '' : `<Filter><S3Key>${rules}</S3Key></Filter>`}</${kind.element}>`;
    }
  }
  if (saved?.eventBridge === true) body += '<EventBridgeConfiguration></EventBridgeConfiguration>';
  return respondXml(call, xmlDocument('NotificationConfiguration', body));
}
