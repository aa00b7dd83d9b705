/**
 * The kit's SNS test signing key and its self-signed certificate: fixed test material, generated
 * once with OpenSSL (RSA-2048, certificate valid 2000-01-01 to 9999-12-31) and shipped as
 * constants, so signatures are reproducible and nothing is fetched. Public on purpose: it signs
 * test messages only and proves nothing about AWS.
 */

/** PKCS#8 PEM of the RSA-2048 test signing key. Test material, public on purpose. */
export const SNS_TEST_SIGNING_KEY_PEM = `
-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCW41mSNxI0L06Y
6OWBkyv5QyAtG7ObW0IKgLb0D+Nefu8FDAGR9sr9cBuPpgkuI/IAf5ug0uOU78rO
qb/w1WvaaeU9T0vCSBazX6LhPxSl5LDRME3rS78mNX7Oq8AvhtGc5q/tQtahRNR1
EVTInH8YDnDjOJcSu2YsgQozR3fopFU4VxMaiOzRKvG/z6gz3G3pT2Av09nBVIFU
qR3OkIL6PHtc7VEFcRDJ7jBiEag2ScY6rx+7UDHhABx3CRIh+nWo74QffwDbouff
ys6eb0DMB1nyoY6iADDr3OG/9KK0cn8UFKrm4RBjunkqzmo0GdtUi8q+9g8OQZpj
AiK/vbhPAgMBAAECggEABMWGyR1tuXG/ig1faKQXUWgihdqo6OJPadadMoWoGo5o
D6BMEmocDDy12mqVQrzHQ+XFLaZNpSGaJ8Ptene9U+hiY/h0fF3cPerp0zaz9/UN
9GeTJzw7fMFXU8DRsI8SZORUruucrvfmwhb8t+VfDYszXbQl7uU3O3QPNwTtEVHI
n4Eki1d4ATV6bYAo8wkfCOJlK6uNtiV6FmbqS1yhA209PoRbKgvw6eBqQet+5eR9
dBMbozXvOhjyL9LlvnpxyWKElO7LD90VNIWxfymT55Sb5W14Kw7zis0B8pUVgmhj
oDdR77fGNEuWA5y5gukiAzjet97c3cM0EwfCx5O2AQKBgQDPJIwG9xl0XZG67WDx
AZwh9aJRJg2T3PshZJiA0vXebBI959HT6+zEQRGhRFq7ZPQ/spvp6O5wbyIYelJM
mOOIwcVEOvb+5ZmWXLW1xX8a3EE9DaY+e9YcCZPOpWLWp+80/IkB/+38JJxi30ay
mPDffkpESSVkQAfnqx6fWGR6AQKBgQC6ehk7I/1a2JSA4FFinwD7mZM8XOCZDz/2
R4SzLsB0vs005xsoUEkyzX/Wx4bGG3YXuVpVOAgl3U9virFEORXnjQSUU4gR8Bbl
udC5oSiW8KMJEIo3cPE/twvmgElHM57E3DMjH29aJs893AWSOVAGuY0wpO3KCo6z
nakcWCgSTwKBgQCUmA4PLRFIhZr18jVZjiMXxWKUPez9hkdsdAJmX29bCEGpwPOn
x5WIT3k7K5K+3TPNwe3QxXTOmRpnXtBM/Fw1DXPad0YaIlCkKYt8gtmkRh5SkskQ
B7vXTxOF6ORXQg75/rK2CYcKGqVI1AyeL9KTMMBL7gDxwnEpQnrsKfeiAQKBgDXA
ekNk5WPpaC0Z+/usj7D2nM1ajFcyYSKRjPvFby53zVkBgP+G3QKq372+d+flBI5k
HFjSNO8NMxeY5+4dcmXzbS2AQonBJiiD/llzzepsZOJ5BQ5kHPZbwi9oLTc79vkR
7B+ksQlQhI51PJngsWOu2rb5451Im8fEm3mTI8HbAoGANIzxM+upJRs845XREJ49
WgUkusG2spehyqivD4/8ablH+TdEEsuwnLH4Cys4yrmLO/g1fSCA+PTbzm/KfQJ1
fIdUKg9cagPmBdC7/sHSc4xVBPy0m5tM0LoGh77Lsqcyj38jLVvicMPqk0nYPvSX
HuorvFrli8snqIrq/fY92h4=
-----END PRIVATE KEY-----
`.trimStart();

