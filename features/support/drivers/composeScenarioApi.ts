import { composeApi, type ApiComposition, type ApiSettings } from '@ehealth-cert/http-api';
import { Pkcs11EidCard } from '@ehealth-cert/adapters-eid';
import { softhsmModulePath } from '@ehealth-cert/simulator';
import { InProcessEhealth } from '../scene/InProcessEhealth.js';
import type { DriverScene } from './DriverScene.js';

/**
 * The HTTP API's composition root (composeApi) for one scenario: env sim pointed at the
 * scenario's simulator by its base URL, and the scenario's card as the eID adapter. A scenario
 * without step 1 gets a simulator of its own (`ownSimulator`, to close), so that env sim never
 * reaches for a real host nor provisions a card of the API's own.
 */
export async function composeScenarioApi(
  scene: DriverScene,
  settings: Pick<ApiSettings, 'auth'> & Partial<ApiSettings>,
): Promise<{ container: ApiComposition; ownSimulator: InProcessEhealth | undefined }> {
  const { card } = scene;
  const ownSimulator = scene.ehealth === undefined ? await InProcessEhealth.start('api-without-step-1') : undefined;
  const ehealth = scene.ehealth ?? ownSimulator!;
  const container = await composeApi(
    {
      env: 'sim',
      host: '127.0.0.1',
      port: 0,
      keystoreDir: scene.keystoreDir,
      pkcs11Module: card?.modulePath ?? softhsmModulePath(),
      ...(card ? { softhsmConf: card.softhsmConf } : {}),
      endpointBase: ehealth.baseUrl,
      logLevel: 'silent',
      publicDocs: false,
      ...settings,
    },
    {
      clock: ehealth.simulator.clock,
      // The scenario's card behind the PIN-locking wrapper (SoftHSM alone never blocks a PIN).
      ...(card ? { card: new Pkcs11EidCard({ pkcs11Module: card.modulePath, moduleFactory: () => card.module(), tokenSerial: card.tokenSerial }) } : {}),
    },
  );
  return { container, ownSimulator };
}
