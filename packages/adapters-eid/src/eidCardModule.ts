import type { EidCard } from '@ehealth-cert/core';
import { ContainerModule } from 'inversify';
import { Pkcs11EidCard } from './Pkcs11EidCard.js';
import type { Pkcs11ModuleFactory } from './pkcs11/Pkcs11Module.js';

/** DI token of the EidCard port (STYLE.md "DI tokens share their port's name"). */
export const EID_CARD = Symbol.for('ehealth-cert.EidCard');

/** Settings of the eID adapter, from the settings file or the environment. */
export interface EidCardSettings {
  readonly pkcs11Module?: string;
  readonly tokenSerial?: string;
}

/** Binds EID_CARD to a Pkcs11EidCard built from settings (a factory: no decorator metadata needed). */
export function eidCardModule(settings: EidCardSettings = {}, moduleFactory?: Pkcs11ModuleFactory): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<EidCard>(EID_CARD)
      .toDynamicValue(() => new Pkcs11EidCard({ ...settings, ...(moduleFactory ? { moduleFactory } : {}) }))
      .inSingletonScope();
  });
}
