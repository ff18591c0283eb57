/**
 * A business refusal, answered as eHealth does: HTTP 200, Status with a non-success StatusCode
 * and `etee:EteeStatusDetail/Errors{Code, Message}` (DOMAIN.md 2.1). The codes are the
 * simulator's own, except CERT_NOT_YET_DELIVERED which is eHealth's (DOMAIN.md 9: no catalogue).
 */
export class EhealthRefusal extends Error {
  override readonly name = 'EhealthRefusal';

  constructor(
    readonly code: string,
    message: string,
    readonly parameters: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
