/** Builds every adapter of ehealth-cert from one settings type (docs/decisions/0014). */
export type { PortSettings } from './PortSettings.js';
export { createPorts, SIM_STATE_FOLDER, type ComposedPorts, type PortOverrides, type Ports, type SimulatedWorld } from './createPorts.js';
export { recordedRequests } from './recordedRequests.js';
