/**
 * Independent checks of DynamoDB Streams invariants (attribute values, records, batches), written
 * without the kit's own code so that they can catch its mistakes.
 */
import { expect } from 'vitest';

type AV = Record<string, unknown>;
type AMap = Record<string, AV>;

const TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'];
const CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/** Significant digits of a canonical number string (0 for zero). */
function significantDigits(n: string): number {
  const digits = n.replace('-', '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}

/** DynamoDB's documented item-size formula, over one value. */
function valueSize(value: AV): number {
  const [type, inner] = Object.entries(value)[0] as [string, unknown];
  switch (type) {
    case 'S':
      return Buffer.byteLength(inner as string, 'utf8');
    case 'N':
      return Math.ceil(significantDigits(inner as string) / 2) + 1;
    case 'B':
      return Buffer.from(inner as string, 'base64').length;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (inner as string[]).reduce((sum, s) => sum + Buffer.byteLength(s, 'utf8'), 0);
    case 'NS':
      return (inner as string[]).reduce((sum, s) => sum + Math.ceil(significantDigits(s) / 2) + 1, 0);
    case 'BS':
      return (inner as string[]).reduce((sum, s) => sum + Buffer.from(s, 'base64').length, 0);
    case 'L':
      return 3 + (inner as AV[]).reduce((sum, v) => sum + 1 + valueSize(v), 0);
    case 'M':
      return (
        3 +
        Object.entries(inner as AMap).reduce((sum, [k, v]) => sum + 1 + Buffer.byteLength(k, 'utf8') + valueSize(v), 0)
      );
    default:
      throw new Error(`unknown type ${type}`);
  }
}

/** The formula over a map: Σ (name bytes + value size). */
export function mapSize(map: AMap): number {
  return Object.entries(map).reduce((sum, [k, v]) => sum + Buffer.byteLength(k, 'utf8') + valueSize(v), 0);
}

/** A comparable form: sets sorted, map keys sorted. */
export function canonicalJson(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      // A set's members are an array; a map entry that happens to be named SS/NS/BS holds an AttributeValue object.
      return entries.map(([k, x]) => [
        k,
        ['SS', 'NS', 'BS'].includes(k) && Array.isArray(x) ? [...(x as string[])].sort() : walk(x),
      ]);
    }
    return v;
  };
  return JSON.stringify(walk(value));
}

/** Every AttributeValue rule: one type key, canonical numbers within limits, unique non-empty sets, base64 binary, UTF-8 strings. */
export function expectValidValue(value: AV, depth = 0): void {
  const keys = Object.keys(value);
  expect(keys).toHaveLength(1);
  const type = keys[0] as string;
  expect(TYPES).toContain(type);
  const inner = value[type];
  const number = (n: unknown) => {
    expect(typeof n).toBe('string');
    expect(n).toMatch(CANONICAL_NUMBER);
    expect(n).not.toBe('-0');
    expect(significantDigits(n as string)).toBeLessThanOrEqual(38);
    if (significantDigits(n as string) > 0) {
      const abs = (n as string).replace('-', '');
      const point = abs.includes('.') ? abs.indexOf('.') : abs.length;
      const firstDigit = abs.replace('.', '').search(/[1-9]/);
      const exponent = point - 1 - firstDigit;
      expect(exponent).toBeGreaterThanOrEqual(-130);
      expect(exponent).toBeLessThanOrEqual(125);
    }
  };
  const base64 = (b: unknown) => {
    expect(typeof b).toBe('string');
    expect(Buffer.from(b as string, 'base64').toString('base64')).toBe(b);
  };
  const text = (s: unknown) => {
    expect(typeof s).toBe('string');
    expect(Buffer.from(s as string, 'utf8').toString('utf8')).toBe(s); // lone surrogates do not survive UTF-8
  };
  const set = (members: unknown) => {
    expect(Array.isArray(members)).toBe(true);
    expect((members as unknown[]).length).toBeGreaterThan(0);
    expect(new Set(members as unknown[]).size).toBe((members as unknown[]).length);
  };
  switch (type) {
    case 'S':
      text(inner);
      break;
    case 'N':
      number(inner);
      break;
    case 'B':
      base64(inner);
      break;
    case 'BOOL':
      expect(typeof inner).toBe('boolean');
      break;
    case 'NULL':
      expect(inner).toBe(true);
      break;
    case 'SS':
      set(inner);
      (inner as unknown[]).forEach(text);
      break;
    case 'NS':
      set(inner);
      (inner as unknown[]).forEach(number);
      break;
    case 'BS':
      set(inner);
      (inner as unknown[]).forEach(base64);
      break;
    case 'L':
      expect(depth).toBeLessThan(32);
      (inner as AV[]).forEach((v) => expectValidValue(v, depth + 1));
      break;
    default:
      expect(depth).toBeLessThan(32);
      Object.entries(inner as AMap).forEach(([k, v]) => {
        text(k);
        expectValidValue(v, depth + 1);
      });
  }
}

