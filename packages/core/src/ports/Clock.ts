/** The current time; the simulator and the tests use a fixed or advancing clock. */
export interface Clock {
  now(): Date;
}
