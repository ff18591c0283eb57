import { useEffect } from 'preact/hooks';
import { ApiProblem } from '../api/ApiProblem.js';
import { passwordStrength } from '../password/passwordStrength.js';
import { ContractOverview } from './ContractOverview.js';
import { inflight } from './inflight.js';
import { PinScreen } from './PinScreen.js';
import { Field, Screen } from './Screen.js';
import { inLanguage, type CardAnswer, type Identifier, type ListedOrganisation, type OrganisationType, type SubmittedRequest } from './types.js';
import { asProblem, checkContactData, type ScreenId, type WizardContext } from './Wizard.js';

/** What the person gave at steps 4-11; the password stays in memory only until the request is sent. */
export interface RequestState {
  readonly termsAccepted?: boolean;
  /** eHealth's contract for this request was shown and accepted (step 12). */
  readonly contractAccepted?: boolean;
  readonly card?: CardAnswer;
  readonly organisations?: readonly ListedOrganisation[];
  readonly chosen?: string;
  readonly path?: 'A' | 'M';
  readonly types?: readonly OrganisationType[];
  readonly manual?: { readonly type: string; readonly value: string; readonly name: string };
  readonly identifier?: Identifier;
  readonly contact?: Readonly<Record<'emailPrivate' | 'emailGeneral' | 'phonePrivate' | 'phoneGeneral' | 'applicationId', string>>;
  readonly password?: string;
  readonly confirm?: string;
  readonly idempotencyKey?: string;
}

const EMPTY_CONTACT = { emailPrivate: '', emailGeneral: '', phonePrivate: '', phoneGeneral: '', applicationId: '' };

