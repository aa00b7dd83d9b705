/**
 * What every family's CLI kinds module (`src/cli/kinds/<family>.ts`) shares: the shape of a kind,
 * the CLI half of a family descriptor, and the few defaults and helpers the factory calls use.
 */
import type { FactoryInputs, KindFamily, SharedOption } from '../inputs.js';

/** One kind of event the CLI can generate. */
export interface EventKind {
  /** The name on the command line, e.g. `sqs:fifo`. */
  readonly name: string;
  /** One line for `aws-event-kit list`. */
  readonly description: string;
  /** The inputs it takes, shared by the kinds one factory call builds. */
  readonly family: KindFamily;
  /** Builds one event with the given seed, from the given factory inputs (default: none). */
  make(seed: number, inputs?: FactoryInputs): unknown;
}

/**
 * The CLI half of a family descriptor: the kinds `aws-event-kit generate` builds with the family's
 * factories. It lives apart from the root descriptor (`src/events/<family>/family.ts`) because the
 * kinds call `fixtures/`, which `src/events/` may not import; `src/cli/families.ts` registers it.
 */
export interface CliFamily {
  /**
   * The family's name, as its root descriptor spells it (`s3`, `cloudwatch-logs`); or, for kinds
   * no one family owns, the `src/events/` folder they come from (`pipes`).
   */
  readonly name: string;
  /** Its kinds, in the order `list` prints them; each named `<name>` or `<name>:<variant>` … */
  readonly kinds: readonly EventKind[];
  /**
   * … but these, named for the route that delivers the event rather than for the family that builds
   * it (`sqs:sns`: an SNS notification as an SQS queue hands it over; `scheduled`: a scheduled rule's
   * event). Kept because they are public names on the command line; the shared family test checks
   * that each is one of `kinds`.
   */
  readonly routeNamed?: readonly string[];
}

/** Checks a CLI descriptor's shape at compile time. */
export function defineCliFamily(family: CliFamily): CliFamily {
  return family;
}

/** The shared options of every kind whose factory takes them all. */
export const ALL_SHARED: readonly SharedOption[] = ['region', 'account', 'partition', 'time'];

/** The sample payload of the message and record kinds (SQS, SNS, Kinesis, EventBridge). */
export const ORDER = { orderId: 'order-1001', customerId: 'customer-42', total: 42.5, currency: 'EUR' };

/** `{ ...defaults, ...inputs.options, seed }`, typed as the factory's options (which check them). */
export function withOptions<T>(defaults: object, inputs: FactoryInputs, seed: number): T {
  return { ...defaults, ...inputs.options, seed } as T;
}

/** A positional argument from the command line, or the kind's default. */
export function arg<T>(inputs: FactoryInputs, name: string, fallback: T): T {
  return Object.hasOwn(inputs.args, name) ? (inputs.args[name] as T) : fallback;
}
