/** An RFC 9457 problem of the API (`code`, `detail`, `details`), or a network failure. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';

  constructor(
    /** The API's stable code (e.g. PIN_INCORRECT), or NETWORK when the server could not be reached. */
    readonly code: string,
    /** The server's `detail`: one sentence, already without secrets. */
    readonly detail: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly status = 0,
  ) {
    super(`${code}: ${detail}`);
  }

  /** The problem a fetch answer holds, or a generic one when the body is not a problem document. */
  static async of(response: Response): Promise<ApiProblem> {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; detail?: unknown; details?: unknown };
    return new ApiProblem(
      typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
      typeof body.detail === 'string' ? body.detail : response.statusText,
      typeof body.details === 'object' && body.details !== null ? (body.details as Record<string, unknown>) : {},
      response.status,
    );
  }
}
