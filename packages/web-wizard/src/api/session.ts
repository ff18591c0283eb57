/** Where the page keeps the bearer token: this tab only, forgotten when the tab closes. */
const TOKEN_KEY = 'ehealth-cert.token';

/**
 * The bearer token of this tab. `ehealth-cert ui` opens `/ui/#ticket=T`: the fragment never
 * reaches a server or its log; the page removes it from the address bar and history at once, then
 * exchanges the one-time ticket for the token (`POST /session`), so a copied or remembered URL is
 * worthless afterwards. An integrator's page without a ticket asks for the token instead.
 */
export async function openSession(): Promise<string | undefined> {
  const ticket = new URLSearchParams(location.hash.slice(1)).get('ticket');
  if (ticket !== null) {
    history.replaceState(null, '', location.pathname + location.search);
    const response = await fetch('../session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket }),
      cache: 'no-store',
    });
    if (response.ok) {
      const { token } = (await response.json()) as { token: string };
      sessionStorage.setItem(TOKEN_KEY, token);
      return token;
    }
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** Keeps a token typed in by the person (integrators hosting the wizard). */
export function rememberToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** Forgets the token (refused by the server). */
export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
