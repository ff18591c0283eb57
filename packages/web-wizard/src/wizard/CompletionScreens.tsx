import { useEffect, useState } from 'preact/hooks';
import { inflight } from './inflight.js';
import { Field, Screen } from './Screen.js';
import type { CompletionOutcome, RecordedRequest } from './types.js';
import type { WizardContext } from './Wizard.js';

/** How long "wait here" keeps asking eHealth, and how often (the API's `wait` and `pollInterval`). */
const WAIT_SECONDS = 600;
const POLL_SECONDS = 15;

/**
 * Manual steps 16-19: choose the request recorded on this machine, open its keystore with the
 * password of step 11, install the certificate and register the ETK; "pending" when eHealth has
 * not made the certificate yet, with the choice to wait here.
 */
export function CompletionScreens(props: {
  readonly ctx: WizardContext;
  readonly pending: readonly RecordedRequest[];
  readonly completion: CompletionOutcome | undefined;
  readonly onCompleted: (outcome: CompletionOutcome) => void;
  readonly reloadPending: () => Promise<readonly RecordedRequest[]>;
  readonly onRestart: () => void;
}) {
  const { ctx } = props;
  const { t, api, go } = ctx;
  const [reference, setReference] = useState<string | undefined>(props.pending[0]?.reference);
  // The keystore password lives in this component's memory from step 17 to the end of step 18 (or
  // the wait), then is forgotten; it is never stored.
  const [password, setPassword] = useState('');
  const chosen = props.pending.find((r) => r.reference === reference) ?? props.pending[0];
  const common = { t, id: ctx.screen, error: ctx.error, busy: ctx.busy, progress: ctx.progress };

  useEffect(() => {
    if (ctx.screen === '16') void ctx.run(async () => void (await props.reloadPending()));
  }, [ctx.screen === '16']);

  const complete = (wait: number) =>
    ctx.run(async () => {
      if (chosen === undefined) return;
      const outcome = await api.runJob<CompletionOutcome>(`/requests/${chosen.reference}/completion`, wait === 0 ? { password } : { password, wait, pollInterval: POLL_SECONDS }, {
        onStarted: (jobId) => inflight.set({ jobId, kind: 'completion' }),
        onProgress: (job) => ctx.setProgress(job.progress),
      }).finally(() => inflight.clear());
      props.onCompleted(outcome);
      if (outcome.status === 'completed') setPassword('');
      go(outcome.status === 'completed' ? '19' : 'pending');
    });

  switch (ctx.screen) {
    case '16':
      return (
        <Screen {...common} step="16" heading={t.s16.heading} action={chosen === undefined ? undefined : t.next} onBack={() => go('3')} onAction={() => go('17')}>
          {props.pending.length === 0 ? (
            <p>{t.s16.none}</p>
          ) : (
            <fieldset>
              <legend>{t.s16.select}</legend>
              {props.pending.map((request) => (
                <div class="check" key={request.reference}>
                  <input type="radio" name="request" id={`request-${request.reference}`} value={request.reference} data-keystore={request.keystore}
                    checked={chosen?.reference === request.reference} onChange={() => setReference(request.reference)} />
                  <label for={`request-${request.reference}`}>
                    {`${request.certificateName} — ${request.keystore} — ${t.s16.requestedAt} ${new Date(request.requestedAt).toLocaleString(ctx.language)}`}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
        </Screen>
      );
    case '17':
      return (
        <Screen {...common} step="17" heading={t.s17.heading} action={t.s17.open} onBack={() => go('16')}
          onAction={() =>
            void ctx.run(async () => {
              // Opening the keystore checks the password before anything is asked of eHealth.
              await api.post(`/keystores/${encodeURIComponent(chosen?.keystore ?? '')}/inspection`, { password });
              go('18');
            })
          }>
          <p>{chosen?.keystore}</p>
          <Field id="keystore-password" label={t.s17.password} type="password" autoComplete="current-password" value={password} onInput={setPassword} required />
        </Screen>
      );
    case '18':
      return (
        <Screen {...common} step="18" heading={t.s18.heading} action={t.s18.install} onBack={() => go('17')} onAction={() => void complete(0)}>
          <p>{chosen?.certificateName}</p>
        </Screen>
      );
    case 'pending':
      return (
        <Screen {...common} heading={t.pending.heading} action={t.pending.wait} onBack={() => { setPassword(''); go('3'); }} onAction={() => void complete(WAIT_SECONDS)}>
          <p data-pending>{t.pending.text}</p>
          {/* eHealth gives no delivery date: the usual delay, labelled as such (not a promise). */}
          <p class="note" data-usual-delay>{t.pending.usualDelay}</p>
        </Screen>
      );
    case '19':
      return (
        <Screen {...common} step="19" heading={t.s19.heading} action={t.ok} onAction={props.onRestart}>
          <p data-installed>{t.s19.text}</p>
          <dl class="summary">
            <dt>{t.s19.keystore}</dt>
            <dd data-keystore>{props.completion?.keystore}</dd>
            {props.completion?.notAfter !== undefined && (
              <>
                <dt>{t.s19.validUntil}</dt>
                <dd>{new Date(props.completion.notAfter).toLocaleDateString(ctx.language)}</dd>
              </>
            )}
          </dl>
          {props.completion?.toBeActivated === true && <p class="note" data-etk-to-be-activated>{t.s19.etk}</p>}
          {(props.completion?.warnings ?? []).map((warning) => (
            <p class="note" key={warning.code} data-warning={warning.code}>
              {warning.message}
            </p>
          ))}
        </Screen>
      );
    default:
      return null;
  }
}
