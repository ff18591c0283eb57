import { basename } from 'node:path';
import type { PendingRequest } from '@ehealth-cert/core';

/** A pending-request record as the API shows it: the keystore by file name, not server path. */
export function requestView(request: PendingRequest) {
  return {
    reference: request.reference,
    environment: request.environment,
    certificateName: request.certificateName,
    dn: request.dn,
    keystore: basename(request.keystorePath),
    requestedAt: request.requestedAt,
    automaticallyValidated: request.automaticallyValidated,
    status: request.lastStatus,
    ...(request.lastCheckedAt === undefined ? {} : { lastCheckedAt: request.lastCheckedAt }),
  };
}
