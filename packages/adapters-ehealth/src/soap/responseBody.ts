import { TextDecoder } from 'node:util';

/** The response body went over the limit: the stream was cancelled at `limit` bytes. */
export class ResponseTooLarge extends Error {
  override readonly name = 'ResponseTooLarge';
  constructor(
    readonly limit: number,
    readonly declaredLength?: number,
  ) {
    super(`the answer is larger than ${limit} bytes`);
  }
}

/**
 * The body of `response`, read as a stream and cancelled as soon as it passes `limit` bytes (a
 * `Content-Length` above the limit is refused before reading), so that a hostile or broken server
 * cannot make the client hold an answer of any size in memory (our own rule, issue 12).
 */
export async function readBoundedBody(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLarge(limit, declared);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLarge(limit, Number.isFinite(declared) ? declared : undefined);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The answer's declared charset is unknown, or its bytes are not valid in it. */
export class UndecodableResponse extends Error {
  override readonly name = 'UndecodableResponse';
  constructor(
    readonly charset: string,
    readonly reason: 'unknown-charset' | 'invalid-bytes',
  ) {
    super(reason === 'unknown-charset' ? `the declared charset "${charset}" is not one this client can decode` : `the answer is not valid ${charset}`);
  }
}

/** `charset` parameter of a Content-Type, lower-cased, without quotes. */
export function charsetOf(contentType: string | null): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2]?.toLowerCase();
}

/** `encoding` of an XML declaration at the start of `bytes` (ASCII-compatible encodings only). */
function xmlDeclarationEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const match = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*?\sencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(head);
  return match?.[2]?.toLowerCase();
}

/**
 * Decodes an XML answer by the charset it declares (HTTP `charset` first, then the XML declaration's
 * `encoding`, else UTF-8, RFC 7303 and XML 1.0 4.3.3), strictly: an unknown charset or bytes that
 * are not valid in it are refused, never replaced by U+FFFD, so that a mangled name is never sent
 * back to eHealth (our own rule, issue 12).
 */
export function decodeXmlBody(bytes: Uint8Array, contentType: string | null): { readonly text: string; readonly charset: string } {
  const charset = charsetOf(contentType) ?? xmlDeclarationEncoding(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new UndecodableResponse(charset, 'unknown-charset');
  }
  try {
    return { text: decoder.decode(bytes), charset: decoder.encoding };
  } catch {
    throw new UndecodableResponse(decoder.encoding, 'invalid-bytes');
  }
}
