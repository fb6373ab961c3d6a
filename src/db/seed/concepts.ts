import type { Queryable } from '../database';

// The starting concept dictionary of the search (table search_concept, migration 0010; edited afterwards by the
// City in the back office's taxonomy section). Written lower case without accents, as the search compares words.
// `terms`: what people type, in Italian, English and their own words; `related`: Italian expressions searched in
// its place; `serviceTypes` / `categories`: codes of the taxonomy whose cards are the concept's own.

export interface ConceptDef {
  label: string;
  kind?: 'concept' | 'ignore';
  terms: string[];
  related?: string[];
  serviceTypes?: string[];
  categories?: string[];
}

const BADANTE_TYPES = ['assistenza_familiare_badante', 'badante_condominio', 'badante_convivente', 'badante_ore', 'assistenza_notturna'];
const ELDER_CARE_TYPES = ['assistenza_domiciliare_anziani', 'assistenza_familiare_badante', 'badante_ore', 'badante_convivente', 'oss_domicilio', 'compagnia_sorveglianza'];

export const CONCEPTS: ConceptDef[] = [
  // ---------------------------------------------------------------- care of older and dependent people
  { label: 'Badante', terms: ['badante', 'badanti', 'assistente familiare', 'assistenti familiari', 'caregiver', 'caregiver elderly', 'carer', 'care giver', 'cuidadora', 'opiekunka'], related: ['badante', 'assistente familiare', 'assistenza familiare'], serviceTypes: BADANTE_TYPES, categories: ['tcb_badante'] },
  { label: 'Badante convivente', terms: ['convivente', 'conviventi', 'che dorma in casa', 'dorma in casa', 'dorme in casa', 'giorno e notte', 'h24', '24 ore', 'live in', 'fissa'], related: ['badante convivente', 'notte', 'assistenza notturna'], serviceTypes: ['badante_convivente', 'assistenza_notturna', 'tata_convivente'] },
  { label: 'A ore', terms: ['a ore', 'ad ore', 'qualche ora', 'poche ore', 'hourly', 'by the hour', 'part time'], related: ['a ore'], serviceTypes: ['badante_ore', 'tata_ore', 'colf_ore', 'assistenza_familiare_badante'] },
  { label: 'Assistenza agli anziani', terms: ['anziano', 'anziani', 'anziana', 'terza eta', 'elderly', 'older people', 'old people', 'senior', 'seniors', 'elder care', 'elderly care'], related: ['anziani', 'assistenza anziani'], serviceTypes: ELDER_CARE_TYPES },
  { label: 'Alzheimer e demenza', terms: ['alzheimer', 'demenza', 'demente', 'dementia', 'parkinson', 'smemorato', 'perde la memoria', 'non autosufficiente', 'non autosufficienti', 'allettato', 'allettata'], related: ['demenza', 'non autosufficiente', 'assistenza anziani', 'anziani non autosufficienti'], serviceTypes: [...ELDER_CARE_TYPES, 'sostegno_caregiver'] },
  { label: 'Familiare anziano', terms: ['nonno', 'nonna', 'nonni', 'mio nonno', 'mia nonna', 'genitore anziano', 'grandfather', 'grandmother', 'grandma', 'grandpa'], related: ['anziani'], serviceTypes: ELDER_CARE_TYPES },
  { label: 'Assistenza a domicilio', terms: ['home care', 'assistenza a domicilio', 'assistenza domiciliare', 'cure a casa', 'in home care'], related: ['assistenza domiciliare', 'assistenza a domicilio'], serviceTypes: ['assistenza_domiciliare_anziani', 'assistenza_persone_disabilita', 'assistenza_familiare_badante', 'oss_domicilio', 'igiene_cura_persona', 'assistenza_infermieristica'] },
  { label: 'Compagnia', terms: ['compagnia', 'faccia compagnia', 'fare compagnia', 'tenere compagnia', 'solitudine', 'company', 'loneliness', 'lonely', 'someone to talk'], related: ['compagnia', 'sorveglianza'], serviceTypes: ['compagnia_sorveglianza', 'accompagnamento_uscite'] },
  { label: 'Assistenza notturna', terms: ['notte', 'notturna', 'notturno', 'di notte', 'night', 'overnight', 'night care'], related: ['assistenza notturna', 'sorveglianza notturna'], serviceTypes: ['assistenza_notturna', 'compagnia_sorveglianza', 'badante_convivente'] },
  { label: 'Caregiver familiari', terms: ['caregiver familiare', 'chi assiste', 'stress da cura', 'sono stanco di assistere', 'caregiver support', 'carer support'], related: ['sostegno caregiver', 'caregiver'], serviceTypes: ['sostegno_caregiver', 'gruppi_auto_mutuo_aiuto'] },
  { label: 'Disabilità', terms: ['disabile', 'disabili', 'disabilita', 'handicap', 'invalido', 'invalidita', 'disability', 'disabled', 'autismo', 'autistico', 'autism', 'sedia a rotelle', 'wheelchair'], related: ['disabilita', 'persone con disabilita'], serviceTypes: ['assistenza_persone_disabilita', 'educatore_disabilita', 'trasporto_attrezzato'] },
  // ---------------------------------------------------------------- health
  { label: 'Infermiere', terms: ['infermiere', 'infermiera', 'nurse', 'nursing', 'iniezioni', 'punture', 'medicazioni', 'injections'], related: ['assistenza infermieristica', 'infermiere'], serviceTypes: ['assistenza_infermieristica', 'oss_domicilio'] },
  { label: 'Fisioterapia', terms: ['fisioterapia', 'fisioterapista', 'physiotherapy', 'physio', 'physiotherapist', 'riabilitazione', 'rehabilitation', 'mal di schiena'], related: ['fisioterapia', 'riabilitazione'], serviceTypes: ['fisioterapia_domicilio'] },
  { label: 'Prelievi', terms: ['prelievo', 'prelievi', 'esami del sangue', 'analisi del sangue', 'blood test', 'blood tests'], related: ['prelievi', 'esami del sangue'], serviceTypes: ['prelievi_domicilio'] },
  { label: 'Psicologo', terms: ['psicologo', 'psicologa', 'psicologi', 'psychologist', 'psychologists', 'psicoterapeuta', 'therapist', 'therapy', 'counselling', 'counseling', 'ansia', 'depressione', 'anxiety', 'depression', 'mental health', 'sostegno psicologico', 'supporto psicologico'], related: ['supporto psicologico', 'psicologo'], serviceTypes: ['supporto_psicologico', 'sostegno_caregiver', 'consulenza_familiare', 'psicologo_eta_evolutiva'], categories: ['servizi_psicologici'] },
  { label: 'Logopedia', terms: ['logopedista', 'logopedia', 'speech therapy', 'speech therapist', 'balbuzie'], related: ['logopedia'], serviceTypes: ['logopedia'] },
  // ---------------------------------------------------------------- children and families
  { label: 'Baby-sitter', terms: ['baby sitter', 'babysitter', 'baby sitting', 'babysitting', 'tata', 'tate', 'nanny', 'nannies', 'bambinaia', 'childcare', 'child care', 'childminder'], related: ['baby sitter', 'tata', 'baby sitting'], serviceTypes: ['baby_sitting', 'tata_ore', 'tata_convivente'], categories: ['tcb_baby_sitter'] },
  { label: 'Doposcuola e compiti', terms: ['doposcuola', 'compiti', 'aiuto compiti', 'ripetizioni', 'homework', 'homework help', 'tutoring', 'after school'], related: ['doposcuola', 'aiuto compiti'], serviceTypes: ['doposcuola', 'aiuto_compiti', 'sostegno_dsa'] },
  { label: 'DSA', terms: ['dsa', 'dislessia', 'dislessico', 'discalculia', 'dyslexia'], related: ['dsa', 'dislessia'], serviceTypes: ['sostegno_dsa'] },
  { label: 'Sport per ragazzi', terms: ['sport', 'calcio', 'basket', 'football', 'soccer', 'sports'], related: ['corsi sportivi', 'sport'], categories: ['sport'] },
  // ---------------------------------------------------------------- the home
  { label: 'Pasti a domicilio', terms: ['pasti a domicilio', 'pasti', 'pasto', 'pranzo a casa', 'pranzo a domicilio', 'consegna pasti', 'meals', 'meals at home', 'meal delivery', 'meals on wheels', 'food delivery', 'cibo a casa', 'mangiare'], related: ['pasti a domicilio', 'pasti', 'consegna pasti'], categories: ['pasti_domicilio'] },
  { label: 'Spesa a domicilio', terms: ['spesa', 'fare la spesa', 'spesa a domicilio', 'supermercato', 'groceries', 'grocery', 'grocery shopping', 'shopping'], related: ['spesa a domicilio', 'spesa'], serviceTypes: ['spesa_domicilio'] },
  { label: 'Commissioni', terms: ['commissioni', 'posta', 'bollette', 'errands', 'farmaci', 'medicine', 'farmacia', 'pharmacy'], related: ['commissioni', 'ritiro farmaci'], categories: ['piccole_commissioni'] },
  { label: 'Colf e pulizie', terms: ['colf', 'pulizie', 'pulire casa', 'donna delle pulizie', 'domestica', 'cleaning', 'cleaner', 'housekeeper', 'housekeeping', 'stiro', 'stirare'], related: ['colf', 'pulizie'], categories: ['tcb_colf'] },
  { label: 'Piccole riparazioni', terms: ['tuttofare', 'riparazioni', 'aggiustare', 'idraulico', 'elettricista', 'handyman', 'repairs', 'maniglioni'], related: ['piccole riparazioni', 'tuttofare'], categories: ['piccole_manutenzioni'] },
  { label: 'Tinteggiatura', terms: ['imbianchino', 'imbiancare', 'imbiancatura', 'tinteggiare', 'pittore', 'verniciare', 'painter', 'painting', 'decorator'], related: ['tinteggiatura', 'imbiancatura'], serviceTypes: ['tinteggiatura'] },
  { label: 'Animali domestici', terms: ['cane', 'gatto', 'dog sitter', 'dogsitter', 'pet sitter', 'dog walking', 'dog', 'cat', 'pet', 'pets'], related: ['dog sitting', 'pet sitting'], categories: ['cura_animali'] },
  { label: 'Trasporto e accompagnamento', terms: ['accompagnamento', 'accompagnare', 'trasporto', 'passaggio', 'portare dal medico', 'visita medica', 'transport', 'lift', 'ride', 'escort'], related: ['accompagnamento', 'trasporto'], categories: ['accompagnamento_trasporto'] },
  { label: 'Parrucchiere e pedicure', terms: ['parrucchiere', 'parrucchiera', 'barbiere', 'pedicure', 'podologo', 'hairdresser', 'barber'], related: ['parrucchiere', 'pedicure'], categories: ['servizi_estetici'] },
  // ---------------------------------------------------------------- paperwork, work, money
  { label: 'Pratiche e burocrazia', terms: ['pratiche', 'burocrazia', 'moduli', 'paperwork', 'forms', 'documenti'], related: ['disbrigo pratiche', 'pratiche'], categories: ['disbrigo_pratiche'] },
  { label: 'ISEE e dichiarazioni', terms: ['isee', 'caf', '730', 'dichiarazione dei redditi', 'tax return', 'taxes'], related: ['isee', 'dichiarazione dei redditi'], serviceTypes: ['assistenza_isee'] },
  { label: 'SPID e domande online', terms: ['spid', 'cie', 'domanda online', 'domande online', 'fascicolo sanitario', 'online application', 'digital identity'], related: ['spid', 'domande online'], serviceTypes: ['supporto_domande_online'] },
  { label: 'Contratto colf e badante', terms: ['busta paga', 'buste paga', 'contratto colf', 'contratto badante', 'contratto', 'assumere una badante', 'assumere', 'assunzione', 'contributi inps', 'payslip', 'payroll', 'ccnl'], related: ['lavoro domestico', 'busta paga'], categories: ['gestione_lavoro_domestico'] },
  { label: 'Educazione finanziaria', terms: ['educazione finanziaria', 'soldi', 'risparmio', 'risparmiare', 'bilancio familiare', 'budget', 'pensione', 'money', 'savings', 'finanze', 'financial education'], related: ['educazione finanziaria'], categories: ['ef_budgeting', 'ef_debiti', 'ef_investimento', 'ef_pensione', 'ef_protezione'] },
  { label: 'Debiti', terms: ['debiti', 'debito', 'sovraindebitamento', 'prestiti', 'rate', 'debt', 'debts', 'loan'], related: ['debiti', 'gestione dei debiti'], categories: ['ef_debiti'] },
  // ---------------------------------------------------------------- newcomers
  { label: 'Corso di italiano', terms: ['italian course', 'italian courses', 'italian lessons', 'learn italian', 'italian classes', 'italian language', 'corso di italiano', 'corsi di italiano', 'imparare l italiano', 'italiano per stranieri', 'lingua italiana', 'italiano', 'l2'], related: ['corso di italiano', 'italiano l2', 'lingua italiana'], categories: ['corsi_lingua_italiana', 'lingua_italiana_l2'] },
  { label: 'Stranieri e immigrazione', terms: ['permesso di soggiorno', 'immigrazione', 'immigrato', 'straniero', 'stranieri', 'migranti', 'rifugiato', 'residence permit', 'immigration', 'refugee', 'visa'], related: ['consulenza legale immigrazione', 'stranieri'], categories: ['consulenza_sociale_giuridica', 'ricongiungimento_familiare'] },
  { label: 'Ricongiungimento familiare', terms: ['ricongiungimento', 'family reunification', 'portare la famiglia'], related: ['ricongiungimento familiare'], categories: ['ricongiungimento_familiare'] },
  { label: 'Interprete', terms: ['interprete', 'traduttore', 'mediatore culturale', 'interpreter', 'translator'], related: ['mediazione linguistica'], serviceTypes: ['mediazione_linguistica'] },

  // ---------------------------------------------------------------- words with no meaning in a search
  {
    label: 'Parole di richiesta', kind: 'ignore',
    terms: ['cerco', 'cerca', 'cercare', 'cercasi', 'cerchiamo', 'vorrei', 'voglio', 'vorremmo', 'ho bisogno di', 'ho bisogno', 'abbiamo bisogno', 'bisogno', 'serve', 'servirebbe', 'mi serve', 'ci serve', 'trovare', 'qualcuno che', 'qualcuno', 'qualcosa', 'persona che', 'una persona', 'aiutami', 'per favore', 'grazie', 'buongiorno', 'salve', 'urgente', 'subito'],
  },
  {
    label: 'Familiari (chi chiede)', kind: 'ignore',
    terms: ['mia madre', 'mio padre', 'mia mamma', 'mio papa', 'mia moglie', 'mio marito', 'mio figlio', 'mia figlia', 'miei genitori', 'mia zia', 'mio zio', 'madre', 'padre', 'mamma', 'papa', 'moglie', 'marito', 'my mother', 'my father', 'my mum', 'my mom', 'my dad', 'mother', 'father', 'mum', 'mom', 'dad'],
  },
  {
    label: 'Parole comuni (inglese)', kind: 'ignore',
    terms: ['i', 'need', 'looking for', 'looking', 'want', 'search', 'find', 'someone', 'somebody', 'for', 'my', 'the', 'a', 'an', 'to', 'of', 'with', 'and', 'in', 'at', 'please', 'help with'],
  },
  {
    label: 'Parole comuni (italiano)', kind: 'ignore',
    terms: ['che', 'ha', 'ho', 'mio', 'mia', 'miei', 'mie', 'faccia', 'fare', 'dorma', 'essere', 'una', 'uno', 'un', 'per', 'casa mia', 'milano', 'a milano', 'servizio', 'servizi'],
  },
];

export const normalizeTerm = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Loads the starting dictionary when the table is empty (a new database, or one migrated before 0010). Returns how many. */
export async function seedConcepts(tx: Queryable): Promise<number> {
  const present = await tx.maybeOne('select 1 from search_concept limit 1');
  if (present) return 0;
  const rows = CONCEPTS.map((c) => ({
    label: c.label,
    kind: c.kind ?? 'concept',
    terms: [...new Set(c.terms.map(normalizeTerm).filter(Boolean))],
    related: [...new Set((c.related ?? []).map(normalizeTerm).filter(Boolean))],
    service_types: c.serviceTypes ?? [],
    categories: c.categories ?? [],
  }));
  await tx.query(
    `insert into search_concept (label, kind, terms, related, service_types, categories)
     select x.label, x.kind, x.terms, x.related, x.service_types, x.categories
       from jsonb_to_recordset($1::jsonb) as x(label text, kind text, terms text[], related text[], service_types text[], categories text[])`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}
