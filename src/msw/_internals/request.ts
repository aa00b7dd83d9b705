/** Facts about an intercepted AWS request that several services need. */

// `Credential=AKID/20260115/us-east-1/sqs/aws4_request`: compiled once, not per request.
const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

/** The region and signing name from a SigV4 `authorization` header, if present. */
export function credentialScope(request: Request): { region: string; signingName: string } | undefined {
  const authorization = request.headers.get('authorization');
  if (authorization === null) return undefined;
  const match = CREDENTIAL_SCOPE.exec(authorization);
  return match ? { region: match[1] as string, signingName: match[2] as string } : undefined;
}

const JSON_TARGET_SERVICES: Readonly<Record<string, string>> = {
  AmazonSQS: 'SQS',
  AWSEvents: 'EventBridge',
  Kinesis_20131202: 'Kinesis',
  DynamoDB_20120810: 'DynamoDB',
  DynamoDBStreams_20120810: 'DynamoDB Streams',
};

const SIGNING_NAME_SERVICES: Readonly<Record<string, string>> = {
  sqs: 'SQS',
  events: 'EventBridge',
  kinesis: 'Kinesis',
  dynamodb: 'DynamoDB',
  s3: 'S3',
  sns: 'SNS',
  lambda: 'Lambda',
  sts: 'STS',
};

/** A human name of the service a request is for (`SQS`, `S3`, `DynamoDB Streams` …). */
export function serviceName(request: Request, url: URL): string {
  const target = request.headers.get('x-amz-target');
  if (target !== null) {
    const prefix = target.slice(0, target.indexOf('.'));
    return JSON_TARGET_SERVICES[prefix] ?? prefix;
  }
  if (url.hostname.startsWith('streams.dynamodb.')) return 'DynamoDB Streams';
  const signingName = credentialScope(request)?.signingName;
  if (signingName !== undefined) return SIGNING_NAME_SERVICES[signingName] ?? signingName;
  return url.hostname.split('.')[0] ?? url.hostname;
}
