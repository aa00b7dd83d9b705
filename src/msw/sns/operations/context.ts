/** What the SNS operations share. */
import type { SnsState } from '../state.js';
import type { QueryInput, QueryRequestInfo } from '../query.js';

/** The state and defaults the operations work on. */
export interface SnsOperationContext {
  readonly state: SnsState;
  readonly defaultRegion: string;
}

/** One SNS operation: its `<XResult>` inner XML (or undefined), from the request and the state it runs on. */
export type SnsOperation = (
  input: QueryInput,
  info: QueryRequestInfo,
  context: SnsOperationContext,
) => string | undefined;

/** The region a request is for: its signing region, else the mocks' default. */
export function regionOf(info: QueryRequestInfo, context: SnsOperationContext): string {
  return info.region ?? context.defaultRegion;
}
