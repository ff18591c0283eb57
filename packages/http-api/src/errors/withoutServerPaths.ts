import { basename, isAbsolute } from 'node:path';
import type { ErrorDetails } from '@ehealth-cert/core';

/** A keystore file (`.p12`, `.acc-p12`, `.sim-p12`, DOMAIN.md 3): the client knows it by this name. */
const KEYSTORE_FILE = /\.(?:acc-|sim-)?p12$/i;

/** What a client may see of an error, and the server paths that only the server log gets. */
export interface ClientView {
  readonly message: string;
  readonly details: ErrorDetails;
  /** The detail keys that held a server path, with the full path, for the server log. */
  readonly serverPaths: Readonly<Record<string, string>>;
}

/** The detail keys in which adapters put a server path: a file, a keystore, or the keystore folder. */
const PATH_KEYS = new Set(['path', 'keystorePath', 'folder']);

/**
 * Cuts every absolute server path in an error's `path`, `keystorePath` or `folder` detail (adapters
 * put the keystore file, or the keystore folder of KEYSTORE_FOLDER_MISSING and KEYSTORE_WRITE_FAILED,
 * there) to its last name, in the details and in the message: clients name keystores by file name
 * (GET /keystores), and the server's folders are not theirs to know.
 */
export function withoutServerPaths(message: string, details: ErrorDetails): ClientView {
  let clientMessage = message;
  const clientDetails: Record<string, unknown> = {};
  const serverPaths: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (!PATH_KEYS.has(key) || typeof value !== 'string' || !isAbsolute(value)) {
      clientDetails[key] = value;
      continue;
    }
    const name = basename(value);
    serverPaths[key] = value;
    clientDetails[key === 'folder' ? 'folder' : key === 'keystorePath' || KEYSTORE_FILE.test(name) ? 'keystore' : 'file'] = name;
  }
  // The longest path first: a folder is a prefix of the files in it, which keep their own name.
  const longestFirst = Object.values(serverPaths).sort((a, b) => b.length - a.length);
  clientMessage = longestFirst.reduce((text, path) => text.replaceAll(path, basename(path)), clientMessage);
  // A detail that quotes a server path (a suggested command, issue 13) names the file only.
  for (const [key, value] of Object.entries(clientDetails)) {
    if (typeof value !== 'string') continue;
    clientDetails[key] = longestFirst.reduce((text, path) => text.replaceAll(path, basename(path)), value);
  }
  return { message: clientMessage, details: clientDetails, serverPaths };
}
