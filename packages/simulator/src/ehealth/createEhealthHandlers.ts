import { HttpResponse, delay, http } from 'msw';
import type { HttpHandler } from 'msw';
import type { EhealthSimulator } from './EhealthSimulator.js';

/** Base URL of the in-process simulator when none is given. */
export const DEFAULT_SIMULATOR_BASE_URL = 'http://ehealth-sim.invalid';

/** The real ACC and PRD hosts (DOMAIN.md 1.1), for `includeRealHosts`. */
export const REAL_EHEALTH_BASE_URLS = ['https://services-acpt.ehealth.fgov.be', 'https://services.ehealth.fgov.be'];

/** Options of createEhealthHandlers. */
export interface EhealthHandlerOptions {
  /** Base URLs to serve `/CertRa/v2`, `/EtkRa/v2` and `/EtkDepot/v1` under (default DEFAULT_SIMULATOR_BASE_URL). */
  readonly baseUrls?: readonly string[];
  /** Also intercept the real ACC and PRD hosts (so nothing can reach eHealth by mistake). */
  readonly includeRealHosts?: boolean;
}

/**
 * msw 2 handlers that put the simulator behind the real service paths, for in-process tests
 * (TOOLCHAIN.md 6: global fetch and node:https are intercepted).
 */
export function createEhealthHandlers(simulator: EhealthSimulator, options: EhealthHandlerOptions = {}): HttpHandler[] {
  const bases = [...(options.baseUrls ?? [DEFAULT_SIMULATOR_BASE_URL]), ...(options.includeRealHosts ? REAL_EHEALTH_BASE_URLS : [])];
  return bases.flatMap((base) =>
    ['/CertRa/v2', '/EtkRa/v2', '/EtkDepot/v1'].map((path) =>
      http.post(`${base.replace(/\/+$/, '')}${path}`, async ({ request }) => {
        const reply = await simulator.handle({ path: new URL(request.url).pathname, soapAction: request.headers.get('SOAPAction'), body: await request.text() });
        if (reply.delayMs > 0) await delay(reply.delayMs);
        if (reply.kind === 'reset') return HttpResponse.error();
        if (reply.kind === 'noAnswer') {
          // Hang until the client gives up (its timeout aborts the request).
          await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve(), { once: true }));
          return HttpResponse.error();
        }
        return new HttpResponse(reply.body, { status: reply.status, headers: { 'Content-Type': reply.contentType } });
      }),
    ),
  );
}
