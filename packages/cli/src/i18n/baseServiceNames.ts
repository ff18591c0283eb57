import type { Translator } from './Translator.js';

/**
 * A base service in the person's words (DOMAIN.md 2.3: `tsa`, `consultrn`, `codage`, `other`, the
 * connector's UsageType); one eHealth adds later is shown as eHealth names it.
 */
export function baseServiceName(i18n: Translator, code: string): string {
  const names = i18n.m.flow.baseServiceNames as Readonly<Record<string, string>>;
  return names[code] ?? code;
}

/** A list of base services in words, or "none". */
export function baseServiceList(i18n: Translator, codes: readonly string[]): string {
  return codes.length === 0 ? i18n.m.flow.noneChosen : codes.map((code) => baseServiceName(i18n, code)).join(', ');
}
