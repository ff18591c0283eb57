/** XML namespaces of the eHealth v2 messages (DOMAIN.md 2.1) with the prefixes this client writes. */
export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  certraProtocol: 'urn:be:fgov:ehealth:certra:protocol:v2',
  certraCore: 'urn:be:fgov:ehealth:certra:core:v2',
  etkraProtocol: 'urn:be:fgov:ehealth:etkra:protocol:v2',
  commonsCore: 'urn:be:fgov:ehealth:commons:core:v2',
  commonsProtocol: 'urn:be:fgov:ehealth:commons:protocol:v2',
  etee: 'urn:be:fgov:ehealth:etee:commons:core:v2',
  etkDepot: 'urn:be:fgov:ehealth:etkdepot:1_0:protocol',
  commonsCoreV1: 'urn:be:fgov:ehealth:commons:1_0:core',
} as const;

/** The prefix written for each namespace (any prefix is valid; fixed ones make messages readable). */
export const PREFIX: Readonly<Record<string, string>> = {
  [NS.soap]: 'soapenv',
  [NS.ds]: 'ds',
  [NS.certraProtocol]: 'cert',
  [NS.certraCore]: 'certcore',
  [NS.etkraProtocol]: 'etkra',
  [NS.commonsCore]: 'commons',
  [NS.etee]: 'etee',
  [NS.etkDepot]: 'etkdepot',
};

/** Status value of a successful commons v2 response (DOMAIN.md 2.1). */
export const SUCCESS_STATUS = 'urn:be:fgov:ehealth:2.0:status:Success';
