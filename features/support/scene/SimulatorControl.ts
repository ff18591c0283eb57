import type { CertificateRecord, Email } from '@ehealth-cert/simulator';

/** An organisation of the authentic sources (CBE / NIHII registers). */
export interface SourceOrganisation {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly attachedTo?: { readonly type: string; readonly value: string };
}

/**
 * The scenario's simulated eHealth platform as the steps drive it: the authentic sources, the
 * support team (manual validation), the clock, the network, and what eHealth recorded and mailed.
 * In-process it is the EhealthSimulator object; for a child process, its admin API.
 */
export interface SimulatorControl {
  addPerson(person: { readonly ssin: string; readonly firstNames: readonly string[]; readonly name: string }): Promise<void>;
  addOrganisation(organisation: SourceOrganisation): Promise<void>;
  addMandate(ssin: string, organisation: { readonly type: string; readonly value: string }): Promise<void>;
  /** The support team approves a manual validation. */
  approve(reference: string): Promise<void>;
  /** The support team refuses a manual validation. */
  refuse(reference: string, reason: string): Promise<void>;
  /** Moves the simulated clock forward and runs what became due (issuance, reminders). */
  advance(ms: number): Promise<void>;
  now(): Promise<Date>;
  /** Issuing delay after validation (simulated time). */
  readonly issuanceDelayMs: number;
  /** Every call fails as if eHealth were down (true), or works again (false). */
  setUnreachable(unreachable: boolean): Promise<void>;
  /** eHealth handles the next call of `operation`, then its answer is lost (connection reset). */
  loseNextAnswer(operation: string): Promise<void>;
  /** Every call of `operation` fails as if eHealth were down, until setUnreachable(false). */
  setOperationUnreachable(operation: string): Promise<void>;
  records(): Promise<readonly CertificateRecord[]>;
  /** The simulator's fake eHealth root CA(s), PEM: what the issued chains end at. */
  rootCertificates(): Promise<string>;
  mails(): Promise<readonly Email[]>;
  /** How many contracts eHealth generated (GenerateContract calls that succeeded). */
  contractCount(): Promise<number>;
  close(): Promise<void>;
}
