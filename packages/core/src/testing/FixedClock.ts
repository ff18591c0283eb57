import type { Clock } from '../ports/Clock.js';

/** A clock that stands still until a test sets or advances it. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-03-02T09:30:00Z') {
    this.current = new Date(start);
  }

  /** Every wait asked through `sleep`, in ms. */
  readonly sleeps: number[] = [];

  now(): Date {
    return new Date(this.current);
  }

  /** Records the wait and moves the clock forward by it, at once. */
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.current = new Date(this.current.getTime() + ms);
    return Promise.resolve();
  }

  set(date: Date | string): void {
    this.current = new Date(date);
  }

  /** Moves the clock forward by days, hours, minutes or seconds. */
  advance(by: { readonly days?: number; readonly hours?: number; readonly minutes?: number; readonly seconds?: number }): void {
    const ms = (((by.days ?? 0) * 24 + (by.hours ?? 0)) * 60 + (by.minutes ?? 0)) * 60_000 + (by.seconds ?? 0) * 1000;
    this.current = new Date(this.current.getTime() + ms);
  }
}