/** Manual steps 2-15 (new request), 8A/9A or 8M/9M, and the two screens that follow step 15. */
export function RequestScreens(props: {
  readonly ctx: WizardContext;
  readonly state: RequestState;
  readonly update: (change: Partial<RequestState>) => void;
  readonly pendingCount: number;
  readonly submitted: SubmittedRequest | undefined;
  readonly onSubmitted: (result: SubmittedRequest) => void;
}) {
  const { ctx, state, update } = props;
  const { t, api, go, language } = ctx;
  const common = { t, id: ctx.screen, error: ctx.error, busy: ctx.busy, progress: ctx.progress };
  const holderName = state.card === undefined ? '' : `${state.card.holder.givenNames} ${state.card.holder.surname}`;
  const organisationName = state.path === 'M' ? (state.manual?.name ?? '') : inLanguage(state.organisations?.find((o) => key(o.identifier) === state.chosen)?.name ?? {}, language);
  const contact = state.contact ?? EMPTY_CONTACT;
  const setContact = (name: keyof typeof EMPTY_CONTACT) => (value: string) => update({ contact: { ...contact, [name]: value } });

  switch (ctx.screen) {
    case '2':
      return (
        <Screen {...common} step="2" heading={t.s2.heading} action={t.next} onAction={() => go('3')}>
          <p>{t.s2.intro}</p>
        </Screen>
      );
    case '3':
      return (
        <Screen {...common} step="3" heading={t.s3.heading} onBack={() => go('2')}>
          <div class="choices">
            <button type="button" onClick={() => go('4')}>{t.s3.request}</button>
            <button type="button" onClick={() => go('16')}>{t.s3.complete}</button>
          </div>
          {props.pendingCount > 0 && <p class="note">{t.s3.pending(props.pendingCount)}</p>}
        </Screen>
      );
    case '4':
      return (
        <Screen {...common} step="4" heading={t.s4.heading} action={t.next} onBack={() => go('3')}
          onAction={() => (state.termsAccepted === true ? go('5') : ctx.showProblem(new ApiProblem('TERMS_NOT_ACCEPTED', t.s4.required)))}>
          <p class="terms">{t.s4.text}</p>
          <div class="check">
            <input id="terms" type="checkbox" checked={state.termsAccepted === true} onChange={(e) => update({ termsAccepted: (e.currentTarget as HTMLInputElement).checked })} />
            <label for="terms">{t.s4.accept}</label>
          </div>
        </Screen>
      );
    case '5':
      return (
        <Screen {...common} step="5" heading={t.s5.heading} action={state.card === undefined ? t.s5.belgian : t.next} onBack={() => go('4')}
          onAction={() =>
            state.card === undefined
              ? void ctx.run(async () => update({ card: await api.get<CardAnswer>('/card') }))
              : go('6')
          }>
          <p>{t.s5.insert}</p>
          {state.card !== undefined && (
            <dl class="summary">
              <dt>{t.s5.holder}</dt>
              <dd data-holder data-given-names={state.card.holder.givenNames} data-surname={state.card.holder.surname}>{holderName}</dd>
              <dt>{t.s5.ssin}</dt>
              <dd data-ssin>{state.card.holder.ssin}</dd>
            </dl>
          )}
        </Screen>
      );
    case '6':
      return (
        <Screen {...common} step="6" heading={t.s6.heading} onBack={() => go('5')}>
          <div class="choices">
            <button type="button" onClick={() => go('7')}>{t.s6.organisation}</button>
          </div>
        </Screen>
      );
    case '7':
      return (
        <PinScreen ctx={ctx} step="7" heading={t.pin.s7} pinpad={state.card?.pin.pinpad === true} onBack={() => go('6')}
          onPin={async (pin) => {
            const answer = await api.post<{ organisations: ListedOrganisation[] }>('/organisations/query', pin === undefined ? {} : { pin });
            update({ organisations: answer.organisations, chosen: answer.organisations[0] === undefined ? undefined : key(answer.organisations[0].identifier) });
            go('8A');
          }} />
      );
    case '8A':
      return (
        <Screen {...common} step="8A" heading={t.s8A.heading} action={state.organisations?.length ? t.next : undefined} onBack={() => go('6')}
          onAction={() => {
            const found = state.organisations?.find((o) => key(o.identifier) === state.chosen);
            if (found !== undefined) {
              update({ path: 'A', identifier: found.identifier });
              go('9A');
            }
          }}>
          {state.organisations?.length ? (
            <div class="field">
              <label for="organisation">{t.s8A.select}</label>
              <select id="organisation" value={state.chosen} onChange={(e) => update({ chosen: (e.currentTarget as HTMLSelectElement).value })}>
                {state.organisations.map((o) => (
                  <option key={key(o.identifier)} value={key(o.identifier)} data-name={inLanguage(o.name, language)}>{`${inLanguage(o.name, language)} (${key(o.identifier)})`}</option>
                ))}
              </select>
            </div>
          ) : (
            <p>{t.s8A.none}</p>
          )}
          <p class="choices">
            <button type="button" class="secondary" onClick={() => go('8M')}>{t.s8A.other}</button>
          </p>
        </Screen>
      );
    case '9A':
      return (
        <Screen {...common} step="9A" heading={t.s9A.heading} action={t.next} onBack={() => go('8A')} onAction={() => go('10')}>
          <p>{t.s9A.text}</p>
        </Screen>
      );
    case '8M':
      return <OrganisationTypes ctx={ctx} state={state} update={update} />;
    case '9M': {
      const manual = state.manual ?? { type: state.types?.[0]?.identifierType ?? '', value: '', name: '' };
      return (
        <Screen {...common} step="9M" heading={t.s9M.heading} action={t.next} onBack={() => go('8A')}
          onAction={() =>
            void ctx.run(async () => {
              const text = `${manual.type}=${manual.value}`;
              const answer = await api.get<{ valid: boolean; identifier?: Identifier; error?: { code: string; message: string; details?: Record<string, unknown> } }>(`/identifiers/${encodeURIComponent(text)}/check`);
              if (!answer.valid || answer.identifier === undefined) throw new ApiProblem(answer.error?.code ?? 'INVALID_IDENTIFIER', answer.error?.message ?? text, answer.error?.details ?? {}, 400);
              if (manual.name.trim() === '') throw new ApiProblem('INVALID_INPUT', t.s9M.name, { field: 'officialName', rule: 'required' }, 400);
              update({ path: 'M', identifier: answer.identifier, manual });
              go('10');
            })
          }>
          <div class="field">
            <label for="org-type">{t.s9M.type}</label>
            <select id="org-type" value={manual.type} onChange={(e) => update({ manual: { ...manual, type: (e.currentTarget as HTMLSelectElement).value } })}>
              {(state.types ?? []).map((type) => (
                <option key={type.identifierType} value={type.identifierType}>{`${inLanguage(type.name, language)} (${type.identifierType})`}</option>
              ))}
            </select>
          </div>
          <Field id="org-identifier" label={t.s9M.identifier} value={manual.value} onInput={(value) => update({ manual: { ...manual, value } })} required />
          <Field id="org-name" label={t.s9M.name} value={manual.name} onInput={(name) => update({ manual: { ...manual, name } })} required />
          <p class="note">{t.s9M.note}</p>
        </Screen>
      );
    }
    case '10':
      return (
        <Screen {...common} step="10" heading={t.s10.heading} action={t.next} onBack={() => go(state.path === 'M' ? '9M' : '9A')}
          onAction={() => {
            try {
              checkContactData(contactBody(contact));
              go('11');
            } catch (caught) {
              ctx.showProblem(asProblem(caught));
            }
          }}>
          <Field id="email-private" label={t.s10.emailPrivate} type="email" autoComplete="email" value={contact.emailPrivate} onInput={setContact('emailPrivate')} required />
          <Field id="email-general" label={t.s10.emailGeneral} type="email" value={contact.emailGeneral} onInput={setContact('emailGeneral')} hint={t.s10.note} required />
          <Field id="phone-private" label={t.s10.phonePrivate} type="tel" autoComplete="tel" value={contact.phonePrivate} onInput={setContact('phonePrivate')} required />
          <Field id="phone-general" label={t.s10.phoneGeneral} type="tel" value={contact.phoneGeneral} onInput={setContact('phoneGeneral')} />
          <Field id="application-id" label={t.s10.applicationId} value={contact.applicationId} onInput={setContact('applicationId')} />
        </Screen>
      );
    case '11': {
      const strength = passwordStrength(state.password ?? '', { identifiers: state.identifier ? [key(state.identifier)] : [], names: [holderName, organisationName] });
      return (
        <Screen {...common} step="11" heading={t.s11.heading} action={t.next} onBack={() => go('10')}
          onAction={() => {
            if (strength.brokenRule !== undefined) return ctx.showProblem(new ApiProblem('WEAK_PASSWORD', t.s11.rules, { field: 'password', rule: strength.brokenRule }, 400));
            if (state.password !== state.confirm) return ctx.showProblem(new ApiProblem('INVALID_INPUT', t.s11.mismatch, { field: 'confirm', rule: 'same-password' }, 400));
            go('12');
          }}>
          <p>{t.s11.intro}</p>
          <Field id="password" label={t.s11.password} type="password" autoComplete="new-password" value={state.password ?? ''} onInput={(password) => update({ password })} hint={t.s11.rules} required />
          <div class="strength" data-level={strength.level}>
            <label for="strength">{t.s11.strength}</label>
            <meter id="strength" min={0} max={3} low={1.5} high={2.5} optimum={3} value={strength.level} />
            <span aria-live="polite">{(state.password ?? '') === '' ? '' : `${t.s11.levels[strength.level]}${strength.brokenRule ? ` : ${t.s11.rule[strength.brokenRule]}` : ''}`}</span>
          </div>
          <Field id="password-confirm" label={t.s11.confirm} type="password" autoComplete="new-password" value={state.confirm ?? ''} onInput={(confirm) => update({ confirm })} required />
        </Screen>
      );
    }
    case '12': {
      const { organisation, applicationId, contactData } = requestBody(state, organisationName, contact, undefined);
      return (
        <ContractOverview ctx={ctx} body={{ organisation, ...(applicationId === undefined ? {} : { applicationId }), contactData }}
          accepted={state.contractAccepted === true} onAccepted={(contractAccepted) => update({ contractAccepted })} onBack={() => go('11')} onNext={() => go('13')}
          rows={[
            [t.s12.organisation, organisationName],
            [t.s12.identifier, `${state.identifier ? key(state.identifier) : ''}${contact.applicationId ? `, ${contact.applicationId}` : ''}`],
            [t.s12.holder, `${holderName} (${state.card?.holder.ssin ?? ''})`],
            [t.s12.contact, [contact.emailPrivate, contact.emailGeneral, contact.phonePrivate, contact.phoneGeneral].filter(Boolean).join(', ')],
            [t.s12.keystore, t.s12.keystoreText],
          ]} />
      );
    }
    case '13':
      return (
        <Screen {...common} step="13" heading={t.s13.heading} action={t.next} onBack={() => go('12')}
          onAction={() => {
            // One key per request meant: a retry after a lost answer returns the same job (no second request to eHealth).
            if (state.idempotencyKey === undefined) update({ idempotencyKey: crypto.randomUUID() });
            go('14');
          }}>
          <p>{t.s13.text}</p>
        </Screen>
      );
    case '14':
      return (
        <PinScreen ctx={ctx} step="14" heading={t.pin.s14} pinpad={state.card?.pin.pinpad === true} onBack={() => go('13')}
          onPin={async (pin) => {
            const idempotencyKey = state.idempotencyKey ?? crypto.randomUUID();
            update({ idempotencyKey });
            try {
              const result = await api.runJob<SubmittedRequest>('/requests', requestBody(state, organisationName, contact, pin), {
                headers: { 'idempotency-key': idempotencyKey },
                onStarted: (jobId) => inflight.set({ jobId, kind: 'request' }),
                onProgress: (job) => ctx.setProgress(job.progress),
              });
              inflight.clear();
              // Sent: the password leaves the page's memory; a new request gets a new key.
              update({ password: undefined, confirm: undefined, idempotencyKey: undefined });
              props.onSubmitted(result);
              go('15');
            } catch (caught) {
              inflight.clear();
              const problem = caught instanceof ApiProblem ? caught : asProblem(caught);
              const back: Partial<Record<string, ScreenId>> = { INVALID_CONTACT_DATA: '10', WEAK_PASSWORD: '11', INVALID_IDENTIFIER: '9M' };
              const where = back[problem.code];
              if (where !== undefined) go(where);
              // The server keeps a finished job under its Idempotency-Key: after an answer (a wrong PIN,
              // a refusal, eHealth down) the next attempt is a new request with a new key. Only when
              // no answer came (NETWORK) is the same key sent again, to find the job if it ran.
              if (problem.code !== 'NETWORK') update({ idempotencyKey: undefined });
              throw problem;
            }
          }} />
      );
    case '15':
      return <SecretKey ctx={ctx} submitted={props.submitted} />;
    case 'sent':
      return (
        <Screen {...common} heading={t.sent.heading} action={t.next} onAction={() => go('wait')}>
          <p>{t.sent.text}</p>
        </Screen>
      );
    case 'wait':
      return (
        <Screen {...common} heading={t.wait.heading} action={t.s3.complete} onAction={() => go('16')}>
          <p>{t.wait.text}</p>
        </Screen>
      );
    default:
      return null;
  }
}

