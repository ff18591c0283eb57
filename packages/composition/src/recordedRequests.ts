import { ListCertificateRequests, type PendingRequests } from '@ehealth-cert/core';

/**
 * The requests recorded in a keystore folder, read without building the other ports: the CLI
 * chooses from them the environment of `complete` and `status` before it composes anything
 * (issue 13: the environment recorded with the request, not prd by default). `pending` replaces
 * the folder's record (tests, features), as in createPorts.
 */
export async function recordedRequests(keystoreDir: string, pending?: PendingRequests): Promise<ListCertificateRequests> {
  const { JsonPendingRequests } = await import('@ehealth-cert/adapters-ehealth');
  return new ListCertificateRequests({ pending: pending ?? new JsonPendingRequests({ folder: keystoreDir }) });
}
