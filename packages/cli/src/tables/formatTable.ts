/** Label/value lines aligned on the longest label, for overviews and `inspect`. */
export function formatTable(rows: readonly (readonly [string, string | undefined])[], indent = '  '): string[] {
  const shown = rows.filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== '');
  const width = Math.max(0, ...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}
