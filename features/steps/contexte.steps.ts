import { Given } from '@cucumber/cucumber';
import { testPerson } from '../support/scene/testPeople.js';
import type { EhealthWorld } from '../support/world/EhealthWorld.js';

// The Background ("Contexte") of every feature: software, card, authentic sources.

Given("le logiciel démarré pour l'environnement de simulation \\(étape 1)", async function (this: EhealthWorld) {
  await this.startSoftware();
});

Given('une carte eID de test au nom de {string} dans le lecteur', async function (this: EhealthWorld, name: string) {
  await this.insertCard(name, 'rsa2048');
});

Given('une carte eID de test EC P-384 \\(applet 1.8) au nom de {string} dans le lecteur', async function (this: EhealthWorld, name: string) {
  await this.insertCard(name, 'ecp384');
});

Given(
  /^selon les sources authentiques, cette personne gère (?:aussi )?(?:le service ambulancier|la pharmacie) "([^"]+)" \(([A-Z_-]+) (\d+)\)$/,
  async function (this: EhealthWorld, name: string, type: string, id: string) {
    await this.mandate(this.holder, type, String(id), name);
  },
);

Given(
  /^selon les sources authentiques, "([^"]+)" gère le service ambulancier "([^"]+)" \(([A-Z_-]+) (\d+)\)$/,
  async function (this: EhealthWorld, person: string, name: string, type: string, id: string) {
    await this.mandate(testPerson(person), type, String(id), name);
  },
);

Given(
  /^selon la BCE, le service ambulancier "([^"]+)" \(([A-Z_-]+) (\d+)\) dépend de l'hôpital "([^"]+)" \(([A-Z_-]+) (\d+)\)$/,
  async function (this: EhealthWorld, service: string, serviceType: string, serviceId: string, hospital: string, hospitalType: string, hospitalId: string) {
    await this.addOrganisation({ type: hospitalType, id: String(hospitalId), name: hospital });
    await this.addOrganisation({ type: serviceType, id: String(serviceId), name: service, attachedTo: { type: hospitalType, value: String(hospitalId) } });
  },
);
