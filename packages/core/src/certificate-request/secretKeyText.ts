/**
 * The text of the step-15 file: the request reference (the "secret key", DOMAIN.md 2.4 item 10)
 * and what to do at step 16, in French and English. Holds no password and no PIN.
 */
export function secretKeyText(input: {
  readonly reference: string;
  readonly keystorePath: string;
  readonly dn: string;
  readonly automaticallyValidated: boolean;
  readonly requestedAt: Date;
  readonly environment: 'prd' | 'acc' | 'sim';
}): string {
  const complete = `ehealth-cert complete --env ${input.environment} --keystore "${input.keystorePath}"`;
  const wait = input.automaticallyValidated
    ? ['La demande a été validée automatiquement.', 'The request was validated automatically.']
    : [
        'La demande doit être validée par le support eHealth (jusqu’à 10 jours) : attendez leur e-mail.',
        'The request waits for eHealth support to validate it (up to 10 days): wait for their e-mail.',
      ];
  return [
    `Clé secrète / Secret key: ${input.reference}`,
    `Keystore: ${input.keystorePath}`,
    `DN: ${input.dn}`,
    `Demandé le / Requested on: ${input.requestedAt.toISOString()}`,
    `Environnement / Environment: ${input.environment.toUpperCase()}`,
    '',
    wait[0],
    'Étape 16 : quand eHealth annonce que le certificat est fabriqué, complétez la demande avec ce keystore et son mot de passe :',
    `  ${complete}`,
    'Ne supprimez pas ce keystore : il contient la seule copie de la clé privée.',
    '',
    wait[1],
    'Step 16: when eHealth says the certificate is made, complete the request with this keystore and its password:',
    `  ${complete}`,
    'Do not delete this keystore: it holds the only copy of the private key.',
    '',
  ].join('\n');
}
