import { randomUUID } from 'node:crypto';
import type { Clock, Signer, SignerRole } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import type { Element } from '@xmldom/xmldom';
import { DEFAULT_ECDSA_SIGNATURE_METHOD, signEnveloped, type EcdsaSignatureMethod } from '../xml-signature/signEnveloped.js';
import { checkStatusResponse } from './checkStatusResponse.js';
import { NS } from './Namespaces.js';
import { serializeEnvelope, wrapInEnvelope } from './SoapEnvelope.js';
import type { SoapTransport } from './SoapTransport.js';
import { XmlBuilder, type XmlChild } from './XmlBuilder.js';

/** One v2 operation: where it goes, its SOAPAction, its message names (DOMAIN.md 2.3 / 2.5). */
export interface OperationSpec {
  readonly name: string;
  readonly url: string;
  readonly soapAction: string;
  /** Namespace of the request and response elements. */
  readonly ns: string;
  readonly requestName: string;
  readonly responseName: string;
  readonly hasStatus: boolean;
  /** Safe to send twice: retried on transport failures. */
  readonly idempotent: boolean;
  /** The key DOMAIN.md 2.3/2.5 names for this operation; absent for unsigned operations. */
  readonly signedWith?: SignerRole;
}

/** A built request: its Id and the envelope text that goes on the wire. */
export interface BuiltRequest {
  readonly id: string;
  readonly envelope: string;
}

/**
 * Builds commons v2 requests (`Id` = `_` + UUID, `IssueInstant` = now, DOMAIN.md 2.1), signs them
 * when given a Signer, sends them and checks the response's name, InResponseTo and Status.
 */
export class EhealthSoapClient {
  constructor(
    private readonly transport: SoapTransport,
    private readonly clock: Clock,
    /** SignatureMethod of an EC signer (eID applet 1.8); RSA signers always sign rsa-sha256. */
    private readonly ecdsaSignatureMethod: EcdsaSignatureMethod = DEFAULT_ECDSA_SIGNATURE_METHOD,
  ) {}

  /** The request envelope, signed with `signer` when there is one. */
  async build(spec: OperationSpec, body: (b: XmlBuilder) => XmlChild, signer?: Signer): Promise<BuiltRequest> {
    if (spec.signedWith !== signer?.role) {
      // A wrong key is a wiring bug, and eHealth would refuse the request anyway (DOMAIN.md 2.3).
      throw new EhealthCertError(
        'INTERNAL',
        `${spec.name} must be ${spec.signedWith ? `signed with the ${spec.signedWith} key` : 'unsigned'}, not ${signer ? `signed with the ${signer.role} key` : 'unsigned'}`,
        { operation: spec.name, expectedSigner: spec.signedWith ?? null, signer: signer?.role ?? null },
      );
    }
    const builder = new XmlBuilder();
    const id = `_${randomUUID()}`;
    const request = builder.el(spec.ns, spec.requestName, { Id: id, IssueInstant: this.clock.now().toISOString() }, body(builder));
    builder.declare(request, [spec.ns, NS.certraCore, NS.commonsCore]);
    const envelope = wrapInEnvelope(builder, request);
    if (signer !== undefined) await signEnveloped(builder, request, signer, this.ecdsaSignatureMethod);
    return { id, envelope: serializeEnvelope(envelope) };
  }

  /** Builds, sends and checks; returns the response payload element. */
  async invoke(spec: OperationSpec, body: (b: XmlBuilder) => XmlChild, signer?: Signer): Promise<Element> {
    const request = await this.build(spec, body, signer);
    return this.send(spec, request);
  }

  /** Sends an already built request (used to re-send the very same signed read). */
  async send(spec: OperationSpec, request: BuiltRequest): Promise<Element> {
    const payload = await this.transport.call({
      url: spec.url,
      soapAction: spec.soapAction,
      operation: spec.name,
      envelope: request.envelope,
      idempotent: spec.idempotent,
    });
    checkStatusResponse(payload, {
      operation: spec.name,
      responseName: spec.responseName,
      requestId: request.id,
      hasStatus: spec.hasStatus,
    });
    return payload;
  }
}
