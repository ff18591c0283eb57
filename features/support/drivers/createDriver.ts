import type { Driver } from './Driver.js';
import type { DriverScene } from './DriverScene.js';

/** The drivers, one per front end (cucumber.mjs profiles). */
export type DriverName = 'usecases' | 'api' | 'cli' | 'processus' | 'web';

/** Builds the driver of a profile for one scenario; each profile loads only its own front end. */
export async function createDriver(name: DriverName, scene: DriverScene): Promise<Driver> {
  switch (name) {
    case 'usecases':
      return new (await import('./UseCasesDriver.js')).UseCasesDriver(scene);
    case 'api':
      return new (await import('./ApiDriver.js')).ApiDriver(scene);
    case 'cli':
      return new (await import('./CliDriver.js')).CliDriver(scene);
    case 'processus':
      return new (await import('./ProcessDriver.js')).ProcessDriver(scene);
    case 'web':
      return new (await import('./WebDriver.js')).WebDriver(scene);
  }
}
