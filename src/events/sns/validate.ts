/** Input validation of a publish: Subject and Message. */
import { fail, show } from '../../_internals/errors.js';
import { SNS_MAX_SUBJECT_LENGTH } from './limits.js';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` holds a lone surrogate (which UTF-8 cannot encode). */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

// Printable ASCII starting with a letter, digit or punctuation; no line breaks or control characters.
const SUBJECT = /^[!-~][ -~]*$/;

/**
 * Throws unless `subject` is a Subject SNS accepts: 1–100 printable ASCII characters, starting
 * with a letter, number or punctuation mark, no line breaks or control characters.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
export function assertSnsSubject(api: string, argument: string, subject: unknown): string {
  if (typeof subject !== 'string') fail(api, argument, `must be a string, got ${show(subject)}`);
  if (subject.length === 0) fail(api, argument, 'is empty; SNS rejects an empty Subject (leave it out instead)');
  if (subject.length > SNS_MAX_SUBJECT_LENGTH)
    fail(api, argument, `has ${subject.length} characters; SNS allows at most ${SNS_MAX_SUBJECT_LENGTH}`);
  if (!SUBJECT.test(subject))
    fail(
      api,
      argument,
      `${show(subject)} must be printable ASCII starting with a letter, number or punctuation mark, without line breaks or control characters`,
    );
  return subject;
}

/** Throws unless `message` is a non-empty string UTF-8 can carry (no lone surrogates). */
export function assertSnsMessageText(api: string, argument: string, message: unknown): string {
  if (typeof message !== 'string') fail(api, argument, `must be a string, got ${show(message)}`);
  if (message.length === 0)
    fail(api, argument, 'is empty; SNS rejects an empty message ("Invalid parameter: Empty message")');
  if (hasLoneSurrogate(message)) fail(api, argument, 'holds a lone surrogate, which UTF-8 cannot carry');
  return message;
}
