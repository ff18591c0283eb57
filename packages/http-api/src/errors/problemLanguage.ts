import type { ErrorCode } from '@ehealth-cert/core';
import type { ApiErrorCode } from './ApiErrorCode.js';
import type { ProblemDocument } from './ProblemDocument.js';

/** The languages `detail` is written in; English is the server's own text (the most precise). */
export const PROBLEM_LANGUAGES = ['en', 'fr', 'nl'] as const;
export type ProblemLanguage = (typeof PROBLEM_LANGUAGES)[number];

/**
 * The language of an `Accept-Language` header (RFC 9110 section 12.5.4): the supported one with
 * the highest weight, by its primary tag (`fr-BE` is fr); English when none is acceptable.
 */
export function problemLanguageOf(header: string | string[] | undefined): ProblemLanguage {
  const ranges = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ language, q }) => language !== '' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { language } of ranges) {
    if (language === '*') return 'en';
    if ((PROBLEM_LANGUAGES as readonly string[]).includes(language)) return language as ProblemLanguage;
  }
  return 'en';
}

type Sentences = Readonly<Record<ErrorCode | ApiErrorCode, string>>;

/** What happened, per code, in the person's words (French typography: a no-break space before « : »). */
const SENTENCES: Readonly<Record<'fr' | 'nl', Sentences>> = {
  fr: {
    INVALID_INPUT: 'Une donnée envoyée ne respecte pas les règles.',
    INVALID_IDENTIFIER: 'Le numéro d’identification n’est pas valide.',
    INVALID_CONTACT_DATA: 'Les coordonnées ne sont pas valides (il faut au moins une adresse e-mail générique).',
    WEAK_PASSWORD: 'Le mot de passe du keystore n’est pas assez sûr.',
    TERMS_NOT_ACCEPTED: 'Les conditions d’utilisation doivent être acceptées (acceptTerms: true).',
    CANCELLED: 'La demande n’a pas été approuvée ; rien n’a été envoyé.',
    PKCS11_MODULE_NOT_FOUND: 'Le logiciel du lecteur de carte eID est introuvable sur le serveur.',
    CARD_ABSENT: 'Aucune carte eID n’est insérée dans le lecteur.',
    CARD_AMBIGUOUS: 'Plusieurs cartes eID sont insérées ; laissez-en une seule.',
    CARD_REMOVED: 'La carte eID a été retirée pendant l’opération.',
    CARD_ERROR: 'Le lecteur ou la carte eID a mal répondu.',
    PIN_INCORRECT: 'Le code PIN est incorrect.',
    PIN_BLOCKED: 'Le code PIN est bloqué ; débloquez la carte avec le code PUK à la commune.',
    PIN_UNAVAILABLE: 'Le code PIN est nécessaire : envoyez-le dans le champ « pin ».',
    KEYSTORE_NOT_FOUND: 'Ce keystore est introuvable.',
    KEYSTORE_PASSWORD_WRONG: 'Le mot de passe ne permet pas d’ouvrir le keystore.',
    KEYSTORE_CORRUPT: 'Le fichier keystore est illisible.',
    KEYSTORE_WRITE_FAILED: 'Le keystore n’a pas pu être enregistré.',
    KEYSTORE_MISMATCH: 'Ce keystore ne correspond pas à cette demande.',
    KEYSTORE_NOT_EHEALTH: 'Ce fichier PKCS#12 est lisible, mais ce n’est pas un keystore eHealth : il n’a pas de clé « authentication ».',
    KEYSTORE_FOLDER_MISSING: 'Le dossier des keystores a disparu pendant l’opération ; il n’est pas recréé vide. Remettez-le en place.',
    EHEALTH_REJECTED: 'eHealth a refusé l’opération.',
    EHEALTH_UNAVAILABLE: 'eHealth ne répond pas ; réessayez plus tard.',
    EHEALTH_RESPONSE_INVALID: 'eHealth a envoyé une réponse inattendue.',
    RENEWAL_NOT_ALLOWED: 'Le certificat ne peut pas encore être renouvelé.',
    REQUEST_NOT_FOUND: 'Aucune demande de ce numéro n’est enregistrée sur ce serveur.',
    REQUEST_UNFINISHED: 'Une demande pour ce certificat n’est pas terminée ; rien n’a été envoyé. Complétez-la (details.completion), consultez-la (details.href) ou envoyez "newKey": true pour demander quand même avec une nouvelle clé.',
    CERTIFICATE_NOT_ACTIVE: 'Le certificat n’est pas actif.',
    INTERNAL: 'Erreur interne ; le journal du serveur en donne le détail.',
    UNAUTHORIZED: 'Le jeton d’accès (Authorization: Bearer) manque ou n’est pas valide.',
    HOST_NOT_ALLOWED: 'Ce serveur ne répond qu’à ses propres noms (en-tête Host) : 127.0.0.1, localhost, [::1] ou un nom donné au démarrage avec --allowed-host.',
    TOKEN_IN_QUERY: 'Un jeton d’accès a été mis dans l’adresse (query string) : c’est refusé, car les adresses aboutissent dans les journaux et l’historique. Envoyez-le dans l’en-tête Authorization: Bearer, et remplacez ce jeton, qui doit être considéré comme exposé.',
    ROUTE_NOT_FOUND: 'Cette adresse n’existe pas dans l’API.',
    JOB_NOT_FOUND: 'Cette opération est inconnue ou a été oubliée après sa fin.',
    CARD_BUSY: 'La carte eID est occupée par une autre opération ; réessayez dans un instant.',
    RATE_LIMITED: 'Trop de codes PIN ou de mots de passe erronés ; patientez avant de réessayer.',
    IDEMPOTENCY_KEY_MISSING: 'Cette requête doit porter un en-tête Idempotency-Key (par exemple un UUID).',
    IDEMPOTENCY_KEY_REUSED: 'Cette clé Idempotency-Key a déjà servi pour une autre requête.',
    REQUEST_INTERRUPTED: 'La première tentative a été interrompue par un redémarrage ; son effet chez eHealth est inconnu. Consultez GET /requests?status=pending (details.see) avant de recommencer avec une nouvelle clé Idempotency-Key.',
    PAYLOAD_TOO_LARGE: 'Le corps de la requête est trop grand.',
    UNSUPPORTED_MEDIA_TYPE: 'Le corps de la requête doit être du JSON (Content-Type: application/json).',
  },
  nl: {
    INVALID_INPUT: 'Een verzonden gegeven voldoet niet aan de regels.',
    INVALID_IDENTIFIER: 'Het identificatienummer is niet geldig.',
    INVALID_CONTACT_DATA: 'De contactgegevens zijn niet geldig (minstens één algemeen e-mailadres is nodig).',
    WEAK_PASSWORD: 'Het wachtwoord van de keystore is niet sterk genoeg.',
    TERMS_NOT_ACCEPTED: 'De gebruiksvoorwaarden moeten aanvaard worden (acceptTerms: true).',
    CANCELLED: 'De aanvraag werd niet goedgekeurd; er werd niets verzonden.',
    PKCS11_MODULE_NOT_FOUND: 'De software van de eID-kaartlezer is niet gevonden op de server.',
    CARD_ABSENT: 'Er zit geen eID-kaart in de lezer.',
    CARD_AMBIGUOUS: 'Er zitten meerdere eID-kaarten in de lezers; laat er één zitten.',
    CARD_REMOVED: 'De eID-kaart werd tijdens de bewerking verwijderd.',
    CARD_ERROR: 'De lezer of de eID-kaart antwoordde niet correct.',
    PIN_INCORRECT: 'De pincode is onjuist.',
    PIN_BLOCKED: 'De pincode is geblokkeerd; deblokkeer de kaart met de PUK-code bij de gemeente.',
    PIN_UNAVAILABLE: 'De pincode is nodig: stuur ze in het veld "pin".',
    KEYSTORE_NOT_FOUND: 'Deze keystore is niet gevonden.',
    KEYSTORE_PASSWORD_WRONG: 'Het wachtwoord opent de keystore niet.',
    KEYSTORE_CORRUPT: 'Het keystorebestand is onleesbaar.',
    KEYSTORE_WRITE_FAILED: 'De keystore kon niet worden opgeslagen.',
    KEYSTORE_MISMATCH: 'Deze keystore hoort niet bij deze aanvraag.',
    KEYSTORE_NOT_EHEALTH: 'Dit PKCS#12-bestand is leesbaar, maar het is geen eHealth-keystore: het heeft geen sleutel „authentication”.',
    KEYSTORE_FOLDER_MISSING: 'De keystoremap is tijdens de bewerking verdwenen; ze wordt niet leeg opnieuw aangemaakt. Zet ze terug.',
    EHEALTH_REJECTED: 'eHealth weigerde de bewerking.',
    EHEALTH_UNAVAILABLE: 'eHealth antwoordt niet; probeer later opnieuw.',
    EHEALTH_RESPONSE_INVALID: 'eHealth stuurde een onverwacht antwoord.',
    RENEWAL_NOT_ALLOWED: 'Het certificaat kan nog niet vernieuwd worden.',
    REQUEST_NOT_FOUND: 'Er is geen aanvraag met dit nummer geregistreerd op deze server.',
    REQUEST_UNFINISHED: 'Een aanvraag voor dit certificaat is niet afgerond; er werd niets verstuurd. Rond ze af (details.completion), bekijk ze (details.href) of stuur "newKey": true om toch aan te vragen met een nieuwe sleutel.',
    CERTIFICATE_NOT_ACTIVE: 'Het certificaat is niet actief.',
    INTERNAL: 'Interne fout; het serverlogboek bevat de details.',
    UNAUTHORIZED: 'Het toegangstoken (Authorization: Bearer) ontbreekt of is niet geldig.',
    HOST_NOT_ALLOWED: 'Deze server antwoordt alleen op zijn eigen namen (Host-header): 127.0.0.1, localhost, [::1] of een naam die bij het starten met --allowed-host werd gegeven.',
    TOKEN_IN_QUERY: 'Er staat een toegangstoken in het adres (query string): dat wordt geweigerd, want adressen komen in logboeken en de geschiedenis terecht. Stuur het in de header Authorization: Bearer, en vervang dit token: het moet als gelekt worden beschouwd.',
    ROUTE_NOT_FOUND: 'Dit adres bestaat niet in de API.',
    JOB_NOT_FOUND: 'Deze bewerking is onbekend of werd na afloop vergeten.',
    CARD_BUSY: 'De eID-kaart is bezet door een andere bewerking; probeer zo dadelijk opnieuw.',
    RATE_LIMITED: 'Te veel foute pincodes of wachtwoorden; wacht even voor u opnieuw probeert.',
    IDEMPOTENCY_KEY_MISSING: 'Dit verzoek heeft een Idempotency-Key-header nodig (bijvoorbeeld een UUID).',
    IDEMPOTENCY_KEY_REUSED: 'Deze Idempotency-Key werd al gebruikt voor een ander verzoek.',
    REQUEST_INTERRUPTED: 'De eerste poging werd onderbroken door een herstart; het effect bij eHealth is onbekend. Bekijk GET /requests?status=pending (details.see) voor u opnieuw begint met een nieuwe Idempotency-Key.',
    PAYLOAD_TOO_LARGE: 'De body van het verzoek is te groot.',
    UNSUPPORTED_MEDIA_TYPE: 'De body van het verzoek moet JSON zijn (Content-Type: application/json).',
  },
};

