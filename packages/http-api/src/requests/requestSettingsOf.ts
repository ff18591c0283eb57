import type { RequestSettings } from '@ehealth-cert/core';
import { BodyPinEntry } from '../person/BodyPinEntry.js';
import { BodyRequestReview } from '../person/BodyRequestReview.js';

/** What a request or renewal body says about the person (manual steps 11-14). */
export interface PersonFields {
  readonly password: string;
  readonly pin?: string;
  readonly baseServiceUsages?: readonly string[];
  readonly acceptTerms: boolean;
  readonly newKey?: boolean;
  readonly keystoreFormat?: 'modern' | 'legacy';
}

/** Core's RequestSettings from a body: the PIN entry and approvals come from the body itself. */
export function requestSettingsOf(environment: RequestSettings['environment'], body: PersonFields): RequestSettings {
  return {
    password: body.password,
    // Left out: core sends the base services eHealth makes available to the organisation's type.
    ...(body.baseServiceUsages !== undefined ? { baseServiceUsages: body.baseServiceUsages } : {}),
    environment,
    pinEntry: new BodyPinEntry(body.pin),
    review: new BodyRequestReview(body.acceptTerms),
    ...(body.newKey === true ? { newKey: true } : {}),
    ...(body.keystoreFormat === undefined ? {} : { keystoreFormat: body.keystoreFormat }),
  };
}
