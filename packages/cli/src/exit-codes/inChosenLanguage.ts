/** Errors the CLI made itself, whose message is already in the person's language. */
const localised = new WeakSet<Error>();

/** Marks an error the CLI wrote in the chosen language: its message is shown as it is. */
export function inChosenLanguage<E extends Error>(error: E): E {
  localised.add(error);
  return error;
}

/** True for an error marked by inChosenLanguage. */
export function isInChosenLanguage(error: unknown): boolean {
  return error instanceof Error && localised.has(error);
}
