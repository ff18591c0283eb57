/** The API's answers the wizard reads (see the API's OpenAPI description). */
export interface CardAnswer {
  readonly holder: { readonly ssin: string; readonly givenNames: string; readonly surname: string };
  readonly pin: { readonly state: string; readonly pinpad: boolean };
}

export interface LocalizedText {
  readonly fr?: string;
  readonly nl?: string;
  readonly en?: string;
}

export interface Identifier {
  readonly type: string;
  readonly value: string;
}

export interface ListedOrganisation {
  readonly name: LocalizedText;
  readonly identifier: Identifier;
}

export interface OrganisationType {
  readonly name: LocalizedText;
  readonly identifierType: string;
}

export interface SubmittedRequest {
  readonly reference: string;
  readonly automaticallyValidated: boolean;
  readonly keystore: string;
  readonly dn: string;
  readonly certificateName: string;
  readonly secretKeyFile: string;
}

export interface RecordedRequest {
  readonly reference: string;
  readonly certificateName: string;
  readonly keystore: string;
  readonly requestedAt: string;
  readonly status: string;
}

export interface CompletionOutcome {
  readonly status: 'pending' | 'completed';
  readonly reference: string;
  readonly keystore: string;
  readonly toBeActivated?: boolean;
  readonly notAfter?: string;
  /** What the person should know about a completion that succeeded (e.g. ETK not yet published). */
  readonly warnings?: readonly { readonly code: string; readonly message: string }[];
}

/** A text in the chosen language, else another one. */
export function inLanguage(text: LocalizedText, language: string): string {
  return (text as Record<string, string | undefined>)[language] ?? text.fr ?? text.nl ?? text.en ?? '';
}
