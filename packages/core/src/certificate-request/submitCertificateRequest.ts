import type { Actor, ContactData, Contract, SubmittedRequest } from '../ports/CertificateRegistry.js';
import type { CardHolder, PinEntry } from '../ports/EidCard.js';
import type { KeystoreEntry, KeystoreFormat } from '../ports/KeystoreVault.js';
import type { RequestReview } from '../ports/RequestReview.js';
import type { UseCasePorts } from '../ports/UseCasePorts.js';
import type { Identifier } from '../identifiers/Identifier.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { certificateName } from '../distinguished-name/certificateName.js';
import { keptKeystoreError } from './keptKeystoreError.js';
import { duplicateRequestError, findUnfinishedRequest } from './refuseDuplicateRequest.js';
import { trackStep } from './trackStep.js';
import { defaultBaseServicesFor } from './defaultBaseServices.js';
import { checkBaseServices } from './checkBaseServices.js';

/** The ports a certificate request needs (RequestCertificate and RenewCertificate): all but EtkRA. */
export type RequestPorts = Omit<UseCasePorts, 'etkRegistry'>;

/** What every request (new or renewal) takes from the person: steps 11-14 and the environment. */
export interface RequestSettings {
  /** Protects the new keystore (manual step 11). */
  readonly password: string;
  /**
   * BaseServiceUsage values (`tsa`, `consultrn`, `codage`, `other`; DOMAIN.md 2.3). Left out: the
   * ones eHealth makes available to the organisation's type (`defaultBaseServices`); `[]`: none.
   */
  readonly baseServiceUsages?: readonly string[] | undefined;
  readonly environment: 'prd' | 'acc' | 'sim';
  /** Who types the PIN of step 14. */
  readonly pinEntry: PinEntry;
  /** Who approves the contract and overview of steps 12-13. */
  readonly review: RequestReview;
  /**
   * Send the request even though a request for the same certificate is not finished (a new key,
   * and eHealth gets a second request). Without it such a request is refused (REQUEST_UNFINISHED).
   */
  readonly newKey?: boolean;
  /** The new keystore's format (docs/decisions/0016); default the vault's, `modern`. */
  readonly keystoreFormat?: KeystoreFormat;
}

/** A request whose input is already validated and whose holder is read (manual steps 5-11 done). */
export interface PreparedRequest extends RequestSettings {
  readonly holder: CardHolder;
  /** The certificate's actor: the organisation, or the holder for a personal certificate. */
  readonly actor: Actor;
  readonly identifier: Identifier;
  readonly applicationId?: string;
  readonly contactData: ContactData;
  readonly renewal: boolean;
  /** Entries carried into the new keystore, e.g. the old ETK keys on renewal (DOMAIN.md 2.6). */
  readonly keptEntries?: readonly KeystoreEntry[];
}

/** The normal outcome of a request: sent, and validated automatically or waiting for eHealth's support team. */
export interface SubmittedCertificateRequest {
  readonly status: 'submitted';
  /** PublicKeyIdentifier: the "secret key" of manual step 15. */
  readonly reference: string;
  readonly automaticallyValidated: boolean;
  readonly keystorePath: string;
  readonly dn: string;
  readonly certificateName: string;
  /** What the person keeps of step 15 and needs at step 16; the front ends render it (core keeps no prose). */
  readonly receipt: RequestReceipt;
  readonly replacesCertificate?: string;
  /** The eHealth environment the request went to: the next step (`complete`) must use it. */
  readonly environment: 'prd' | 'acc' | 'sim';
  /** The base services sent (the ones given, or the organisation type's default). */
  readonly baseServiceUsages: readonly string[];
  /** eHealth's answer was lost or unreadable; a status check (GetCertificate) found the request there. */
  readonly confirmedByStatusCheck?: boolean;
}

/**
 * The data of manual steps 15-16 (DOMAIN.md 2.4 items 10-11): the "secret key" and what completes
 * the request. Holds no password and no PIN. Each front end renders it in the person's language
 * (the CLI's `.secret-key.txt` and `.step-16.<lang>.txt` files, the API's JSON, the web wizard).
 */
export interface RequestReceipt {
  /** PublicKeyIdentifier: the "secret key" of manual step 15. */
  readonly reference: string;
  readonly environment: 'prd' | 'acc' | 'sim';
  readonly dn: string;
  readonly certificateName: string;
  /** Full path of the keystore holding the request's private key. */
  readonly keystorePath: string;
  /** The keystore's file name alone. */
  readonly keystoreName: string;
  readonly requestedAt: Date;
  readonly automaticallyValidated: boolean;
  readonly renewal: boolean;
  /** Step 16: complete the request with this keystore and its password, in this environment. */
  readonly nextStep: { readonly step: '16'; readonly action: 'complete'; readonly environment: 'prd' | 'acc' | 'sim'; readonly keystoreName: string };
}

/** The eID holder as GenerateContract's `Signer`: SSIN and names exactly as on the card (DOMAIN.md 2.3). */
export function holderActor(holder: CardHolder): Actor {
  return { ids: [{ type: 'SSIN', value: holder.ssin }], firstNames: [holder.givenNames], name: holder.surname };
}

