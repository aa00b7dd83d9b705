/**
 * Tumbling windows of Lambda's stream event-source mappings (Kinesis and DynamoDB Streams): the
 * rules both families' window events, their factories and the msw pollers share.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html
 */
import { resolveTime } from './aws.js';
import { fail, show } from './errors.js';
import type { JsonValue } from './json.js';

/** The longest tumbling window (`TumblingWindowInSeconds` maximum), in seconds. */
export const MAX_TUMBLING_WINDOW_SECONDS = 900;

/** The window fields every tumbling-window event carries, as parts (epoch milliseconds). */
export interface TumblingWindowParts {
  /** Window start, epoch ms on a whole second. */
  start: number;
  /** Window end, epoch ms on a whole second, 1 to 900 s after `start`. */
  end: number;
  /** A JSON object. */
  state: { [key: string]: JsonValue };
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

/**
 * The tumbling window of `seconds` (1 to 900) that holds `timeMs`: windows are aligned to
 * multiples of their length since the epoch. Epoch milliseconds in and out.
 */
export function alignedWindow(timeMs: number, seconds: number): { start: number; end: number } {
  const length = seconds * 1000;
  const start = Math.floor(timeMs / length) * length;
  return { start, end: start + length };
}

/**
 * Throws unless the window is as Lambda sends it (whole seconds, 1 to 900 s long, a JSON object
 * state, boolean flags, an early end only on the final invocation) and every record time lies
 * in `[start, end)`. `recordArgument(i)` names record i's time for the error; `assignedBy` says
 * which time Lambda assigns records by.
 */
export function checkTumblingWindow(
  api: string,
  window: TumblingWindowParts,
  recordTimes: readonly number[],
  recordArgument: (index: number) => string,
  assignedBy: string,
): void {
  if (window === null || typeof window !== 'object')
    fail(
      api,
      'window',
      `must be the window parts { start, end, state, isFinalInvokeForWindow, isWindowTerminatedEarly }, got ${show(window)}`,
    );
  const { start, end } = window;
  if (!Number.isSafeInteger(start) || start % 1000 !== 0 || start < 0)
    fail(api, 'window.start', `must be epoch milliseconds on a whole second, got ${show(start)}`);
  if (!Number.isSafeInteger(end) || end % 1000 !== 0)
    fail(api, 'window.end', `must be epoch milliseconds on a whole second, got ${show(end)}`);
  const seconds = (end - start) / 1000;
  if (seconds < 1 || seconds > MAX_TUMBLING_WINDOW_SECONDS)
    fail(
      api,
      'window.end',
      `is ${seconds} s after window.start; tumbling windows last 1 to ${MAX_TUMBLING_WINDOW_SECONDS} s`,
    );
  if (window.state === null || typeof window.state !== 'object' || Array.isArray(window.state))
    fail(api, 'window.state', `must be a JSON object, got ${show(window.state)}`);
  if (typeof window.isFinalInvokeForWindow !== 'boolean')
    fail(api, 'window.isFinalInvokeForWindow', `must be a boolean, got ${show(window.isFinalInvokeForWindow)}`);
  if (typeof window.isWindowTerminatedEarly !== 'boolean')
    fail(api, 'window.isWindowTerminatedEarly', `must be a boolean, got ${show(window.isWindowTerminatedEarly)}`);
  // An early end is announced on the window's final invocation only.
  if (window.isWindowTerminatedEarly && !window.isFinalInvokeForWindow)
    fail(
      api,
      'window.isWindowTerminatedEarly',
      "is true on an invocation that is not final: Lambda flags an early end on the window's final invocation",
    );
  for (let i = 0; i < recordTimes.length; i++) {
    const at = recordTimes[i] as number;
    if (at < start || at >= end)
      fail(
        api,
        recordArgument(i),
        `${new Date(at).toISOString()} is outside the window [${new Date(start).toISOString()}, ${new Date(end).toISOString()}): Lambda assigns records to windows by ${assignedBy}`,
      );
  }
}

/** The window options of the tumbling-window factories. */
export interface TumblingWindowOptions {
  /**
   * The window's length, when `window` is not given: the window is the aligned one holding the
   * first record's time.
   * @defaultValue `120`
   */
  windowSeconds?: number;
  /** An explicit window (Dates, ISO strings or epoch ms on whole seconds, 1 to 900 s apart). */
  window?: { start: Date | string | number; end: Date | string | number };
}

/** The window a factory uses: the explicit `options.window`, or the aligned window of `options.windowSeconds` holding `timeMs`. */
export function resolveTumblingWindow(
  api: string,
  options: TumblingWindowOptions | undefined,
  timeMs: number,
): { start: number; end: number } {
  if (options?.window !== undefined) {
    if (options.window === null || typeof options.window !== 'object')
      fail(api, 'options.window', `must be { start, end }, got ${show(options.window)}`);
    const start = resolveTime(api, 'options.window.start', options.window.start).getTime();
    const end = resolveTime(api, 'options.window.end', options.window.end).getTime();
    if (start % 1000 !== 0 || end % 1000 !== 0)
      fail(api, 'options.window', 'must start and end on whole seconds (Lambda reports windows in whole seconds)');
    if (end <= start || end - start > MAX_TUMBLING_WINDOW_SECONDS * 1000)
      fail(api, 'options.window', `must last 1 to ${MAX_TUMBLING_WINDOW_SECONDS} s, got ${(end - start) / 1000} s`);
    return { start, end };
  }
  const seconds = options?.windowSeconds ?? 120;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TUMBLING_WINDOW_SECONDS)
    fail(
      api,
      'options.windowSeconds',
      `must be an integer from 1 to ${MAX_TUMBLING_WINDOW_SECONDS} (TumblingWindowInSeconds), got ${show(seconds)}`,
    );
  return alignedWindow(timeMs, seconds);
}
