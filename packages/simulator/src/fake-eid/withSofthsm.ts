import pkcs11js from 'pkcs11js';

/**
 * Runs `work` with SoftHSM initialised on the given private config, then finalises it and restores
 * SOFTHSM2_CONF: SoftHSM reads the variable at C_Initialize (TOOLCHAIN.md 4).
 */
export async function withSofthsm<T>(modulePath: string, softhsmConf: string, work: (p11: pkcs11js.PKCS11) => Promise<T>): Promise<T> {
  const previous = process.env.SOFTHSM2_CONF;
  process.env.SOFTHSM2_CONF = softhsmConf;
  const p11 = new pkcs11js.PKCS11();
  try {
    p11.load(modulePath);
    p11.C_Initialize();
    try {
      return await work(p11);
    } finally {
      p11.C_Finalize();
    }
  } finally {
    p11.close();
    if (previous === undefined) delete process.env.SOFTHSM2_CONF;
    else process.env.SOFTHSM2_CONF = previous;
  }
}
