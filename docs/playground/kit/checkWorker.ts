/**
 * The Templates tool's property check in a Web Worker: a check of 1,000 runs, and fast-check's
 * one-time set-up (about 2 s the first time a string arbitrary over every code point is built),
 * never freeze the page. The page sends `warm` once the tool is idle, then `check` requests.
 */
import { check, sampleRecord } from './templatesCheck.js';

interface Request {
  readonly id: number;
  readonly type: 'warm' | 'check' | 'sample';
  readonly args: readonly unknown[];
}

self.onmessage = (message: MessageEvent<Request>) => {
  const { id, type, args } = message.data;
  try {
    let value: unknown;
    if (type === 'warm') value = check('pipes', '{"id": <$.messageId>}', 'sqs', 1, 1).ms;
    else if (type === 'sample') value = sampleRecord(...(args as Parameters<typeof sampleRecord>));
    else value = check(...(args as Parameters<typeof check>));
    self.postMessage({ id, value });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