/** Step 8M: asks eHealth for the organisation types (the local table when it is down), then 9M. */
function OrganisationTypes({ ctx, state, update }: { ctx: WizardContext; state: RequestState; update: (change: Partial<RequestState>) => void }) {
  useEffect(() => {
    void ctx.run(async () => {
      const answer = state.types === undefined ? await ctx.api.get<{ types: OrganisationType[] }>('/organisation-types') : { types: state.types };
      update({ types: answer.types, manual: state.manual ?? { type: answer.types[0]?.identifierType ?? '', value: '', name: '' } });
      ctx.go('9M');
    });
  }, []);
  return <Screen t={ctx.t} id="8M" step="8M" heading={ctx.t.s8A.other} busy error={ctx.error} onBack={() => ctx.go('8A')} />;
}

/** Step 15: the secret key (PublicKeyIdentifier) and where the keystore and the key file are. */
function SecretKey({ ctx, submitted }: { ctx: WizardContext; submitted: SubmittedRequest | undefined }) {
  const { t } = ctx;
  return (
    <Screen t={t} id="15" step="15" heading={t.s15.heading} error={ctx.error} action={t.ok} onAction={() => ctx.go('sent')}>
      <p>{t.s15.text}</p>
      <p class="secret">
        <code data-secret-key>{submitted?.reference}</code>
      </p>
      <dl class="summary">
        <dt>{t.s15.keystore}</dt>
        <dd data-keystore>{submitted?.keystore}</dd>
        <dt>{t.s15.file}</dt>
        <dd>{submitted?.secretKeyFile}</dd>
        <dt>DN</dt>
        <dd data-dn>{submitted?.dn}</dd>
      </dl>
      {submitted?.automaticallyValidated === false && <p class="note" data-manual-validation>{t.s15.manual}</p>}
    </Screen>
  );
}

