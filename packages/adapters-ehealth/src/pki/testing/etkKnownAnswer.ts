/**
 * A fixed EtkRA proof-of-possession vector (DOMAIN.md 2.5), made with OpenSSL 3.0 only, so that the
 * known answers do not come from our own code:
 * - `encryptionKey`, `authenticationKey`: `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`,
 *   then `openssl pkcs8 -topk8 -nocrypt -outform DER` (and `openssl pkey -pubout -outform DER`);
 * - `authenticationCertificate`: `openssl req -new -x509 -key auth.pem -subj "/C=BE/O=Federal Government/
 *   OU=SSIN=71715100070/OU=ALICE TEST/OU=eHealth-platform Belgium/CN=SSIN=71715100070" -set_serial
 *   0x5a5a5a5a5a5a5a5a -days 1095 -sha256 -outform DER`;
 * - `challenge`: serial = the 16 bytes f1 02 03 ... 0f 10, `openssl pkeyutl -encrypt -inkey enc.pem
 *   -pkeyopt rsa_padding_mode:pkcs1` of it, followed by `openssl dgst -sha256 -binary` of it;
 * - `encryptionCertificate`: `openssl ca -preserveDN -startdate/-enddate` = the authentication
 *   certificate's dates, serial 0xF102...0F10, CA = the authentication certificate and key, one
 *   extension `keyUsage = critical,keyEncipherment,dataEncipherment` (subjectKeyIdentifier and
 *   authorityKeyIdentifier = none), of a CSR for the encryption key with the same -subj.
 */
const join = (parts: readonly string[]): Uint8Array => new Uint8Array(Buffer.from(parts.join(''), 'base64'));

/** The serial of `challenge` in decimal (Python `int.from_bytes(serial, 'big')`). */
export const ETK_KAT_SERIAL = '320354392743577967845958275774511189776';

