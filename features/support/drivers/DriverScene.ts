import type { FakeEid } from '@ehealth-cert/simulator';
import type { InProcessEhealth } from '../scene/InProcessEhealth.js';
import type { ScenarioCard } from '../scene/ScenarioCard.js';

/** What a driver needs from the scenario: its folders, its card and its simulator. */
export interface DriverScene {
  /** The scenario's temporary folder. */
  readonly dir: string;
  /** Where keystores are written (inside `dir`). */
  readonly keystoreDir: string;
  /** The card in (or pulled out of) the reader, if the scenario has one. */
  readonly card: ScenarioCard | undefined;
  /** The scenario's in-process simulator, if the profile runs in-process. */
  readonly ehealth: InProcessEhealth | undefined;
  /** PBKDF2 / PKCS#12 iterations of test keystores (fast; production uses 100 000). */
  readonly keystoreIterations: number;
}

export type { FakeEid };
