/**
 * The manual's step numbers (manual/manuel-demande-certificat-ehealth.txt), so that every front end
 * can show "Étape 14" where the old tool did.
 */
export type ManualStep =
  | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8A' | '9A' | '8M' | '9M'
  | '10' | '11' | '12' | '13' | '14' | '15' | '16' | '17' | '18' | '19';

/** One thing a use case is doing, for progress lines and the demo's step-by-step output. */
export interface ProgressEvent {
  readonly step?: ManualStep;
  /** Stable machine name of the activity, e.g. `ehealth.GenerateCertificate`, `key.generate`. */
  readonly activity: string;
  readonly phase: 'start' | 'done';
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Receives progress events; never receives a PIN or a password. */
export interface Progress {
  report(event: ProgressEvent): void;
}

/** A Progress that ignores everything. */
export const silentProgress: Progress = { report: () => undefined };
