import { describe, expect, it } from 'vitest';
import { completedKeystore, fakeWorld, rejectionOf, submitRequest } from '../testing/index.js';
import { ChangeKeystorePassword } from './ChangeKeystorePassword.js';

const NEW_PASSWORD = 'violet ladder mountain 1987 tram';

describe('ChangeKeystorePassword', () => {
  it('writes a new keystore under the new password and says where the old file is kept (superseded/)', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const result = await new ChangeKeystorePassword(world).execute({ keystorePath: current.keystorePath, oldPassword: world.password, newPassword: NEW_PASSWORD });

    expect(result.previousKeystorePath).toBe(current.keystorePath.replace(/\/([^/]+)$/, '/superseded/$1'));
    expect(world.vault.files.has(current.keystorePath)).toBe(false);
    expect(await world.vault.open(result.keystorePath, NEW_PASSWORD)).toEqual(await world.vault.open(result.previousKeystorePath, world.password));
    await expect(world.vault.open(result.keystorePath, world.password)).rejects.toMatchObject({ code: 'KEYSTORE_PASSWORD_WRONG' });
  });

  it('refuses a new password made of the organisation identifier or name', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    for (const weak of ['91000153-91000153', 'Ambulances Exemple 2026!']) {
      const error = await rejectionOf(new ChangeKeystorePassword(world).execute({ keystorePath: current.keystorePath, oldPassword: world.password, newPassword: weak }));
      expect(error.code).toBe('WEAK_PASSWORD');
      expect(error.message).not.toContain(weak);
    }
  });

  it('checks the identifier of a pending request from its file name', async () => {
    const world = fakeWorld();
    world.registry.issueAutomatically = false;
    const request = await submitRequest(world);
    const error = await rejectionOf(
      new ChangeKeystorePassword(world).execute({ keystorePath: request.keystorePath, oldPassword: world.password, newPassword: '910001539100015391000153' }),
    );
    expect(error.code).toBe('WEAK_PASSWORD');
  });

  it('fails with KEYSTORE_PASSWORD_WRONG and writes nothing when the old password is wrong', async () => {
    const world = fakeWorld();
    const current = await completedKeystore(world);
    const files = world.vault.files.size;
    const error = await rejectionOf(new ChangeKeystorePassword(world).execute({ keystorePath: current.keystorePath, oldPassword: 'wrong wrong wrong', newPassword: NEW_PASSWORD }));
    expect(error.code).toBe('KEYSTORE_PASSWORD_WRONG');
    expect(world.vault.files.size).toBe(files);
  });
});
