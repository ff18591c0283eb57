/** Where the page keeps the bearer token (see openSession). */
const TOKEN_KEY = 'ehealth-cert.token';

/**
 * The bearer token of this tab. `ehealth-cert ui` opens `/ui/#ticket=T`: the fragment never
 * reaches a server or its log; the page removes it from the address bar and history at once, then
 * exchanges the one-time ticket for the token (`POST /session`), so a copied or remembered URL is
 * worthless afterwards. That token lives as long as that `ehealth-cert ui` run, so it is kept in
 * localStorage: a tab closed during step 14 can be opened again (same address) and find its
 * request. A token typed in (an integrator's page, no ticket) stays in this tab only.
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
      localStorage.setItem(TOKEN_KEY, token);
      return token;
    }
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** Keeps a token typed in by the person (integrators hosting the wizard). */
export function rememberToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** Forgets the token (refused by the server: e.g. that of an earlier `ehealth-cert ui` run). */
export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
}
