/**
 * An identifier as eHealth spells it (commons core `IdType`: a value with a `Type` attribute,
 * DOMAIN.md 2.1 and 4.2), already normalised (digits only).
 */
export interface Identifier {
  /** `SSIN`, `CBE`, `NIHII-AMBU_SERVICE`, ... (DOMAIN.md 4.2). */
  readonly type: string;
  readonly value: string;
}

/** `TYPE=VALUE`, the form used in DNs, file names and on the command line. */
export function formatIdentifier(id: Identifier): string {
  return `${id.type}=${id.value}`;
}