/**
 * Manual steps 12-15 (DOMAIN.md 2.4 items 7-10): contract, approval, key pair, CSR with the
 * contract DN, keystore saved BEFORE GenerateCertificate, GenerateCertificate signed with
 * eID-Sign, pending record, secret key file.
 */
export async function submitCertificateRequest(ports: RequestPorts, request: PreparedRequest): Promise<SubmittedCertificateRequest> {
  const { registry, keys, vault, progress } = ports;
  const name = certificateName(request.identifier, request.applicationId);
  // Issue 13: one request per certificate at a time, checked before anything goes to eHealth.
  if (request.newKey !== true) {
    const unfinished = await findUnfinishedRequest(ports, name, request.environment, request.password);
    if (unfinished) throw duplicateRequestError(name, unfinished);
  }
  // Base services left out: those eHealth makes available to the organisation's type (issue 15, an
  // unsigned read); given ones are checked against that list (issue 13). Both before GenerateContract and the key.
  const baseServiceUsages =
    request.baseServiceUsages === undefined
      ? await trackStep(progress, '10', 'ehealth.GetGenericOrganizationTypes', () => defaultBaseServicesFor(registry, request.identifier.type))
      : await checkBaseServices(ports, request.identifier.type, request.baseServiceUsages);
  const contract: Contract = await trackStep(progress, '12', 'ehealth.GenerateContract', () =>
    registry.generateContract({
      contactData: request.contactData,
      signer: holderActor(request.holder),
      certificateIdentifier: { actor: request.actor, ...(request.applicationId ? { applicationId: request.applicationId } : {}) },
    }),
  );
  const approved = await trackStep(progress, '12', 'review.approveRequest', () =>
    request.review.approveRequest(contract, {
      holderName: `${request.holder.givenNames} ${request.holder.surname}`,
      ssin: request.holder.ssin,
      certificateName: name,
      ...(request.identifier.type === 'SSIN' ? {} : { organisationName: request.actor.name }),
      ...(request.applicationId ? { applicationId: request.applicationId } : {}),
      contactData: request.contactData,
      baseServiceUsages,
      environment: request.environment,
      renewal: request.renewal,
    }),
  );
  if (!approved) throw new EhealthCertError('CANCELLED', 'The request was not approved at the overview (manual step 12); nothing was sent.');

  // DOMAIN.md 2.4 items 8-9: RSA-2048 key, CSR with exactly the contract DN, dummy certificate.
  const keyPair = await trackStep(progress, '13', 'key.generate', () => keys.generateKeyPair());
  const reference = await keys.publicKeyIdentifier(keyPair.publicKey);
  const csr = await trackStep(progress, '13', 'csr.create', () => keys.createCsr(keyPair, contract.dn));
  const placeholder = await keys.createPlaceholderCertificate(keyPair, ports.clock.now());
  // ARCHITECTURE.md: the private key is on disk before the request leaves the machine.
  const keystorePath = await trackStep(progress, '13', 'keystore.save', () =>
    vault.save(
      name,
      {
        entries: [
          { kind: 'key', alias: 'authentication', privateKey: keyPair.privateKey, publicKey: keyPair.publicKey, chain: [placeholder] },
          ...(request.keptEntries ?? []),
        ],
      },
      request.password,
      request.keystoreFormat === undefined ? {} : { format: request.keystoreFormat },
    ),
  );

  // Issue 13: the record is written (state `sending`) BEFORE the request leaves, so that a crash or
  // a lost answer leaves a request that `status` and `complete` find. No record, no request.
  const requestedAt = ports.clock.now();
  await trackStep(progress, '14', 'request.record', () =>
    ports.pending.record({
      reference,
      environment: request.environment,
      certificateName: name,
      dn: contract.dn,
      keystorePath,
      requestedAt,
      automaticallyValidated: false,
      lastStatus: 'sending',
    }),
  ).catch((error: unknown) => {
    throw keptKeystoreError(error, keystorePath, reference, request.environment);
  });

  let submitted: SubmittedRequest;
  let confirmedByStatusCheck = false;
  try {
    submitted = await trackStep(progress, '14', 'ehealth.GenerateCertificate', () =>
      ports.card.withSigner('signature', request.pinEntry, (signer) =>
        registry.generateCertificate(signer, {
          contactData: request.contactData,
          csr,
          contract,
          baseServiceUsages,
        }),
      ),
    );
    if (submitted.publicKeyIdentifier.toLowerCase() !== reference) {
      throw new EhealthCertError(
        'EHEALTH_RESPONSE_INVALID',
        `eHealth answered PublicKeyIdentifier ${submitted.publicKeyIdentifier}, but our key's is ${reference}.`,
        { operation: 'GenerateCertificate' },
      );
    }
  } catch (error) {
    const outcome = await settleFailedSubmission(ports, reference, error).catch((settled: unknown) => {
      throw keptKeystoreError(settled, keystorePath, reference, request.environment);
    });
    if (outcome === undefined) throw keptKeystoreError(error, keystorePath, reference, request.environment);
    submitted = outcome;
    confirmedByStatusCheck = true;
  }
  await ports.pending.update(reference, { lastStatus: 'sent', automaticallyValidated: submitted.automaticallyValidated });

  // The request is at eHealth now: a failure below must still say where the key is.
  return trackStep(progress, '15', 'request.secretKey', async () => {
    // Core keeps no prose: the front ends render and write this receipt (docs/decisions/0014).
    const keystoreName = keystorePath.split(/[\\/]/).pop() ?? keystorePath;
    const receipt: RequestReceipt = {
      reference,
      environment: request.environment,
      dn: contract.dn,
      certificateName: name,
      keystorePath,
      keystoreName,
      requestedAt,
      automaticallyValidated: submitted.automaticallyValidated,
      renewal: request.renewal,
      nextStep: { step: '16', action: 'complete', environment: request.environment, keystoreName },
    };
    return {
      status: 'submitted' as const,
      reference,
      automaticallyValidated: submitted.automaticallyValidated,
      keystorePath,
      dn: contract.dn,
      certificateName: name,
      receipt,
      environment: request.environment,
      baseServiceUsages,
      ...(confirmedByStatusCheck ? { confirmedByStatusCheck } : {}),
      ...(submitted.replacesCertificate ? { replacesCertificate: submitted.replacesCertificate } : {}),
    };
  }).catch((error: unknown) => {
    throw keptKeystoreError(error, keystorePath, reference, request.environment);
  });
}

