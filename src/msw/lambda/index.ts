/**
 * The in-memory Lambda of the msw mocks: functions from handlers, Invoke (sync, async with
 * retries, dry run), GetFunction/ListFunctions, and event source mappings with filters for the
 * SQS, Kinesis and DynamoDB services of the same mocks.
 */
export { createLambdaService, LAMBDA_ASYNC_REQUEST_LIMIT, LAMBDA_SYNC_REQUEST_LIMIT } from './service.js';
export type {
  LambdaAsyncFailure,
  LambdaEventSourceMapping,
  LambdaInvocationType,
  LambdaInvokeOptions,
  LambdaInvokeResult,
  LambdaService,
} from './service.js';
export type {
  LambdaFunctionInfo,
  LambdaFunctionOptions,
  LambdaHandler,
  LambdaInvocationRecord,
  LambdaTrigger,
} from './functions.js';
export type { FilteredRecord } from '../_internals/mappingFilter.js';
