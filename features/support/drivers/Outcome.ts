/** What a front end answered: a result, or a stable error code with the message the user sees. */
export type Outcome<T> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly details: Readonly<Record<string, unknown>> };

/** A successful outcome. */
export const success = <T>(result: T): Outcome<T> => ({ ok: true, result });

/** A failed outcome with the front end's code and user-facing message. */
export const failure = <T>(code: string, message: string, details: Readonly<Record<string, unknown>> = {}): Outcome<T> => ({
  ok: false,
  code,
  message,
  details,
});

/** The result of a successful outcome, or an assertion error telling what the front end said. */
export function resultOf<T>(outcome: Outcome<T> | undefined, what: string): T {
  if (outcome === undefined) throw new Error(`${what}: nothing was done yet`);
  if (!outcome.ok) throw new Error(`${what} failed with ${outcome.code}: ${outcome.message}`);
  return outcome.result;
}

/** The failure of an outcome, or an assertion error when it succeeded. */
export function failureOf<T>(outcome: Outcome<T> | undefined, what: string): Extract<Outcome<T>, { ok: false }> {
  if (outcome === undefined) throw new Error(`${what}: nothing was done yet`);
  if (outcome.ok) throw new Error(`${what} succeeded (${JSON.stringify(outcome.result)}) where a failure was expected`);
  return outcome;
}
