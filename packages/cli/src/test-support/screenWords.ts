/**
 * The words of a terminal screen that an operator reading it in French or Dutch would not know:
 * protocol names (GetActorQualities, VALID_ACTIVE, cessationOfOperation, tsa/consultrn), English
 * words, any word the language's dictionary does not have, unless the reviewed allow-list has it.
 * Paths, the commands to type, and the data of the run (names, addresses, numbers) are taken out
 * first: they are what the person gave or must copy, not our words.
 */

/** Why a word is reported. */
export type WordRule = 'soap-operation' | 'camel-case' | 'upper-snake' | 'dotted-name' | 'not-in-dictionary';

export interface ForeignWord {
  readonly word: string;
  readonly rule: WordRule;
  /** The screen line it is on (after the data was taken out). */
  readonly line: string;
}

export interface ScreenWordRules {
  /** Lower-case words of the language. */
  readonly dictionary: { has(word: string): boolean };
  /** Words allowed as they are written (proper names, the manual's own words), case-sensitive. */
  readonly allow: ReadonlySet<string>;
  /** Values of the run (holder and organisation names, e-mail addresses...), taken out as they are. */
  readonly data: readonly string[];
}

/** The SOAP operations and services of eHealth (DOMAIN.md 2.3, 2.5): never on an operator screen. */
const SOAP = /\b(?:Get|Generate|Start|Complete|Activate|Revoke|Submit|Check)[A-Z]\w*|\b(?:CertRA|EtkRA|ETKDepot|ETKRA|tsa\/consultrn)\b/u;
const CAMEL = /^[a-z]+[A-Z]\w*$/u;
const UPPER_SNAKE = /^[A-Z0-9]+(?:_[A-Z0-9]+)+$|^[A-Z]+-[A-Z]+_[A-Z_]+$/u;
const DOTTED = /^[a-z]+\.[a-zA-Z]+$/u;

/** French and Dutch elisions and contractions before an apostrophe (l'ETK, d'eHealth, 's morgens). */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|quelqu|jusqu|lorsqu|puisqu|aujourd)['’]/iu;

/** What is not our words: commands to type, flags, paths, addresses, numbers, the run's data. */
function withoutDataAndCommands(line: string, data: readonly string[]): string {
  if (/^\s*ehealth-cert\s/u.test(line)) return '';
  let text = line;
  for (const value of [...data].sort((a, b) => b.length - a.length)) if (value !== '') text = text.split(value).join(' ');
  return text
    .replace(/["«]\s*[^"»]*\/[^"»]*\s*["»]/gu, ' ') // a quoted path
    .replace(/(?<![\p{L}\p{N}_])(?:~|\.{0,2})\/\S*(?: \d{8}-\d{6}\.\S+)?/gu, ' ') // a path (keystore names have a space before their date)
    .replace(/\bhttps?:\/\/\S+/gu, ' ')
    .replace(/\S+@\S+/gu, ' ')
    .replace(/\behealth-cert(?:\s+[a-z][a-z-]*)?/gu, ' ') // the program and a command named in a sentence
    .replace(/(?<![\p{L}\p{N}_-])--[a-z][a-z0-9-]*/gu, ' ')
    .replace(/\b[0-9a-f]{40}\b/gu, ' ') // a request reference (the secret key)
    .replace(/\+?\d[\d\s.,:/-]*/gu, ' ');
}

/** Checks one word (already without data); returns why it is foreign, if it is. */
function judge(word: string, rules: ScreenWordRules): WordRule | undefined {
  if (rules.allow.has(word)) return undefined;
  if (SOAP.test(word)) return 'soap-operation';
  if (UPPER_SNAKE.test(word)) return 'upper-snake';
  if (DOTTED.test(word)) return 'dotted-name';
  if (CAMEL.test(word)) return 'camel-case';
  const bare = word.replace(ELISION, '');
  if (bare !== word) return bare === '' ? undefined : judge(bare, rules);
  if (bare.length < 2) return undefined;
  const lower = bare.toLowerCase();
  if (rules.dictionary.has(lower) || rules.allow.has(bare) || rules.allow.has(lower)) return undefined;
  // A compound the dictionary lacks as a whole: each part must be a word (plate-forme, sauvegardez-le).
  const parts = bare.split('-').filter((p) => p !== '');
  if (parts.length > 1 && parts.every((p) => judge(p, rules) === undefined)) return undefined;
  return 'not-in-dictionary';
}

/** Every foreign word of `screen`, in order, once per line it is on. */
export function foreignWords(screen: string, rules: ScreenWordRules): ForeignWord[] {
  const found: ForeignWord[] = [];
  for (const raw of screen.split('\n')) {
    const line = withoutDataAndCommands(raw, rules.data);
    // Protocol names with dots or slashes are judged whole before the line is cut into words.
    for (const name of line.match(/\b[a-z]+\.[a-zA-Z]+\b|\btsa\/consultrn\b/gu) ?? []) {
      if (!rules.allow.has(name)) found.push({ word: name, rule: name.includes('/') ? 'soap-operation' : 'dotted-name', line: raw });
    }
    const seen = new Set<string>();
    for (const match of line.replace(/\b[a-z]+\.[a-zA-Z]+\b|\btsa\/consultrn\b/gu, ' ').matchAll(/[\p{L}\p{N}_'’-]+/gu)) {
      const word = match[0].replace(/^[-'’]+|[-'’]+$/gu, '');
      if (word === '' || seen.has(word)) continue;
      seen.add(word);
      const rule = judge(word, rules);
      if (rule !== undefined) found.push({ word, rule, line: raw });
    }
  }
  return found;
}
