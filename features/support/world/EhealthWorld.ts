import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { World, type IWorldOptions } from '@cucumber/cucumber';
import type { Driver } from '../drivers/Driver.js';
import type { Outcome } from '../drivers/Outcome.js';
import { createDriver, type DriverName } from '../drivers/createDriver.js';

/** The profile's choice of front end (cucumber.mjs `worldParameters`). */
export interface WorldParameters {
  readonly driver: DriverName;
}

/**
 * One scenario's world (STYLE.md "Features"): its own temporary folder, and (as the steps ask)
 * its own fake card and simulator, all removed afterwards; nothing is shared between scenarios.
 */
export class EhealthWorld extends World<WorldParameters> {
  /** The scenario's temporary folder (removed after the scenario). */
  dir = '';
  /** The front end under test, created on first use. */
  private current: Driver | undefined;
  /** The last thing the front end answered. */
  last: Outcome<unknown> | undefined;

  constructor(options: IWorldOptions<WorldParameters>) {
    super(options);
  }

  /** Creates the temporary folder (Before hook). */
  async open(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'ehealth-features-'));
  }

  /** The driver of the profile, built on first use so that the Background has set the scene. */
  get driver(): Driver {
    this.current ??= createDriver(this.parameters.driver, this);
    return this.current;
  }

  /** Stops the driver and removes the scenario's folder (After hook). */
  async close(): Promise<void> {
    await this.current?.close();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
