import type { FakeEid } from '@ehealth-cert/simulator';
import type { InProcessEhealth } from '../scene/InProcessEhealth.js';
import type { ScenarioCard } from '../scene/ScenarioCard.js';

/** What a driver needs from the scenario: its folders, its card and its simulator. */
export interface DriverScene {
  /** `sim`, or `acc` for the live profile. */
  readonly environment: 'sim' | 'acc';
  /** The scenario's temporary folder. */
  readonly dir: string;
  /** Where keystores are written (inside `dir`). */
  readonly keystoreDir: string;
  /** The card in (or pulled out of) the reader, if the scenario has one. */
  readonly card: ScenarioCard | undefined;
  /** The scenario's in-process simulator, if the profile runs in-process. */
  readonly ehealth: InProcessEhealth | undefined;
  /** The base URL of the scenario's `ehealth-sim serve`, if the profile runs the front end as a process. */
  readonly loopbackUrl: string | undefined;
  /** The scenario's tags (`@clavier`: the web driver uses the keyboard only). */
  readonly tags: readonly string[];
}

export type { FakeEid };
