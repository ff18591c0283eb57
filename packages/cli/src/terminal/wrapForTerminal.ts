import { stripVTControlCharacters } from 'node:util';
import wrapAnsi from 'wrap-ansi';
import type { CliOutput } from './CliIo.js';

/**
 * Where a wrapped line's continuation starts: under the value of a table row ("  Label   value"),
 * after a list marker ("1. ", "- ", "✓ ", "✉ "), else under the line's own indentation.
 */
const TABLE_ROW = /^(\s*\S(?:.*?\S)?\s{2,})(?=\S)/u;
const LIST_ITEM = /^(\s*(?:\d+\.|[-•✓✔✖…✉])\s+)(?=\S)/u;

/** A line that is a command to type: `    ehealth-cert complete --env sim --keystore "…"`. */
const COMMAND_LINE = /^\s*ehealth-cert(?:\s|$)/u;

/** Stands for a space the wrapping must not break at; a private-use character, never in our texts. */
const KEEP = '\uE000';
/** A path (keystore file names have a space before their date, DOMAIN.md 3), kept on one line. */
const PATH = /(?<![\p{L}\p{N}_])(?:~|\.{0,2})\/\S*(?: \d{8}-\d{6}\.\S+)?/gu;

/**
 * Spaces that must not become a line break: inside a path or a command named in a sentence, and
 * around French punctuation that takes a space ("demande :", "« Suivant »"): a colon or a
 * guillemet never starts a line.
 */
function protect(text: string): string {
  return text
    .replace(PATH, (path) => path.replaceAll(' ', KEEP))
    .replace(/ (?=[:;?!»])/gu, KEEP)
    .replace(/« /gu, `«${KEEP}`)
    // A command named in a sentence ("(ehealth-cert renew)") stays on one line.
    .replace(/\behealth-cert (?=[a-z])/gu, `ehealth-cert${KEEP}`);
}

const restore = (text: string) => text.replaceAll(KEEP, ' ');

function hangingIndent(line: string): string {
  return TABLE_ROW.exec(line)?.[1] ?? LIST_ITEM.exec(line)?.[1] ?? /^\s*/.exec(line)![0];
}

/** Visible width of a prefix (no colours in indentation). */
const widthOf = (text: string) => [...stripVTControlCharacters(text)].length;

/**
 * `text` (one or more lines) wrapped to `columns` between words (wrap-ansi, colour codes kept),
 * never inside a word: a word longer than the line (a path, a command to copy) is left whole for
 * the terminal to fold. Continuation lines keep the hanging indentation of their line.
 */
export function wrapToWidth(text: string, columns: number): string {
  return text
    .split('\n')
    .map((line) => {
      // A command to copy is never broken: a new line inside it would break it when pasted.
      if (widthOf(line) <= columns || COMMAND_LINE.test(line)) return line;
      const prefix = hangingIndent(line);
      const width = columns - widthOf(prefix);
      // A prefix that leaves fewer than 20 columns for the text is not worth keeping.
      if (width < 20) return restore(wrapAnsi(protect(line), columns, { hard: false, trim: true }));
      const body = protect(line.slice(prefix.length));
      const pad = ' '.repeat(widthOf(prefix));
      return restore(
        wrapAnsi(body, width, { hard: false, trim: true })
          .split('\n')
          .map((part, i) => (i === 0 ? prefix : pad) + part)
          .join('\n'),
      );
    })
    .join('\n');
}

/**
 * Text for `out`: wrapped to its width when it is a terminal that says how wide it is; unchanged
 * otherwise (a pipe or a file keeps each message on one line for scripts and grep).
 */
export function wrapFor(out: CliOutput, text: string): string {
  const columns = out.isTTY === true ? out.columns : undefined;
  return columns !== undefined && columns > 0 ? wrapToWidth(text, columns) : text;
}

/** One line that must stay one line on `out` (a status line rewritten in place): cut with "…" to its width. */
export function fitOneLine(out: CliOutput, text: string): string {
  const columns = out.isTTY === true ? out.columns : undefined;
  if (columns === undefined || columns <= 1 || widthOf(text) < columns) return text;
  // Rewritten with \r: one character short of the width, or the terminal folds it and \r misses the start.
  return `${[...text].slice(0, columns - 2).join('')}…`;
}
