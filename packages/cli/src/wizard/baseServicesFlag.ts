/** `--base-service`: the values given, `none` alone for none, or undefined when not given (the type's default). */
export function baseServicesFlag(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.length === 1 && values[0]?.toLowerCase() === 'none' ? [] : [...values];
}
