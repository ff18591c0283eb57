import { EhealthSimulator } from '../EhealthSimulator.js';
import type { EhealthSimulatorOptions } from '../EhealthSimulator.js';
import type { CaState } from '../pki/EhealthCa.js';
import { XsdValidator } from '../xml/XsdValidator.js';
import { SimulatorFlow } from './SimulatorFlow.js';
import { createTestEid } from './TestEid.js';
import type { TestEid } from './TestEid.js';

/**
 * What the simulator's integration tests share: one XSD validator for the answers, one fake
 * eHealth CA (generating RSA keys per test would be slow) and Alice's test eID; `flow` makes a
 * fresh simulator with the file's defaults.
 */
export class SimulatorTestBed {
  readonly validator = new XsdValidator();
  private made?: { readonly ca: CaState; readonly alice: TestEid };

  constructor(private readonly defaults: EhealthSimulatorOptions) {}

  /** Generates the CA and the eID (call it in beforeAll). */
  async setUp(): Promise<void> {
    const sim = await EhealthSimulator.create({ seed: 'ca' });
    this.made = { ca: sim.caState(), alice: await createTestEid() };
    sim.close();
  }

  /** The shared fake eHealth CA. */
  get ca(): CaState {
    return this.ready().ca;
  }

  /** The default fake card holder (mandated for two ambulance services in defaultFixture). */
  get alice(): TestEid {
    return this.ready().alice;
  }

  /** A new simulator on the shared CA, with the defaults overridden by `options`, driven with answers checked against the XSDs. */
  async flow(options: EhealthSimulatorOptions = {}): Promise<SimulatorFlow> {
    return new SimulatorFlow(await EhealthSimulator.create({ ca: this.ca, ...this.defaults, ...options }), this.validator);
  }

  private ready(): { readonly ca: CaState; readonly alice: TestEid } {
    if (!this.made) throw new Error('SimulatorTestBed.setUp() was not called (beforeAll)');
    return this.made;
  }
}
