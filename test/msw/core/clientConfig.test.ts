/** awsTestClientConfig and the HTTP/2 guard, with the real Kinesis client. */
import { DescribeLimitsCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { awsTestClientConfig, createAwsMocks, Http2NotInterceptedError } from '../../../src/msw/index.js';
import { listenStrict } from '../_helpers/msw.js';

describe('awsTestClientConfig', () => {
  it('fake static credentials, one attempt, an HTTP/1.1 handler, the given region', async () => {
    const config = awsTestClientConfig({ region: 'eu-central-1' });
    expect(config.region).toBe('eu-central-1');
    expect(config.maxAttempts).toBe(1);
    expect(config.credentials.accessKeyId).toMatch(/^AKID/);
    expect(config.requestHandler).toBeInstanceOf(NodeHttpHandler);
    expect(awsTestClientConfig().requestHandler).not.toBe(config.requestHandler);
    expect(() => awsTestClientConfig({ region: 'nowhere' })).toThrow(EventInputError);
    expect(() => awsTestClientConfig({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(awsTestClientConfig({ endpoint: 'http://localhost:4566' }).endpoint).toBe('http://localhost:4566');
  });

  it('passes every other client setting through, and lets the user’s handler and credentials win', () => {
    const config = awsTestClientConfig({
      region: 'eu-west-1',
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    expect(config.forcePathStyle).toBe(true);
    expect(config.requestChecksumCalculation).toBe('WHEN_REQUIRED');
    const requestHandler = new NodeHttpHandler({ requestTimeout: 5 });
    const credentials = { accessKeyId: 'AKIDMINE', secretAccessKey: 'mine' };
    const own = awsTestClientConfig({ requestHandler, credentials });
    expect(own.requestHandler).toBe(requestHandler);
    expect(own.credentials).toBe(credentials);
  });
});

describe('HTTP/2', () => {
  it('a Kinesis client on its default HTTP/2 handler fails fast with a message naming the fix', async () => {
    const mocks = createAwsMocks();
    const server = listenStrict(mocks.handlers);
    try {
      const { requestHandler: _, ...withoutHandler } = awsTestClientConfig();
      const started = Date.now();
      const error = await new KinesisClient(withoutHandler)
        .send(new DescribeLimitsCommand({}))
        .catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toBeInstanceOf(Http2NotInterceptedError);
      expect((error as Error).message).toMatch(/msw cannot intercept node:http2.*awsTestClientConfig\(\)/s);
      // With the HTTP/1.1 handler the request reaches the mocks (here the catch-all: no Kinesis service composed).
      const handled = await new KinesisClient(awsTestClientConfig())
        .send(new DescribeLimitsCommand({}))
        .catch((e: unknown) => e);
      expect(handled).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
    } finally {
      server.close();
      mocks.dispose();
    }
  });

  it('the guard only covers hosts the mocks own, and goes away with the last mocks', async () => {
    const http2 = await import('node:http2');
    const original = http2.default.connect;
    const mocks = createAwsMocks();
    expect(http2.default.connect).not.toBe(original);
    // A host the mocks do not own goes to the real connect (here: a refused local port, not our error).
    const session = http2.default.connect('http://127.0.0.1:1');
    const failure = await new Promise<Error>((resolve) => session.on('error', resolve));
    expect(failure).not.toBeInstanceOf(Http2NotInterceptedError);
    expect(() => http2.default.connect('https://kinesis.us-east-1.amazonaws.com')).toThrow(Http2NotInterceptedError);
    mocks.dispose();
    expect(http2.default.connect).toBe(original);
    const off = createAwsMocks({ guardHttp2: false });
    expect(http2.default.connect).toBe(original);
    off.dispose();
  });
});
