import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  signSnsMessage,
  snsStringToSign,
  snsTestSigningCertificate,
  verifySnsSignature,
} from '../../../src/events/sns/index.js';
import { SNS_TEST_CERTIFICATE_ID } from '../../../src/events/sns/signingKey.js';
import { referenceVerify } from './_invariants.js';

describe('snsStringToSign', () => {
  it('Notification: signed keys in byte order, Subject only when present, decoded values', () => {
    const fields = {
      Type: 'Notification',
      MessageId: 'id',
      TopicArn: 'arn',
      Subject: 'S',
      Message: 'line 1\nline 2',
      Timestamp: 't',
      MessageAttributes: { a: 1 },
      SequenceNumber: '1',
      UnsubscribeURL: 'u',
    };
    expect(snsStringToSign(fields)).toBe(
      'Message\nline 1\nline 2\nMessageId\nid\nSubject\nS\nTimestamp\nt\nTopicArn\narn\nType\nNotification\n',
    );
    expect(snsStringToSign({ ...fields, Subject: null })).toBe(
      'Message\nline 1\nline 2\nMessageId\nid\nTimestamp\nt\nTopicArn\narn\nType\nNotification\n',
    );
  });
  it('SubscriptionConfirmation signs SubscribeURL and Token', () => {
    expect(
      snsStringToSign({
        Type: 'SubscriptionConfirmation',
        MessageId: 'm',
        Token: 'k',
        TopicArn: 'a',
        Message: 'x',
        SubscribeURL: 'u',
        Timestamp: 't',
      }),
    ).toBe(
      'Message\nx\nMessageId\nm\nSubscribeURL\nu\nTimestamp\nt\nToken\nk\nTopicArn\na\nType\nSubscriptionConfirmation\n',
    );
  });
});

describe('signing and verification', () => {
  const fields = {
    Type: 'Notification',
    MessageId: 'm',
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:t',
    Message: 'héllo 😀',
    Timestamp: '2026-01-15T12:30:45.123Z',
  };
  it('version 1 is SHA1withRSA, version 2 SHA256withRSA, both verifiable with the shipped certificate', () => {
    for (const version of ['1', '2'] as const) {
      const signed = { ...fields, SignatureVersion: version, Signature: signSnsMessage(fields, version) };
      expect(signed.Signature).toHaveLength(344);
      expect(referenceVerify(signed)).toBe(true);
      expect(verifySnsSignature(signed)).toBe(true);
    }
    expect(signSnsMessage(fields, '1')).not.toBe(signSnsMessage(fields, '2'));
  });
  it('deterministic (so factories stay pure), and any change to a signed field fails', () => {
    const signature = signSnsMessage(fields, '1');
    expect(signSnsMessage({ ...fields }, '1')).toBe(signature);
    for (const key of ['Message', 'MessageId', 'TopicArn', 'Timestamp', 'Type'] as const) {
      expect(
        verifySnsSignature({ ...fields, [key]: `${fields[key]}x`, SignatureVersion: '1', Signature: signature }),
      ).toBe(false);
    }
    expect(verifySnsSignature({ ...fields, Subject: 'added', SignatureVersion: '1', Signature: signature })).toBe(
      false,
    );
    // Unsigned fields may change.
    expect(
      verifySnsSignature({
        ...fields,
        MessageAttributes: { a: { Type: 'String', Value: 'b' } },
        SignatureVersion: '1',
        Signature: signature,
      }),
    ).toBe(true);
  });
  it("unsigned, malformed or unknown-version messages do not verify; a key that is not the kit's does not verify", () => {
    expect(verifySnsSignature({ ...fields })).toBe(false);
    expect(verifySnsSignature({ ...fields, SignatureVersion: '3', Signature: signSnsMessage(fields, '1') })).toBe(
      false,
    );
    expect(verifySnsSignature('not json')).toBe(false);
    expect(verifySnsSignature({ body: 'not json' })).toBe(false);
    expect(verifySnsSignature(null)).toBe(false);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = sign('sha1', Buffer.from(snsStringToSign(fields)), privateKey).toString('base64');
    expect(verifySnsSignature({ ...fields, SignatureVersion: '1', Signature: forged })).toBe(false);
    expect(() => verifySnsSignature({ ...fields, SignatureVersion: '1', Signature: forged }, 'not a pem')).toThrow(
      /^verifySnsSignature: certificatePem is not a PEM/,
    );
    expect(() => signSnsMessage(fields, '3' as never)).toThrow(/SignatureVersion must be "1" or "2"/);
  });
  it('the shipped certificate: RSA-2048, valid 2000 to 9999, named in SigningCertURL by the MD5 of its DER', async () => {
    const cert = new X509Certificate(snsTestSigningCertificate());
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(new Date(cert.validFrom).getUTCFullYear()).toBe(2000);
    expect(new Date(cert.validTo).getUTCFullYear()).toBe(9999);
    expect(cert.subject).toContain('not issued by AWS');
    const { createHash } = await import('node:crypto');
    expect(createHash('md5').update(cert.raw).digest('hex')).toBe(SNS_TEST_CERTIFICATE_ID);
  });
});
