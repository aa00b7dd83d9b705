/** What the SNS operations share. */
import type { SnsState } from '../state.js';
import type { QueryRequestInfo } from '../wire.js';

/** The state and defaults the operations work on. */
export interface SnsOperationContext {
  readonly state: SnsState;
  readonly defaultRegion: string;
}

/** The region a request is for: its signing region, else the mocks' default. */
export function regionOf(info: QueryRequestInfo, context: SnsOperationContext): string {
  return info.region ?? context.defaultRegion;
}
