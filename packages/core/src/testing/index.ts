/** In-memory fakes of every core port and small data builders, for tests (STYLE.md "Tests"). */
export const testingEntry = '@ehealth-cert/core/testing';
