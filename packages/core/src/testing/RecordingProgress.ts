import type { ManualStep, Progress, ProgressEvent } from '../ports/Progress.js';

/** Keeps every progress event, for asserting the manual's step order. */
export class RecordingProgress implements Progress {
  readonly events: ProgressEvent[] = [];

  report(event: ProgressEvent): void {
    this.events.push(event);
  }

  /** The distinct manual steps reported, in first-seen order. */
  steps(): ManualStep[] {
    return [...new Set(this.events.flatMap((e) => (e.step ? [e.step] : [])))];
  }

  /** The activities started, in order. */
  activities(): string[] {
    return this.events.filter((e) => e.phase === 'start').map((e) => e.activity);
  }
}
