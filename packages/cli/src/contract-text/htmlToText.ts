/** The contract text as terminal text: core's htmlToText (shared with the API's contract route). */
export { htmlToText } from '@ehealth-cert/core';