/** Every AttributeValue of a map is valid; names are non-empty UTF-8. */
export function expectValidMap(map: AMap): void {
  for (const [name, value] of Object.entries(map)) {
    expect(name.length).toBeGreaterThan(0);
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
    expectValidValue(value);
  }
}

const ARN =
  /^arn:(aws|aws-cn|aws-us-gov):dynamodb:([a-z0-9-]+):(\d{12}):table\/([a-zA-Z0-9_.-]{3,255})\/stream\/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})$/;
const MATRIX: Record<string, Record<string, [boolean, boolean]>> = {
  KEYS_ONLY: { INSERT: [false, false], MODIFY: [false, false], REMOVE: [false, false] },
  NEW_IMAGE: { INSERT: [true, false], MODIFY: [true, false], REMOVE: [false, false] },
  OLD_IMAGE: { INSERT: [false, false], MODIFY: [false, true], REMOVE: [false, true] },
  NEW_AND_OLD_IMAGES: { INSERT: [true, false], MODIFY: [true, true], REMOVE: [false, true] },
};

interface AnyRecord {
  eventID: string;
  eventName: string;
  eventVersion: string;
  eventSource: string;
  awsRegion: string;
  eventSourceARN: string;
  userIdentity?: unknown;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: AMap;
    NewImage?: AMap;
    OldImage?: AMap;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: string;
  };
}

