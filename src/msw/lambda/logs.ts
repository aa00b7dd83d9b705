/**
 * The log output of one invocation, as Lambda's Node.js runtime writes it to CloudWatch Logs:
 * `START`, each `console` call as `<time>\t<requestId>\t<LEVEL>\t<text>`, `END` and `REPORT`.
 * `console` calls are captured only inside the invocation's async context (AsyncLocalStorage),
 * so other code and concurrent tests keep printing as usual. Direct `process.stdout.write` calls
 * are not captured.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

/** Where one invocation's console output goes. */
interface LogSink {
  readonly lines: string[];
  readonly requestId: string;
  readonly nowMs: () => number;
  /** Also print to the real console. */
  readonly print: boolean;
}

const sinks = new AsyncLocalStorage<LogSink>();
const PATCHED = Symbol.for('aws-event-kit.msw.lambdaConsole');
const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' } as const;

/** Wraps the current console's methods once: inside an invocation they write to its log. */
function patchConsole(): void {
  const target = globalThis.console as unknown as Record<string | symbol, unknown>;
  if (target[PATCHED] === true) return;
  for (const [method, level] of Object.entries(LEVELS)) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    target[method] = function (this: unknown, ...args: unknown[]): unknown {
      const sink = sinks.getStore();
      if (sink === undefined) return original.apply(this, args);
      const text =
        method === 'trace'
          ? `Trace: ${format(...args)}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`
          : format(...args);
      sink.lines.push(`${new Date(sink.nowMs()).toISOString()}\t${sink.requestId}\t${level}\t${text}\n`);
      return sink.print ? original.apply(this, args) : undefined;
    };
  }
  Object.defineProperty(target, PATCHED, { value: true, enumerable: false });
}

/** Runs `work` with `console` output captured into `lines`. */
export function captureLogs<T>(
  lines: string[],
  requestId: string,
  nowMs: () => number,
  print: boolean,
  work: () => T,
): T {
  patchConsole();
  return sinks.run({ lines, requestId, nowMs, print }, work);
}

/** Lambda's lines around an invocation's output. */
export function startLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST\n`;
}

/** `END` and `REPORT` (duration on the virtual clock; billed per whole millisecond, as Lambda bills). */
export function endLines(requestId: string, durationMs: number, memorySize: number): string {
  return `END RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(durationMs))} ms\tMemory Size: ${memorySize} MB\t\n`;
}

/** Lambda's log tail (`X-Amz-Log-Result`): the last 4 KB of the log, base64. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - 4096)).toString('base64');
}
