const pad = (value: number): string => String(value).padStart(2, '0');

/** `yyyyMMdd-HHmmss` in local time, the stamp of keystore names (DOMAIN.md 3), for `.old-` and `.corrupt-` copies. */
export function fileTimestamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}
