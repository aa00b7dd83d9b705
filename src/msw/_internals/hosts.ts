/** Which request URLs belong to AWS (and so to the mocks). */
import { fail, show } from '../../_internals/errors.js';

// Suffixes of every AWS endpoint the SDK builds: commercial and GovCloud (`amazonaws.com`),
// China (`amazonaws.com.cn`) and the dual-stack `api.aws` domain.
const AWS_SUFFIXES = ['.amazonaws.com', '.amazonaws.com.cn', '.api.aws'] as const;

/** Whether `hostname` is an AWS service host. */
export function isAwsHostname(hostname: string): boolean {
  for (const suffix of AWS_SUFFIXES) if (hostname.endsWith(suffix)) return true;
  return false;
}

/** Normalises a custom endpoint (`http://localhost:4566/`) to its origin, or throws. */
export function endpointOrigin(api: string, argument: string, endpoint: unknown): string {
  if (typeof endpoint !== 'string' || !URL.canParse(endpoint))
    fail(api, argument, `${show(endpoint)} is not an absolute URL (e.g. "http://localhost:4566")`);
  const { origin, protocol } = new URL(endpoint);
  if (protocol !== 'http:' && protocol !== 'https:')
    fail(api, argument, `${show(endpoint)} must be an http: or https: URL`);
  return origin;
}

/**
 * The custom endpoints the AWS SDK would use from the environment: `AWS_ENDPOINT_URL` and every
 * `AWS_ENDPOINT_URL_<SERVICE>` (supported by `@smithy/core`), so a test environment that points
 * the SDK at LocalStack is still answered by the mocks, never by the network.
 */
export function endpointsFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if ((name === 'AWS_ENDPOINT_URL' || name.startsWith('AWS_ENDPOINT_URL_')) && value && URL.canParse(value)) {
      out.push(new URL(value).origin);
    }
  }
  return out;
}

/**
 * A predicate over URLs: AWS hosts plus the given origins, including their sub-domains on the
 * same scheme and port (S3 turns `http://localhost:4566` into `http://<bucket>.localhost:4566`).
 */
export function createUrlMatcher(origins: readonly string[]): (url: URL) => boolean {
  const custom = origins.map((origin) => {
    const url = new URL(origin);
    return { protocol: url.protocol, port: url.port, hostname: url.hostname, dotted: `.${url.hostname}` };
  });
  return (url) => {
    if (isAwsHostname(url.hostname)) return true;
    for (const c of custom) {
      if (
        url.port === c.port &&
        url.protocol === c.protocol &&
        (url.hostname === c.hostname || url.hostname.endsWith(c.dotted))
      )
        return true;
    }
    return false;
  };
}
