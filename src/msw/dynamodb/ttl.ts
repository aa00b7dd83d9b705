/**
 * Time to Live deletions on the virtual clock. An item whose TTL attribute (a Number of epoch
 * seconds) has passed stays readable until DynamoDB's background process deletes it; here that
 * happens `deletionDelayMs` after the expiry, whenever the mocks run due work (`mocks.drain()`).
 * Each deletion is a REMOVE stream record with the service `userIdentity`. Items whose expiry is
 * more than five years in the past are never deleted, as DynamoDB documents.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
 */
import type { AttributeValue } from '../../events/dynamodb/index.js';
import type { TableRegistry } from './registry.js';
import type { MockTable } from './table.js';

/** DynamoDB ignores TTL values more than five years in the past. */
const FIVE_YEARS_MS = 5 * 365 * 24 * 60 * 60 * 1000;

/** The expiry (epoch ms) of an item's TTL value, or undefined when it has none DynamoDB would act on. */
function expiryMs(value: AttributeValue | undefined): number | undefined {
  if (value === undefined || !('N' in value)) return undefined;
  const seconds = Number(value.N);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/** Due TTL deletions of one table: `[keyString, dueMs]` in due order. */
function dueDeletions(table: MockTable, nowMs: number, delayMs: number): [string, number][] {
  const ttl = table.ttl;
  if (ttl === undefined || table.deleted) return [];
  const out: [string, number][] = [];
  for (const [id, item] of table.items) {
    const expiry = expiryMs(Object.hasOwn(item, ttl.attribute) ? item[ttl.attribute] : undefined);
    if (expiry === undefined || expiry < nowMs - FIVE_YEARS_MS) continue;
    out.push([id, expiry + delayMs]);
  }
  return out.sort((a, b) => a[1] - b[1]);
}

/** The TTL process of one mock. */
export class TtlSweeper {
  /** How long after its expiry an item is deleted. */
  deletionDelayMs = 0;

  constructor(private readonly registry: TableRegistry) {}

  /** Deletes every item due by `nowMs`; whether any was deleted. */
  runDue(nowMs: number): boolean {
    let did = false;
    for (const table of this.registry.all()) {
      for (const [id, due] of dueDeletions(table, nowMs, this.deletionDelayMs)) {
        if (due > nowMs) break;
        table.write(id, undefined, nowMs, { ttl: true });
        did = true;
      }
    }
    return did;
  }

  /** The next time a deletion falls due, after `nowMs`. */
  nextDueMs(nowMs: number): number | undefined {
    let next: number | undefined;
    for (const table of this.registry.all()) {
      const first = dueDeletions(table, nowMs, this.deletionDelayMs).find(([, due]) => due > nowMs);
      if (first !== undefined && (next === undefined || first[1] < next)) next = first[1];
    }
    return next;
  }
}
