#!/usr/bin/env node
/** `ehealth-cert-api`: starts the HTTP API with settings from flags and the environment. */
import { EhealthCertError } from '@ehealth-cert/core';
import { API_USAGE, parseApiSettings } from './server/ApiSettings.js';
import { startServer } from './server/startServer.js';

try {
  const settings = parseApiSettings(process.argv.slice(2), process.env);
  if (settings === 'help') {
    process.stdout.write(API_USAGE);
  } else {
    await startServer(settings, { handleSignals: true });
  }
} catch (error) {
  // Settings errors name the flag and the rule; never a token or a password.
  const message = EhealthCertError.is(error) || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : String(error);
  console.error(`ehealth-cert-api: ${message}`);
  process.exitCode = 2;
}
