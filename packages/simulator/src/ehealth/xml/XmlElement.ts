/** One node of an outgoing message: a namespaced element with attributes and children or text. */
export interface XmlElement {
  readonly ns: string;
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
  readonly children?: readonly (XmlElement | undefined)[];
  readonly text?: string;
}

/** Shorthand to build an XmlElement; `undefined` children are dropped (optional elements). */
export function el(ns: string, name: string, content?: string | readonly (XmlElement | undefined)[], attrs?: XmlElement['attrs']): XmlElement {
  return typeof content === 'string' ? { ns, name, text: content, attrs } : { ns, name, children: content ?? [], attrs };
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Serialises an element tree. Every namespace gets a prefix declared on the root (`ns1`, `ns2`,
 * ...), except `''` (no namespace: the unqualified children of EteeStatusDetail and of the
 * commons 1.0 Status, XSD elementFormDefault).
 */
export function serializeXml(root: XmlElement, fixedPrefixes: Readonly<Record<string, string>> = {}): string {
  const prefixes = new Map<string, string>(Object.entries(fixedPrefixes).map(([ns, p]) => [ns, p]));
  const collect = (e: XmlElement): void => {
    if (e.ns !== '' && !prefixes.has(e.ns)) prefixes.set(e.ns, `ns${prefixes.size + 1}`);
    e.children?.forEach((c) => c && collect(c));
  };
  collect(root);
  const write = (e: XmlElement, isRoot: boolean): string => {
    const tag = e.ns === '' ? e.name : `${prefixes.get(e.ns)}:${e.name}`;
    let attrs = '';
    if (isRoot) for (const [ns, p] of prefixes) if (p !== 'xml') attrs += ` xmlns:${p}="${ns}"`;
    for (const [k, v] of Object.entries(e.attrs ?? {})) if (v !== undefined) attrs += ` ${k}="${escape(v)}"`;
    const inner = e.text !== undefined ? escape(e.text) : (e.children ?? []).map((c) => (c ? write(c, false) : '')).join('');
    return `<${tag}${attrs}>${inner}</${tag}>`;
  };
  return write(root, true);
}