/** One record's invariants: region in the ARN, images by view type, Keys within images, SizeBytes, attribute values. */
export function expectValidStreamRecord(record: AnyRecord): void {
  expect(record.eventSource).toBe('aws:dynamodb');
  expect(['1.1', '1.0']).toContain(record.eventVersion);
  expect(record.eventID).toMatch(/^[0-9a-f]{32}$/);
  expect(['INSERT', 'MODIFY', 'REMOVE']).toContain(record.eventName);
  const arn = ARN.exec(record.eventSourceARN);
  expect(arn, record.eventSourceARN).not.toBeNull();
  expect(arn?.[2]).toBe(record.awsRegion);
  const partition = record.awsRegion.startsWith('cn-')
    ? 'aws-cn'
    : record.awsRegion.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';
  expect(arn?.[1]).toBe(partition);
  const d = record.dynamodb;
  expect(Object.keys(d).sort()).toEqual(
    [
      'ApproximateCreationDateTime',
      'Keys',
      'SequenceNumber',
      'SizeBytes',
      'StreamViewType',
      ...(d.NewImage ? ['NewImage'] : []),
      ...(d.OldImage ? ['OldImage'] : []),
    ].sort(),
  );
  expect(Number.isInteger(d.ApproximateCreationDateTime)).toBe(true);
  expect(d.ApproximateCreationDateTime * 1000).toBeGreaterThanOrEqual(
    Math.floor(new Date(`${arn?.[5]}Z`).getTime() / 1000) * 1000,
  );
  expect(d.SequenceNumber).toMatch(/^[1-9]\d{20,39}$/);
  const [wantNew, wantOld] = (MATRIX[d.StreamViewType] as Record<string, [boolean, boolean]>)[record.eventName] as [
    boolean,
    boolean,
  ];
  expect(d.NewImage !== undefined).toBe(wantNew);
  expect(d.OldImage !== undefined).toBe(wantOld);
  const keyNames = Object.keys(d.Keys);
  expect(keyNames.length === 1 || keyNames.length === 2).toBe(true);
  expectValidMap(d.Keys);
  for (const name of keyNames) {
    const type = Object.keys(d.Keys[name] as AV)[0];
    expect(['S', 'N', 'B']).toContain(type);
    for (const image of [d.NewImage, d.OldImage]) if (image) expect(image[name]).toEqual(d.Keys[name]);
  }
  if (d.NewImage) expectValidMap(d.NewImage);
  if (d.OldImage) expectValidMap(d.OldImage);
  if (d.NewImage && d.OldImage) expect(canonicalJson(d.NewImage)).not.toBe(canonicalJson(d.OldImage));
  expect(d.SizeBytes).toBe(
    mapSize(d.Keys) + (d.NewImage ? mapSize(d.NewImage) : 0) + (d.OldImage ? mapSize(d.OldImage) : 0),
  );
  expect(d.SizeBytes).toBeGreaterThanOrEqual(1);
  if (record.userIdentity !== undefined) {
    expect(record.eventName).toBe('REMOVE');
    expect(record.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
  }
}

/** A batch's invariants: constant ARN, region and view type; increasing sequence numbers; unique ids; within 6 MB. */
export function expectValidStreamEvent(event: { Records: AnyRecord[] }): void {
  expect(event.Records.length).toBeGreaterThan(0);
  const first = event.Records[0] as AnyRecord;
  let previous: bigint | undefined;
  for (const record of event.Records) {
    expectValidStreamRecord(record);
    expect(record.eventSourceARN).toBe(first.eventSourceARN);
    expect(record.awsRegion).toBe(first.awsRegion);
    expect(record.dynamodb.StreamViewType).toBe(first.dynamodb.StreamViewType);
    expect(Object.keys(record.dynamodb.Keys).sort()).toEqual(Object.keys(first.dynamodb.Keys).sort());
    const sequence = BigInt(record.dynamodb.SequenceNumber);
    if (previous !== undefined) expect(sequence > previous).toBe(true);
    previous = sequence;
  }
  expect(new Set(event.Records.map((r) => r.eventID)).size).toBe(event.Records.length);
  expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThanOrEqual(6 * 1024 * 1024);
}

/** Whether one AttributeValue holds a non-integer N beyond ±2^53, at any depth (nested map keys included). */
function valueHasImpreciseNonInteger(value: AV): boolean {
  const [type, inner] = Object.entries(value)[0] as [string, unknown];
  const imprecise = (n: unknown) =>
    typeof n === 'string' && n.includes('.') && Math.abs(Number(n)) > Number.MAX_SAFE_INTEGER;
  switch (type) {
    case 'N':
      return imprecise(inner);
    case 'NS':
      return (inner as unknown[]).some(imprecise);
    case 'L':
      return (inner as AV[]).some(valueHasImpreciseNonInteger);
    case 'M':
      return Object.values(inner as AMap).some(valueHasImpreciseNonInteger);
    default:
      return false;
  }
}

/**
 * Whether a record's Keys or images hold a non-integer N beyond ±2^53, which Powertools'
 * unmarshaller rejects (it tries BigInt). One exact exception: a **top-level** attribute named
 * `__proto__` of `Keys`, `NewImage` or `OldImage` does not count, because Powertools parses those
 * maps with `z.record(z.string(), …)`, and zod's record parsing skips the key `__proto__`
 * (zod/v4/core/schemas.js, `$ZodRecord`: `if (key === "__proto__") continue;`) before the
 * unmarshaller runs. A `__proto__` key of a nested M does count: nested values pass through
 * `z.any()` untouched, and Powertools' unmarshaller converts the number before it assigns the key
 * (seed -614580070 found `{" ":{"L":[{"M":{"__proto__":{"NS":["9007199254740991.5","0"]}}}]}}`).
 */
export function hasImpreciseNonInteger(event: { Records: readonly unknown[] }): boolean {
  return event.Records.some((record) => {
    const d = (record as { dynamodb: Record<string, AMap | undefined> }).dynamodb;
    return [d.Keys, d.NewImage, d.OldImage].some(
      (map) =>
        map !== undefined &&
        Object.entries(map).some(([name, value]) => name !== '__proto__' && valueHasImpreciseNonInteger(value)),
    );
  });
}
