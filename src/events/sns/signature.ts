/**
 * SNS message signatures: AWS's canonical string, signing with the kit's test key and
 * verification. SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA (RSA PKCS#1 v1.5,
 * deterministic: the same fields always give the same signature).
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256Hex } from '../../_internals/hash.js';
import { boundedMemo } from '../../_internals/memo.js';
import { SNS_TEST_SIGNING_CERTIFICATE_PEM, SNS_TEST_SIGNING_KEY_PEM } from './signingKey.js';
import type { SnsSignatureVersion } from './types.js';

/** The fields a Notification signature covers, in the (byte) order they are signed. */
export const SNS_NOTIFICATION_SIGNED_KEYS = [
  'Message',
  'MessageId',
  'Subject',
  'Timestamp',
  'TopicArn',
  'Type',
] as const;
/** The fields a SubscriptionConfirmation / UnsubscribeConfirmation signature covers. */
const SNS_CONFIRMATION_SIGNED_KEYS = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
] as const;

/**
 * AWS's string to sign: `<Key>\n<value>\n` for each signed key present in `message` (a null or
 * absent `Subject` is skipped), the keys in byte order. `MessageAttributes`, `SequenceNumber`
 * and the URLs are not signed.
 */
export function snsStringToSign(message: Readonly<Record<string, unknown>>): string {
  const keys = message.Type === 'Notification' ? SNS_NOTIFICATION_SIGNED_KEYS : SNS_CONFIRMATION_SIGNED_KEYS;
  let out = '';
  for (const key of keys) {
    const value = message[key];
    if (value === undefined || value === null) continue;
    out += `${key}\n${String(value)}\n`;
  }
  return out;
}

function algorithmOf(version: unknown): string | undefined {
  return version === '1' ? 'RSA-SHA1' : version === '2' ? 'RSA-SHA256' : undefined;
}

let privateKey: KeyObject | undefined;
// Signing is ~1 ms of RSA and tests build the same messages again and again. Still pure:
// RSA PKCS#1 v1.5 signatures are deterministic, so a kept signature is the one signing would give.
const signatures = boundedMemo<string, string>(2000);

/**
 * The base64 signature of `message` by the kit's test key (see `snsTestSigningCertificate`).
 * Pure: RSA PKCS#1 v1.5 is deterministic, so results are cached by (version, string to sign).
 */
export function signSnsMessage(message: Readonly<Record<string, unknown>>, version: SnsSignatureVersion): string {
  const algorithm = algorithmOf(version);
  if (algorithm === undefined)
    throw new TypeError(`signSnsMessage: SignatureVersion must be "1" or "2", got ${JSON.stringify(version)}`);
  const text = snsStringToSign(message);
  // Keyed by a digest: a message may be 256 KiB, and the cache must stay small.
  const key = `${version}${sha256Hex(text)}`;
  return signatures.get(key, () => {
    privateKey ??= parseKey(() => createPrivateKey(SNS_TEST_SIGNING_KEY_PEM));
    return sign(algorithm, Buffer.from(text, 'utf8'), privateKey).toString('base64');
  });
}

/** The PEM of the self-signed certificate whose key signs every SNS message the kit makes. */
export function snsTestSigningCertificate(): string {
  return SNS_TEST_SIGNING_CERTIFICATE_PEM;
}

// Parsing a PEM is the slow part of verifying; a key is a function of its PEM alone.
const publicKeys = boundedMemo<string, KeyObject>(16);

/**
 * Whether `message`'s `Signature` verifies against `certificatePem` (default: the kit's test
 * certificate). `message` is an SNS JSON body (object or text), a Lambda record's `Sns`, a
 * Lambda SNS record, or an SQS record whose body is a notification. False for an unsigned
 * message (FIFO-topic bodies), an unknown `SignatureVersion`, a malformed signature or any change
 * to a signed field. Throws a TypeError when `certificatePem` is not a PEM certificate or key.
 */
export function verifySnsSignature(
  message: unknown,
  certificatePem: string = SNS_TEST_SIGNING_CERTIFICATE_PEM,
): boolean {
  let m: unknown = message;
  if (typeof m === 'string') {
    try {
      m = JSON.parse(m);
    } catch {
      return false;
    }
  }
  if (m === null || typeof m !== 'object') return false;
  // An SQS record of an SNS subscription: its body is the notification.
  if (typeof (m as Record<string, unknown>).body === 'string' && (m as Record<string, unknown>).Type === undefined)
    return verifySnsSignature((m as Record<string, unknown>).body, certificatePem);
  const record = m as Record<string, unknown>;
  const fields = (record.Sns !== null && typeof record.Sns === 'object' ? record.Sns : record) as Record<
    string,
    unknown
  >;
  const algorithm = algorithmOf(fields.SignatureVersion);
  if (algorithm === undefined || typeof fields.Signature !== 'string') return false;
  const publicKey = publicKeys.get(certificatePem, (pem) => {
    try {
      return parseKey(() => createPublicKey(pem));
    } catch (error) {
      throw new TypeError(
        `verifySnsSignature: certificatePem is not a PEM certificate or public key (${(error as Error).message})`,
      );
    }
  });
  return verify(
    algorithm,
    Buffer.from(snsStringToSign(fields), 'utf8'),
    publicKey,
    Buffer.from(fields.Signature, 'base64'),
  );
}

/**
 * Parses a key, once more if the first parse fails: OpenSSL can report an error that an unrelated
 * earlier operation left on its error queue (seen on Node 22 with msw 3's interceptors, as
 * `asn1 encoding routines::too long` for a valid key), and the second parse starts from a clean
 * queue. A key that really is malformed fails both times.
 */
function parseKey(parse: () => KeyObject): KeyObject {
  try {
    return parse();
  } catch {
    return parse();
  }
}
