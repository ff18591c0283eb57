import { createUseCases, silentProgress, type UseCases } from '@ehealth-cert/core';
import { createPorts, type PortOverrides, type SimulatedWorld } from '@ehealth-cert/composition';
import type { CliSettings } from '../settings/CliSettings.js';

/** The use cases of one command run and what env `sim` started for it. */
export interface CliComposition {
  readonly useCases: UseCases;
  readonly settings: CliSettings;
  /** Present in env `sim`: the simulated eHealth (and the temporary fake card, if one was made). */
  readonly simulated?: SimulatedWorld;
  /** Stops what the composition started (msw, the in-process simulator, a temporary card); idempotent. */
  close(): Promise<void>;
}

/**
 * The composition root of the CLI (docs/decisions/0014): the shared adapters from createPorts,
 * the terminal's Progress, and the use cases resolved once. The PIN entry and the review go with
 * each use case's input (docs/decisions/0004); no command touches a port.
 */
export async function composeCli(settings: CliSettings, overrides: PortOverrides = {}): Promise<CliComposition> {
  const composed = await createPorts(settings, overrides);
  return {
    useCases: createUseCases({ ...composed.ports, progress: settings.interaction?.progress ?? silentProgress }),
    settings,
    ...(composed.simulated === undefined ? {} : { simulated: composed.simulated }),
    close: composed.close,
  };
}
