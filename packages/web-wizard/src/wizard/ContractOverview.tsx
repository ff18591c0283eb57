import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../api/ApiProblem.js';
import { Screen } from './Screen.js';
import { inLanguage, type LocalizedText } from './types.js';
import type { WizardContext } from './Wizard.js';

/** The answer of POST /contracts: eHealth's terms and the DN the certificate will carry. */
interface RequestContract {
  readonly dn: string;
  readonly certificateName: string;
  readonly text: LocalizedText;
}

/**
 * Step 12: the overview of the request and eHealth's contract for it (GenerateContract through
 * POST /contracts: nothing is created or sent), which the person accepts before step 13 sends.
 * The contract is shown as text (paragraphs and list items), never as HTML.
 */
export function ContractOverview(props: {
  readonly ctx: WizardContext;
  /** organisation, applicationId and contactData, as POST /requests will send them. */
  readonly body: Record<string, unknown>;
  readonly rows: readonly (readonly [string, string])[];
  readonly accepted: boolean;
  readonly onAccepted: (accepted: boolean) => void;
  readonly onBack: () => void;
  readonly onNext: () => void;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const [contract, setContract] = useState<RequestContract | undefined>();
  useEffect(() => {
    void ctx.run(async () => setContract(await ctx.api.post<RequestContract>('/contracts', props.body)));
  }, [JSON.stringify(props.body)]);
  const text = contract === undefined ? '' : inLanguage(contract.text, ctx.language);
  return (
    <Screen t={t} id="12" step="12" heading={t.s12.heading} error={ctx.error} busy={ctx.busy} action={t.next} onBack={props.onBack}
      onAction={() => (props.accepted ? props.onNext() : ctx.showProblem(new ApiProblem('TERMS_NOT_ACCEPTED', t.s12.acceptRequired)))}>
      <dl class="summary" data-overview>
        {props.rows.map(([term, value]) => (
          <>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </>
        ))}
        {contract !== undefined && (
          <>
            <dt>DN</dt>
            <dd data-dn>{contract.dn}</dd>
          </>
        )}
      </dl>
      {contract !== undefined && (
        <>
          <h2 id="contract-heading">{t.s12.contract}</h2>
          {/* Focusable so that the keyboard can scroll a long contract. */}
          <section class="contract" tabIndex={0} aria-labelledby="contract-heading" data-contract>
            <ContractText text={text} />
          </section>
          <div class="check">
            <input id="contract-accept" type="checkbox" checked={props.accepted} onChange={(e) => props.onAccepted((e.currentTarget as HTMLInputElement).checked)} />
            <label for="contract-accept">{t.s12.accept}</label>
          </div>
        </>
      )}
    </Screen>
  );
}

/** Plain-text terms: paragraphs separated by a blank line, list items starting with "- ". */
function ContractText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((block, index) => {
        const lines = block.split('\n').filter((line) => line.trim() !== '');
        return lines.every((line) => line.startsWith('- ')) ? (
          <ul key={index}>{lines.map((line, i) => <li key={i}>{line.slice(2)}</li>)}</ul>
        ) : (
          <p key={index}>{lines.join(' ')}</p>
        );
      })}
    </>
  );
}
