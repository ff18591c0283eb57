/** Simulator of the eHealth platform and fake eID cards on SoftHSM2. */
export const packageName = '@ehealth-cert/simulator';
