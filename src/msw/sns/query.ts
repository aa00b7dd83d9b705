/**
 * SNS's query protocol on msw: `POST /` with a form-encoded body (`Action=Publish&Version=2010-03-31&…`,
 * maps as `X.entry.N.key`/`.value`, lists as `X.member.N`), answered with XML in SNS's namespace,
 * the request id both in `x-amzn-requestid` (where the SDK reads `$metadata.requestId`) and in
 * `<RequestId>`. The handler never throws into msw: every failure is an SNS-shaped error response.
 * @see https://docs.aws.amazon.com/sns/latest/api/Query_Requests.html
 */
import { http, type HttpHandler } from 'msw';
import { AwsServiceError, internalFailure, unknownOperation, xmlEscape } from '../_internals/awsError.js';
import { credentialScope } from '../_internals/request.js';
import { missingMember } from './errors.js';

/** SNS's XML namespace (API version 2010-03-31). */
const SNS_XML_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** The members of one request (or of one entry of a list of structures), by dotted name. */
export class QueryInput {
  constructor(
    private readonly fields: ReadonlyMap<string, string>,
    private readonly prefix = '',
  ) {}

  /** A scalar member, or undefined when absent. */
  get(name: string): string | undefined {
    return this.fields.get(this.prefix + name);
  }

  /** A required scalar member, or the service's validation error naming it. */
  required(name: string): string {
    const value = this.get(name);
    if (value === undefined) throw missingMember(name);
    return value;
  }

  /** Whether any member starts with `name.` or is `name` (an empty list or map is sent as `Name=`). */
  has(name: string): boolean {
    const full = this.prefix + name;
    if (this.fields.has(full)) return true;
    for (const key of this.fields.keys()) if (key.startsWith(`${full}.`)) return true;
    return false;
  }

  /**
   * The entries `name.<kind>.1`, `name.<kind>.2` … as inputs, in order, stopping at the first gap.
   * One pass over the members, so a request with many entries costs linear time.
   */
  list(name: string, kind: 'member' | 'entry'): QueryInput[] {
    const stem = `${this.prefix}${name}.${kind}.`;
    const present = new Set<number>();
    for (const key of this.fields.keys()) {
      if (!key.startsWith(stem)) continue;
      const rest = key.slice(stem.length);
      const dot = rest.indexOf('.');
      const index = Number(dot === -1 ? rest : rest.slice(0, dot));
      if (Number.isSafeInteger(index) && index >= 1) present.add(index);
    }
    const out: QueryInput[] = [];
    for (let i = 1; present.has(i); i++) out.push(new QueryInput(this.fields, `${stem}${i}.`));
    return out;
  }

  /** A list of strings `name.member.N`. */
  strings(name: string): string[] {
    const out: string[] = [];
    for (let i = 1; ; i++) {
      const value = this.fields.get(`${this.prefix}${name}.member.${i}`);
      if (value === undefined) return out;
      out.push(value);
    }
  }

  /** A string map `name.entry.N.key` / `.value` (SNS's `Attributes`), in request order. */
  map(name: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const entry of this.list(name, 'entry')) {
      const key = entry.get('key');
      if (key !== undefined) out.set(key, entry.get('value') ?? '');
    }
    return out;
  }
}

/** Parses a form-encoded body into its members. */
export function parseQuery(text: string): Map<string, string> {
  return new Map(new URLSearchParams(text));
}

/** `<name>text</name>`, escaped. */
export function xmlText(name: string, text: string): string {
  return `<${name}>${xmlEscape(text)}</${name}>`;
}

/** `<entry><key>…</key><value>…</value></entry>…` of a string map (Get*Attributes). */
export function xmlEntries(map: Iterable<readonly [string, string]>): string {
  let out = '';
  for (const [key, value] of map) out += `<entry>${xmlText('key', key)}${xmlText('value', value)}</entry>`;
  return out;
}

/** What an operation knows about its request. */
export interface QueryRequestInfo {
  /** The SigV4 signing region, else the region of an `sns.<region>.amazonaws.com` host. */
  readonly region: string | undefined;
  readonly url: URL;
}

/** One operation: its `<XResult>` inner XML, or undefined for operations without output. */
export type QueryOperation = (input: QueryInput, info: QueryRequestInfo) => string | undefined;

/** The query service. */
export interface QueryServiceSpec {
  operations: Readonly<Record<string, QueryOperation>>;
  /** The request URLs the mocks own. */
  isAwsUrl(url: URL): boolean;
  requestId(): string;
}

const SNS_HOST = /^sns\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

/** A success response. */
function queryResponse(action: string, result: string | undefined, requestId: string): Response {
  const body =
    `<${action}Response xmlns="${SNS_XML_NAMESPACE}">` +
    (result === undefined ? '' : `<${action}Result>${result}</${action}Result>`) +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return new Response(body, { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId } });
}

/** An error response (`Type` is `Receiver` for 5xx). */
function queryErrorResponse(error: AwsServiceError, requestId: string): Response {
  const body =
    `<ErrorResponse xmlns="${SNS_XML_NAMESPACE}"><Error><Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
    `${xmlText('Code', error.code)}${xmlText('Message', error.message)}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return new Response(body, {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
  });
}

/** Whether a request is an SNS query request (signed for `sns`, or sent to an SNS host). */
function isSnsRequest(request: Request, url: URL): boolean {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return false;
  const scope = credentialScope(request);
  return scope !== undefined ? scope.signingName === 'sns' : SNS_HOST.test(url.hostname);
}

/** The msw handler of the SNS query service. */
export function createQueryHandler(spec: QueryServiceSpec): HttpHandler {
  const operations = new Map(Object.entries(spec.operations));
  return http.post(
    ({ request }) => {
      const url = new URL(request.url);
      return spec.isAwsUrl(url) && isSnsRequest(request, url);
    },
    async ({ request }) => {
      const requestId = spec.requestId();
      try {
        const url = new URL(request.url);
        const input = new QueryInput(parseQuery(await request.text()));
        const action = input.get('Action');
        if (action === undefined) throw unknownOperation('SNS', 'POST / without Action');
        const run = operations.get(action);
        if (run === undefined) throw unknownOperation('SNS', action);
        const region = credentialScope(request)?.region ?? SNS_HOST.exec(url.hostname)?.[1];
        return queryResponse(action, run(input, { region, url }), requestId);
      } catch (error) {
        return queryErrorResponse(error instanceof AwsServiceError ? error : internalFailure(error), requestId);
      }
    },
  );
}
