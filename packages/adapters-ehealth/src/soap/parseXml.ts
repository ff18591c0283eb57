import { DOMParser, type Document } from '@xmldom/xmldom';

/** Parses XML strictly; returns undefined for anything that is not well-formed XML with a root element. */
export function parseXml(text: string): Document | undefined {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    return doc.documentElement ? doc : undefined;
  } catch {
    return undefined;
  }
}
