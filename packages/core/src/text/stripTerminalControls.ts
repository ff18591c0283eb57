/**
 * What a terminal, a log viewer or a browser would interpret rather than show: C0 controls but TAB,
 * LF and CR (ESC starts the sequences that retitle a window or hide text, BEL rings), DEL, the C1
 * controls U+0080-U+009F (U+009B is a one-character CSI) and the Unicode bidirectional controls
 * (marks, embeddings, overrides, isolates) that reorder what a person reads and approves.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` without terminal controls (our own rule, issue 12): applied to every text a server sends
 * before it reaches a terminal, a log or a problem document.
 */
export function stripTerminalControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, '');
}