/** The resume screen of a visit after an interrupted operation. */
RequestScreens.Resume = function Resume({ ctx, state, onNext }: { ctx: WizardContext; state: 'running' | 'lost' | undefined; onNext: () => void }) {
  const { t } = ctx;
  return (
    <Screen t={t} id="resume" heading={t.resume.heading} error={ctx.error} busy={ctx.busy} progress={ctx.progress} action={state === 'lost' ? t.next : undefined} onAction={onNext}>
      <p>{state === 'lost' ? t.resume.lost : t.resume.running}</p>
    </Screen>
  );
};

function key(identifier: Identifier): string {
  return `${identifier.type}=${identifier.value}`;
}

function contactBody(contact: Record<string, string>): Record<string, string> {
  const { applicationId: _applicationId, ...rest } = contact;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value.trim() !== ''));
}

/** The body of POST /requests (manual steps 8-14 in one document). */
function requestBody(state: RequestState, organisationName: string, contact: Record<string, string>, pin: string | undefined) {
  const listed = state.organisations?.find((o) => state.identifier !== undefined && key(o.identifier) === key(state.identifier));
  const organisation =
    state.path === 'M'
      ? { kind: 'manual', identifier: state.identifier, officialName: organisationName }
      : { kind: 'listed', identifier: state.identifier, name: listed?.name ?? {} };
  return {
    organisation,
    applicationId: contact['applicationId'] ? contact['applicationId'] : undefined,
    contactData: contactBody(contact),
    password: state.password,
    ...(pin === undefined ? {} : { pin }),
    acceptTerms: state.termsAccepted === true && state.contractAccepted === true,
  };
}
