// The labelled query set of the search (issue 9): what people type — Italian, English, typos, whole sentences —
// with the cards a caseworker of the City would call relevant. Relevance is defined by the demo catalogue's
// taxonomy (src/db/seed/taxonomy.ts): a card is relevant when its service type or its category is listed (and, when
// the query names a place, when it serves that Municipio). No result ids are written here: the cards relevant to a
// query are whatever cards of those kinds the catalogue holds. test/routes/search-quality.test.ts runs them.

export interface LabelledQuery {
  q: string;
  /** Service type codes whose cards are relevant. */
  types?: string[];
  /** Category codes whose cards are relevant. */
  categories?: string[];
  /** The Municipio the query names: relevant cards serve it, and the search must apply it as a filter. */
  municipio?: number;
  /** One of the examples of the issue: its first three results must all be relevant. */
  example?: boolean;
  kind: 'it' | 'en' | 'typo' | 'sentence' | 'place';
}

const BADANTE = ['assistenza_familiare_badante', 'badante_condominio', 'badante_convivente', 'badante_ore', 'assistenza_notturna'];
const ELDER = [...BADANTE, 'assistenza_domiciliare_anziani', 'compagnia_sorveglianza', 'oss_domicilio', 'igiene_cura_persona'];
const DEMENTIA = [...ELDER, 'sostegno_caregiver'];
const HOME_CARE = ['assistenza_domiciliare_anziani', 'assistenza_persone_disabilita', 'assistenza_familiare_badante', 'badante_ore', 'oss_domicilio', 'igiene_cura_persona', 'assistenza_infermieristica'];
const NANNY = ['baby_sitting', 'tata_ore', 'tata_convivente'];
const ITALIAN = ['corsi_lingua_italiana', 'lingua_italiana_l2'];
const PSYCHOLOGY = { categories: ['servizi_psicologici'], types: ['psicologo_eta_evolutiva'] };
const HOMEWORK = ['aiuto_compiti', 'doposcuola', 'sostegno_dsa'];
const FINANCE = ['ef_budgeting', 'ef_debiti', 'ef_investimento', 'ef_pensione', 'ef_protezione'];

