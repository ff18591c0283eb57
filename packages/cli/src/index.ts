/** ehealth-cert: the command-line wizard. */
export const packageName = '@ehealth-cert/cli';
