/** The current time; the simulator and the tests use a fixed or advancing clock. */
export interface Clock {
  now(): Date;
  /**
   * Waits `ms` milliseconds (bounded retries, e.g. ETKDepot publication). Optional: without it the
   * use cases retry without waiting (fakes, simulators whose answers do not lag).
   */
  sleep?(ms: number): Promise<void>;
}
