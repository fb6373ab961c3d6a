// Milan's neighbourhoods (NIL, "nuclei di identità locale", and the names people use for their quartiere) and the
// Municipio each lies in, so that "zona Niguarda" or "badante a Baggio" is understood as a Municipio filter rather
// than as words to find on the cards. Names are normalised (lower case, no accents). Where a neighbourhood straddles
// two Municipi the one holding most of it is given. The City's own list (the synonyms of the Municipio terms in
// the taxonomy, editable in the back office) is added to this one at run time and wins where both name a place.

export const NEIGHBOURHOODS: Readonly<Record<string, number>> = {
  // Municipio 1
  centro: 1, 'centro storico': 1, duomo: 1, brera: 1, 'porta garibaldi': 1, garibaldi: 1, guastalla: 1, 'porta vigentina': 1,
  'porta ticinese': 1, magenta: 1, 'san vittore': 1, sarpi: 1, 'paolo sarpi': 1, chinatown: 1, 'castello sforzesco': 1, cordusio: 1,
  'porta nuova': 1, 'corso como': 1, 'parco sempione': 1, 'cadorna': 1, 'sant ambrogio': 1, moscova: 1,
  // Municipio 2
  'stazione centrale': 2, loreto: 2, nolo: 2, turro: 2, gorla: 2, greco: 2, precotto: 2, crescenzago: 2, adriano: 2,
  'villaggio dei giornalisti': 2, 'viale monza': 2, 'padova': 2, 'via padova': 2, 'pasteur': 2, 'maggiolina': 2, 'mecenate': 4,
  // Municipio 3
  'porta venezia': 3, 'citta studi': 3, lambrate: 3, casoretto: 3, ortica: 3, rubattino: 3, cimiano: 3, 'buenos aires': 3,
  'corso buenos aires': 3, 'piola': 3, 'parco lambro': 3, 'feltre': 3, 'lambrate ortica': 3, 'acquabella': 3, 'argonne': 3,
  // Municipio 4
  'porta romana': 4, 'porta vittoria': 4, calvairate: 4, corvetto: 4, forlanini: 4, rogoredo: 4, 'santa giulia': 4,
  'ponte lambro': 4, taliedo: 4, 'monlue': 4, 'molise': 4, 'lodi': 4, 'piazzale lodi': 4, 'umbria': 4, 'xxii marzo': 4,
  // Municipio 5
  vigentino: 5, stadera: 5, 'chiesa rossa': 5, gratosoglio: 5, morivione: 5, chiaravalle: 5, quintosole: 5, ripamonti: 5,
  'vaiano valle': 5, 'fatima': 5, 'tibaldi': 5, 'scalo romana': 5, 'ticinese': 5,
  // Municipio 6
  navigli: 6, 'porta genova': 6, barona: 6, giambellino: 6, lorenteggio: 6, 'san cristoforo': 6, 'ronchetto sul naviglio': 6,
  ronchetto: 6, 'tortona': 6, 'solari': 6, 'moncucco': 6, 'sant ambrogio barona': 6,
  // Municipio 7
  'san siro': 7, 'de angeli': 7, baggio: 7, 'quarto cagnino': 7, 'quinto romano': 7, figino: 7, 'forze armate': 7,
  muggiano: 7, 'bande nere': 7, 'selinunte': 7, 'primaticcio': 7, 'vercelli': 7, 'wagner': 7, 'trenno': 8,
  // Municipio 8
  sempione: 8, portello: 8, qt8: 8, gallaratese: 8, 'quarto oggiaro': 8, villapizzone: 8, certosa: 8, vialba: 8,
  lampugnano: 8, 'citylife': 8, 'fiera': 8, 'ghisolfa': 8, 'musocco': 8, 'roserio': 8, 'cagnola': 8,
  // Municipio 9
  isola: 9, maciachini: 9, dergano: 9, bovisa: 9, affori: 9, niguarda: 9, bicocca: 9, comasina: 9, bruzzano: 9,
  'prato centenaro': 9, 'ca granda': 9, 'bovisasca': 9, 'fulvio testi': 9, 'testi': 9, 'zara': 9, 'farini': 9, 'bignami': 9,
};

/**
 * Names that are also ordinary words of the catalogue ("centro diurno", "corso di greco", "fiera"): they are a place
 * only after a word that introduces one ("zona centro", "in Isola", "quartiere Fiera").
 */
export const AMBIGUOUS_PLACES: ReadonlySet<string> = new Set([
  'centro', 'isola', 'greco', 'certosa', 'sempione', 'garibaldi', 'magenta', 'adriano', 'padova', 'lodi', 'molise', 'umbria',
  'fiera', 'ticinese', 'tortona', 'solari', 'vercelli', 'wagner', 'zara', 'testi', 'duomo', 'fatima', 'piola', 'feltre',
  'argonne', 'pasteur', 'selinunte', 'primaticcio', 'bande nere', 'tibaldi', 'ortica', 'barona', 'stadera', 'portello', 'mecenate',
]);

/** Words that introduce a place: "zona Niguarda", "quartiere Isola", "a Baggio", "in Bovisa", "near Brera". */
export const PLACE_INTRODUCERS: ReadonlySet<string> = new Set([
  'zona', 'quartiere', 'quartieri', 'a', 'in', 'al', 'nel', 'nella', 'nei', 'presso', 'vicino', 'verso', 'near', 'at', 'area',
]);

/** Roman numerals people write after "Municipio". */
export const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9 };
