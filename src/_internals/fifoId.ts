/**
 * The one rule for FIFO message group and deduplication ids, which SQS and SNS share: 1–128
 * characters, each alphanumeric or ASCII punctuation (U+0021–U+007E, no spaces).
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
const FIFO_ID = /^[!-~]{1,128}$/;

/** Whether `value` is a valid `MessageGroupId` / `MessageDeduplicationId`. */
export function isFifoId(value: unknown): value is string {
  return typeof value === 'string' && FIFO_ID.test(value);
}
