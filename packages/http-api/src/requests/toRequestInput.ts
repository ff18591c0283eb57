import { EhealthCertError, type OrganisationChoice } from '@ehealth-cert/core';
import type { RequestBody } from './requestBodySchema.js';

/** The organisation choice of core from the body; names the missing field for each kind. */
export function organisationChoiceOf(organisation: RequestBody['organisation']): OrganisationChoice {
  switch (organisation.kind) {
    case 'personal':
      return { kind: 'personal' };
    case 'listed':
      return {
        kind: 'listed',
        organisation: { identifier: required(organisation.identifier, 'identifier', 'listed'), name: organisation.name ?? {} },
      };
    case 'manual': {
      const identifier = required(organisation.identifier, 'identifier', 'manual');
      return {
        kind: 'manual',
        identifierType: identifier.type,
        identifierValue: identifier.value,
        officialName: required(organisation.officialName, 'officialName', 'manual'),
      };
    }
  }
}

function required<T>(value: T | undefined, field: string, kind: string): T {
  if (value === undefined) {
    throw new EhealthCertError('INVALID_INPUT', `body.organisation.${field} is required when organisation.kind is "${kind}".`, {
      field: `body.organisation.${field}`,
      rule: 'required',
    });
  }
  return value;
}
