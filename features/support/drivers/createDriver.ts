import type { Driver } from './Driver.js';
import { UseCasesDriver } from './UseCasesDriver.js';
import type { DriverScene } from './DriverScene.js';

/** The drivers, one per front end (cucumber.mjs profiles). */
export type DriverName = 'usecases' | 'api' | 'cli' | 'processus';

/** Builds the driver of a profile for one scenario. */
export function createDriver(name: DriverName, scene: DriverScene): Driver {
  switch (name) {
    case 'usecases':
      return new UseCasesDriver(scene);
    default:
      throw new Error(`driver "${name}" is not available yet`);
  }
}
