import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ApiProblem } from '../api/ApiProblem.js';
import type { Job } from '../api/ApiClient.js';
import type { Messages } from '../i18n/fr.js';

/** One screen of the wizard: the manual's step number, a heading that takes the focus, a form. */
export function Screen(props: {
  readonly t: Messages;
  /** The step as the manual numbers it (`7`, `8A`), or none for the screens between steps. */
  readonly step?: string;
  readonly id: string;
  readonly heading: string;
  readonly error?: ApiProblem | undefined;
  readonly busy?: boolean;
  readonly progress?: Job['progress'] | undefined;
  /** The main action's label; the form submits with Enter. */
  readonly action?: string;
  readonly onAction?: () => void;
  readonly onBack?: () => void;
  readonly children?: ComponentChildren;
}) {
  const { t } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // A screen change moves the focus to its heading, so that a keyboard or screen-reader user
  // starts reading the new step at its top (WCAG 2.4.3 focus order).
  useEffect(() => heading.current?.focus(), [props.id]);
  return (
    <main data-screen={props.id} data-step={props.step ?? ''} aria-busy={props.busy === true}>
      {props.step !== undefined && <p class="step">{t.step(props.step)}</p>}
      <h1 tabIndex={-1} ref={heading}>
        {props.heading}
      </h1>
      {props.error !== undefined && <ProblemAlert t={t} problem={props.error} />}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (props.busy !== true) props.onAction?.();
        }}
      >
        {props.children}
        {props.progress !== undefined && props.progress.length > 0 && <Progress t={t} progress={props.progress} />}
        <div class="actions">
          {props.onBack !== undefined && (
            <button type="button" class="secondary" disabled={props.busy} onClick={props.onBack}>
              {t.back}
            </button>
          )}
          {props.action !== undefined && (
            <button type="submit" disabled={props.busy}>
              {props.busy === true ? t.working : props.action}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}

/** The problem the API answered, in the chosen language, with what to do; code and details kept in data attributes. */
function ProblemAlert({ t, problem }: { t: Messages; problem: ApiProblem }) {
  const happened = t.errors.happened[problem.code] ?? t.errors.unknown;
  const triesLeft = problem.details['triesLeft'];
  const rule = problem.code === 'WEAK_PASSWORD' ? t.s11.rule[String(problem.details['rule'])] : problem.code === 'INVALID_CONTACT_DATA' ? contactRule(t, problem) : undefined;
  return (
    <div class="problem" role="alert" data-code={problem.code} data-details={JSON.stringify(problem.details)}>
      <p>
        <strong>{happened}</strong>
        {rule !== undefined ? ` : ${rule}.` : ` — ${problem.detail}`}
      </p>
      {typeof triesLeft === 'number' && <p>{t.errors.triesLeft(triesLeft)}</p>}
      {t.errors.what[problem.code] !== undefined && <p>{t.errors.what[problem.code]}</p>}
    </div>
  );
}

/** What a long operation did so far (the job's progress, with the manual's step numbers). */
function Progress({ t, progress }: { t: Messages; progress: Job['progress'] }) {
  return (
    <section aria-label={t.progress.heading} class="progress" role="status" aria-live="polite">
      <ol>
        {progress.map((item, index) => (
          <li key={index}>
            {item.step !== undefined && <span class="badge">{t.step(item.step)}</span>} {activityLabel(t, item.activity)}
            {item.phase === 'done' ? ` — ${t.progress.done}` : '…'}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A labelled input (WCAG 1.3.1 / 3.3.2): the label names it, the hint describes it. */
export function Field(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly type?: 'text' | 'password' | 'email' | 'tel';
  readonly hint?: string;
  readonly autoComplete?: string;
  readonly inputMode?: 'numeric' | 'email' | 'tel' | 'text';
  readonly required?: boolean;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        // preact 11 types each input type apart; the union is valid HTML for a text-like field.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        required={props.required}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        aria-describedby={props.hint === undefined ? undefined : `${props.id}-hint`}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
      {props.hint !== undefined && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** An activity of the job's progress in the chosen language (`ehealth.GenerateCertificate` -> "eHealth : GenerateCertificate"). */
function activityLabel(t: Messages, activity: string): string {
  if (activity.startsWith('ehealth.')) return t.progress.ehealth(activity.slice('ehealth.'.length));
  return t.progress.activities[activity] ?? activity;
}

/** A contact data rule (core validateContactData) in the chosen language: the field, then the rule. */
function contactRule(t: Messages, problem: ApiProblem): string | undefined {
  const field = (t.s10 as unknown as Record<string, string>)[String(problem.details['field'])];
  const rule = t.s10.rules[String(problem.details['rule'])];
  return field === undefined || rule === undefined ? undefined : `${field} — ${rule}`;
}
