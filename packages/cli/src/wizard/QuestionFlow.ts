import type { Translator } from '../i18n/Translator.js';
import type { Choice, Fallback, Prompter } from '../terminal/Prompter.js';

/** The answer that means "the previous question, please": "< Previous question" in a menu, `<` typed. */
export const BACK: unique symbol = Symbol('back');
export type Back = typeof BACK;

/** What a person types, alone, to go back from a typed answer. */
export const BACK_KEY = '<';

/** Thrown by a question answered with BACK: the flow replays up to the question before it. */
export class GoBack extends Error {
  override readonly name = 'GoBack';
  constructor(readonly index: number) {
    super(`back from question ${index}`);
  }
}

/**
 * The wizard's questions in the order they are asked, with a way back to the previous one (issue
 * 15). Going back replays the whole pass from the start with the answers already given, silently,
 * up to the question before; the pass must be deterministic given those answers, so whatever it
 * does between questions (read the card, ask the PIN and eHealth for the organisations) is done
 * once and remembered by the caller: going back never asks the PIN again nor sends anything to
 * eHealth again. Only questions asked through the flow can be revisited; the request's own
 * questions from step 12 on (contract, sending, PIN) are past the point of no return.
 */
export class QuestionFlow {
  private readonly answers: unknown[] = [];
  private position = 0;
  private replayUntil = 0;

  constructor(
    private readonly prompter: Prompter,
    private readonly i18n: Translator,
  ) {}

  /** Runs `pass` until it ends without going back; each "back" replays it to the question before. */
  async run<T>(pass: () => Promise<T>): Promise<T> {
    for (;;) {
      this.position = 0;
      try {
        const result = await pass();
        this.prompter.mute(false);
        return result;
      } catch (error) {
        if (!(error instanceof GoBack)) {
          this.prompter.mute(false);
          throw error;
        }
        this.replayUntil = error.index - 1;
        this.prompter.mute(true);
      }
    }
  }

  /** A menu; "< Previous question" is its last choice when there is a previous question. */
  select<T>(message: string, choices: readonly Choice<T>[], fallback: Fallback, defaultValue?: T): Promise<T> {
    return this.ask(message, async (offerBack, previous: T | undefined) => {
      const back: Choice<T | Back>[] = offerBack ? [{ name: this.i18n.m.flow.backChoice, value: BACK }] : [];
      return this.prompter.select<T | Back>(message, [...choices, ...back], fallback, previous ?? defaultValue);
    });
  }

  /** A typed answer; `<` alone goes back (no valid answer is `<`: it passes no field's rule). */
  input(message: string, fallback: Fallback, options: { default?: string; validate?: (v: string) => true | string } = {}): Promise<string> {
    return this.ask(message, async (offerBack, previous: string | undefined) => {
      const validate = options.validate;
      const value = await this.prompter.input(message, fallback, {
        ...(previous !== undefined || options.default !== undefined ? { default: previous ?? options.default } : {}),
        ...(validate ? { validate: (v: string) => (offerBack && v.trim() === BACK_KEY ? true : validate(v)) } : {}),
      });
      return offerBack && value.trim() === BACK_KEY ? BACK : value;
    });
  }

  /** A masked answer (the keystore password); `<` alone goes back. */
  password(message: string, fallback: Fallback, validate?: (v: string) => true | string): Promise<string> {
    return this.ask(message, async (offerBack) => {
      const value = await this.prompter.password(message, fallback, validate ? (v) => (offerBack && v === BACK_KEY ? true : validate(v)) : undefined);
      return offerBack && value === BACK_KEY ? BACK : value;
    });
  }

  /** Ticks in a list; ticking "< Previous question" goes back. */
  checkbox<T>(message: string, choices: readonly (Choice<T> & { checked?: boolean })[], fallback: Fallback): Promise<T[]> {
    return this.ask(message, async (offerBack) => {
      const back: Choice<T | Back>[] = offerBack ? [{ name: this.i18n.m.flow.backChoice, value: BACK }] : [];
      const ticked = await this.prompter.checkbox<T | Back>(message, [...choices, ...back], fallback);
      return ticked.includes(BACK) ? BACK : (ticked as T[]);
    });
  }

  /**
   * One question: while replaying, the answer given before (nothing asked, nothing written); else
   * asked, and asked again when "back" is the answer to the first question.
   */
  private async ask<T>(label: string, prompt: (offerBack: boolean, previous: T | undefined) => Promise<T | Back>): Promise<T> {
    const index = this.position;
    if (index < this.replayUntil) {
      this.position += 1;
      return this.answers[index] as T;
    }
    if (this.prompter.muted) {
      this.prompter.mute(false);
      this.prompter.say('', this.i18n.t((m) => m.flow.backTo, { question: label }));
    }
    for (;;) {
      const value = await prompt(index > 0, this.answers[index] as T | undefined);
      if (value !== BACK) {
        this.answers[index] = value;
        this.answers.length = index + 1;
        this.replayUntil = 0;
        this.position += 1;
        return value;
      }
      if (index > 0) throw new GoBack(index);
      this.prompter.say(this.i18n.m.flow.noPrevious);
    }
  }
}
