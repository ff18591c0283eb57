/** The HTML contract texts (FR, NL) shown to the user before signing (DOMAIN.md 2.3 GenerateContract). */
export function contractText(dn: string, signerName: string, date: string): { fr: string; nl: string } {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    fr: `<!DOCTYPE html><html lang="fr"><body><h1>Contrat d'utilisation d'un certificat eHealth (SIMULATEUR DE TEST)</h1><p>Je soussigné(e) ${esc(signerName)} demande un certificat eHealth pour&#160;: <code>${esc(dn)}</code>.</p><p>Je m'engage à protéger la clé privée et le mot de passe, et à révoquer le certificat en cas de compromission.</p><p>Date&#160;: ${esc(date)}</p></body></html>`,
    nl: `<!DOCTYPE html><html lang="nl"><body><h1>Gebruiksovereenkomst voor een eHealth-certificaat (TESTSIMULATOR)</h1><p>Ondergetekende ${esc(signerName)} vraagt een eHealth-certificaat aan voor: <code>${esc(dn)}</code>.</p><p>Ik verbind mij ertoe de private sleutel en het wachtwoord te beschermen en het certificaat te herroepen bij compromittering.</p><p>Datum: ${esc(date)}</p></body></html>`,
  };
}

/** The HTML revocation contract texts (FR, NL) (DOMAIN.md 2.3 GenerateRevocationContract). */
export function revocationText(dn: string, signerName: string, reason: string, date: string): { fr: string; nl: string } {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    fr: `<!DOCTYPE html><html lang="fr"><body><h1>Révocation d'un certificat eHealth (SIMULATEUR DE TEST)</h1><p>${esc(signerName)} révoque le certificat <code>${esc(dn)}</code> pour le motif ${esc(reason)}. La révocation est définitive et révoque aussi l'ETK.</p><p>Date&#160;: ${esc(date)}</p></body></html>`,
    nl: `<!DOCTYPE html><html lang="nl"><body><h1>Herroeping van een eHealth-certificaat (TESTSIMULATOR)</h1><p>${esc(signerName)} herroept het certificaat <code>${esc(dn)}</code> om reden ${esc(reason)}. De herroeping is definitief en herroept ook de ETK.</p><p>Datum: ${esc(date)}</p></body></html>`,
  };
}
