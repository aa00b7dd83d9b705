/**
 * The in-memory Lambda of the msw mocks: functions from handlers, Invoke (sync, async with
 * retries, dry run), GetFunction/ListFunctions, and event source mappings with filters for the
 * SQS, Kinesis and DynamoDB services of the same mocks.
 */
export { createLambdaService } from './service.js';
export type { LambdaService } from './service.js';
export { LAMBDA_ASYNC_REQUEST_LIMIT, LAMBDA_SYNC_REQUEST_LIMIT } from './invoke.js';
export type { LambdaInvocationType, LambdaInvokeOptions, LambdaInvokeResult } from './invoke.js';
export type { LambdaAsyncFailure } from './asyncInvocations.js';
export type { LambdaEventSourceMapping } from './mappings.js';
export type { LambdaFunctionOptions } from './functionOptions.js';
export type { LambdaFunctionInfo, LambdaHandler, LambdaInvocationRecord, LambdaTrigger } from './functions.js';
export type { FilteredRecord } from '../_internals/mappingFilter.js';
