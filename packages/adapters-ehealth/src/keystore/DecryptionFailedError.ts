/** A cipher or padding failure: with a verified MAC it means a corrupt file, without a MAC a wrong password. */
export class DecryptionFailedError extends Error {
  override readonly name = 'DecryptionFailedError';
}
