/**
 * An English error message without the references meant for developers ("(see DOMAIN.md 4.2)",
 * ", DOMAIN.md 4.1" inside a parenthesis, "(issue 3)"): the person cannot look them up.
 * The CLI's messages and the API's `detail` go through it (issue 15: no internal document names).
 */
export function withoutInternalReferences(message: string): string {
  const doc = String.raw`(?:DOMAIN|ARCHITECTURE|TOOLCHAIN|STYLE)\.md(?:\s+\d+(?:\.\d+)*)?(?:\s+items?\s+\d+(?:[-–]\d+)?)?`;
  return message
    .replace(new RegExp(String.raw`\s*\((?:see\s+)?${doc}\)|\s*\(issue\s+\d+\)`, 'g'), '')
    .replace(new RegExp(String.raw`[,;]\s*(?:see\s+)?${doc}(?=\))`, 'g'), '')
    .replace(new RegExp(String.raw`\s*(?:see\s+)?${doc}`, 'g'), '');
}
