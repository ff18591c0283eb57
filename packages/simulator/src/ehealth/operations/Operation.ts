import type { SoapRequest } from '../xml/parseSoapRequest.js';
import type { XmlElement } from '../xml/XmlElement.js';
import type { SimulatorContext } from './SimulatorContext.js';

/** The three simulated services and their paths (DOMAIN.md 1.1). */
export type ServicePath = '/CertRa/v2' | '/EtkRa/v2' | '/EtkDepot/v1';

/** One SOAP operation: its request element, SOAPAction, response shape and behaviour. */
export interface Operation {
  /** Request element local name without `Request`, e.g. `GetCertificate`. */
  readonly name: string;
  readonly service: ServicePath;
  readonly ns: string;
  /** SOAPAction as the connector sends it (DOMAIN.md 2.3, 2.5). */
  readonly soapAction?: string;
  /** `status`: commons v2 StatusResponseType; `plain`: ResponseType without Status; `depot`: ETKDepot v1. */
  readonly response: 'status' | 'plain' | 'depot';
  /** Returns the response children after Status; throws EhealthRefusal to refuse. */
  run(ctx: SimulatorContext, request: SoapRequest): Promise<(XmlElement | undefined)[]>;
}
