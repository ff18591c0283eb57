/** What a driver needs from the scenario: its folder (and, as they land, its card and simulator). */
export interface DriverScene {
  readonly dir: string;
}
