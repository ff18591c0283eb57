import { describe, expect, it } from 'vitest';
import { withoutServerPaths } from './withoutServerPaths.js';

const KEYSTORE = '/srv/ehealth/keystore/SSIN=85071400254 20260302-093000.acc-p12';

describe('withoutServerPaths', () => {
  it('gives the client the keystore file name and keeps the full path for the log', () => {
    const view = withoutServerPaths(`The password does not open keystore ${KEYSTORE} (PKCS#12 integrity check failed)`, { path: KEYSTORE, reason: 'mac' });
    expect(view).toEqual({
      message: 'The password does not open keystore SSIN=85071400254 20260302-093000.acc-p12 (PKCS#12 integrity check failed)',
      details: { keystore: 'SSIN=85071400254 20260302-093000.acc-p12', reason: 'mac' },
      serverPaths: { path: KEYSTORE },
    });
  });

  it('cuts keystorePath (a step that failed after the key was saved) and any other file to its name', () => {
    const view = withoutServerPaths(`Kept in ${KEYSTORE}; cannot write /srv/ehealth/pending-requests.json`, {
      keystorePath: KEYSTORE,
      path: '/srv/ehealth/pending-requests.json',
      reference: 'r1',
    });
    expect(view.message).toBe('Kept in SSIN=85071400254 20260302-093000.acc-p12; cannot write pending-requests.json');
    expect(view.details).toEqual({ keystore: 'SSIN=85071400254 20260302-093000.acc-p12', file: 'pending-requests.json', reference: 'r1' });
    expect(JSON.stringify(view.details)).not.toContain('/srv');
  });

  it('cuts the keystore folder of KEYSTORE_FOLDER_MISSING to its name, files in it to theirs', () => {
    const view = withoutServerPaths(`The keystore folder /srv/ehealth/keystore disappeared while ${KEYSTORE} was being saved`, {
      folder: '/srv/ehealth/keystore',
      keystorePath: KEYSTORE,
    });
    expect(view.message).toBe('The keystore folder keystore disappeared while SSIN=85071400254 20260302-093000.acc-p12 was being saved');
    expect(view.details).toEqual({ folder: 'keystore', keystore: 'SSIN=85071400254 20260302-093000.acc-p12' });
    expect(view.serverPaths).toEqual({ folder: '/srv/ehealth/keystore', keystorePath: KEYSTORE });
    expect(view.message + JSON.stringify(view.details)).not.toContain('/srv');
  });

  it('leaves details without a server path as they are', () => {
    expect(withoutServerPaths('Bad value.', { field: 'body.pin', path: 'relative.p12' })).toEqual({
      message: 'Bad value.',
      details: { field: 'body.pin', path: 'relative.p12' },
      serverPaths: {},
    });
  });
});