/** X.509 PEM of the self-signed certificate of {@link SNS_TEST_SIGNING_KEY_PEM} (subject CN=sns.amazonaws.com, O says it is not issued by AWS). */
export const SNS_TEST_SIGNING_CERTIFICATE_PEM = `
-----BEGIN CERTIFICATE-----
MIIDfDCCAmSgAwIBAgIBATANBgkqhkiG9w0BAQsFADBgMRowGAYDVQQDDBFzbnMu
YW1hem9uYXdzLmNvbTFCMEAGA1UECgw5YXdzLWV2ZW50LWtpdCB0ZXN0IHNpZ25p
bmcgY2VydGlmaWNhdGUsIG5vdCBpc3N1ZWQgYnkgQVdTMCAXDTAwMDEwMTAwMDAw
MFoYDzk5OTkxMjMxMjM1OTU5WjBgMRowGAYDVQQDDBFzbnMuYW1hem9uYXdzLmNv
bTFCMEAGA1UECgw5YXdzLWV2ZW50LWtpdCB0ZXN0IHNpZ25pbmcgY2VydGlmaWNh
dGUsIG5vdCBpc3N1ZWQgYnkgQVdTMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIB
CgKCAQEAluNZkjcSNC9OmOjlgZMr+UMgLRuzm1tCCoC29A/jXn7vBQwBkfbK/XAb
j6YJLiPyAH+boNLjlO/Kzqm/8NVr2mnlPU9LwkgWs1+i4T8UpeSw0TBN60u/JjV+
zqvAL4bRnOav7ULWoUTUdRFUyJx/GA5w4ziXErtmLIEKM0d36KRVOFcTGojs0Srx
v8+oM9xt6U9gL9PZwVSBVKkdzpCC+jx7XO1RBXEQye4wYhGoNknGOq8fu1Ax4QAc
dwkSIfp1qO+EH38A26Ln38rOnm9AzAdZ8qGOogAw69zhv/SitHJ/FBSq5uEQY7p5
Ks5qNBnbVIvKvvYPDkGaYwIiv724TwIDAQABoz8wPTAMBgNVHRMBAf8EAjAAMA4G
A1UdDwEB/wQEAwIHgDAdBgNVHQ4EFgQUVgX9/mOskkcOa+yWcjU/IYjzx3gwDQYJ
KoZIhvcNAQELBQADggEBAFH0s2rf9vBVuo7U+Lp933eC4jdHrWaHXKfdVWqSFkdL
NzdsU3aRbKfDAMYP1tPnxBr0kRep3T3lLhp7pvBdfW66ynlQwEB26MJVf/wzS6w1
f7dJz4/UyNOdd8WivhgCkRgW9upW4ohY3yg1qSyRdAeH3ycftkOwEOzlM+LJ0uht
liqINvXKC4jLmrwdI+5CGfqVa0LNcdj7pHsbumi/u1gCviEL/Ox+mXXe/0AG9ZwL
1x6FKjHtzymBf/HMIIh487ZsDPM98P3qbyyWcpTmbsGpqqNDltKpM27AvRFyxK07
t4T/8uqFFgHXHahlKOg3i4tIyij52FHc4S+IXK49oFo=
-----END CERTIFICATE-----
`.trimStart();

/** Lower-case hex MD5 of the certificate's DER bytes: names it in `SigningCertURL` (`SimpleNotificationService-<hex>.pem`, as AWS names its certificates). */
export const SNS_TEST_CERTIFICATE_ID = 'd53985f36b78062191adf5af51c06b4f';
