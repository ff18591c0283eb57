import { EhealthCertError, validateContactData } from '@ehealth-cert/core';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, Job } from '../api/ApiClient.js';
import { ApiProblem } from '../api/ApiProblem.js';
import type { Language } from '../i18n/language.js';
import type { Messages } from '../i18n/fr.js';
import { CompletionScreens } from './CompletionScreens.js';
import { inflight } from './inflight.js';
import { RequestScreens, type RequestState } from './RequestScreens.js';
import type { CompletionOutcome, RecordedRequest, SubmittedRequest } from './types.js';

/** Where the wizard is: a screen of the manual (`7`, `8A`, `16`) or one between steps. */
export type ScreenId =
  | '2' | '3' | '4' | '5' | '6' | '7' | '8A' | '9A' | '8M' | '9M' | '10' | '11' | '12' | '13' | '14' | '15'
  | 'sent' | 'wait' | '16' | '17' | '18' | 'pending' | '19' | 'resume';

/** What every screen gets: texts, the API, navigation and the shared busy/error/progress state. */
export interface WizardContext {
  readonly t: Messages;
  readonly language: Language;
  readonly api: ApiClient;
  readonly screen: ScreenId;
  readonly go: (screen: ScreenId) => void;
  readonly error: ApiProblem | undefined;
  readonly busy: boolean;
  readonly progress: Job['progress'] | undefined;
  /** Runs an API call with the busy state; a problem is shown on the current screen. */
  readonly run: (work: () => Promise<void>) => Promise<void>;
  readonly setProgress: (progress: Job['progress'] | undefined) => void;
  readonly showProblem: (problem: ApiProblem) => void;
}

/** The manual's screens, one after the other (manual steps 2-19, 8A/9A and 8M/9M). */
export function Wizard({ t, language, api, onUnauthorized }: { t: Messages; language: Language; api: ApiClient; onUnauthorized: () => void }) {
  const [screen, setScreen] = useState<ScreenId>('2');
  const [error, setError] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Job['progress'] | undefined>();
  const [pending, setPending] = useState<readonly RecordedRequest[]>([]);
  const [request, setRequest] = useState<RequestState>({});
  const [submitted, setSubmitted] = useState<SubmittedRequest | undefined>();
  const [completion, setCompletion] = useState<CompletionOutcome | undefined>();
  const [resumed, setResumed] = useState<'running' | 'lost' | undefined>();

  const go = (next: ScreenId) => {
    setError(undefined);
    setProgress(undefined);
    setScreen(next);
  };
  const showProblem = (problem: ApiProblem) => setError(problem);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      const problem = caught instanceof ApiProblem ? caught : asProblem(caught);
      // A refused token is forgotten: reloading the page then asks for one (or a new ticket).
      if (problem.code === 'UNAUTHORIZED') onUnauthorized();
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const context: WizardContext = { t, language, api, screen, go, error, busy, progress, run, setProgress, showProblem };

  const loadPending = async () => {
    const answer = await api.get<{ requests: RecordedRequest[] }>('/requests?status=pending');
    setPending(answer.requests);
    return answer.requests;
  };

  // First visit of this page: the requests waiting on this machine, and an operation that a
  // closed page left running (resumed: its progress, then its outcome).
  useEffect(() => {
    void run(async () => {
      await loadPending();
      const started = inflight.get();
      if (started === undefined) return;
      let job: Job;
      try {
        job = await api.get<Job>(`/jobs/${started.jobId}`);
      } catch (caught) {
        if (caught instanceof ApiProblem && caught.code === 'JOB_NOT_FOUND') {
          inflight.clear();
          setResumed('lost');
          setScreen('resume');
          return;
        }
        throw caught;
      }
      setResumed('running');
      setScreen('resume');
      try {
        const result = await api.follow(job, (current) => setProgress(current.progress));
        if (started.kind === 'request') {
          setSubmitted(result as SubmittedRequest);
          setScreen('15');
        } else {
          setCompletion(result as CompletionOutcome);
          setScreen((result as CompletionOutcome).status === 'completed' ? '19' : 'pending');
        }
      } finally {
        inflight.clear();
        await loadPending();
      }
    });
  }, []);

  if (screen === 'resume') {
    return (
      <RequestScreens.Resume ctx={context} state={resumed} onNext={() => go('16')} />
    );
  }
  if (['16', '17', '18', 'pending', '19'].includes(screen)) {
    return (
      <CompletionScreens
        ctx={context}
        pending={pending}
        completion={completion}
        onCompleted={(outcome) => setCompletion(outcome)}
        reloadPending={loadPending}
        onRestart={() => {
          setRequest({});
          setSubmitted(undefined);
          setCompletion(undefined);
          void run(async () => void (await loadPending()));
          go('3');
        }}
      />
    );
  }
  return (
    <RequestScreens
      ctx={context}
      state={request}
      update={(change) => setRequest((current) => ({ ...current, ...change }))}
      pendingCount={pending.length}
      submitted={submitted}
      onSubmitted={(result) => {
        setSubmitted(result);
        void loadPending();
      }}
    />
  );
}

/** Core rule errors checked in the page (contact data, password) shown like the API's problems. */
export function asProblem(caught: unknown): ApiProblem {
  if (EhealthCertError.is(caught)) return new ApiProblem(caught.code, caught.message, caught.details, 400);
  return new ApiProblem('INTERNAL', caught instanceof Error ? caught.message : String(caught));
}

/** Step 10's rules, in the page before anything is sent (core validateContactData). */
export function checkContactData(contact: Record<string, string>): void {
  validateContactData(contact);
}
