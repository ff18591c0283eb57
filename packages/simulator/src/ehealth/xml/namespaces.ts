/** XML namespaces of the eHealth messages (DOMAIN.md 2.1). */
export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  certra: 'urn:be:fgov:ehealth:certra:protocol:v2',
  certraCore: 'urn:be:fgov:ehealth:certra:core:v2',
  etkra: 'urn:be:fgov:ehealth:etkra:protocol:v2',
  commonsCore: 'urn:be:fgov:ehealth:commons:core:v2',
  etee: 'urn:be:fgov:ehealth:etee:commons:core:v2',
  etkdepot: 'urn:be:fgov:ehealth:etkdepot:1_0:protocol',
  commonsCore1: 'urn:be:fgov:ehealth:commons:1_0:core',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Status code of a successful commons v2 response (DOMAIN.md 2.1). */
export const STATUS_SUCCESS = 'urn:be:fgov:ehealth:2.0:status:Success';
/** Status code when the request was refused (SAML-style, as eHealth's other v2 services). */
export const STATUS_REQUESTER = 'urn:be:fgov:ehealth:2.0:status:Requester';
