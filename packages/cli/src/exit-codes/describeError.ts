import { withoutInternalReferences } from '@ehealth-cert/core';
import type { Translator } from '../i18n/Translator.js';
import { exitCodeFor } from './exitCodeFor.js';
import { longDate } from '../i18n/longDate.js';
import { isInChosenLanguage } from './inChosenLanguage.js';

/** An error as the CLI reports it: the code, the exit status and one line for the person. */
export interface DescribedError {
  readonly code: string;
  readonly exitCode: number;
  readonly line: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

function isCoded(error: unknown): error is CodedError {
  // Duck-typed rather than `instanceof`: the core module may be loaded twice (src and dist).
  return error instanceof Error && (error as { name?: string }).name === 'EhealthCertError' && typeof (error as { code?: unknown }).code === 'string';
}

function coded(error: unknown): CodedError {
  return isCoded(error) ? error : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

const text = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** A date detail (a Date or an ISO string) as the person reads it ("3 septembre 2029"). */
function date(value: unknown, i18n: Translator): string | undefined {
  const parsed = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/u.test(value) ? new Date(value) : undefined;
  return parsed === undefined || Number.isNaN(parsed.getTime()) ? text(value) : longDate(parsed, i18n.language);
}

/** An eHealth operation (`GenerateCertificate`) as its progress line says it ("eHealth : envoi de la demande de certificat"). */
function operationInWords(operation: string | undefined, i18n: Translator): string | undefined {
  const label = operation === undefined ? undefined : (i18n.m.progress as Readonly<Record<string, string>>)[`ehealth.${operation.replace(/^ehealth\./u, '')}`];
  return label;
}

/**
 * The precise part of an error in the chosen language, built from its code and details (field,
 * value, rule, expected/actual, triesLeft, keystore path, eHealth's code...), never from core's
 * English message (that one is for --verbose). English keeps core's message, already precise.
 */
export function errorDetail(error: unknown, i18n: Translator): string {
  const { code, message, details = {} } = coded(error);
  // English keeps core's precise message, except eHealth's errors: theirs name SOAP operations and
  // services ("eHealth refused GetCertificate", "ETKDepot"), said in words from the details instead.
  if ((i18n.language === 'en' && !code.startsWith('EHEALTH_')) || isInChosenLanguage(error)) return code === 'INTERNAL' && i18n.language !== 'en' ? '' : withoutInternalReferences(message).replace(/[\s.]+$/, '');
  const m = i18n.m.errors;
  const parts: string[] = [];
  // The password prompt names its field already; its rule says the rest.
  const field = code === 'WEAK_PASSWORD' ? undefined : (text(details['field']) ?? text(details['flag']));
  const fieldName = field === undefined ? undefined : ((m.fields as Record<string, string>)[field] ?? field);
  const value = text(details['value']);
  if (fieldName !== undefined && value !== undefined) parts.push(i18n.t((x) => x.errors.detail.fieldValue, { field: fieldName, value }));
  else if (fieldName !== undefined) parts.push(fieldName);
  else if (value !== undefined) parts.push(i18n.t((x) => x.errors.detail.value, { value }));
  const rule = text(details['rule']);
  if (rule !== undefined) {
    const rules = (code === 'WEAK_PASSWORD' ? m.passwordRules : m.rules) as Record<string, string>;
    parts.push(rules[rule] ?? i18n.t((x) => x.errors.detail.rule, { rule }));
  }
  // Core writes a few words into expected values (SSIN and NIHII check digits): said in the language.
  const words = Object.entries(m.valueWords as Record<string, string>).sort(([a], [b]) => b.length - a.length);
  const said = (value: string | undefined) => (value === undefined ? undefined : words.reduce((v, [en, local]) => v.split(en).join(local), value));
  const expected = said(text(details['expected']));
  const actual = text(details['actual']);
  if (expected !== undefined && actual !== undefined) parts.push(i18n.t((x) => x.errors.detail.expected, { expected, actual }));
  const triesLeft = text(details['triesLeft']);
  if (triesLeft !== undefined) parts.push(i18n.t((x) => x.wizard.pinTriesLeft, { n: triesLeft }).replace(/[\s.]+$/, ''));
  const path = text(details['keystorePath']) ?? text(details['path']) ?? text(details['file']);
  if (path !== undefined) parts.push(i18n.t((x) => x.errors.detail.file, { path }));
  const folder = text(details['folder']);
  if (folder !== undefined) parts.push(i18n.t((x) => x.errors.detail.folder, { folder }));
  // eHealth's words, not its code nor the SOAP operation (both in the --verbose error line): the
  // operation is said as the step the person saw on the screen.
  const ehealthMessage = text(details['ehealthMessage'])?.trim();
  const operation = operationInWords(text(details['operation']), i18n);
  if (ehealthMessage !== undefined && ehealthMessage !== '') parts.push(i18n.t((x) => x.errors.detail.ehealth, { message: ehealthMessage }));
  else if (operation !== undefined) parts.push(i18n.t((x) => x.errors.detail.operation, { operation }));
  const reference = text(details['reference']);
  if (reference !== undefined) parts.push(i18n.t((x) => x.errors.detail.reference, { reference }));
  if (details['state'] === 'expired' && date(details['notAfter'], i18n) !== undefined) parts.push(i18n.t((x) => x.errors.detail.expiredOn, { date: date(details['notAfter'], i18n) ?? '' }));
  else if (date(details['windowStart'], i18n) !== undefined) parts.push(i18n.t((x) => x.errors.detail.renewalOpens, { date: date(details['windowStart'], i18n) ?? '' }));
  const etkStatus = text(details['etkStatus']);
  if (etkStatus !== undefined) parts.push(i18n.t((x) => x.errors.detail.etkStatus, { status: (i18n.m.etkStatuses as Readonly<Record<string, string>>)[etkStatus] ?? etkStatus }));
  const max = text(details['max']);
  if (max !== undefined) parts.push(i18n.t((x) => x.errors.detail.range, { max }));
  const url = text(details['url']);
  if (url !== undefined) parts.push(i18n.t((x) => x.errors.detail.url, { url }));
  // Issue 13: a request whose outcome is not known, or not finished, names its next commands.
  const completeCommand = text(details['completeCommand']);
  if (completeCommand !== undefined && code === 'REQUEST_UNFINISHED') parts.push(i18n.t((x) => x.errors.detail.complete, { command: completeCommand }));
  const statusCommand = text(details['statusCommand']);
  if (statusCommand !== undefined) parts.push(i18n.t((x) => x.errors.detail.check, { command: statusCommand }));
  return parts.join(', ');
}

/**
 * One line saying what happened and the precise rule (both in the chosen language), then what to
 * do. Anything that is not an EhealthCertError is INTERNAL.
 */
export function describeError(error: unknown, i18n: Translator): DescribedError {
  const { code, message, details = {} } = coded(error);
  const happened = (i18n.m.errors.happened as Record<string, string>)[code] ?? i18n.m.errors.happened.INTERNAL;
  const what = (i18n.m.errors.what as Record<string, string>)[code] ?? i18n.m.errors.what.INTERNAL;
  const detail = errorDetail(error, i18n);
  // Core's English message often starts with what happened ("No eID card found: connect...",
  // "eHealth refused GetCertificate: ..."): then it is the whole first part, said once.
  const saysItAlready = detail.toLowerCase().startsWith(happened.toLowerCase());
  return {
    code,
    exitCode: exitCodeFor(code),
    line:
      detail === ''
        ? i18n.t((x) => x.errors.lineShort, { happened, what })
        : saysItAlready
          ? i18n.t((x) => x.errors.lineShort, { happened: detail, what })
          : i18n.t((x) => x.errors.lineFormat, { happened, detail, what }),
    message,
    details,
  };
}
