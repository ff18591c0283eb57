import { EhealthCertError } from '@ehealth-cert/core';
import type { Bytes, CertificateRegistry, Clock, EtkRegistry, KeyFactory, KeystoreEnvironment, KeystoreVault, PendingRequests } from '@ehealth-cert/core';
import { SoapCertificateRegistry } from '../certra/SoapCertificateRegistry.js';
import { ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE, checkEndpointBase, endpointsFor } from '../endpoints/EhealthEndpoints.js';
import { SoapEtkRegistry } from '../etkra/SoapEtkRegistry.js';
import { Pkcs12KeystoreVault, type Pkcs12KeystoreVaultOptions } from '../keystore/Pkcs12KeystoreVault.js';
import { KeystoreFolderGuard } from '../keystore/KeystoreFolderGuard.js';
import { nodeKeystoreFileSystem } from '../keystore/KeystoreFileSystem.js';
import { JsonPendingRequests } from '../pending-requests/JsonPendingRequests.js';
import { NodeKeyFactory } from '../pki/NodeKeyFactory.js';
import { trustAnchorsFor } from '../pki/trustAnchors.js';
import { DEFAULT_ECDSA_SIGNATURE_METHOD, type EcdsaSignatureMethod } from '../xml-signature/signEnveloped.js';

/** The variable choosing the XML SignatureMethod of EC eID cards (issue 12 point 1). */
export const ECDSA_SIGNATURE_METHOD_VARIABLE = 'EHEALTH_CERT_ECDSA_SIGNATURE_METHOD';

/** `ecdsa-sha256` (default, the connector's) or `ecdsa-sha384` from the process environment; anything else is refused. */
export function ecdsaSignatureMethodOf(env: Readonly<Record<string, string | undefined>>): EcdsaSignatureMethod {
  const value = (env[ECDSA_SIGNATURE_METHOD_VARIABLE] ?? '').trim().toLowerCase();
  if (value === '') return DEFAULT_ECDSA_SIGNATURE_METHOD;
  if (value === 'ecdsa-sha256' || value === 'ecdsa-sha384') return value;
  throw new EhealthCertError('INVALID_INPUT', `${ECDSA_SIGNATURE_METHOD_VARIABLE} is "${value}"; it must be ecdsa-sha256 (the default) or ecdsa-sha384`, {
    field: ECDSA_SIGNATURE_METHOD_VARIABLE,
    value,
  });
}

/** What the composition roots (CLI, HTTP API) know when they build the eHealth adapters; `undefined` means unset. */
export interface EhealthAdaptersOptions {
  readonly environment: KeystoreEnvironment;
  /** A loopback or in-process simulator's base URL; without it, the environment's published hosts. */
  readonly endpointBase?: string | undefined;
  /** The keystore folder: PKCS#12 files and the pending-requests record beside them (DOMAIN.md 3). */
  readonly keystoreDir: string;
  readonly clock: Clock;
  /** DER roots replacing the environment's built-in ones (the simulator's fake eHealth root). */
  readonly trustAnchors?: readonly Bytes[] | undefined;
  /** Where EHEALTH_CERT_TRUST_ANCHORS is read (default process.env). */
  readonly processEnv?: Readonly<Record<string, string | undefined>> | undefined;
  /** PKCS#12 key derivation iterations of saved keystores (Pkcs12KeystoreVault's default otherwise). */
  readonly iterations?: number | undefined;
  /** `legacy`: the official tool's 3DES/RC2-40/SHA-1 PKCS#12; by default `modern`, PBES2/AES-256 (docs/decisions/0016). */
  readonly keystoreFormat?: Pkcs12KeystoreVaultOptions['format'] | undefined;
  /** SignatureMethod of EC eID cards; default EHEALTH_CERT_ECDSA_SIGNATURE_METHOD, else `ecdsa-sha256`. */
  readonly ecdsaSignatureMethod?: EcdsaSignatureMethod | undefined;
  /** Where a warning about the settings goes (default: a line on stderr). */
  readonly warn?: ((message: string) => void) | undefined;
}

/** The eHealth-side ports the front ends share. */
export interface EhealthAdapters {
  readonly registry: CertificateRegistry;
  readonly etkRegistry: EtkRegistry;
  readonly keys: KeyFactory;
  readonly vault: KeystoreVault;
  readonly pending: PendingRequests;
}

/** The ports a caller may bring instead (tests, features): those are returned as given. */
export type GivenEhealthAdapters = Partial<EhealthAdapters>;

/**
 * Builds the SOAP clients, key factory, keystore vault and pending-requests record the front ends
 * share, so that the CLI and the API choose endpoints and trust anchors by the same rules.
 */
export function createEhealthAdapters(options: EhealthAdaptersOptions, given: GivenEhealthAdapters = {}): EhealthAdapters {
  const { environment, keystoreDir: folder } = options;
  const processEnv = options.processEnv ?? process.env;
  const endpoints = endpointsFor(environment, options.endpointBase);
  // prd with a base that is not https on an eHealth host: refused, or a warning when explicitly allowed.
  const allowed = ['1', 'true', 'yes'].includes((processEnv[ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE] ?? '').toLowerCase());
  const warning = checkEndpointBase(environment, options.endpointBase, allowed);
  if (warning !== undefined) (options.warn ?? ((message: string) => process.stderr.write(`ehealth-cert: warning: ${message}\n`)))(warning);
  const clock = options.clock;
  const ecdsaSignatureMethod = options.ecdsaSignatureMethod ?? ecdsaSignatureMethodOf(processEnv);
  // Where an issued chain must end (KeyFactory.verifyIssuedChain, DOMAIN.md 4.3): the embedded
  // production roots for prd (acc has none), or the simulator's root instead, plus the PEM files
  // of EHEALTH_CERT_TRUST_ANCHORS.
  const anchors = trustAnchorsFor(environment, processEnv);
  // One view of the folder for both: once seen, a folder gone mid-run is an error for either (issue 13).
  const folderGuard = new KeystoreFolderGuard(folder, nodeKeystoreFileSystem);
  return {
    registry: given.registry ?? new SoapCertificateRegistry({ endpoints, clock, ecdsaSignatureMethod }),
    etkRegistry: given.etkRegistry ?? new SoapEtkRegistry({ endpoints, clock }),
    keys: given.keys ?? new NodeKeyFactory(options.trustAnchors === undefined ? anchors : { ...anchors, trustAnchors: options.trustAnchors }),
    // Pkcs12KeystoreVault reads a pending key back with its C=Dummy placeholder as the chain
    // (DOMAIN.md 2.4 item 9), which is how completion recognises a pending request.
    vault:
      given.vault ??
      new Pkcs12KeystoreVault({
        environment,
        folder,
        clock,
        folderGuard,
        ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
        ...(options.keystoreFormat === undefined ? {} : { format: options.keystoreFormat }),
      }),
    pending: given.pending ?? new JsonPendingRequests({ folder, clock, folderGuard }),
  };
}
