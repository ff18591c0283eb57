import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/** Where the vendored eHealth XSDs live (resources/ehealth-xsd at the repository root). */
export const defaultXsdRoot = fileURLToPath(new URL('../../../../../resources/ehealth-xsd/', import.meta.url));

// One schema importing the three services, so a single xmllint run validates any message.
const WRAPPER = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ehealth-sim:all">
<xs:import namespace="urn:be:fgov:ehealth:certra:protocol:v2" schemaLocation="ehealth-etee/XSD/ehealth-certra-schema-protocol-2_0.xsd"/>
<xs:import namespace="urn:be:fgov:ehealth:etkra:protocol:v2" schemaLocation="ehealth-etee/XSD/ehealth-etkra-schema-protocol-2_0.xsd"/>
<xs:import namespace="urn:be:fgov:ehealth:etkdepot:1_0:protocol" schemaLocation="ehealth-etee/XSD/ehealth-etkdepot-schema-protocol-1_0.xsd"/>
</xs:schema>`;

/** The outcome of validating one document. */
export interface XsdResult {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

interface Pending {
  readonly xml: string;
  readonly resolve: (r: XsdResult) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Validates payloads against the eHealth XSDs with xmllint-wasm. Each xmllint-wasm call starts a
 * worker and compiles the schemas (about 100 ms here), so documents arriving together are
 * validated in one call: 200 documents cost about 175 ms (docs/decisions/0001).
 */
export class XsdValidator {
  private readonly preload: { fileName: string; contents: string }[];
  private queue: Pending[] = [];
  private running = 0;

  constructor(
    root: string = defaultXsdRoot,
    private readonly maxConcurrentRuns = 1,
  ) {
    this.preload = ['ehealth-commons/XSD', 'ehealth-etee/XSD', 'external/XSD'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.xsd'))
        .map((f) => ({ fileName: `${dir}/${f}`, contents: readFileSync(join(root, dir, f), 'utf8') })),
    );
  }

  /** Validates one standalone document (the SOAP Body payload, not the envelope). */
  validate(xml: string): Promise<XsdResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ xml, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running >= this.maxConcurrentRuns || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.running++;
    void this.run(batch).finally(() => {
      this.running--;
      this.pump();
    });
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const result = await validateXML({
        xml: batch.map((p, i) => ({ fileName: `doc${i}.xml`, contents: p.xml })),
        schema: [{ fileName: 'all.xsd', contents: WRAPPER }],
        preload: this.preload,
      });
      const errors = new Map<number, string[]>();
      for (const e of result.errors) {
        const m = /^doc(\d+)\.xml/.exec(e.loc?.fileName ?? e.rawMessage);
        if (!m) continue;
        const i = Number(m[1]);
        if (/fails to validate$/.test(e.rawMessage) && errors.has(i)) continue;
        errors.set(i, [...(errors.get(i) ?? []), e.message]);
      }
      batch.forEach((p, i) => p.resolve({ valid: !errors.has(i), errors: errors.get(i) ?? [] }));
    } catch (e) {
      batch.forEach((p) => p.reject(e));
    }
  }
}
