import type { Translator } from '../i18n/Translator.js';
import { exitCodeFor } from './exitCodeFor.js';

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

/**
 * One line saying what happened (in the chosen language, with the precise rule from the error)
 * and what to do. Anything that is not an EhealthCertError is INTERNAL.
 */
export function describeError(error: unknown, i18n: Translator): DescribedError {
  const coded: CodedError = isCoded(error)
    ? error
    : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
  const happened = (i18n.m.errors.happened as Record<string, string>)[coded.code] ?? i18n.m.errors.happened.INTERNAL;
  const what = (i18n.m.errors.what as Record<string, string>)[coded.code] ?? i18n.m.errors.what.INTERNAL;
  const detail = coded.message.replace(/[\s.]+$/, '');
  const triesLeft = coded.details?.triesLeft;
  const tries = typeof triesLeft === 'number' && i18n.language !== 'en' ? ` ${i18n.t((m) => m.wizard.pinTriesLeft, { n: triesLeft })}` : '';
  return {
    code: coded.code,
    exitCode: exitCodeFor(coded.code),
    line: `${happened}: ${detail}.${tries} ${what}`,
    message: coded.message,
    details: coded.details ?? {},
  };
}
