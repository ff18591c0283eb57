/**
 * The most common passwords of public breach lists (NCSC / SplashData top lists), plus French,
 * Dutch and Belgian words people build passwords on; compared after lower-casing, stripping
 * diacritics, and removing digits and symbols added around them (checkKeystorePassword).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // international top lists
  'password', 'passw0rd', 'password1', 'qwerty', 'qwertyuiop', 'azerty', 'azertyuiop', 'qwertz', 'abc', 'abcdef',
  'letmein', 'welcome', 'admin', 'administrator', 'login', 'master', 'monkey', 'dragon', 'football', 'baseball',
  'iloveyou', 'sunshine', 'princess', 'shadow', 'superman', 'batman', 'trustno', 'starwars', 'whatever', 'freedom',
  'secret', 'access', 'hello', 'charlie', 'michael', 'jordan', 'jennifer', 'hunter', 'soccer', 'pokemon',
  'computer', 'internet', 'changeme', 'default', 'test', 'testing', 'guest', 'user', 'root', 'toor',
  'zaq', 'qazwsx', 'asdfgh', 'zxcvbn', 'mustang', 'ninja', 'cheese', 'summer', 'winter', 'spring', 'autumn',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'keystore', 'certificate', 'certificat', 'certificaat', 'ehealth', 'ehealthplatform', 'p12', 'pkcs',
  // French (Wallonia, Brussels)
  'motdepasse', 'motdepass', 'bonjour', 'soleil', 'doudou', 'chouchou', 'loulou', 'amour', 'jetaime', 'chocolat',
  'marseille', 'liberte', 'nicolas', 'camille', 'julien', 'vacances', 'ambulance', 'ambulancier', 'urgence', 'hopital',
  'pharmacie', 'docteur', 'medecin', 'infirmier', 'infirmiere', 'sante', 'belge', 'wallonie', 'namur', 'liege',
  'charleroi', 'mons', 'tournai', 'arlon', 'wavre', 'bruxelles', 'ixelles', 'schaerbeek', 'anderlecht', 'standard',
  // Dutch (Flanders, Brussels)
  'wachtwoord', 'paswoord', 'welkom', 'hallo', 'geheim', 'zomer', 'schat', 'liefde', 'voetbal', 'brussel',
  'antwerpen', 'gent', 'brugge', 'leuven', 'mechelen', 'hasselt', 'kortrijk', 'oostende', 'aalst', 'genk',
  'vlaanderen', 'belgie', 'ziekenhuis', 'apotheek', 'dokter', 'verpleging', 'clubbrugge',
  // Belgian national words
  'belgique', 'belgium', 'belgien', 'rodeduivels', 'diablesrouges', 'reddevils', 'manneken', 'atomium', 'frites',
]);
