import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { writeFileOwnerOnlySync } from '../../files/ownerOnly.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** Which libxml2 runs the validation: the system `xmllint` (fast) or xmllint-wasm (portable). */
export type XsdEngine = 'native' | 'wasm';

function nativeXmllintAvailable(): boolean {
  const probe = spawnSync('xmllint', ['--version'], { stdio: 'ignore', timeout: 5000 });
  return probe.status === 0;
}

/**
 * Validates payloads against the eHealth XSDs with libxml2 (docs/decisions/0006): the system
 * `xmllint` when present (about 13 ms per call), else xmllint-wasm (a worker and a schema compile
 * per call, 100-300 ms). Documents arriving together go to one run, so the schemas are compiled
 * once per batch. `EHEALTH_SIM_XSD_ENGINE=wasm|native` forces an engine.
 */
export class XsdValidator {
  readonly engine: XsdEngine;
  private readonly preload: { fileName: string; contents: string }[];
  /** The wrapper schema for the native engine: it imports the XSDs by absolute URL, so it can be written anywhere. */
  private readonly nativeWrapper: string | undefined;
  private queue: Pending[] = [];
  private running = 0;
  private batchCounter = 0;

  constructor(
    root: string = defaultXsdRoot,
    engine: XsdEngine | 'auto' = (process.env.EHEALTH_SIM_XSD_ENGINE as XsdEngine | undefined) ?? 'auto',
    private readonly maxConcurrentRuns = engine === 'wasm' ? 1 : 2,
  ) {
    this.preload = ['ehealth-commons/XSD', 'ehealth-etee/XSD', 'external/XSD'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.xsd'))
        .map((f) => ({ fileName: `${dir}/${f}`, contents: readFileSync(join(root, dir, f), 'utf8') })),
    );
    this.engine = engine === 'auto' ? (nativeXmllintAvailable() ? 'native' : 'wasm') : engine;
    if (this.engine === 'native') {
      this.nativeWrapper = WRAPPER.replace(/schemaLocation="([^"]+)"/g, (_m, rel: string) => `schemaLocation="${pathToFileURL(join(root, rel)).href}"`);
    }
  }

  /** Validates one standalone document (the SOAP Body payload, not the envelope). */
  validate(xml: string): Promise<XsdResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ xml, resolve, reject });
      this.pump();
    });
  }

  // One xmllint process for the whole batch: the schemas are compiled once per batch.
  private async runNative(batch: Pending[]): Promise<Map<number, string[]>> {
    // A folder per batch (mkdtemp: 0700), removed when the batch ends: nothing is left behind even
    // when the process is killed between batches or never calls close() (test workers, Ctrl-C).
    // Issue 13: the wrapper schema is written there too, owner-only like the documents, never to a
    // shared name in the temp folder that another user could have planted first.
    const dir = mkdtempSync(join(tmpdir(), 'ehealth-sim-xsd-'));
    const id = this.batchCounter++;
    const wrapperPath = join(dir, 'all.xsd');
    writeFileOwnerOnlySync(wrapperPath, this.nativeWrapper as string);
    const files = batch.map((p, i) => {
      const f = join(dir, `b${id}-doc${i}.xml`);
      writeFileOwnerOnlySync(f, p.xml);
      return f;
    });
    try {
      const stderr = await new Promise<string>((resolve, reject) => {
        execFile('xmllint', ['--noout', '--nonet', '--schema', wrapperPath, ...files], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, err) => {
          const code = (error as { code?: unknown } | null)?.code;
          if (error && code !== 1 && code !== 3 && code !== 4) reject(error);
          else resolve(err);
        });
      });
      const errors = new Map<number, string[]>();
      for (const line of stderr.split('\n')) {
        const m = /b\d+-doc(\d+)\.xml(?::\d+:)? ?(.*)$/.exec(line);
        if (!m || / validates$/.test(line)) continue;
        const i = Number(m[1]);
        if (/fails to validate$/.test(line)) {
          if (!errors.has(i)) errors.set(i, ['fails to validate']);
          continue;
        }
        errors.set(i, [...(errors.get(i) ?? []), (m[2] ?? '').trim()]);
      }
      return errors;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private async runWasm(batch: Pending[]): Promise<Map<number, string[]>> {
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
    return errors;
  }

  /** Nothing to release: each native batch removes its own temporary folder. */
  close(): void {}

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
      const errors = this.engine === 'native' ? await this.runNative(batch) : await this.runWasm(batch);
      batch.forEach((p, i) => p.resolve({ valid: !errors.has(i), errors: errors.get(i) ?? [] }));
    } catch (e) {
      batch.forEach((p) => p.reject(e));
    }
  }
}
