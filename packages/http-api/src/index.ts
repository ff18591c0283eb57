/** HTTP API over the ehealth-cert use cases. */
export const packageName = '@ehealth-cert/http-api';