/** Failures that happen before the signed request leaves the machine (the card signs it first). */
const NOT_SENT_CODES = new Set(['PKCS11_MODULE_NOT_FOUND', 'CARD_ABSENT', 'CARD_AMBIGUOUS', 'CARD_REMOVED', 'CARD_ERROR', 'PIN_INCORRECT', 'PIN_BLOCKED', 'PIN_UNAVAILABLE', 'CANCELLED']);

/**
 * After GenerateCertificate failed: records what is known, and for a lost or unreadable answer asks
 * eHealth (GetCertificate, unsigned, DOMAIN.md 2.3) whether the request arrived (issue 13: never a
 * bare "try again later"). Answers the request as submitted when eHealth has it; otherwise
 * undefined, and the record says `unsent` (never left or unknown at eHealth), `refused`, or stays
 * `sending` (eHealth may have it: `status` and `complete` look again).
 */
async function settleFailedSubmission(ports: RequestPorts, reference: string, error: unknown): Promise<SubmittedRequest | undefined> {
  const code = EhealthCertError.is(error) ? error.code : 'INTERNAL';
  const set = (lastStatus: 'unsent' | 'refused') => ports.pending.update(reference, { lastStatus, lastCheckedAt: ports.clock.now() }).catch(() => undefined);
  if (NOT_SENT_CODES.has(code)) {
    await set('unsent');
    return undefined;
  }
  if (code === 'EHEALTH_REJECTED') {
    await set('refused');
    return undefined;
  }
  if (code !== 'EHEALTH_UNAVAILABLE' && code !== 'EHEALTH_RESPONSE_INVALID') return undefined;
  const details = EhealthCertError.is(error) ? error.details : {};
  // The SOAP adapter may have made the check already (a lost answer): use what it found.
  if (details['maybeReceived'] === false) {
    await set('unsent');
    return undefined;
  }
  if (details['maybeReceived'] === true) return undefined;
  let delivery;
  try {
    delivery = await trackStep(ports.progress, '14', 'ehealth.GetCertificate', () => ports.registry.getCertificate(reference));
  } catch (checkError) {
    if (EhealthCertError.is(checkError, 'EHEALTH_REJECTED')) {
      // eHealth does not know this key: the request did not arrive.
      await set('unsent');
      throw annotated(error, { statusCheck: 'not-received', maybeReceived: false });
    }
    throw annotated(error, { statusCheck: 'failed', maybeReceived: true });
  }
  // Issued at once: only an automatic validation is that fast (DOMAIN.md 2.3 business rules).
  return { publicKeyIdentifier: reference, automaticallyValidated: delivery.status === 'issued' };
}

/** The same error with what the status check found in its details. */
function annotated(error: unknown, extra: Readonly<Record<string, unknown>>): EhealthCertError {
  if (!EhealthCertError.is(error)) return new EhealthCertError('INTERNAL', String(error), extra, { cause: error });
  const said =
    extra['statusCheck'] === 'not-received'
      ? ' A status check found that eHealth did not receive it: it may be requested again.'
      : ' The status check could not reach eHealth either: the request may be there; check it before requesting again.';
  return new EhealthCertError(error.code, `${error.message}${said}`, { ...error.details, ...extra }, { cause: error });
}

/** Only the RequestSettings of a larger input (so that no other input field leaks into a request). */
export function settingsOf(input: RequestSettings): RequestSettings {
  const { password, baseServiceUsages, environment, pinEntry, review, newKey, keystoreFormat } = input;
  return {
    password,
    ...(baseServiceUsages !== undefined ? { baseServiceUsages } : {}),
    environment,
    pinEntry,
    review,
    ...(newKey === true ? { newKey } : {}),
    ...(keystoreFormat === undefined ? {} : { keystoreFormat }),
  };
}