export const LABELLED_QUERIES: LabelledQuery[] = [
  // ------------------------------------------------------------------ the examples of the issue
  { q: 'badante per mia madre', types: BADANTE, example: true, kind: 'sentence' },
  { q: 'cerco una badante che dorma in casa', types: ['badante_convivente', 'assistenza_notturna'], example: true, kind: 'sentence' },
  { q: "mio padre ha l'alzheimer", types: DEMENTIA, example: true, kind: 'sentence' },
  { q: 'demenza', types: DEMENTIA, example: true, kind: 'it' },
  { q: 'pasti a domicilio municipio 8', categories: ['pasti_domicilio'], municipio: 8, example: true, kind: 'place' },
  { q: 'assistenza anziani zona Niguarda', types: ELDER, municipio: 9, example: true, kind: 'place' },
  { q: 'aiuto per la spesa', types: ['spesa_domicilio'], example: true, kind: 'sentence' },
  { q: 'qualcuno che faccia compagnia a mio nonno', types: ['compagnia_sorveglianza', 'accompagnamento_uscite', 'assistenza_domiciliare_anziani', ...BADANTE], example: true, kind: 'sentence' },
  { q: 'caregiver elderly', types: DEMENTIA, example: true, kind: 'en' },
  { q: 'home care', types: HOME_CARE, example: true, kind: 'en' },
  { q: 'nanny', types: NANNY, example: true, kind: 'en' },
  { q: 'meals at home', categories: ['pasti_domicilio'], example: true, kind: 'en' },
  { q: 'italian course', categories: ITALIAN, example: true, kind: 'en' },
  { q: 'psychologist', ...PSYCHOLOGY, example: true, kind: 'en' },
  { q: 'badante', types: BADANTE, example: true, kind: 'it' },
  { q: 'pasti a domicilio', categories: ['pasti_domicilio'], example: true, kind: 'it' },

  // ------------------------------------------------------------------ Italian keywords
  { q: 'badanti qualificate', types: BADANTE, kind: 'it' },
  { q: 'assistenza anziani', types: ELDER, kind: 'it' },
  { q: 'anziano non autosufficiente', types: DEMENTIA, kind: 'it' },
  { q: 'assistenza notturna', types: ['assistenza_notturna', 'compagnia_sorveglianza', 'badante_convivente'], kind: 'it' },
  { q: 'oss a domicilio', types: ['oss_domicilio', 'assistenza_domiciliare_anziani'], kind: 'it' },
  { q: 'infermiere', types: ['assistenza_infermieristica', 'oss_domicilio'], kind: 'it' },
  { q: 'fisioterapista a domicilio', types: ['fisioterapia_domicilio'], kind: 'it' },
  { q: 'baby sitter', types: NANNY, kind: 'it' },
  { q: 'tata convivente', types: ['tata_convivente'], kind: 'it' },
  { q: 'colf', categories: ['tcb_colf'], kind: 'it' },
  { q: 'donna delle pulizie', categories: ['tcb_colf'], kind: 'it' },
  { q: 'aiuto compiti', types: HOMEWORK, kind: 'it' },
  { q: 'dislessia', types: ['sostegno_dsa'], kind: 'it' },
  { q: 'corso di italiano per stranieri', categories: ITALIAN, kind: 'it' },
  { q: 'ricongiungimento familiare', categories: ['ricongiungimento_familiare'], kind: 'it' },
  { q: 'interprete', types: ['mediazione_linguistica'], kind: 'it' },
  { q: 'accompagnamento visite mediche', types: ['accompagnamento_visite'], kind: 'it' },
  { q: 'trasporto disabili', types: ['trasporto_attrezzato', 'accompagnamento_visite', 'accompagnamento_uscite'], kind: 'it' },
  { q: 'assistenza disabili', types: ['assistenza_persone_disabilita', 'educatore_disabilita'], kind: 'it' },
  { q: 'parrucchiere a domicilio', types: ['parrucchiere_domicilio'], kind: 'it' },
  { q: 'pedicure', types: ['podologia_domicilio'], kind: 'it' },
  { q: 'dog sitter', categories: ['cura_animali'], kind: 'it' },
  { q: 'idraulico', categories: ['piccole_manutenzioni'], kind: 'it' },
  { q: 'imbianchino', types: ['tinteggiatura'], kind: 'it' },
  { q: 'isee', types: ['assistenza_isee'], kind: 'it' },
  { q: 'busta paga colf', categories: ['gestione_lavoro_domestico'], kind: 'it' },
  { q: 'debiti', types: ['ef_debiti_incontro', 'ef_debiti_individuale'], kind: 'it' },
  { q: 'educazione finanziaria', categories: FINANCE, kind: 'it' },
  { q: 'terapia di coppia', types: ['consulenza_familiare'], kind: 'it' },
  { q: 'gruppo di auto mutuo aiuto', types: ['gruppi_auto_mutuo_aiuto'], kind: 'it' },
  { q: 'coding per ragazzi', types: ['coding_robotica'], kind: 'it' },
  { q: 'laboratorio di teatro', types: ['laboratorio_teatro'], kind: 'it' },
  { q: 'pasti caldi', types: ['pasti_caldi'], kind: 'it' },
  { q: 'dieta senza glutine', types: ['pasti_diete_speciali'], kind: 'it' },
  { q: 'ritiro farmaci', types: ['ritiro_farmaci'], kind: 'it' },

  // ------------------------------------------------------------------ sentences
  { q: 'ho bisogno di un infermiere per le iniezioni', types: ['assistenza_infermieristica'], kind: 'sentence' },
  { q: 'vorrei un prelievo del sangue a casa', types: ['prelievi_domicilio'], kind: 'sentence' },
  { q: 'doposcuola per mio figlio', types: ['doposcuola', 'aiuto_compiti'], kind: 'sentence' },
  { q: 'chi porta a spasso il cane', types: ['dog_sitting'], kind: 'sentence' },
  { q: 'mi serve aiuto con lo spid', types: ['supporto_domande_online'], kind: 'sentence' },
  { q: 'devo fare il contratto alla badante', categories: ['gestione_lavoro_domestico'], kind: 'sentence' },
  { q: 'sono stanco di assistere mia moglie malata', types: ['sostegno_caregiver', 'gruppi_auto_mutuo_aiuto'], kind: 'sentence' },
  { q: 'corsi di calcio per bambini', types: ['corsi_sportivi'], kind: 'sentence' },
  { q: 'psicologo per mio figlio adolescente', types: ['psicologo_eta_evolutiva', 'supporto_psicologico'], kind: 'sentence' },
  { q: 'qualcuno che pulisca casa', categories: ['tcb_colf'], kind: 'sentence' },

  // ------------------------------------------------------------------ English
  { q: 'physiotherapy', types: ['fisioterapia_domicilio'], kind: 'en' },
  { q: 'blood test at home', types: ['prelievi_domicilio'], kind: 'en' },
  { q: 'housekeeper', categories: ['tcb_colf'], kind: 'en' },
  { q: 'homework help', types: HOMEWORK, kind: 'en' },
  { q: 'learn italian', categories: ITALIAN, kind: 'en' },
  { q: 'pet sitter', categories: ['cura_animali'], kind: 'en' },
  { q: 'live in carer for my mother', types: ['badante_convivente', 'assistenza_notturna'], kind: 'en' },
  { q: 'grocery shopping for elderly', types: ['spesa_domicilio'], kind: 'en' },
  { q: 'residence permit', categories: ['consulenza_sociale_giuridica'], kind: 'en' },
  { q: 'speech therapy', types: ['logopedia'], kind: 'en' },

  // ------------------------------------------------------------------ typos
  { q: 'badnte', types: BADANTE, kind: 'typo' },
  { q: 'psicolgo', ...PSYCHOLOGY, kind: 'typo' },
  { q: 'fisoterapia', types: ['fisioterapia_domicilio'], kind: 'typo' },
  { q: 'pasti a domicilo', categories: ['pasti_domicilio'], kind: 'typo' },
  { q: 'alzaimer', types: DEMENTIA, kind: 'typo' },
  { q: 'infermera', types: ['assistenza_infermieristica', 'oss_domicilio'], kind: 'typo' },
  { q: 'babysiter', types: NANNY, kind: 'typo' },

  // ------------------------------------------------------------------ places
  { q: 'badante a ore zona Baggio', types: ['badante_ore', 'assistenza_familiare_badante'], municipio: 7, kind: 'place' },
  { q: 'spesa a domicilio municipio 3', types: ['spesa_domicilio'], municipio: 3, kind: 'place' },
  { q: 'fisioterapia quartiere Lorenteggio', types: ['fisioterapia_domicilio'], municipio: 6, kind: 'place' },
  { q: 'mi serve un infermiere a Quarto Oggiaro', types: ['assistenza_infermieristica', 'oss_domicilio'], municipio: 8, kind: 'place' },
  { q: 'baby sitter Città Studi', types: NANNY, municipio: 3, kind: 'place' },
  { q: 'psicologo municipio 5', ...PSYCHOLOGY, municipio: 5, kind: 'place' },
];
