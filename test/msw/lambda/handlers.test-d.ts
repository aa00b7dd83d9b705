/** `mocks.lambda.createFunction` takes every `@types/aws-lambda` handler shape, and only functions. */
import type { Callback, Context, DynamoDBStreamHandler, Handler, KinesisStreamHandler, SQSHandler } from 'aws-lambda';
import { expectTypeOf, it } from 'vitest';
import { createAwsMocks, type LambdaInvokeResult } from '../../../src/msw/index.js';

const mocks = createAwsMocks();

it('handlers of @types/aws-lambda fit', () => {
  const sqs: SQSHandler = async () => undefined;
  const kinesis: KinesisStreamHandler = async () => undefined;
  const ddb: DynamoDBStreamHandler = async () => undefined;
  const generic: Handler<{ a: number }, string> = async (event) => String(event.a);
  const callbackStyle = (_event: unknown, _context: Context, callback: Callback<string>): void => callback(null, 'ok');
  mocks.lambda.createFunction('a', sqs);
  mocks.lambda.createFunction('b', kinesis, { timeout: 5 });
  mocks.lambda.createFunction('c', ddb);
  mocks.lambda.createFunction('d', generic);
  mocks.lambda.createFunction('e', callbackStyle);
  // @ts-expect-error a handler must be a function
  mocks.lambda.createFunction('f', 'index.handler');
  // @ts-expect-error timeout is a number of seconds
  mocks.lambda.createFunction('g', sqs, { timeout: '3' });
  expectTypeOf(mocks.lambda.invoke('a', {})).resolves.toEqualTypeOf<LambdaInvokeResult>();
});
