import { invalidContactData } from './invalidContactData.js';

// A pragmatic subset of RFC 5321/5322 "dot-atom" addresses: what a mail server of a Belgian care
// organisation will accept, without quoted local parts or IP-literal domains.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Checks the syntax of an e-mail address and returns it trimmed, with the domain in lower case. */
export function parseEmail(value: string, field: string): string {
  const email = value.trim();
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  const tld = labels[labels.length - 1] ?? '';
  // RFC 5321 4.5.3.1: local part at most 64 octets, whole path at most 254.
  const ok =
    at > 0 &&
    email.length <= 254 &&
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => LABEL.test(l)) &&
    /^[A-Za-z]{2,}$/.test(tld);
  if (!ok) throw invalidContactData(field, value, 'email-syntax', 'e-mail address syntax: expected name@domain.tld');
  return `${local}@${email.slice(at + 1).toLowerCase()}`;
}
