import { rm } from 'node:fs/promises';
import { writeFileOwnerOnly } from '../files/ownerOnly.js';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { provisionFakeEid } from '../fake-eid/provisionFakeEid.js';
import { CARD_REMOVED_FILE } from '../fake-eid/PinLockingPkcs11.js';
import type { CliOutput, Subcommand } from './Subcommand.js';

const USAGE = [
  'usage: ehealth-sim card create --dir DIR [--generation rsa2048|ecp384] [--ssin N] [--given G] [--surname S] [--pin P]',
  '       ehealth-sim card pull-out --dir DIR     (the cards in DIR leave the reader; PIN-locking module only)',
  '       ehealth-sim card insert --dir DIR       (they come back)',
];

/** `ehealth-sim card ...`: fake Belgian eID cards on SoftHSM2 (DOMAIN.md 6). */
export const cardCommand: Subcommand = {
  name: 'card',
  summary: 'create a fake Belgian eID card on SoftHSM2 and print the environment to use it',
  async run(args, output) {
    const [action, ...rest] = args;
    const { values } = parseArgs({
      args: rest,
      options: {
        dir: { type: 'string' },
        generation: { type: 'string' },
        ssin: { type: 'string' },
        given: { type: 'string' },
        surname: { type: 'string' },
        // A fake card's test PIN, not a real one (a real PIN never goes in argv).
        pin: { type: 'string' },
      },
      strict: true,
    });
    if (!values.dir || !action || !['create', 'pull-out', 'insert'].includes(action)) {
      USAGE.forEach((line) => output.stderr(line));
      return 2;
    }
    const dir = resolve(values.dir);
    if (action === 'pull-out') return writeFileOwnerOnly(join(dir, CARD_REMOVED_FILE), '').then(() => 0);
    if (action === 'insert') return rm(join(dir, CARD_REMOVED_FILE), { force: true }).then(() => 0);
    const generation = values.generation ?? 'rsa2048';
    if (generation !== 'rsa2048' && generation !== 'ecp384') {
      output.stderr(`--generation "${generation}" must be rsa2048 or ecp384`);
      return 2;
    }
    return create(output, {
      dir,
      generation,
      ...(values.ssin ? { ssin: values.ssin } : {}),
      ...(values.given ? { givenNames: values.given } : {}),
      ...(values.surname ? { surname: values.surname } : {}),
      ...(values.pin ? { pin: values.pin } : {}),
    });
  },
};

async function create(output: CliOutput, options: Parameters<typeof provisionFakeEid>[0]): Promise<number> {
  const card = await provisionFakeEid(options);
  const { holder } = card;
  output.stderr(`fake eID ${card.tokenSerial} (${holder.generation}) for ${holder.givenNames} ${holder.surname}, SSIN ${holder.ssin}, in ${card.dir}`);
  output.stdout(`SOFTHSM2_CONF=${card.env.SOFTHSM2_CONF}`);
  output.stdout(`EHEALTH_CERT_PKCS11_MODULE=${card.env.EHEALTH_CERT_PKCS11_MODULE}`);
  return 0;
}
