import type { Translator } from '../i18n/Translator.js';

/** What commander says when the command line is wrong (its `CommanderError`). */
export interface ParseError {
  readonly code: string;
  readonly message: string;
}

/** Option names that would carry a PIN or a password: their value must never be echoed. */
const PIN_LIKE = /pin|puk/i;
const PASSWORD_LIKE = /pass(word|phrase)?|secret|pwd/i;

/**
 * The option as the person typed it, without its value: `--pin=1234` is `--pin`, `-p1234` is `-p`.
 * A value glued to an unknown option may be a secret (issue 7: never echoed).
 */
export function optionName(flag: string): string {
  if (flag.startsWith('--')) return flag.split('=')[0]!;
  return flag.startsWith('-') ? flag.slice(0, 2) : flag;
}

const quoted = (message: string, pattern: RegExp): string | undefined => pattern.exec(message)?.[1];

/**
 * One line in the chosen language for a command line commander refused (unknown option, missing
 * required option or argument, a value outside the choices...), built from commander's error code
 * and the names in its message. An unknown option is named without its value, and one named like
 * a PIN or a password says where that secret comes from instead.
 */
export function describeParseError(error: ParseError, i18n: Translator, command: string): string {
  const { message } = error;
  const values = { command };
  switch (error.code) {
    case 'commander.unknownOption': {
      const option = optionName(quoted(message, /unknown option '([^']*)'/) ?? '');
      if (PIN_LIKE.test(option)) return i18n.t((m) => m.errors.parse.secretPin, { ...values, option });
      if (PASSWORD_LIKE.test(option)) return i18n.t((m) => m.errors.parse.secretPassword, { ...values, option });
      const suggestion = quoted(message, /\(Did you mean (--[\w-]+)\?\)/);
      return suggestion === undefined
        ? i18n.t((m) => m.errors.parse.unknownOption, { ...values, option })
        : i18n.t((m) => m.errors.parse.didYouMean, { ...values, option, suggestion });
    }
    case 'commander.missingMandatoryOptionValue':
      return i18n.t((m) => m.errors.parse.missingOption, { ...values, option: quoted(message, /option '([^']*)'/) ?? '' });
    case 'commander.optionMissingArgument':
      return i18n.t((m) => m.errors.parse.optionValue, { ...values, option: quoted(message, /option '([^']*)'/) ?? '' });
    case 'commander.invalidArgument': {
      const option = quoted(message, /option '([^']*)'/) ?? quoted(message, /argument '([^']*)'/) ?? '';
      const value = quoted(message, /argument '([^']*)' is invalid/) ?? '';
      const choices = quoted(message, /Allowed choices are (.*)\.$/) ?? '';
      return i18n.t((m) => m.errors.parse.invalidChoice, { option, value, choices });
    }
    case 'commander.missingArgument':
      return i18n.t((m) => m.errors.parse.missingArgument, { ...values, argument: quoted(message, /argument '([^']*)'/) ?? '' });
    case 'commander.excessArguments':
      return i18n.t((m) => m.errors.parse.excessArguments, values);
    case 'commander.unknownCommand':
      return i18n.t((m) => m.errors.unknownCommand, { command: quoted(message, /unknown command '([^']*)'/) ?? '' });
    default:
      return i18n.t((m) => m.errors.parse.other, values);
  }
}
