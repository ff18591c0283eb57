/** DER or other binary data. Core uses Uint8Array only (a Node Buffer is one). */
export type Bytes = Uint8Array;