const LABELS = {
  fr: { field: 'Champ', rule: 'règle', retry: (s: number) => `Réessayez dans ${s}\u00a0s.`, ehealth: 'Réponse d’eHealth', keystore: 'Keystore', colon: '\u00a0: ' },
  nl: { field: 'Veld', rule: 'regel', retry: (s: number) => `Probeer opnieuw over ${s} s.`, ehealth: 'Antwoord van eHealth', keystore: 'Keystore', colon: ': ' },
} as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/**
 * The document with `detail` in `language`: the code's sentence, then what `details` names (the
 * field and its rule, eHealth's own code and message, the keystore, when to retry). English keeps
 * the server's message. `code`, `title` and `details` never change: clients switch on them.
 */
export function localizeProblem(document: ProblemDocument, language: ProblemLanguage): ProblemDocument {
  if (language === 'en') return document;
  const label = LABELS[language];
  const parts = [SENTENCES[language][document.code]];
  const field = text(document.details['field']);
  const rule = text(document.details['rule']);
  if (field !== undefined) parts.push(`${label.field}${label.colon}${field}${rule === undefined ? '' : ` (${label.rule}${label.colon}${rule})`}.`);
  const keystore = text(document.details['keystore']);
  if (keystore !== undefined) parts.push(`${label.keystore}${label.colon}${keystore}.`);
  const ehealthCode = text(document.details['ehealthCode']);
  if (ehealthCode !== undefined) {
    const message = text(document.details['ehealthMessage']);
    parts.push(`${label.ehealth}${label.colon}${ehealthCode}${message === undefined ? '' : ` (${message})`}.`);
  }
  const retryAfter = document.details['retryAfter'];
  if (typeof retryAfter === 'number') parts.push(label.retry(retryAfter));
  return { ...document, detail: parts.join(' ') };
}

/** A problem document, by its shape (what a route, the error handler or a failed job sends). */
export function isProblemDocument(value: unknown): value is ProblemDocument {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<ProblemDocument>;
  return typeof candidate.type === 'string' && typeof candidate.code === 'string' && typeof candidate.detail === 'string' && typeof candidate.status === 'number';
}
