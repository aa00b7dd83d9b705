/**
 * `awsTestClientConfig()`: the client settings that keep an AWS SDK v3 client inside the mocks.
 */
import { createRequire } from 'node:module';
import { assertRegion, DEFAULT_REGION } from '../_internals/aws.js';
import { fail, show } from '../_internals/errors.js';

/** Options of {@link awsTestClientConfig}. */
export interface AwsTestClientConfigOptions {
  /**
   * The client's region (use the mocks' region).
   * @defaultValue `"us-east-1"`
   */
  region?: string;
  /**
   * Attempts per call. 1 surfaces a mock's error at once instead of after retries with backoff.
   * @defaultValue `1`
   */
  maxAttempts?: number;
  /** A custom endpoint (e.g. `http://localhost:4566`); give the same one to `createAwsMocks({ endpoints })`. */
  endpoint?: string;
}

/**
 * The SDK's HTTP request handler, typed structurally so that this package's declarations do not
 * require `@smithy/node-http-handler` (an optional peer) to type-check. The SDK's `requestHandler`
 * option accepts it as is.
 */
export type HttpRequestHandlerLike = {
  handle(request: unknown, options?: unknown): Promise<{ response: unknown }>;
  destroy?(): void;
};

type NodeHttpHandlerClass = new () => HttpRequestHandlerLike;

/** Settings to spread into any `new XxxClient({ ... })` of AWS SDK v3. */
export interface AwsTestClientConfig {
  region: string;
  /** Static fake credentials: the SDK never looks for real ones (no instance-metadata probe). */
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
  /**
   * An HTTP/1.1 handler. Needed for Kinesis, whose default HTTP/2 handler msw cannot see; the
   * default of every other client anyway.
   */
  requestHandler: HttpRequestHandlerLike;
  endpoint?: string;
}

const require = createRequire(import.meta.url);

function loadNodeHttpHandler(): NodeHttpHandlerClass {
  try {
    return (require('@smithy/node-http-handler') as { NodeHttpHandler: NodeHttpHandlerClass }).NodeHttpHandler;
  } catch (error) {
    throw new Error(
      'awsTestClientConfig: cannot load @smithy/node-http-handler, which provides the HTTP/1.1 handler msw can intercept. ' +
        `Install it next to your AWS SDK clients (npm i -D @smithy/node-http-handler). Cause: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Client settings for tests against the msw mocks: a region, fake static credentials (so the SDK
 * never probes EC2 instance metadata), `maxAttempts: 1`, and an HTTP/1.1 `NodeHttpHandler`
 * (without it, a Kinesis client speaks HTTP/2, which msw cannot intercept). Any other client
 * setting in `options` (`forcePathStyle`, `requestChecksumCalculation` …) is passed through
 * unchanged, so the result can be handed to the client as it is.
 * @example new SQSClient(awsTestClientConfig({ region: mocks.region }))
 * @example new S3Client(awsTestClientConfig({ region: mocks.region, requestChecksumCalculation: 'WHEN_REQUIRED' }))
 */
export function awsTestClientConfig<
  const TOptions extends AwsTestClientConfigOptions & { [setting: string]: unknown } = {},
>(options?: TOptions): AwsTestClientConfig & Omit<TOptions, keyof AwsTestClientConfigOptions>;
export function awsTestClientConfig(
  options: AwsTestClientConfigOptions & Record<string, unknown> = {},
): AwsTestClientConfig & Record<string, unknown> {
  const api = 'awsTestClientConfig';
  if (options === null || typeof options !== 'object') fail(api, 'options', `must be an object, got ${show(options)}`);
  const region = options.region === undefined ? DEFAULT_REGION : assertRegion(api, 'options.region', options.region);
  const maxAttempts = options.maxAttempts ?? 1;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    fail(api, 'options.maxAttempts', `must be an integer ≥ 1, got ${show(maxAttempts)}`);
  const Handler = loadNodeHttpHandler();
  const { region: _region, maxAttempts: _maxAttempts, endpoint: _endpoint, ...passThrough } = options;
  // The user's own settings win over the defaults (a custom handler or credentials), never the reverse.
  const config: AwsTestClientConfig & Record<string, unknown> = {
    credentials: { accessKeyId: 'AKIDAWSEVENTKITFAKE', secretAccessKey: 'aws-event-kit-fake-secret-access-key' },
    requestHandler: new Handler(),
    ...passThrough,
    region,
    maxAttempts,
  };
  if (options.endpoint !== undefined) {
    if (typeof options.endpoint !== 'string' || !URL.canParse(options.endpoint))
      fail(api, 'options.endpoint', `must be an absolute URL, got ${show(options.endpoint)}`);
    config.endpoint = options.endpoint;
  }
  return config;
}