/** The vector's inputs and expected outputs, DER. */
export const ETK_KAT = {
  encryptionKey: {
    privateKey: join([
      'MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDrWgPXAFRZXRvmr780HxnOwEKa8omYbb9C6vdlYnxIfqS8iIjo',
      'NiVBEmGwXH9d+DCYEMM3Sy2hFxuENcGfbQREIOloPYpu2GZZ42PAAGYmmW5H6ljgqP0GSiRbrJPXhUpIq8A6dBtyu+VCX6VAH1Or',
      'NjuidAWA9/2r6AB1xPcsSlOED6WGQ44TvS8xp5Bj7vvW05+wKOd9a91EEvn4UZOrGEOC37PMgAiXzTlOdnuNDuO/g4XMSqSWvm+l',
      'YV8SNRq+1wDJc00RGdpCi8lY7zN1XwQ5fd8fdz7I2DcvrgYQdRh6vAHV9vuTs0DEsuRYiFP2hvzcw830HlArk+LO4XlVAgMBAAEC',
      'ggEAcoc3XyUV5vbcYQIdNav8zxPYVba5JqghbtsQ0RGAEXcvi1+V4AqZTnU3fK9Ge+APJbDijsHSzpWEGm5ebsqKTO0HKGbqOs6r',
      '4Ao7vG91Rktb0ztDTPBvUOQ7lTECMNr4Ly0FOmzN/qNZCVep/u4/tQ2LL57uHriPhVw8/RKAhdgmplElr6ogsa8bjKEzrj0cDq/g',
      '+QTR98QgLq8yJh4yjVMAcGt6Ff4BI51baHEdocyy2qzZ4XUXVi8YlDK8B38qU0cdoWB+JEUHFmDJQmD/BwWrNTQR9zBL8AmCSzyZ',
      'LRdGaxPPq1t1BvbHbWyjc2LUNLTvcZ63nnM58tF+kBIucQKBgQD5glyCWLFaOry1MmyTxM5qbBppFeNZ0GpolptHqfHfew5yrATQ',
      'xvx/jCb0Zwcco5G/HOOQ1Q2uHYY+BHn1p5OmeId8mhReEsKyYA57iIoYYTKlF9rWmKJMZc8lNRdZ3odjT9KUxNoBxS2xyc8HBNaQ',
      's+XTB7rclRlvrgce1cAvbwKBgQDxeV6IJv2JtPpVfeyLJ7W5nkIHnvHzjQqCwCjdIM8twPaJXuYayC+kpUzStlZPQHvagIcyZxRv',
      'hyKQEJ1NyRFejL6rEHct4z9mmN2yOT4lpG49dXIK6J2hkUKGhrfmx3xWRL28kub3aUkcgxffgpYe5rnq8Yeh7Pq6O6LH4LjBewKB',
      'gDM5p2J/cRH0Qy/0RURlQHeq8BUpED8tQdttKD4jTuwx6Hp0hJyUbdyF2q2MxXIExvR0qufeReu8VgY/hwZ/PBoOXsqfG5VgxqY2',
      'gGKuWqO8uNgaOKycM535vPiHmN6ziBpElhhC/fslD0eUBjQLsz2MIaAc0ylcVxeNpBqZidZzAoGAAimvIhMPVEttrpRZKQnrA8Wa',
      'G81dp2vM+0zTUN+5W1SOIL7b2sOOQbBFVuHRNhaCxXs/OsFXmoQgWB/9+LNjV3B1SLz2BFAzwix+V9lRaC7n2d8SbWyV9NuDOAc+',
      '4G9K+s7U0DqUnQSxZfL6pMLbq10vrx4Is/eWa1Kba6Tkor8CgYAeNdYrjv/+alZ70Y72GZ/EcbyvPUs6vtNujtAPAe3sNnZl692B',
      'icm22Si0WiQ2H2IQ8PfoszR1XIdYc4ZRFBLbjgG7Tsm38wkysBwXgAv+WcjebXLyoQ0AmPckLDBRRUizweqfn3SKkYrL3zyuG1HA',
      'kcbcKd/q5dcGSkiHHc9/gA==',
    ]),
    publicKey: join([
      'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA61oD1wBUWV0b5q+/NB8ZzsBCmvKJmG2/Qur3ZWJ8SH6kvIiI6DYlQRJh',
      'sFx/XfgwmBDDN0stoRcbhDXBn20ERCDpaD2KbthmWeNjwABmJpluR+pY4Kj9BkokW6yT14VKSKvAOnQbcrvlQl+lQB9TqzY7onQF',
      'gPf9q+gAdcT3LEpThA+lhkOOE70vMaeQY+771tOfsCjnfWvdRBL5+FGTqxhDgt+zzIAIl805TnZ7jQ7jv4OFzEqklr5vpWFfEjUa',
      'vtcAyXNNERnaQovJWO8zdV8EOX3fH3c+yNg3L64GEHUYerwB1fb7k7NAxLLkWIhT9ob83MPN9B5QK5PizuF5VQIDAQAB',
    ]),
  },
  authenticationKey: {
    privateKey: join([
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCTEXYDKdhyAW8PND5SJTEFvhN0szP5C3uogl/79/nzXF4MGIX9',
      'sPnDQgSnHTi+CACCEoykuzgX7gypPjCdX62UO5vNPQx0giK8UXdxeUerybjwCDrrAN5QuNLyurgTIkUfXYOr5nfkEIM+t4andxgE',
      'i+IRws8BZa/O4SmR6kDG4j/zo3F/omu8seEp0Wjgc8T7OVznhBafCcGpoPljbgy9SuD6azGQdnmDU6VRh6S/hKnOVgGBbO6kgx92',
      'q8OV2JyJOUPUXscRCo81WovCK3vIlLZRLCSS/aHqqPPlEccM3V+sHZVpxkEMe+tidZM1YhpukGpJpF2Tkptqc5c4a5ABAgMBAAEC',
      'ggEADIeEa7bTEDxnyS5w4Ef3nhcAWpUBWKZ2K6gm1AU/e9Ca2RI2SSOclbpgQdoDGWp+W5aHuamTGPPQi5MnKmMqOzqcVo8MynjD',
      'S5Kvt8DGvr+V9EopNdf6OLuUSjZm5AdrhuVtSDX/cRRIkC1ryQTkDJAby5pSjzqJ8Li9VUd1KxRelKs7C5Yv+7zQBw6TlHM7ZLg9',
      'fDru2GmeeWh0kG9OLq7fzNNzYyt4f+tqM9HQrs0gu+69ECL07LMY0Uv/gWKqoFB5hAuBm9wuvpR3yKOCLhv6Q8bkZv+vQ+4j3VpR',
      'HlMFSUbvKK7/dw7MHtk3kFeJk0jnG4H5NZgk9UjKlJlAKQKBgQDM9AuYl8iFACj/nY08Q+QN+fZk0TuMPgOFx3k+e5Aa6DWzx5ob',
      '58XVaBgeuWW5IvguaJ8KX9yQU9yl1QeN+vev6R4Q5GZNmah2MU+6Zwv+JN6szvpGrowTj7WhLRHuN3HVyUgpNJg3WzqEraZDPz4A',
      '6q7Kqjj4nOxEcgLT/h5xaQKBgQC3sp/soTU84xfADfAc3FkRf6dQlGYNo3r8VtkDD+Z9igAF6agaDKChqI2ZHljoBiyBCL4oiPBB',
      'iWgIJSMsKM/m3cgpA/6oQFf3OTUgdFgy51bECg3GNzMXCSnWUjniK1H14m8QiTGJ4cDPsPi4IvpipKvOSoSejeB4S6c7vTY+2QKB',
      'gATA5EP1wUDUcB79mHj9Why4324XLDpkddB0f+tjEkSNfjFdP8XF6mC4uVZ9Fk7k8Lyi0I19C7CNQWDXQAWa/IOn9HqP0Y+bML0N',
      'B7xbB3wtfryjUEqzYaxSePP0B6ZuwsUilfnermkaRJEvNdv5a4a56rPonsmlWhV8T3R7QFmBAoGAPcqTKwjLHLETAyJtG3gvachz',
      '4pIYhgvwycL4+qO1l5L9EQAY8LJAskA9aT0hEONKwxjKxl3R22m6GctMOoV78Z+2vb0/Qx9pt5qBuWoJZQ4WTJlJKtzUjbIiZZqB',
      'KAgEaN6DF5/ejw/mSLax41a4vMfBlwHP/HmjATQJi/nIrnkCgYEAo4Y/KthedXfeyXamrJuMXWTXofToTAoYX+/fpnKjObvat9km',
      'N9l1AZQai46KtycY7PTEam6VGYDR+dK9da5tjGCseJPrIkhsOXjxNG6KovjHcd5h6jV3gTqwdlCjXZZnHf+Tto0YH7cbEy7p1TSm',
      'QtqIWMjGOxklsN/mfmVBlZc=',
    ]),
    publicKey: join([
      'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkxF2AynYcgFvDzQ+UiUxBb4TdLMz+Qt7qIJf+/f581xeDBiF/bD5w0IE',
      'px04vggAghKMpLs4F+4MqT4wnV+tlDubzT0MdIIivFF3cXlHq8m48Ag66wDeULjS8rq4EyJFH12Dq+Z35BCDPreGp3cYBIviEcLP',
      'AWWvzuEpkepAxuI/86Nxf6JrvLHhKdFo4HPE+zlc54QWnwnBqaD5Y24MvUrg+msxkHZ5g1OlUYekv4SpzlYBgWzupIMfdqvDldic',
      'iTlD1F7HEQqPNVqLwit7yJS2USwkkv2h6qjz5RHHDN1frB2VacZBDHvrYnWTNWIabpBqSaRdk5KbanOXOGuQAQIDAQAB',
    ]),
  },
  authenticationCertificate: join([
    'MIIEBzCCAu+gAwIBAgIIWlpaWlpaWlowDQYJKoZIhvcNAQELBQAwgZgxCzAJBgNVBAYTAkJFMRswGQYDVQQKDBJGZWRlcmFsIEdv',
    'dmVybm1lbnQxGTAXBgNVBAsMEFNTSU49NzE3MTUxMDAwNzAxEzARBgNVBAsMCkFMSUNFIFRFU1QxITAfBgNVBAsMGGVIZWFsdGgt',
    'cGxhdGZvcm0gQmVsZ2l1bTEZMBcGA1UEAwwQU1NJTj03MTcxNTEwMDA3MDAeFw0yNjExMjkwNjA0MzNaFw0yOTExMjgwNjA0MzNa',
    'MIGYMQswCQYDVQQGEwJCRTEbMBkGA1UECgwSRmVkZXJhbCBHb3Zlcm5tZW50MRkwFwYDVQQLDBBTU0lOPTcxNzE1MTAwMDcwMRMw',
    'EQYDVQQLDApBTElDRSBURVNUMSEwHwYDVQQLDBhlSGVhbHRoLXBsYXRmb3JtIEJlbGdpdW0xGTAXBgNVBAMMEFNTSU49NzE3MTUx',
    'MDAwNzAwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCTEXYDKdhyAW8PND5SJTEFvhN0szP5C3uogl/79/nzXF4MGIX9',
    'sPnDQgSnHTi+CACCEoykuzgX7gypPjCdX62UO5vNPQx0giK8UXdxeUerybjwCDrrAN5QuNLyurgTIkUfXYOr5nfkEIM+t4andxgE',
    'i+IRws8BZa/O4SmR6kDG4j/zo3F/omu8seEp0Wjgc8T7OVznhBafCcGpoPljbgy9SuD6azGQdnmDU6VRh6S/hKnOVgGBbO6kgx92',
    'q8OV2JyJOUPUXscRCo81WovCK3vIlLZRLCSS/aHqqPPlEccM3V+sHZVpxkEMe+tidZM1YhpukGpJpF2Tkptqc5c4a5ABAgMBAAGj',
    'UzBRMB0GA1UdDgQWBBSStrAvSODUzUgyNtkSQnpiQKuCrjAfBgNVHSMEGDAWgBSStrAvSODUzUgyNtkSQnpiQKuCrjAPBgNVHRMB',
    'Af8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQAaMpej5LgFF5WHxSZQMjDIoKlwMssZ0gdocOCD95f7gjlyEh3mUYqkrQq3xOOe',
    'iJe9QB6NMW7+PE1DrCqDKkA2h2R2jR/4Tozl9ZyorXyAvreRUhPiwHs9ivUeOLS2ASUXXSZsiShd7eHn16iFceID3P7plZlmqTlz',
    'lRjxkUyaqJZhizN+2qF3cYh6d2jRBuMXIujq9TWEBF0xO8z0GDKH3dQ1lUh9No7NCChjb5KlKYMDYk9ozc0JurZjECP+Cz1gAJd8',
    '8T3xsqFdqbOI0tMs9quuMXOWk5V91yPBRF+YBmc0Wmt8csQ2ITXyCmhBiwXi9TUfEUtjm8RKAo3szCpD',
  ]),
  challenge: join([
    '1ckqDDPQ3NDaJJYwEDGerolqjkT5jpvcMjjhTt12/OSlrVFg3kOXZ3byCZB7rz3j8xGDCy9Cw8ol+OpF3GJ5+k1C53vCfjgEDTQv',
    'mOWabA7vIXjuQeCwuh7uO/xw1evQZFpfP0bf+DCn4EGYfY7+F15kCCkgBOOXaXl0X2jGlio8SWeA1QmaegBCAzMtgFxL07Feauss',
    'jXExdo4D7ILvkENKINO1zLWP0TY3any1SntfTXG+3Ebb/NU33uEWdIykHKk8rnbMNG687qX1Gpm1VkYRMAhYctxKtU39btXSafN+',
    'UrR6dWsYemhX5a4ZwD7Smjl+C7pe8pJ1TrdoHRj1xU2320+lPo4yRkZiJtmOYXVMfNg7FhNjhXhXgKkVm+5X',
  ]),
  encryptionCertificate: join([
    'MIIDzzCCAregAwIBAgIRAPECAwQFBgcICQoLDA0ODxAwDQYJKoZIhvcNAQELBQAwgZgxCzAJBgNVBAYTAkJFMRswGQYDVQQKDBJG',
    'ZWRlcmFsIEdvdmVybm1lbnQxGTAXBgNVBAsMEFNTSU49NzE3MTUxMDAwNzAxEzARBgNVBAsMCkFMSUNFIFRFU1QxITAfBgNVBAsM',
    'GGVIZWFsdGgtcGxhdGZvcm0gQmVsZ2l1bTEZMBcGA1UEAwwQU1NJTj03MTcxNTEwMDA3MDAeFw0yNjExMjkwNjA0MzNaFw0yOTEx',
    'MjgwNjA0MzNaMIGYMQswCQYDVQQGEwJCRTEbMBkGA1UECgwSRmVkZXJhbCBHb3Zlcm5tZW50MRkwFwYDVQQLDBBTU0lOPTcxNzE1',
    'MTAwMDcwMRMwEQYDVQQLDApBTElDRSBURVNUMSEwHwYDVQQLDBhlSGVhbHRoLXBsYXRmb3JtIEJlbGdpdW0xGTAXBgNVBAMMEFNT',
    'SU49NzE3MTUxMDAwNzAwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDrWgPXAFRZXRvmr780HxnOwEKa8omYbb9C6vdl',
    'YnxIfqS8iIjoNiVBEmGwXH9d+DCYEMM3Sy2hFxuENcGfbQREIOloPYpu2GZZ42PAAGYmmW5H6ljgqP0GSiRbrJPXhUpIq8A6dBty',
    'u+VCX6VAH1OrNjuidAWA9/2r6AB1xPcsSlOED6WGQ44TvS8xp5Bj7vvW05+wKOd9a91EEvn4UZOrGEOC37PMgAiXzTlOdnuNDuO/',
    'g4XMSqSWvm+lYV8SNRq+1wDJc00RGdpCi8lY7zN1XwQ5fd8fdz7I2DcvrgYQdRh6vAHV9vuTs0DEsuRYiFP2hvzcw830HlArk+LO',
    '4XlVAgMBAAGjEjAQMA4GA1UdDwEB/wQEAwIEMDANBgkqhkiG9w0BAQsFAAOCAQEAgvzVgxMBcPjVgxFgdffgNHXd2kO1Bhhq25UF',
    'pNYRT2sPPqSR9smYwfFlAHhI6WEjiyAg5ISYmzu3ftZVvUzgxpploB1GymDEXs48AHnhMvBgCCrPQFkaNhbUreubIhL3ItLTY2a8',
    'wAf1Ls3wYqD5aHTgga3S+SIWNd9C7iBdrd2xxY3+kd/Au7uw1KU7sFdPUP41YvodjEQbNn8L9f82ZvzVqFTd6oFeETMVPldb8uQP',
    'mMmoFHLgokWf8iWmU5NKsBFEIvWr/PHDgwZRkJwx4+iFl+dkxQFObfE033hH/EmUU4WbRbHEEuV1N8Td3gyNt4VtxIkt93DlKFC1',
    '6CD8Hw==',
  ]),
};
