import { array, constantFrom, integer, oneof, type Arbitrary } from 'fast-check';
import { fakerValue } from './_internals/faker.js';

/** Constraints of {@link sqsQueueName}. */
export interface SqsQueueNameConstraints {
  /**
   * `true`: FIFO names (ending in `.fifo`); `false`: standard names; `undefined`: both.
   * @defaultValue `undefined` (both kinds)
   */
  fifo?: boolean;
}

const CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
const BAD_CHAR = /[^A-Za-z0-9_-]/g;

// @__NO_SIDE_EFFECTS__
function stem(maxLength: number): Arbitrary<string> {
  return oneof(
    array(constantFrom(...CHARS), { minLength: 1, maxLength }).map((chars) => chars.join('')),
    // Hard cases: one character, the longest name, only punctuation.
    constantFrom('a', '-', '_', 'Q'.repeat(maxLength), '--__--'),
    integer({ min: 1, max: maxLength }).map((n) => 'x'.repeat(n)),
    // Human-looking names, mapped into the rules.
    fakerValue(
      (faker) =>
        `${faker.word.adjective()}-${faker.word.noun()}-${faker.helpers.arrayElement(['queue', 'dlq', 'events', 'jobs'])}`,
    ).map((name) => name.replace(BAD_CHAR, '-').slice(0, maxLength)),
  );
}

/**
 * SQS queue names: 1–80 characters of `[A-Za-z0-9_-]`; FIFO names end in `.fifo` (counted in
 * the 80). Includes the shortest and longest names and human-looking ones.
 * @example sqsQueueName({ fifo: true }) // e.g. "brave-otter-jobs.fifo"
 */
// @__NO_SIDE_EFFECTS__
export function sqsQueueName(constraints: SqsQueueNameConstraints = {}): Arbitrary<string> {
  const { fifo } = constraints;
  if (fifo !== undefined && typeof fifo !== 'boolean')
    throw new TypeError(`sqsQueueName: fifo must be a boolean or undefined, got ${JSON.stringify(fifo)}`);
  const standard = stem(80);
  const fifoName = stem(75).map((name) => `${name}.fifo`);
  if (fifo === true) return fifoName;
  if (fifo === false) return standard;
  return oneof(standard, fifoName);
}
