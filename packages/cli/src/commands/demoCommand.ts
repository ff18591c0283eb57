import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { personName } from '@ehealth-cert/core';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { inspectionJson, inspectionLines } from './inspectCommand.js';
import { openUseCases } from '../runtime/openUseCases.js';
import { environmentName } from '../i18n/environmentName.js';

/** The demo's card, kept in `card.json` so that `demo --dir DIR` reuses it. */
interface DemoCard {
  readonly softhsmConf: string;
  readonly modulePath: string;
  readonly tokenSerial: string;
  readonly pin: string;
  readonly holder: { readonly ssin: string; readonly givenNames: string; readonly surname: string };
}

/** Demo-only contact data (example.org is reserved for examples, RFC 2606). */
const DEMO_CONTACT = {
  emailPrivate: 'alice.geldigekaart@example.org',
  emailGeneral: 'info@ambulances-demo.example.org',
  phonePrivate: '+32 2 555 01 23',
};

/** What the last demo in a folder made, so that a rerun can revoke it first. */
const DEMO_FILE = 'demo.json';

async function readPreviousDemo(dir: string): Promise<{ reference: string } | undefined> {
  const file = join(dir, DEMO_FILE);
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as { reference: string }) : undefined;
}

async function demoCard(dir: string): Promise<DemoCard> {
  const file = join(dir, 'card.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as DemoCard;
  const { provisionFakeEid } = await import('@ehealth-cert/simulator');
  const card = await provisionFakeEid({ dir: join(dir, 'card') });
  const kept: DemoCard = { softhsmConf: card.softhsmConf, modulePath: card.modulePath, tokenSerial: card.tokenSerial, pin: card.pin, holder: card.holder };
  await writeFile(file, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  return kept;
}

/**
 * `ehealth-cert demo`: the whole manual, automatic path (steps 1-19), on the in-process simulator
 * with a freshly made fake eID card: request, the simulated clock moved past the issuing delay,
 * completion, and `inspect` of the new keystore. `--dir DIR` keeps card, simulator state and
 * keystore; otherwise everything lives in a temporary folder removed at the end. `--ui` shows the
 * same in the web wizard instead: the person clicks through the screens with the demo's card.
 */
export async function run(ctx: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const started = Date.now();
  const given = options['dir'] as string | undefined;
  const dir = given !== undefined ? resolve(ctx.io.cwd, given) : await mkdtemp(join(tmpdir(), 'ehealth-cert-demo-'));
  // Issue 13: the demo folder holds a fake card, the simulator's state and keystores: owner-only (0700) when created here.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { m } = ctx.i18n;
  try {
    ctx.say(ctx.bold(m.demo.title), ctx.i18n.t((x) => x.demo.folder, { dir }));
    const card = await demoCard(dir);
    const name = personName(card.holder);
    ctx.say(ctx.i18n.t((x) => x.demo.card, { name, ssin: card.holder.ssin, pin: card.pin }));
    if (options['ui'] === true) {
      // The same card and folder, but the person goes through the screens in the browser
      // (ehealth-cert-api with its own in-process simulator, this card, this keystore folder).
      ctx.say(ctx.i18n.t((x) => x.demo.ui, { pin: card.pin }));
      const { serveWizard, portOf } = await import('./uiCommand.js');
      const port = portOf(options['port']);
      return await serveWizard(
        ctx,
        { ...ctx.settings, env: 'sim', keystoreDir: join(dir, 'keystore'), softhsmConf: card.softhsmConf, pkcs11Module: card.modulePath, cardSerial: card.tokenSerial },
        { ...(port === undefined ? {} : { port }), open: options['open'] !== false },
      );
    }
    const password = `demo-${randomBytes(12).toString('base64url')}`;
    ctx.say(ctx.i18n.t((x) => x.demo.password, { password }));

    const settings = {
      ...ctx.settings,
      env: 'sim' as const,
      keystoreDir: join(dir, 'keystore'),
      softhsmConf: card.softhsmConf,
      pkcs11Module: card.modulePath,
      cardSerial: card.tokenSerial,
      simulatorStateDir: dir,
    };
    delete (settings as { endpointBase?: string }).endpointBase;
    // The steps name the environment the demo really uses, not the one of --env (default PRD).
    ctx.steps.useValues({ env: environmentName(settings.env, ctx.i18n) });
    const simulator = await (await import('@ehealth-cert/simulator')).startInProcessSimulator({ stateDir: dir });
    // The card's PIN and the generated password reach the commands as automation does (never argv).
    const io = { ...ctx.io, env: { ...ctx.io.env, EHEALTH_CERT_PIN: card.pin, EHEALTH_CERT_KEYSTORE_PASSWORD: password } };
    const demoCtx: CommandContext = { ...ctx, io, settings, adapters: { ...ctx.adapters, simulator } };
    try {
      const mailsSeen = new Set<number>();
      const showMails = () =>
        simulator.mails().forEach((mail, i) => {
          if (mailsSeen.has(i)) return;
          mailsSeen.add(i);
          ctx.say(`  ✉ ${ctx.i18n.t((x) => x.demo.mail, { to: mail.to.join(', '), subject: mail.subject })}`);
        });

      // A demo folder used before holds an active certificate for the same DN, and eHealth accepts
      // a second one only in the renewal window (DOMAIN.md 2.3): revoke the previous demo's first.
      const previous = await readPreviousDemo(dir);
      if (previous !== undefined) {
        const revoke = await import('./revokeCommand.js');
        await revoke.run(demoCtx, [], { reason: 'superseded', reference: previous.reference, acceptTerms: true });
      }

      const request = await import('./requestCommand.js');
      const requested = await request.run(demoCtx, [], { yes: true, org: 'auto', orgIndex: '1', acceptTerms: true, ...DEMO_CONTACT });
      const submitted = requested.json as { reference: string; keystorePath: string };
      showMails();

      const hours = Math.ceil((simulator.issuanceDelayMs + 60_000) / 3_600_000);
      ctx.say('', ctx.i18n.t((x) => x.demo.clock, { hours }));
      await simulator.advance(hours * 3_600_000);
      showMails();

      const complete = await import('./completeCommand.js');
      const completed = await complete.run(demoCtx, [], { keystore: submitted.keystorePath, interval: '1' });
      const done = completed.json as { keystorePath: string; status: string; etkSerial?: string; dn?: string };

      const opened = await openUseCases(demoCtx);
      let inspection;
      try {
        inspection = await opened.useCases.inspectKeystore.execute({ keystorePath: done.keystorePath, password });
      } finally {
        await opened.close();
      }
      ctx.say('', ctx.bold(m.demo.inspect), ...inspectionLines(inspection, ctx.i18n));
      await writeFile(join(dir, DEMO_FILE), `${JSON.stringify({ reference: submitted.reference, keystorePath: done.keystorePath }, null, 2)}\n`, { mode: 0o600 });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      ctx.say('', ctx.i18n.t((x) => x.demo.done, { seconds }), ...(given === undefined ? [m.demo.keep] : []));
      return {
        exitCode: completed.exitCode === EXIT.done ? EXIT.done : completed.exitCode,
        json: {
          ok: completed.exitCode === EXIT.done,
          dir,
          kept: given !== undefined,
          keystorePath: done.keystorePath,
          keystorePassword: password,
          reference: submitted.reference,
          requestKeystorePath: submitted.keystorePath,
          dn: done.dn,
          etkSerial: done.etkSerial,
          card: { ...card.holder, tokenSerial: card.tokenSerial, pin: card.pin, softhsmConf: card.softhsmConf },
          steps: ctx.steps.steps,
          mails: simulator.mails(),
          inspection: inspectionJson(inspection),
          seconds: Number(seconds),
        },
      };
    } finally {
      await simulator.close();
    }
  } finally {
    if (given === undefined) await rm(dir, { recursive: true, force: true });
  }
}
