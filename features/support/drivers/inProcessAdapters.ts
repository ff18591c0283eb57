import { Pkcs11EidCard } from '@ehealth-cert/adapters-eid';
import type { PortOverrides } from '@ehealth-cert/composition';
import { softhsmModulePath } from '@ehealth-cert/simulator';
import type { DriverScene } from './DriverScene.js';

/** Adapter replacements a front end's composition root accepts (createPorts' overrides). */
export type AdapterOverrides = PortOverrides;

/**
 * What the in-process drivers hand to a front end's composition root: the scenario's card (the real
 * PKCS#11 adapter on SoftHSM, behind the PIN-locking wrapper) and the scenario's simulator.
 * Every other adapter (keystore vault, SOAP clients, key factory) is the composition root's own.
 */
export function inProcessAdapters(scene: DriverScene): AdapterOverrides {
  const ehealth = scene.ehealth;
  if (!ehealth) throw new Error('the in-process drivers need the scenario simulator: start the software first (step 1)');
  const card = scene.card;
  const clock = ehealth.simulator.clock;
  return {
    card: new Pkcs11EidCard({
      pkcs11Module: card?.modulePath ?? softhsmModulePath(),
      ...(card ? { moduleFactory: () => card.module(), tokenSerial: card.tokenSerial } : {}),
    }),
    simulator: {
      baseUrl: ehealth.baseUrl,
      clock,
      trustAnchors: ehealth.simulator.trustAnchors(),
      supportTeam: ehealth.supportTeam,
      // The World owns the simulator and stops it after the scenario (createPorts never closes one handed in).
    },
  };
}
