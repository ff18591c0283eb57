import { formatName } from '../pki/DistinguishedName.js';
import { Asn1ShapeError, childrenOf, derOf, explicitOf, parseAsn1 } from './Asn1.js';

/**
 * Issuer and subject Names of an X.509 certificate (RFC 5280 4.1), for chain building, and the
 * subject's RFC 2253 text: the alias of chain certificates (DOMAIN.md 2.4 item 11).
 */
export function certificateNames(certificate: Uint8Array): { issuer: Buffer; subject: Buffer; subjectText: string } {
  const [tbs] = childrenOf(parseAsn1(certificate, 'Certificate'), 'Certificate', 3);
  const fields = childrenOf(tbs, 'TBSCertificate', 6);
  // Skip the optional [0] version.
  const offset = fields[0]!.idBlock.tagClass === 3 ? 1 : 0;
  if (offset === 1) explicitOf(fields[0], 0, 'version');
  const issuer = fields[offset + 2]!;
  const subject = fields[offset + 4]!;
  // A malformed Name in a keystore file is a corrupt keystore (Asn1ShapeError), not bad user input.
  const subjectText = formatName(subject, (rule) => new Asn1ShapeError(`subject Name: ${rule}`));
  return { issuer: derOf(issuer), subject: derOf(subject), subjectText };
}
