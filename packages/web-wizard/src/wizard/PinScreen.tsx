import { useState } from 'preact/hooks';
import { Field, Screen } from './Screen.js';
import type { WizardContext } from './Wizard.js';

/**
 * Steps 7 and 14: the PIN is typed on the reader's PIN pad when it has one (nothing goes through
 * the page), else in a masked field that is emptied as soon as the operation is over, whatever
 * its outcome. Never retried automatically: a wrong PIN is shown and the person types again.
 */
export function PinScreen(props: {
  readonly ctx: WizardContext;
  readonly step: '7' | '14';
  readonly heading: string;
  readonly pinpad: boolean;
  readonly onBack: () => void;
  readonly onPin: (pin: string | undefined) => Promise<void>;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const [pin, setPin] = useState('');
  return (
    <Screen
      t={t}
      id={props.step}
      step={props.step}
      heading={props.heading}
      error={ctx.error}
      busy={ctx.busy}
      progress={ctx.progress}
      action={t.ok}
      onBack={props.onBack}
      onAction={() => {
        const typed = props.pinpad ? undefined : pin;
        setPin('');
        void ctx.run(() => props.onPin(typed));
      }}
    >
      {props.pinpad ? (
        <p>{t.pin.pinpad}</p>
      ) : (
        <Field id={`pin-${props.step}`} label={t.pin.label} type="password" inputMode="numeric" autoComplete="off" value={pin} onInput={setPin} hint={t.pin.hint} required />
      )}
    </Screen>
  );
}
