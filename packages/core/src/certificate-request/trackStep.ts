import type { ManualStep, Progress } from '../ports/Progress.js';

/** Runs `work` between a `start` and a `done` progress event for one manual step and activity. */
export async function trackStep<T>(
  progress: Progress,
  step: ManualStep | undefined,
  activity: string,
  work: () => Promise<T> | T,
  details?: Readonly<Record<string, unknown>>,
): Promise<T> {
  progress.report({ ...(step ? { step } : {}), activity, phase: 'start', ...(details ? { details } : {}) });
  const result = await work();
  progress.report({ ...(step ? { step } : {}), activity, phase: 'done' });
  return result;
}
