/** How a type's value is checked: SSIN and CBE and NIHII by their check digits, EHP and SITE by length only. */
export type IdentifierFamily = 'SSIN' | 'CBE' | 'NIHII' | 'EHP' | 'SITE';

/** One row of the identifier type table of DOMAIN.md 4.2. */
export interface OrganisationIdentifierType {
  /** The ETK-depot spelling, e.g. `NIHII-AMBU_SERVICE`. */
  readonly type: string;
  /** Number of digits of a value. */
  readonly length: number;
  readonly family: IdentifierFamily;
  readonly description: { readonly fr: string; readonly nl: string; readonly en: string };
}

const row = (type: string, length: number, family: IdentifierFamily, fr: string, nl: string, en: string): OrganisationIdentifierType => ({
  type,
  length,
  family,
  description: { fr, nl, en },
});

/**
 * The identifier types of the official connector's `IdentifierType` (DOMAIN.md 4.2). Meanings
 * other than SSIN/CBE/hospital/pharmacy/labo are inferred from the names; when online, the list
 * from GetGenericOrganizationTypes is authoritative.
 */
export const ORGANISATION_IDENTIFIER_TYPES: readonly OrganisationIdentifierType[] = [
  row('SSIN', 11, 'SSIN', 'Personne physique (NISS)', 'Natuurlijke persoon (INSZ)', 'Natural person (SSIN)'),
  row('CBE', 10, 'CBE', 'Entreprise (numéro BCE)', 'Onderneming (KBO-nummer)', 'Enterprise (CBE number)'),
  row('CBE-TREAT_CENTER', 10, 'CBE', 'Centre de traitement', 'Behandelingscentrum', 'Treatment centre'),
  row('CBE-CONSORTIUM', 10, 'CBE', 'Consortium', 'Consortium', 'Consortium'),
  row('EHP', 10, 'EHP', 'Organisation identifiée par eHealth', 'Door eHealth geïdentificeerde organisatie', 'Organisation identified by eHealth'),
  row('EHP-CTRL_ORGANISM', 10, 'EHP', 'Organisme de contrôle', 'Controleorganisme', 'Control body'),
  row('NIHII', 8, 'NIHII', 'Organisation (numéro INAMI)', 'Organisatie (RIZIV-nummer)', 'Organisation (NIHII number)'),
  row('NIHII11', 11, 'NIHII', 'Prestataire de soins (INAMI à 11 chiffres)', 'Zorgverlener (RIZIV-nummer, 11 cijfers)', 'Care provider (11-digit NIHII)'),
  row('NIHII-HOSPITAL', 8, 'NIHII', 'Hôpital', 'Ziekenhuis', 'Hospital'),
  row('NIHII-PHARMACY', 8, 'NIHII', 'Pharmacie', 'Apotheek', 'Pharmacy'),
  row('NIHII-OTD_PHARMACY', 8, 'NIHII', 'Pharmacie hors officine', 'Apotheek buiten officina', 'Off-the-counter pharmacy'),
  row('NIHII-LABO', 8, 'NIHII', 'Laboratoire de biologie clinique', 'Laboratorium klinische biologie', 'Clinical laboratory'),
  row('NIHII-AMBU_SERVICE', 8, 'NIHII', 'Service ambulancier', 'Ambulancedienst', 'Ambulance service'),
  row('NIHII-RETIREMENT', 8, 'NIHII', 'Maison de repos', 'Rusthuis', 'Retirement home'),
  row('NIHII-PALLIATIVE_CARE', 8, 'NIHII', 'Soins palliatifs', 'Palliatieve zorg', 'Palliative care'),
  row('NIHII-PSYCH_HOUSE', 8, 'NIHII', 'Maison de soins psychiatriques', 'Psychiatrisch verzorgingstehuis', 'Psychiatric care home'),
  row('NIHII-PROT_ACC', 8, 'NIHII', 'Habitation protégée', 'Beschut wonen', 'Protected housing'),
  row('NIHII-HOME_SERVICES', 8, 'NIHII', 'Services de soins à domicile', 'Thuiszorgdiensten', 'Home care services'),
  row('NIHII-GROUP', 8, 'NIHII', 'Groupement d’infirmiers', 'Groepering verpleegkundigen', 'Group of nurses'),
  row('NIHII-GROUP_DOCTORS', 8, 'NIHII', 'Groupement de médecins', 'Groepering artsen', 'Group of doctors'),
  row('NIHII-OFFICE_DOCTORS', 8, 'NIHII', 'Cabinet de médecins', 'Artsenpraktijk', 'Doctors’ office'),
  row('NIHII-OFFICE_DENTISTS', 8, 'NIHII', 'Cabinet de dentistes', 'Tandartsenpraktijk', 'Dentists’ office'),
  row('NIHII-OF_PHYSIOS', 8, 'NIHII', 'Cabinet de kinésithérapeutes', 'Kinesitherapiepraktijk', 'Physiotherapists’ office'),
  row('NIHII-OF_BAND', 8, 'NIHII', 'Bandagiste', 'Bandagist', 'Bandagist'),
  row('NIHII-GROUP_MIDWIVES', 8, 'NIHII', 'Groupement de sages-femmes', 'Groepering vroedvrouwen', 'Group of midwives'),
  row('NIHII-MEDICAL_HOUSE', 8, 'NIHII', 'Maison médicale', 'Wijkgezondheidscentrum', 'Medical house'),
  row('NIHII-GUARD_POST', 8, 'NIHII', 'Poste de garde de médecine générale', 'Huisartsenwachtpost', 'GP guard post'),
  row('NIHII-BELRAI', 8, 'NIHII', 'BelRAI', 'BelRAI', 'BelRAI'),
  row('NIHII-BELRAI_SCREEN', 8, 'NIHII', 'BelRAI Screener', 'BelRAI Screener', 'BelRAI screener'),
  row('NIHII-LEGAL_PSY', 8, 'NIHII', 'Psychiatrie médico-légale', 'Forensische psychiatrie', 'Forensic psychiatry'),
  row('NIHII-REEDUCATION', 8, 'NIHII', 'Centre de rééducation', 'Revalidatiecentrum', 'Rehabilitation centre'),
  row('NIHII-SORTING_CENTER', 8, 'NIHII', 'Centre de tri', 'Triagecentrum', 'Sorting centre'),
  row('SITE', 4, 'SITE', 'Site hospitalier', 'Ziekenhuissite', 'Hospital site'),
  row('SITESMUR', 10, 'SITE', 'Site SMUR', 'MUG-site', 'SMUR site'),
  row('SITEPIT', 10, 'SITE', 'Site PIT', 'PIT-site', 'PIT site'),
];

/** The table row of `type` (exact, upper-case spelling), if any. */
export function findIdentifierType(type: string): OrganisationIdentifierType | undefined {
  return ORGANISATION_IDENTIFIER_TYPES.find((t) => t.type === type);
}
