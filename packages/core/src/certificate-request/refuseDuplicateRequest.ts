import type { Bytes } from '../ports/binary.js';
import type { KeyFactory } from '../ports/KeyFactory.js';
import type { KeystoreVault } from '../ports/KeystoreVault.js';
import { isUnfinishedRequest, type PendingRequests } from '../ports/PendingRequests.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';

/** An unfinished request for the same certificate: from the record, or a pending keystore on disk. */
export interface UnfinishedRequest {
  readonly reference?: string;
  readonly keystorePath: string;
  readonly status: string;
  readonly environment: 'prd' | 'acc' | 'sim';
}

/**
 * The unfinished request for `certificateName` in `environment`, if any: a recorded request that
 * eHealth has or may have (sending, sent, pending, issued), or else the newest keystore of that
 * name that holds a placeholder certificate (a request not completed) and that no record explains
 * (a request made before the record existed, or a crash between the keystore save and the record).
 * A keystore that does not open with `password` cannot be judged and is passed over.
 */
export async function findUnfinishedRequest(
  ports: { readonly pending: PendingRequests; readonly vault: KeystoreVault; readonly keys: KeyFactory },
  certificateName: string,
  environment: 'prd' | 'acc' | 'sim',
  password: string,
): Promise<UnfinishedRequest | undefined> {
  const wanted = certificateName.toUpperCase();
  const records = (await ports.pending.list()).filter((r) => r.environment === environment);
  const recorded = records
    .filter((r) => r.certificateName.toUpperCase() === wanted && isUnfinishedRequest(r))
    .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())[0];
  if (recorded) return { reference: recorded.reference, keystorePath: recorded.keystorePath, status: recorded.lastStatus, environment };

  // A folder that cannot be listed is judged by the save that follows (its own, precise error).
  const latest = await ports.vault.findLatest(certificateName).catch(() => undefined);
  if (latest === undefined || latest.environment !== environment) return undefined;
  // A keystore some record knows (refused, unsent, completed) is explained already.
  if (records.some((r) => r.keystorePath === latest.path)) return undefined;
  const content = await ports.vault.open(latest.path, password).catch(() => undefined);
  const authentication = content?.entries.find((e) => e.kind === 'key' && e.alias === 'authentication');
  if (authentication?.kind !== 'key' || authentication.chain.length === 0) return undefined;
  if (!ports.keys.describeCertificate(authentication.chain[0] as Bytes).placeholder) return undefined;
  const reference = await ports.keys.publicKeyIdentifier(authentication.publicKey);
  return { reference, keystorePath: latest.path, status: 'unrecorded', environment };
}

/**
 * Refuses a second request for a certificate whose request is not finished (issue 13): eHealth
 * would get two requests for one DN (two manual validations), and the person two private keys.
 * The error names the request and offers `complete`, `status` or `--new-key`.
 */
export function duplicateRequestError(certificateName: string, unfinished: UnfinishedRequest): EhealthCertError {
  const env = unfinished.environment;
  const complete = `ehealth-cert complete --env ${env} --keystore "${unfinished.keystorePath}"`;
  const status = `ehealth-cert status --env ${env} --keystore "${unfinished.keystorePath}"`;
  return new EhealthCertError(
    'REQUEST_UNFINISHED',
    `A request for ${certificateName} is not finished (request ${unfinished.reference ?? 'unknown'}, state ${unfinished.status}, keystore ${unfinished.keystorePath}); nothing was sent. Complete it (${complete}), check it (${status}), or request anyway with a new key (--new-key).`,
    {
      certificateName,
      reference: unfinished.reference,
      keystorePath: unfinished.keystorePath,
      state: unfinished.status,
      environment: env,
      completeCommand: complete,
      statusCommand: status,
    },
  );
}
