// The WeMi taxonomies: sections, categories (with their service types), target groups, tasks (mansioni),
// time bands, Municipi and economic-support schemes. Codes are fixed (see scratch/BRIEF.md): everyone relies on them.
// Icons are Bootstrap Italia sprite names without the "it-" prefix.

export type PriceUnit =
  | 'ora' | 'intervento' | 'pasto' | 'seduta' | 'giorno' | 'settimana' | 'mese' | 'lezione' | 'corso' | 'pacchetto' | 'km' | 'pratica';
export type OfferType = 'paid' | 'free_public' | 'free_volunteer';
export type Mode = 'individual' | 'shared' | 'both';
export type Place = 'domicilio' | 'sede_ente' | 'accompagnamento' | 'online' | 'altro';

export interface TaxonomyDef {
  code: string;
  it: string;
  en: string;
  descIt: string;
  descEn: string;
}

export const TAXONOMIES: TaxonomyDef[] = [
  { code: 'section', it: 'Sezioni', en: 'Sections', descIt: 'Le grandi aree del portale WeMi.', descEn: 'The main areas of the WeMi portal.' },
  { code: 'category', it: 'Categorie di servizio', en: 'Service categories', descIt: 'Categorie dei servizi offerti dagli enti, raggruppate per sezione.', descEn: 'Categories of the services offered by the organisations, grouped by section.' },
  { code: 'service_type', it: 'Tipi di servizio', en: 'Service types', descIt: 'Il servizio offerto, all’interno di una categoria.', descEn: 'The service offered, within a category.' },
  { code: 'target_group', it: 'Destinatari', en: 'Target groups', descIt: 'Le persone a cui il servizio si rivolge.', descEn: 'The people the service is for.' },
  { code: 'task', it: 'Mansioni', en: 'Tasks', descIt: 'Le attività svolte dal personale.', descEn: 'The activities carried out by the staff.' },
  { code: 'time_band', it: 'Fasce orarie', en: 'Time bands', descIt: 'Quando il servizio può essere erogato.', descEn: 'When the service can be delivered.' },
  { code: 'municipio', it: 'Municipi', en: 'Municipalities (Municipi)', descIt: 'I nove Municipi di Milano.', descEn: 'The nine Municipi (districts) of Milan.' },
  { code: 'support_scheme', it: 'Sostegni economici', en: 'Economic support schemes', descIt: 'Forme di sostegno economico che l’ente accetta come pagamento.', descEn: 'Forms of economic support the organisation accepts as payment.' },
];

export interface TermDef {
  code: string;
  it: string;
  en: string;
  descIt: string;
  descEn: string;
  synonyms?: string[];
  icon?: string;
}

/** Defaults a service type inherits from its category. */
export interface ServiceDefaults {
  unit: PriceUnit;
  price: [number, number];
  vat: number;
  offer: [OfferType, number][];
  mode: Mode;
  places: Place[];
  targets: string[];
  tasks: string[];
  bands: string[];
  /** Usual group size when shared. */
  group?: [number, number];
  /** Activity with a delivery period (courses, school year). */
  period?: boolean;
}

export interface ServiceTypeDef extends TermDef, Partial<ServiceDefaults> {
  /** Card names used for this type (varied on purpose). */
  names: string[];
  /** English card names, parallel to `names` (used for summaries in English). */
  weight?: number;
}

export interface CategoryDef extends TermDef {
  section: string;
  defaults: ServiceDefaults;
  types: ServiceTypeDef[];
}

export const SECTIONS: TermDef[] = [
  {
    code: 'domiciliarita', it: 'Domiciliarità', en: 'Home care',
    descIt: 'Servizi a domicilio e di prossimità offerti dagli enti qualificati del Terzo settore: assistenza, cura, educazione, commissioni, pasti, piccole manutenzioni e molto altro.',
    descEn: 'Home and neighbourhood services offered by qualified third-sector organisations: care, health, education, errands, meals, small repairs and much more.',
    synonyms: ['servizi domiciliari', 'assistenza a domicilio', 'elenco wemi'], icon: 'user',
  },
  {
    code: 'zero_diciotto', it: '0-18', en: '0-18',
    descIt: 'Attività per bambini, bambine, ragazzi e ragazze da 0 a 18 anni: scuola, sport, salute, arte e discipline STEM.',
    descEn: 'Activities for children and teenagers aged 0 to 18: school support, sport, health, arts and STEM.',
    synonyms: ['bambini', 'ragazzi', 'minori', 'adolescenti'], icon: 'star-outline',
  },
  {
    code: 'inclusione', it: 'Inclusione', en: 'Inclusion',
    descIt: 'Servizi per cittadine e cittadini neo-arrivati e per chi vuole ricongiungere a Milano i propri familiari: lingua italiana, orientamento, consulenza sociale e giuridica.',
    descEn: 'Services for newcomers and for people who want to bring their family to Milan: Italian language, guidance, social and legal advice.',
    synonyms: ['stranieri', 'migranti', 'neo arrivati', 'integrazione'], icon: 'flag',
  },
  {
    code: 'educazione_finanziaria', it: 'Educazione finanziaria', en: 'Financial education',
    descIt: 'Incontri di gruppo e accompagnamento individuale con educatori finanziari abilitati per gestire il bilancio familiare, i debiti, la protezione, la pensione e gli investimenti.',
    descEn: 'Group meetings and one-to-one support from qualified financial educators to manage the family budget, debts, protection, retirement and investments.',
    synonyms: ['risparmio', 'bilancio familiare', 'soldi'], icon: 'chart-line',
  },
  {
    code: 'tate_colf_badanti', it: 'Tate Colf Badanti', en: 'Nannies, housekeepers and caregivers',
    descIt: 'Per le famiglie che cercano un aiuto in casa: baby-sitter, colf e badanti (assistenti familiari).',
    descEn: 'For families looking for help at home: baby-sitters, housekeepers and home caregivers.',
    synonyms: ['tcb', 'assistenti familiari', 'lavoro domestico'], icon: 'team-digitale',
  },
];

const ELDER = ['anziani', 'anziani_non_autosufficienti', 'famiglie', 'caregiver'];
const ALL_BANDS = ['mattina', 'pomeriggio', 'sera', 'notte', 'weekend'];
const DAY_BANDS = ['mattina', 'pomeriggio', 'weekend'];
const WORK_BANDS = ['mattina', 'pomeriggio'];
const KIDS = ['bambini', 'adolescenti', 'minori', 'famiglie'];

const paidMostly: [OfferType, number][] = [['paid', 8], ['free_public', 1], ['free_volunteer', 1]];
const paidOnly: [OfferType, number][] = [['paid', 1]];
const freeMostly: [OfferType, number][] = [['free_public', 6], ['free_volunteer', 3], ['paid', 1]];

export const CATEGORIES: CategoryDef[] = [
  // ---------------------------------------------------------------- Domiciliarità (seed 001: 13 categories)
  {
    section: 'domiciliarita', code: 'servizi_socio_assistenziali', it: 'Servizi socio-assistenziali', en: 'Social care services',
    descIt: 'Assistenza alla persona a casa: aiuto nelle attività quotidiane, igiene, compagnia e sorveglianza per anziani e persone con disabilità.',
    descEn: 'Personal care at home: help with daily activities, hygiene, company and supervision for older people and people with disabilities.',
    synonyms: ['assistenza', 'badante', 'assistente familiare', 'cura della persona'], icon: 'user',
    defaults: { unit: 'ora', price: [17, 23], vat: 5, offer: paidMostly, mode: 'individual', places: ['domicilio'], targets: ELDER, tasks: ['igiene_personale', 'mobilizzazione', 'compagnia', 'preparazione_pasti', 'somministrazione_farmaci'], bands: ALL_BANDS },
    types: [
      { code: 'assistenza_familiare_badante', it: 'Assistenza familiare (badante)', en: 'Home caregiver (badante)', descIt: 'Un’assistente familiare qualificata che aiuta la persona nella vita di tutti i giorni, a ore o convivente.', descEn: 'A qualified home caregiver who helps the person in everyday life, hourly or live-in.', synonyms: ['badante', 'assistente familiare', 'badanti', 'caregiver'], unit: 'ora', price: [9, 14], weight: 5, names: ['Assistenza familiare a ore', 'Badante a domicilio', 'Assistente familiare per anziani', 'Badante qualificata', 'Assistenza familiare diurna e notturna'] },
      { code: 'assistenza_domiciliare_anziani', it: 'Assistenza domiciliare anziani', en: 'Home care for older people', descIt: 'Interventi di operatori ASA e OSS a casa della persona anziana: igiene, alzata e messa a letto, cura della casa.', descEn: 'Visits by care workers to older people at home: hygiene, getting up and going to bed, light housework.', synonyms: ['sad', 'assistenza anziani', 'asa', 'oss'], weight: 4, names: ['Assistenza domiciliare anziani', 'Cura a domicilio per la terza età', 'Sostegno a domicilio per anziani', 'Aiuto a casa per anziani soli'] },
      { code: 'assistenza_persone_disabilita', it: 'Assistenza a persone con disabilità', en: 'Support for people with disabilities', descIt: 'Supporto a domicilio e nelle uscite per persone con disabilità fisica, intellettiva o sensoriale.', descEn: 'Support at home and outside for people with physical, intellectual or sensory disabilities.', synonyms: ['disabili', 'disabilita', 'handicap'], price: [19, 25], targets: ['persone_con_disabilita', 'famiglie', 'caregiver'], weight: 3, names: ['Assistenza a domicilio per persone con disabilità', 'Supporto all’autonomia', 'Assistenza personale per la vita indipendente'] },
      { code: 'compagnia_sorveglianza', it: 'Compagnia e sorveglianza', en: 'Company and supervision', descIt: 'Presenza di un operatore per compagnia, sorveglianza e piccoli aiuti, anche di notte.', descEn: 'A care worker to keep the person company, watch over them and help with small things, also at night.', synonyms: ['compagnia', 'sorveglianza notturna', 'custode sociale'], price: [12, 16], tasks: ['compagnia', 'sorveglianza_notturna', 'accompagnamento'], weight: 2, names: ['Compagnia a domicilio', 'Sorveglianza notturna', 'Un’ora di compagnia', 'Presenza amica a casa'] },
      { code: 'igiene_cura_persona', it: 'Igiene e cura della persona', en: 'Personal hygiene and care', descIt: 'Bagno assistito, igiene personale e vestizione con operatori qualificati.', descEn: 'Assisted bathing, personal hygiene and dressing by qualified care workers.', synonyms: ['bagno assistito', 'igiene'], unit: 'intervento', price: [20, 32], tasks: ['igiene_personale', 'mobilizzazione'], weight: 2, names: ['Bagno assistito a domicilio', 'Igiene personale a domicilio', 'Cura della persona a casa'] },
      { code: 'badante_condominio', it: 'Badante di condominio', en: 'Shared building caregiver', descIt: 'Un’assistente familiare condivisa dai residenti dello stesso stabile, per poche ore a persona.', descEn: 'One home caregiver shared by the residents of the same building, a few hours each.', synonyms: ['badante condivisa', 'badante di quartiere', 'welfare condominiale'], price: [8, 11], mode: 'shared', group: [3, 8], weight: 2, names: ['Badante di condominio', 'Assistente familiare condivisa', 'Badante di caseggiato'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'assistenza_sanitaria', it: 'Servizi di assistenza sanitaria', en: 'Health care services',
    descIt: 'Prestazioni sanitarie a domicilio: infermiere, fisioterapia, prelievi e operatori socio-sanitari.',
    descEn: 'Health care at home: nursing, physiotherapy, blood tests and social-health workers.',
    synonyms: ['infermiere', 'sanitario', 'cure a domicilio'], icon: 'plus-circle',
    defaults: { unit: 'intervento', price: [25, 40], vat: 0, offer: paidOnly, mode: 'individual', places: ['domicilio', 'sede_ente'], targets: ['anziani', 'anziani_non_autosufficienti', 'persone_con_disabilita', 'adulti_in_difficolta'], tasks: ['medicazioni', 'somministrazione_farmaci', 'mobilizzazione'], bands: ['mattina', 'pomeriggio', 'sera', 'weekend'] },
    types: [
      { code: 'assistenza_infermieristica', it: 'Assistenza infermieristica a domicilio', en: 'Home nursing', descIt: 'Infermieri professionali per medicazioni, iniezioni, cateteri, terapie e controllo dei parametri.', descEn: 'Registered nurses for dressings, injections, catheters, therapies and monitoring of vital signs.', synonyms: ['infermiere', 'infermiera', 'iniezioni', 'medicazioni'], weight: 3, names: ['Infermiere a domicilio', 'Assistenza infermieristica a casa', 'Prestazioni infermieristiche domiciliari'] },
      { code: 'fisioterapia_domicilio', it: 'Fisioterapia e riabilitazione a domicilio', en: 'Home physiotherapy and rehabilitation', descIt: 'Sedute di fisioterapia e riabilitazione motoria a casa, dopo interventi, cadute o per mantenere l’autonomia.', descEn: 'Physiotherapy and rehabilitation sessions at home after surgery, falls or to keep independent.', synonyms: ['fisioterapista', 'riabilitazione', 'ginnastica'], unit: 'seduta', price: [35, 55], tasks: ['riabilitazione', 'mobilizzazione'], weight: 3, names: ['Fisioterapia a domicilio', 'Riabilitazione motoria a casa', 'Fisioterapista a domicilio'] },
      { code: 'prelievi_domicilio', it: 'Prelievi a domicilio', en: 'Blood tests at home', descIt: 'Prelievo del sangue e raccolta dei campioni a casa, con consegna al laboratorio.', descEn: 'Blood sampling and collection of samples at home, delivered to the laboratory.', synonyms: ['analisi', 'esami del sangue'], price: [15, 25], bands: ['mattina'], weight: 1, names: ['Prelievi a domicilio', 'Esami del sangue a casa'] },
      { code: 'oss_domicilio', it: 'Operatore socio-sanitario (OSS) a domicilio', en: 'Social-health worker (OSS) at home', descIt: 'Operatori socio-sanitari per l’assistenza alla persona non autosufficiente, anche dopo le dimissioni ospedaliere.', descEn: 'Social-health workers caring for dependent people, also after hospital discharge.', synonyms: ['oss', 'operatore socio sanitario', 'dimissioni protette'], unit: 'ora', price: [20, 26], vat: 5, tasks: ['igiene_personale', 'mobilizzazione', 'somministrazione_farmaci'], weight: 2, names: ['OSS a domicilio', 'Assistenza socio-sanitaria dopo il ricovero', 'Operatore socio-sanitario a ore'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'servizi_educativi', it: 'Servizi educativi', en: 'Educational services',
    descIt: 'Baby-sitting, sostegno educativo e aiuto nei compiti a casa o presso la sede dell’ente.',
    descEn: 'Baby-sitting, educational support and homework help at home or at the organisation’s premises.',
    synonyms: ['educatore', 'baby sitter', 'tata'], icon: 'presentation',
    defaults: { unit: 'ora', price: [20, 28], vat: 5, offer: paidMostly, mode: 'individual', places: ['domicilio', 'sede_ente'], targets: KIDS, tasks: ['aiuto_compiti', 'gioco_animazione', 'accompagnamento_scuola'], bands: ['mattina', 'pomeriggio', 'sera', 'weekend'] },
    types: [
      { code: 'baby_sitting', it: 'Baby-sitting', en: 'Baby-sitting', descIt: 'Baby-sitter formate per accudire bambine e bambini a casa, anche per poche ore o alla sera.', descEn: 'Trained baby-sitters to look after children at home, also for a few hours or in the evening.', synonyms: ['baby sitter', 'babysitter', 'tata', 'bambinaia'], price: [9, 13], targets: ['bambini', 'famiglie'], tasks: ['gioco_animazione', 'accompagnamento_scuola', 'preparazione_pasti'], weight: 5, names: ['Baby-sitting a domicilio', 'Baby-sitter a ore', 'Tata per il dopo scuola', 'Baby-sitting serale e nel weekend'] },
      { code: 'sostegno_educativo', it: 'Sostegno educativo domiciliare', en: 'Home educational support', descIt: 'Educatori professionali a sostegno di bambini, ragazzi e famiglie nei momenti di difficoltà.', descEn: 'Professional educators supporting children, teenagers and families in difficult times.', synonyms: ['educatore', 'educativa domiciliare', 'sostegno genitoriale'], weight: 3, names: ['Educativa domiciliare', 'Educatore a domicilio', 'Sostegno educativo per ragazzi'] },
      { code: 'aiuto_compiti', it: 'Aiuto compiti', en: 'Homework help', descIt: 'Supporto nello studio e nei compiti, da soli o in piccolo gruppo.', descEn: 'Help with studying and homework, one-to-one or in small groups.', synonyms: ['ripetizioni', 'doposcuola', 'compiti'], price: [12, 18], mode: 'both', group: [2, 6], tasks: ['aiuto_compiti'], weight: 3, names: ['Aiuto compiti a casa', 'Ripetizioni e metodo di studio', 'Compiti insieme in piccolo gruppo'] },
      { code: 'educatore_disabilita', it: 'Educatore per persone con disabilità', en: 'Educator for people with disabilities', descIt: 'Percorsi educativi personalizzati per persone con disabilità e sostegno alle loro famiglie.', descEn: 'Personalised educational programmes for people with disabilities and support for their families.', synonyms: ['autismo', 'educatore professionale', 'disabilita'], price: [23, 29], targets: ['persone_con_disabilita', 'bambini', 'adolescenti', 'famiglie'], weight: 2, names: ['Educatore per l’autonomia', 'Percorsi educativi per ragazzi con disabilità', 'Educatore specializzato a domicilio'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'servizi_psicologici', it: 'Servizi psicologici', en: 'Psychological services',
    descIt: 'Consulenza e supporto psicologico per persone, coppie, famiglie e caregiver, in presenza o online.',
    descEn: 'Psychological counselling and support for individuals, couples, families and caregivers, in person or online.',
    synonyms: ['psicologo', 'psicologa', 'supporto psicologico', 'terapia'], icon: 'hearing',
    defaults: { unit: 'seduta', price: [45, 70], vat: 0, offer: paidMostly, mode: 'individual', places: ['sede_ente', 'online', 'domicilio'], targets: ['adulti_in_difficolta', 'famiglie', 'caregiver', 'anziani', 'adolescenti'], tasks: ['colloqui', 'orientamento'], bands: ['mattina', 'pomeriggio', 'sera'] },
    types: [
      { code: 'supporto_psicologico', it: 'Supporto psicologico individuale', en: 'Individual psychological support', descIt: 'Colloqui con psicologi e psicoterapeuti iscritti all’Ordine, per affrontare momenti di difficoltà.', descEn: 'Sessions with registered psychologists and psychotherapists to face difficult times.', synonyms: ['psicologo', 'psicoterapeuta', 'sostegno psicologico', 'ansia'], weight: 4, names: ['Supporto psicologico individuale', 'Colloqui psicologici', 'Psicologo in studio e online', 'Spazio di ascolto psicologico'] },
      { code: 'sostegno_caregiver', it: 'Sostegno psicologico ai caregiver', en: 'Psychological support for caregivers', descIt: 'Supporto a chi si prende cura di un familiare anziano, malato o con disabilità, anche in gruppo.', descEn: 'Support for people caring for an older, ill or disabled relative, also in groups.', synonyms: ['caregiver', 'familiari', 'stress da cura'], price: [35, 55], mode: 'both', group: [4, 10], targets: ['caregiver', 'famiglie'], weight: 2, names: ['Sostegno ai caregiver familiari', 'Gruppo per chi si prende cura', 'Prendersi cura di chi cura'] },
      { code: 'consulenza_familiare', it: 'Consulenza familiare e di coppia', en: 'Family and couples counselling', descIt: 'Consulenza per coppie e famiglie: comunicazione, separazione, genitorialità.', descEn: 'Counselling for couples and families: communication, separation, parenting.', synonyms: ['terapia di coppia', 'mediazione familiare', 'genitorialita'], price: [55, 80], targets: ['famiglie', 'adulti_in_difficolta'], weight: 2, names: ['Consulenza di coppia', 'Sostegno alla genitorialità', 'Mediazione familiare'] },
      { code: 'gruppi_auto_mutuo_aiuto', it: 'Gruppi di auto mutuo aiuto', en: 'Self-help groups', descIt: 'Gruppi condotti da facilitatori per condividere esperienze e trovare sostegno reciproco.', descEn: 'Groups led by facilitators to share experiences and support each other.', synonyms: ['mutuo aiuto', 'gruppo di sostegno', 'ama'], unit: 'seduta', price: [8, 15], offer: [['free_volunteer', 3], ['free_public', 1], ['paid', 1]], mode: 'shared', group: [5, 14], places: ['sede_ente', 'online'], weight: 2, names: ['Gruppo di auto mutuo aiuto', 'Gruppo di parola per familiari', 'Incontri di mutuo aiuto'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'accompagnamento_trasporto', it: 'Accompagnamento con trasporto', en: 'Escort and transport',
    descIt: 'Accompagnamento a visite, terapie e commissioni, con auto o mezzi attrezzati.',
    descEn: 'Escort to medical visits, therapies and errands, by car or adapted vehicles.',
    synonyms: ['trasporto', 'accompagnamento', 'passaggio', 'autista'], icon: 'car',
    defaults: { unit: 'intervento', price: [25, 45], vat: 5, offer: paidMostly, mode: 'individual', places: ['accompagnamento'], targets: ['anziani', 'persone_con_disabilita', 'anziani_non_autosufficienti'], tasks: ['accompagnamento', 'trasporto'], bands: ['mattina', 'pomeriggio'] },
    types: [
      { code: 'accompagnamento_visite', it: 'Accompagnamento a visite mediche', en: 'Escort to medical appointments', descIt: 'Un operatore accompagna la persona a visite, esami e terapie e la riporta a casa.', descEn: 'A care worker escorts the person to visits, tests and therapies and takes them home.', synonyms: ['accompagnamento ospedale', 'visite mediche'], weight: 3, names: ['Accompagnamento a visite ed esami', 'Ti accompagno dal medico', 'Accompagnamento in ospedale'] },
      { code: 'trasporto_attrezzato', it: 'Trasporto attrezzato per persone con disabilità', en: 'Adapted transport for people with disabilities', descIt: 'Trasporto con mezzi dotati di pedana per carrozzine e autista formato.', descEn: 'Transport with wheelchair-accessible vehicles and trained drivers.', synonyms: ['trasporto disabili', 'pulmino', 'carrozzina'], price: [30, 60], vat: 10, targets: ['persone_con_disabilita', 'anziani_non_autosufficienti'], weight: 2, names: ['Trasporto con mezzo attrezzato', 'Trasporto disabili con pedana', 'Navetta attrezzata'] },
      { code: 'accompagnamento_uscite', it: 'Accompagnamento per uscite e tempo libero', en: 'Escort for outings and leisure', descIt: 'Compagnia e accompagnamento per passeggiate, visite ad amici, cinema, luoghi di culto.', descEn: 'Company and escort for walks, visiting friends, the cinema or places of worship.', synonyms: ['passeggiata', 'uscite'], unit: 'ora', price: [14, 19], bands: ['mattina', 'pomeriggio', 'weekend'], tasks: ['accompagnamento', 'compagnia'], weight: 1, names: ['Uscite in compagnia', 'Accompagnamento nel tempo libero'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'servizi_estetici', it: 'Servizi estetici in ambito socio-sanitario', en: 'Beauty care in social and health settings',
    descIt: 'Parrucchiere, podologo ed estetista a domicilio per chi non può uscire di casa.',
    descEn: 'Hairdresser, podiatrist and beautician at home for people who cannot go out.',
    synonyms: ['parrucchiere', 'estetista', 'pedicure'], icon: 'star-full',
    defaults: { unit: 'intervento', price: [25, 45], vat: 22, offer: paidOnly, mode: 'individual', places: ['domicilio', 'sede_ente'], targets: ['anziani', 'anziani_non_autosufficienti', 'persone_con_disabilita'], tasks: ['cura_estetica'], bands: ['mattina', 'pomeriggio'] },
    types: [
      { code: 'parrucchiere_domicilio', it: 'Parrucchiere a domicilio', en: 'Hairdresser at home', descIt: 'Taglio, piega e colore a casa della persona.', descEn: 'Haircut, styling and colour at the person’s home.', synonyms: ['parrucchiera', 'barbiere', 'taglio capelli'], weight: 2, names: ['Parrucchiere a domicilio', 'Taglio e piega a casa', 'Barbiere e parrucchiera a domicilio'] },
      { code: 'podologia_domicilio', it: 'Pedicure e podologia a domicilio', en: 'Podiatry at home', descIt: 'Cura del piede con podologi, anche per persone diabetiche.', descEn: 'Foot care by podiatrists, also for people with diabetes.', synonyms: ['podologo', 'pedicure curativo', 'piede diabetico'], unit: 'seduta', price: [35, 55], vat: 0, weight: 2, names: ['Podologo a domicilio', 'Pedicure curativo a casa'] },
      { code: 'estetica_persona', it: 'Cura estetica della persona', en: 'Beauty treatments', descIt: 'Manicure, trattamenti viso e cura di sé per il benessere della persona.', descEn: 'Manicure, facial treatments and self-care for wellbeing.', synonyms: ['estetista', 'manicure'], weight: 1, names: ['Estetista a domicilio', 'Benessere e cura di sé'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'piccole_commissioni', it: 'Piccole commissioni', en: 'Small errands',
    descIt: 'Spesa, ritiro di farmaci, posta e pagamenti per chi ha difficoltà a uscire.',
    descEn: 'Shopping, picking up medicines, post and payments for people who find it hard to go out.',
    synonyms: ['commissioni', 'spesa', 'farmaci'], icon: 'cart',
    defaults: { unit: 'intervento', price: [8, 15], vat: 5, offer: [['paid', 6], ['free_volunteer', 3], ['free_public', 1]], mode: 'individual', places: ['domicilio', 'accompagnamento'], targets: ['anziani', 'persone_con_disabilita', 'anziani_non_autosufficienti'], tasks: ['spesa', 'commissioni'], bands: WORK_BANDS },
    types: [
      { code: 'spesa_domicilio', it: 'Spesa a domicilio', en: 'Grocery delivery', descIt: 'Facciamo la spesa per te, secondo la tua lista, e la portiamo a casa.', descEn: 'We do your shopping from your list and bring it home.', synonyms: ['consegna spesa', 'spesa'], weight: 3, names: ['Spesa a domicilio', 'La spesa sotto casa', 'Spesa e consegna per anziani'] },
      { code: 'ritiro_farmaci', it: 'Ritiro e consegna farmaci', en: 'Medicine collection and delivery', descIt: 'Ritiro di ricette e farmaci in farmacia e consegna a domicilio.', descEn: 'Collecting prescriptions and medicines from the pharmacy and delivering them home.', synonyms: ['farmacia', 'medicine', 'ricette'], price: [5, 10], weight: 2, names: ['Farmaci a domicilio', 'Ritiro ricette e farmaci'] },
      { code: 'commissioni_varie', it: 'Piccole commissioni (posta, pagamenti, uffici)', en: 'Errands (post, payments, offices)', descIt: 'Pagamento di bollette, spedizioni, ritiro di documenti e altre commissioni.', descEn: 'Paying bills, sending parcels, collecting documents and other errands.', synonyms: ['bollette', 'posta', 'commissioni'], unit: 'ora', price: [12, 16], weight: 2, names: ['Commissioni per te', 'Piccole commissioni in città', 'Aiuto per posta e bollette'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'pasti_domicilio', it: 'Pasti a domicilio', en: 'Home-delivered meals',
    descIt: 'Pasti caldi o pronti da scaldare consegnati a casa, anche per diete speciali.',
    descEn: 'Hot or ready-to-heat meals delivered home, also for special diets.',
    synonyms: ['pasti', 'pranzo a domicilio', 'consegna pasti'], icon: 'box',
    defaults: { unit: 'pasto', price: [6, 9], vat: 4, offer: paidOnly, mode: 'individual', places: ['domicilio'], targets: ['anziani', 'anziani_non_autosufficienti', 'persone_con_disabilita', 'adulti_in_difficolta'], tasks: ['consegna_pasti'], bands: ['mattina', 'weekend'] },
    types: [
      { code: 'pasti_caldi', it: 'Pasti caldi a domicilio', en: 'Hot meals at home', descIt: 'Il pranzo (e su richiesta la cena) consegnato caldo ogni giorno.', descEn: 'Lunch (and dinner on request) delivered hot every day.', synonyms: ['pranzo', 'pasto caldo', 'mensa'], weight: 4, names: ['Pasti caldi a domicilio', 'Il pranzo a casa tua', 'Pranzo e cena consegnati a domicilio'] },
      { code: 'pasti_diete_speciali', it: 'Pasti per diete speciali', en: 'Meals for special diets', descIt: 'Menù per diabetici, iposodici, frullati e senza glutine, preparati da dietisti.', descEn: 'Menus for diabetics, low-salt, blended and gluten-free, prepared with dietitians.', synonyms: ['dieta', 'senza glutine', 'diabetici', 'pasti frullati'], price: [7.5, 10], weight: 2, names: ['Pasti per diete speciali', 'Menù personalizzati a domicilio'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'cura_animali', it: 'Cura degli animali domestici', en: 'Pet care',
    descIt: 'Passeggiate, cura e accudimento degli animali domestici quando il proprietario non può.',
    descEn: 'Walks and care for pets when their owners cannot look after them.',
    synonyms: ['animali', 'cane', 'gatto', 'dog sitter'], icon: 'pin',
    defaults: { unit: 'intervento', price: [10, 18], vat: 22, offer: paidMostly, mode: 'individual', places: ['domicilio'], targets: ['anziani', 'persone_con_disabilita', 'famiglie'], tasks: ['cura_animali'], bands: ['mattina', 'pomeriggio', 'sera', 'weekend'] },
    types: [
      { code: 'dog_sitting', it: 'Dog sitting e passeggiate', en: 'Dog sitting and walks', descIt: 'Passeggiate quotidiane con il cane e compagnia in casa.', descEn: 'Daily dog walks and company at home.', synonyms: ['dog sitter', 'dogsitter', 'passeggiata cane'], weight: 2, names: ['Passeggiate con il cane', 'Dog sitter di quartiere'] },
      { code: 'pet_sitting', it: 'Pet sitting a domicilio', en: 'Pet sitting at home', descIt: 'Cura di gatti e altri animali: cibo, lettiera, compagnia e visite dal veterinario.', descEn: 'Care for cats and other pets: food, litter, company and trips to the vet.', synonyms: ['pet sitter', 'gatto', 'veterinario'], price: [12, 20], weight: 1, names: ['Pet sitting a domicilio', 'Cura di gatti e piccoli animali'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'piccole_manutenzioni', it: 'Piccole manutenzioni casa', en: 'Small home repairs',
    descIt: 'Piccole riparazioni, tinteggiature e adattamenti della casa per renderla più sicura.',
    descEn: 'Small repairs, painting and home adaptations to make it safer.',
    synonyms: ['manutenzione', 'riparazioni', 'tuttofare', 'idraulico', 'elettricista'], icon: 'tool',
    defaults: { unit: 'ora', price: [22, 32], vat: 22, offer: paidOnly, mode: 'individual', places: ['domicilio'], targets: ['anziani', 'famiglie', 'persone_con_disabilita'], tasks: ['piccole_riparazioni'], bands: WORK_BANDS },
    types: [
      { code: 'piccole_riparazioni', it: 'Piccole riparazioni domestiche', en: 'Small household repairs', descIt: 'Rubinetti, lampadine, tapparelle, mensole e montaggio mobili.', descEn: 'Taps, light bulbs, shutters, shelves and furniture assembly.', synonyms: ['tuttofare', 'aggiustare', 'montaggio mobili'], weight: 3, names: ['Tuttofare a domicilio', 'Piccole riparazioni in casa', 'Pronto intervento casa'] },
      { code: 'tinteggiatura', it: 'Tinteggiatura e piccoli lavori', en: 'Painting and small works', descIt: 'Tinteggiatura di stanze e piccoli lavori di muratura, con preventivo.', descEn: 'Painting rooms and small building works, with a quote.', synonyms: ['imbianchino', 'pittura pareti'], price: [24, 34], weight: 1, names: ['Imbiancatura di stanze', 'Tinteggiatura a domicilio'] },
      { code: 'sicurezza_domestica', it: 'Adattamento della casa e sicurezza domestica', en: 'Home adaptation and safety', descIt: 'Maniglioni, rimozione di ostacoli e piccoli interventi per prevenire le cadute.', descEn: 'Grab bars, removing obstacles and small works to prevent falls.', synonyms: ['barriere architettoniche', 'maniglioni', 'cadute'], unit: 'intervento', price: [60, 150], weight: 1, names: ['Casa sicura', 'Adattamento del bagno e della casa'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'disbrigo_pratiche', it: 'Disbrigo pratiche', en: 'Paperwork assistance',
    descIt: 'Aiuto con pratiche amministrative, ISEE, domande online e rapporti con gli uffici.',
    descEn: 'Help with paperwork, ISEE, online applications and dealing with offices.',
    synonyms: ['pratiche', 'burocrazia', 'isee', 'caf'], icon: 'file',
    defaults: { unit: 'pratica', price: [15, 35], vat: 22, offer: [['paid', 5], ['free_volunteer', 3], ['free_public', 2]], mode: 'individual', places: ['sede_ente', 'domicilio', 'online'], targets: ['anziani', 'famiglie', 'stranieri', 'adulti_in_difficolta'], tasks: ['pratiche_burocratiche'], bands: WORK_BANDS },
    types: [
      { code: 'pratiche_amministrative', it: 'Disbrigo pratiche amministrative', en: 'Administrative paperwork', descIt: 'Compilazione e invio di domande, richieste e documenti agli uffici.', descEn: 'Filling in and sending applications, requests and documents to offices.', synonyms: ['pratiche', 'moduli', 'domande'], weight: 2, names: ['Pratiche senza pensieri', 'Aiuto con le pratiche', 'Sportello pratiche'] },
      { code: 'assistenza_isee', it: 'Assistenza per ISEE e dichiarazioni', en: 'Help with ISEE and tax returns', descIt: 'Supporto per la dichiarazione ISEE e per i documenti necessari.', descEn: 'Support with the ISEE declaration and the documents required.', synonyms: ['isee', 'dichiarazione dei redditi', '730', 'caf'], price: [20, 40], weight: 2, names: ['ISEE facile', 'Assistenza ISEE e 730'] },
      { code: 'supporto_domande_online', it: 'Supporto alle domande online', en: 'Help with online applications', descIt: 'Aiuto pratico per usare SPID e compilare domande sui portali pubblici.', descEn: 'Practical help to use SPID and fill in applications on public portals.', synonyms: ['spid', 'domande online', 'digitale'], unit: 'intervento', price: [10, 20], weight: 1, names: ['Facilitazione digitale', 'Aiuto con SPID e domande online'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'gestione_lavoro_domestico', it: 'Gestione del rapporto di lavoro domestico', en: 'Managing domestic employment',
    descIt: 'Contratti, buste paga, contributi e TFR per chi assume colf, badanti e baby-sitter.',
    descEn: 'Contracts, payslips, contributions and severance for families employing domestic workers.',
    synonyms: ['busta paga', 'contratto colf', 'contributi inps', 'ccnl'], icon: 'files',
    defaults: { unit: 'mese', price: [12, 22], vat: 22, offer: paidOnly, mode: 'individual', places: ['sede_ente', 'online'], targets: ['famiglie', 'anziani', 'caregiver'], tasks: ['pratiche_burocratiche'], bands: WORK_BANDS },
    types: [
      { code: 'gestione_contratto_domestico', it: 'Gestione del contratto di lavoro domestico', en: 'Domestic employment payroll', descIt: 'Assunzione, buste paga mensili, contributi INPS, ferie, tredicesima e TFR.', descEn: 'Hiring, monthly payslips, INPS contributions, holidays, 13th month and severance.', synonyms: ['busta paga colf', 'cedolino', 'assunzione badante'], weight: 2, names: ['Buste paga per colf e badanti', 'Gestione contratto di lavoro domestico', 'Amministrazione del lavoro domestico'] },
      { code: 'consulenza_lavoro_domestico', it: 'Consulenza sul lavoro domestico', en: 'Advice on domestic employment', descIt: 'Consulenza su CCNL, livelli, orari, costi e cessazione del rapporto.', descEn: 'Advice on the national contract, levels, hours, costs and ending employment.', synonyms: ['ccnl', 'livelli colf', 'licenziamento colf'], unit: 'pratica', price: [30, 60], weight: 1, names: ['Consulenza sul contratto colf', 'Sportello lavoro domestico'] },
    ],
  },
  {
    section: 'domiciliarita', code: 'corsi_lingua_italiana', it: 'Corsi di lingua italiana', en: 'Italian language courses',
    descIt: 'Corsi di italiano per persone straniere e per assistenti familiari.',
    descEn: 'Italian courses for foreign residents and for home caregivers.',
    synonyms: ['italiano', 'corso di italiano', 'l2'], icon: 'comment',
    defaults: { unit: 'corso', price: [60, 140], vat: 0, offer: [['free_volunteer', 4], ['free_public', 2], ['paid', 3]], mode: 'shared', group: [6, 15], places: ['sede_ente', 'online'], targets: ['stranieri', 'adulti_in_difficolta'], tasks: ['insegnamento'], bands: ['mattina', 'pomeriggio', 'sera'], period: true },
    types: [
      { code: 'corso_italiano_adulti', it: 'Corso di italiano per adulti stranieri', en: 'Italian course for foreign adults', descIt: 'Corsi per livelli, dalla alfabetizzazione al B1.', descEn: 'Courses by level, from literacy to B1.', synonyms: ['italiano per stranieri', 'alfabetizzazione'], weight: 2, names: ['Italiano per tutti', 'Corso di italiano serale', 'Italiano per mamme straniere'] },
      { code: 'italiano_assistenti_familiari', it: 'Italiano per assistenti familiari', en: 'Italian for home caregivers', descIt: 'Italiano per il lavoro di cura: parole della casa, della salute e del contratto.', descEn: 'Italian for care work: words for the home, health and the contract.', synonyms: ['italiano badanti'], weight: 1, names: ['Italiano per il lavoro di cura', 'Italiano per badanti e colf'] },
    ],
  },

  // ---------------------------------------------------------------- 0-18
  {
    section: 'zero_diciotto', code: 'scuola_piu', it: 'Scuola+', en: 'School+',
    descIt: 'Doposcuola, sostegno ai compiti e allo studio, orientamento scolastico, corsi di italiano e di lingue straniere.',
    descEn: 'After-school, homework and study support, school guidance, Italian and foreign-language courses.',
    synonyms: ['doposcuola', 'compiti', 'lingue straniere'], icon: 'presentation',
    defaults: { unit: 'mese', price: [80, 150], vat: 5, offer: [['paid', 5], ['free_volunteer', 2], ['free_public', 2]], mode: 'shared', group: [5, 15], places: ['sede_ente'], targets: KIDS, tasks: ['aiuto_compiti', 'insegnamento'], bands: ['pomeriggio'], period: true },
    types: [
      { code: 'doposcuola', it: 'Doposcuola', en: 'After-school club', descIt: 'Pomeriggi di studio e gioco con educatori, dopo la scuola.', descEn: 'Afternoons of study and play with educators after school.', synonyms: ['dopo scuola', 'centro pomeridiano'], weight: 3, names: ['Doposcuola di quartiere', 'Compiti e merenda', 'Doposcuola per le medie'] },
      { code: 'sostegno_dsa', it: 'Sostegno allo studio e DSA', en: 'Study support and learning difficulties', descIt: 'Metodo di studio e strumenti compensativi per ragazzi con DSA.', descEn: 'Study methods and compensatory tools for pupils with learning difficulties.', synonyms: ['dsa', 'dislessia', 'metodo di studio'], unit: 'ora', price: [22, 32], mode: 'both', group: [2, 5], weight: 2, names: ['Metodo di studio per ragazzi con DSA', 'Tutor DSA'] },
      { code: 'lingue_straniere', it: 'Corsi di lingue straniere', en: 'Foreign-language courses', descIt: 'Inglese, spagnolo e altre lingue in piccoli gruppi per età.', descEn: 'English, Spanish and other languages in small groups by age.', synonyms: ['inglese', 'spagnolo', 'lingue'], unit: 'lezione', price: [12, 18], weight: 1, names: ['Inglese per bambini', 'Lingue straniere in gioco'] },
    ],
  },
  {
    section: 'zero_diciotto', code: 'sport', it: 'Sport', en: 'Sport',
    descIt: 'Corsi di sport individuali e di gruppo, scuole di circo, gioco danza, gioco sport e psicomotricità.',
    descEn: 'Individual and team sports, circus schools, dance, multi-sport games and psychomotor activities.',
    synonyms: ['sport', 'calcio', 'danza', 'nuoto', 'psicomotricita'], icon: 'flag',
    defaults: { unit: 'mese', price: [35, 60], vat: 0, offer: [['paid', 6], ['free_volunteer', 2], ['free_public', 1]], mode: 'shared', group: [6, 18], places: ['sede_ente', 'altro'], targets: ['bambini', 'adolescenti'], tasks: ['attivita_sportive'], bands: ['pomeriggio', 'weekend'], period: true },
    types: [
      { code: 'corsi_sportivi', it: 'Corsi sportivi', en: 'Sports courses', descIt: 'Calcio, basket, pallavolo, arti marziali e atletica per bambini e ragazzi.', descEn: 'Football, basketball, volleyball, martial arts and athletics for children and teenagers.', synonyms: ['calcio', 'basket', 'pallavolo', 'judo'], weight: 3, names: ['Multisport per bambini', 'Basket di cortile', 'Arti marziali per ragazzi'] },
      { code: 'psicomotricita', it: 'Psicomotricità', en: 'Psychomotor activities', descIt: 'Incontri di psicomotricità per i più piccoli, in gruppo.', descEn: 'Psychomotor sessions for young children, in groups.', synonyms: ['psicomotricista', 'movimento'], unit: 'lezione', price: [10, 15], targets: ['bambini', 'famiglie'], weight: 2, names: ['Psicomotricità 3-6 anni', 'Giocare con il corpo'] },
      { code: 'circo_danza', it: 'Circo e gioco danza', en: 'Circus and dance', descIt: 'Giocoleria, acrobatica e danza creativa.', descEn: 'Juggling, acrobatics and creative dance.', synonyms: ['circo', 'giocoleria', 'danza'], weight: 1, names: ['Piccola scuola di circo', 'Gioco danza'] },
    ],
  },
  {
    section: 'zero_diciotto', code: 'salute', it: 'Salute', en: 'Health',
    descIt: 'Attività di promozione della salute, prevenzione e cura anche per problematiche specifiche.',
    descEn: 'Health promotion, prevention and care, also for specific needs.',
    synonyms: ['logopedia', 'neuropsicomotricita', 'pediatra'], icon: 'plus-circle',
    defaults: { unit: 'seduta', price: [40, 55], vat: 0, offer: paidMostly, mode: 'individual', places: ['sede_ente', 'domicilio'], targets: ['bambini', 'adolescenti', 'famiglie'], tasks: ['colloqui', 'riabilitazione'], bands: ['mattina', 'pomeriggio'] },
    types: [
      { code: 'logopedia', it: 'Logopedia', en: 'Speech therapy', descIt: 'Valutazione e trattamento dei disturbi del linguaggio.', descEn: 'Assessment and therapy of speech and language disorders.', synonyms: ['logopedista', 'linguaggio'], weight: 2, names: ['Logopedia per bambini', 'Logopedista in studio'] },
      { code: 'psicologo_eta_evolutiva', it: 'Psicologo dell’età evolutiva', en: 'Child and adolescent psychologist', descIt: 'Colloqui per bambini, adolescenti e genitori.', descEn: 'Sessions for children, teenagers and parents.', synonyms: ['psicologo bambini', 'adolescenza'], price: [45, 65], weight: 2, names: ['Sportello psicologico per adolescenti', 'Psicologo per bambini e genitori'] },
      { code: 'educazione_salute', it: 'Educazione alla salute', en: 'Health education', descIt: 'Incontri su alimentazione, sonno, affettività e prevenzione.', descEn: 'Meetings on nutrition, sleep, relationships and prevention.', synonyms: ['prevenzione', 'alimentazione'], unit: 'intervento', price: [5, 10], offer: freeMostly, mode: 'shared', group: [8, 25], weight: 1, names: ['Crescere in salute', 'Incontri di educazione alimentare'] },
    ],
  },
  {
    section: 'zero_diciotto', code: 'arte', it: 'Arte', en: 'Arts',
    descIt: 'Corsi e laboratori di arti figurative, teatro, musica, attività e proposte culturali come workshop e visite guidate.',
    descEn: 'Courses and workshops in visual arts, theatre and music, cultural activities such as workshops and guided tours.',
    synonyms: ['teatro', 'musica', 'pittura', 'laboratori'], icon: 'camera',
    defaults: { unit: 'mese', price: [40, 70], vat: 0, offer: [['paid', 5], ['free_volunteer', 2], ['free_public', 1]], mode: 'shared', group: [6, 16], places: ['sede_ente'], targets: ['bambini', 'adolescenti'], tasks: ['laboratori_creativi'], bands: ['pomeriggio', 'weekend'], period: true },
    types: [
      { code: 'laboratorio_teatro', it: 'Laboratorio di teatro', en: 'Theatre workshop', descIt: 'Teatro per esprimersi, stare in gruppo e andare in scena.', descEn: 'Theatre to express yourself, work in a group and go on stage.', synonyms: ['recitazione', 'teatro ragazzi'], weight: 2, names: ['Teatro per ragazzi', 'Laboratorio teatrale'] },
      { code: 'corsi_musica', it: 'Corsi di musica', en: 'Music courses', descIt: 'Strumento, canto corale e propedeutica musicale.', descEn: 'Instruments, choir singing and early music education.', synonyms: ['chitarra', 'pianoforte', 'coro'], unit: 'lezione', price: [15, 25], mode: 'both', weight: 2, names: ['Musica per piccoli', 'Coro e strumento'] },
      { code: 'arti_figurative', it: 'Arti figurative e visite guidate', en: 'Visual arts and guided tours', descIt: 'Disegno, pittura, fumetto e visite a musei e quartieri.', descEn: 'Drawing, painting, comics and visits to museums and neighbourhoods.', synonyms: ['pittura', 'disegno', 'fumetto', 'museo'], weight: 1, names: ['Atelier di pittura', 'Fumetto e illustrazione'] },
    ],
  },
  {
    section: 'zero_diciotto', code: 'stem', it: 'STEM', en: 'STEM',
    descIt: 'Laboratori di coding, robotica, scienze, astronomia, educazione ambientale e sostenibilità.',
    descEn: 'Coding, robotics, science, astronomy, environmental education and sustainability workshops.',
    synonyms: ['coding', 'robotica', 'scienze', 'informatica'], icon: 'code-circle',
    defaults: { unit: 'corso', price: [90, 180], vat: 22, offer: [['paid', 5], ['free_volunteer', 2], ['free_public', 1]], mode: 'shared', group: [6, 14], places: ['sede_ente', 'online'], targets: ['bambini', 'adolescenti'], tasks: ['laboratori_creativi', 'insegnamento'], bands: ['pomeriggio', 'weekend'], period: true },
    types: [
      { code: 'coding_robotica', it: 'Coding e robotica', en: 'Coding and robotics', descIt: 'Programmazione a blocchi, robot e elettronica per principianti.', descEn: 'Block programming, robots and electronics for beginners.', synonyms: ['coding', 'robot', 'scratch', 'programmazione'], weight: 2, names: ['Coding per ragazzi', 'Robotica educativa', 'Piccoli programmatori'] },
      { code: 'scienze_astronomia', it: 'Scienze e astronomia', en: 'Science and astronomy', descIt: 'Esperimenti, osservazione del cielo e laboratori scientifici.', descEn: 'Experiments, stargazing and science workshops.', synonyms: ['esperimenti', 'stelle', 'scienza'], unit: 'lezione', price: [10, 16], weight: 1, names: ['Scienziati in erba', 'Guardiamo le stelle'] },
      { code: 'educazione_ambientale', it: 'Educazione ambientale', en: 'Environmental education', descIt: 'Orti, riciclo, biodiversità urbana e sostenibilità.', descEn: 'Vegetable gardens, recycling, urban biodiversity and sustainability.', synonyms: ['ambiente', 'orto', 'riciclo'], unit: 'lezione', price: [6, 12], offer: freeMostly, weight: 1, names: ['Orto in città', 'Piccoli custodi dell’ambiente'] },
    ],
  },

  // ---------------------------------------------------------------- Inclusione
  {
    section: 'inclusione', code: 'ricongiungimento_familiare', it: 'Ricongiungimento familiare', en: 'Family reunification',
    descIt: 'Per supportare i cittadini e le cittadine neo-arrivati e coloro che vogliono ricongiungere a Milano i loro familiari.',
    descEn: 'Support for newcomers and for people who want to bring their family members to Milan.',
    synonyms: ['ricongiungimento', 'nulla osta', 'visto familiare'], icon: 'team-digitale',
    defaults: { unit: 'pratica', price: [30, 60], vat: 0, offer: freeMostly, mode: 'individual', places: ['sede_ente', 'online'], targets: ['stranieri', 'famiglie'], tasks: ['orientamento', 'pratiche_burocratiche', 'mediazione_linguistica'], bands: WORK_BANDS },
    types: [
      { code: 'supporto_ricongiungimento', it: 'Supporto al ricongiungimento familiare', en: 'Family reunification support', descIt: 'Informazioni e aiuto per preparare la domanda di ricongiungimento.', descEn: 'Information and help to prepare the family reunification application.', synonyms: ['ricongiungimento familiare', 'idoneita alloggiativa'], weight: 2, names: ['Sportello ricongiungimento', 'Famiglie di nuovo insieme'] },
      { code: 'accompagnamento_neoarrivati', it: 'Accompagnamento dei familiari neo-arrivati', en: 'Support for newly arrived relatives', descIt: 'Primi passi a Milano: iscrizione anagrafica, sanitaria e scolastica.', descEn: 'First steps in Milan: registry, health service and school enrolment.', synonyms: ['benvenuti a milano', 'neo arrivati', 'prima accoglienza'], weight: 1, names: ['Benvenuti a Milano: primi passi', 'Orientamento per chi arriva'] },
    ],
  },
  {
    section: 'inclusione', code: 'orientamento_scolastico', it: 'Orientamento scolastico ed extrascolastico', en: 'School and out-of-school guidance',
    descIt: 'Per orientare i ragazzi e le ragazze alla scelta del percorso scolastico e delle attività formative e del tempo libero.',
    descEn: 'Helping young people choose their school path, training and leisure activities.',
    synonyms: ['scelta della scuola', 'orientamento'], icon: 'map-marker',
    defaults: { unit: 'seduta', price: [30, 50], vat: 0, offer: freeMostly, mode: 'both', group: [3, 12], places: ['sede_ente', 'online'], targets: ['adolescenti', 'stranieri', 'famiglie'], tasks: ['orientamento', 'colloqui'], bands: ['pomeriggio'] },
    types: [
      { code: 'orientamento_scuola', it: 'Orientamento alla scelta della scuola', en: 'Choosing a school', descIt: 'Colloqui e incontri per scegliere la scuola superiore o la formazione professionale.', descEn: 'Meetings to choose secondary school or vocational training.', synonyms: ['scuole superiori', 'formazione professionale'], weight: 2, names: ['Che scuola scelgo?', 'Orientamento dopo la terza media'] },
      { code: 'orientamento_tempo_libero', it: 'Orientamento alle attività del tempo libero', en: 'Guidance on leisure activities', descIt: 'Mappa delle attività sportive, culturali e aggregative del quartiere.', descEn: 'A map of sports, cultural and youth activities in the neighbourhood.', synonyms: ['tempo libero', 'centri giovani'], weight: 1, names: ['Il tuo tempo libero in quartiere', 'Orientamento extrascolastico'] },
    ],
  },
  {
    section: 'inclusione', code: 'lingua_italiana_l2', it: 'Apprendimento della lingua italiana (L2)', en: 'Learning Italian (L2)',
    descIt: 'Per informare sui corsi di italiano L2 presenti in città e orientare alla scelta del percorso più adatto.',
    descEn: 'Information on Italian L2 courses in the city and help choosing the right one.',
    synonyms: ['italiano l2', 'italiano per stranieri', 'corso di italiano'], icon: 'comment',
    defaults: { unit: 'corso', price: [40, 90], vat: 0, offer: [['free_volunteer', 4], ['free_public', 3], ['paid', 1]], mode: 'shared', group: [6, 15], places: ['sede_ente', 'online'], targets: ['stranieri', 'adulti_in_difficolta'], tasks: ['insegnamento', 'orientamento'], bands: ['mattina', 'pomeriggio', 'sera'], period: true },
    types: [
      { code: 'orientamento_corsi_l2', it: 'Orientamento ai corsi di italiano L2', en: 'Guidance on Italian L2 courses', descIt: 'Test di livello e indicazione del corso più adatto in città.', descEn: 'Level test and advice on the most suitable course in the city.', synonyms: ['test di livello', 'cpia'], unit: 'seduta', mode: 'individual', weight: 1, names: ['Quale corso di italiano?', 'Sportello italiano L2'] },
      { code: 'corso_l2', it: 'Corso di italiano L2', en: 'Italian L2 course', descIt: 'Corsi di italiano come lingua seconda, con attenzione a chi ha figli piccoli.', descEn: 'Italian as a second language, with attention to parents of young children.', synonyms: ['italiano l2', 'lingua italiana'], weight: 2, names: ['Italiano L2 con spazio bimbi', 'Italiano per il lavoro', 'Parliamo italiano'] },
    ],
  },
  {
    section: 'inclusione', code: 'consulenza_sociale_giuridica', it: 'Consulenza sociale e giuridica', en: 'Social and legal advice',
    descIt: 'Per costruire percorsi di inclusione delle persone centrati sulla promozione dei diritti.',
    descEn: 'Inclusion pathways centred on people’s rights.',
    synonyms: ['avvocato', 'permesso di soggiorno', 'consulenza legale', 'diritti'], icon: 'sign',
    defaults: { unit: 'seduta', price: [35, 60], vat: 22, offer: freeMostly, mode: 'individual', places: ['sede_ente', 'online'], targets: ['stranieri', 'adulti_in_difficolta', 'famiglie'], tasks: ['colloqui', 'pratiche_burocratiche', 'orientamento'], bands: WORK_BANDS },
    types: [
      { code: 'consulenza_legale_migranti', it: 'Consulenza legale su immigrazione', en: 'Immigration legal advice', descIt: 'Permesso di soggiorno, cittadinanza, protezione internazionale.', descEn: 'Residence permits, citizenship, international protection.', synonyms: ['permesso di soggiorno', 'cittadinanza', 'protezione internazionale'], weight: 2, names: ['Sportello legale immigrazione', 'Consulenza su permessi e cittadinanza'] },
      { code: 'segretariato_sociale', it: 'Segretariato sociale', en: 'Social advice desk', descIt: 'Ascolto e orientamento su casa, lavoro, salute e servizi.', descEn: 'Listening and guidance on housing, work, health and services.', synonyms: ['assistente sociale', 'sportello sociale'], weight: 2, names: ['Sportello di ascolto sociale', 'Orientamento ai servizi'] },
      { code: 'mediazione_linguistica', it: 'Mediazione linguistico-culturale', en: 'Linguistic and cultural mediation', descIt: 'Mediatori per colloqui con scuole, servizi sanitari e uffici.', descEn: 'Mediators for meetings with schools, health services and offices.', synonyms: ['mediatore culturale', 'interprete', 'traduzione'], unit: 'ora', price: [25, 35], weight: 1, names: ['Mediatore culturale', 'Mediazione linguistica per famiglie'] },
    ],
  },

  // ---------------------------------------------------------------- Educazione finanziaria
  ...(
    [
      ['ef_budgeting', 'Budgeting', 'Budgeting', 'Controllare le entrate e le uscite per migliorare le proprie abitudini di spesa.', 'Keeping track of income and spending to improve your habits.', ['bilancio familiare', 'budget', 'spese'], 'chart-line'],
      ['ef_debiti', 'Debiti', 'Debts', 'Saldare i debiti per poter pagare rate e affitti, servizi prepagati.', 'Paying off debts to keep up with instalments, rent and bills.', ['debiti', 'rate', 'sovraindebitamento', 'prestiti'], 'warning-circle'],
      ['ef_protezione', 'Protezione', 'Protection', 'Proteggersi dagli imprevisti preparandosi a gestire necessità impreviste.', 'Protecting yourself against the unexpected.', ['assicurazione', 'imprevisti', 'fondo emergenze'], 'lock'],
      ['ef_pensione', 'Pensione', 'Retirement', 'Preparare la vita in pensione per poter vivere una vecchiaia senza preoccupazioni.', 'Preparing for retirement to live later life without worries.', ['pensione', 'previdenza'], 'calendar'],
      ['ef_investimento', 'Investimento', 'Investment', 'Raggiungere obiettivi futuri importanti per sé e per i propri cari.', 'Reaching important future goals for yourself and your loved ones.', ['investimenti', 'risparmio', 'obiettivi'], 'chart-line'],
    ] as const
  ).map(([code, it, en, descIt, descEn, synonyms, icon]): CategoryDef => ({
    section: 'educazione_finanziaria', code, it, en, descIt, descEn, synonyms: [...synonyms], icon,
    defaults: { unit: 'seduta', price: [0, 0], vat: 0, offer: [['free_public', 1]], mode: 'individual', places: ['sede_ente', 'online'], targets: ['famiglie', 'adulti_in_difficolta', 'anziani'], tasks: ['colloqui', 'orientamento'], bands: ['pomeriggio', 'sera'] },
    types: [
      { code: `${code}_incontro`, it: `Incontro pubblico: ${it.toLowerCase()}`, en: `Public meeting: ${en.toLowerCase()}`, descIt: `Incontro di gruppo di due ore sul tema: ${descIt.charAt(0).toLowerCase()}${descIt.slice(1)}`, descEn: `Two-hour group meeting on: ${descEn.charAt(0).toLowerCase()}${descEn.slice(1)}`, synonyms: ['incontro pubblico', 'sensibilizzazione'], mode: 'shared', group: [8, 30], weight: 1, names: [`Incontro di gruppo: ${it.toLowerCase()}`, `Due ore per parlare di ${it.toLowerCase()}`] },
      { code: `${code}_individuale`, it: `Accompagnamento individuale: ${it.toLowerCase()}`, en: `One-to-one support: ${en.toLowerCase()}`, descIt: 'Incontri individuali con un’educatrice o un educatore finanziario, con un report scritto finale.', descEn: 'One-to-one meetings with a financial educator, with a final written report.', synonyms: ['educatore finanziario', 'consulenza'], weight: 1, names: [`Educatore finanziario: ${it.toLowerCase()}`, `Accompagnamento personale: ${it.toLowerCase()}`] },
    ],
  })),

  // ---------------------------------------------------------------- Tate Colf Badanti
  {
    section: 'tate_colf_badanti', code: 'tcb_baby_sitter', it: 'Baby-sitter', en: 'Baby-sitter',
    descIt: 'Ricerca e selezione di baby-sitter e tate per le famiglie.',
    descEn: 'Finding and selecting baby-sitters and nannies for families.',
    synonyms: ['tata', 'baby sitter', 'babysitter', 'bambinaia'], icon: 'user',
    defaults: { unit: 'ora', price: [9, 12], vat: 0, offer: paidOnly, mode: 'individual', places: ['domicilio'], targets: ['bambini', 'famiglie'], tasks: ['gioco_animazione', 'accompagnamento_scuola', 'preparazione_pasti'], bands: ['mattina', 'pomeriggio', 'sera', 'weekend'] },
    types: [
      { code: 'tata_ore', it: 'Tata a ore', en: 'Hourly nanny', descIt: 'Tate selezionate per qualche ora al giorno o alla settimana.', descEn: 'Selected nannies for a few hours a day or week.', synonyms: ['tata', 'baby sitter a ore'], weight: 2, names: ['Tata a ore', 'Baby-sitter per il pomeriggio'] },
      { code: 'tata_convivente', it: 'Tata convivente', en: 'Live-in nanny', descIt: 'Selezione di una tata che vive con la famiglia.', descEn: 'Finding a nanny who lives with the family.', synonyms: ['tata fissa', 'ragazza alla pari'], unit: 'mese', price: [1100, 1450], weight: 1, names: ['Tata convivente', 'Tata a tempo pieno'] },
    ],
  },
  {
    section: 'tate_colf_badanti', code: 'tcb_colf', it: 'Colf', en: 'Housekeeper',
    descIt: 'Collaboratori e collaboratrici domestiche per pulizie, stiro e cura della casa.',
    descEn: 'Housekeepers for cleaning, ironing and looking after the home.',
    synonyms: ['colf', 'collaboratrice domestica', 'domestica', 'pulizie'], icon: 'settings',
    defaults: { unit: 'ora', price: [10, 13], vat: 0, offer: paidOnly, mode: 'individual', places: ['domicilio'], targets: ['famiglie', 'anziani'], tasks: ['pulizia_casa', 'stiro', 'spesa'], bands: ['mattina', 'pomeriggio'] },
    types: [
      { code: 'colf_ore', it: 'Colf a ore', en: 'Hourly housekeeper', descIt: 'Pulizie, stiro e riordino della casa, qualche ora a settimana.', descEn: 'Cleaning, ironing and tidying, a few hours a week.', synonyms: ['colf', 'donna delle pulizie', 'collaboratrice domestica'], weight: 2, names: ['Colf a ore', 'Pulizie e stiro a domicilio', 'Collaboratrice domestica'] },
      { code: 'pulizie_straordinarie', it: 'Pulizie straordinarie', en: 'Deep cleaning', descIt: 'Pulizie di fondo, cambio stagione e sgomberi leggeri.', descEn: 'Deep cleaning, seasonal wardrobe change and light clearing.', synonyms: ['pulizie di fondo', 'sgombero'], unit: 'intervento', price: [70, 140], vat: 22, weight: 1, names: ['Pulizie di fondo', 'Cambio stagione e pulizie straordinarie'] },
    ],
  },
  {
    section: 'tate_colf_badanti', code: 'tcb_badante', it: 'Badante', en: 'Home caregiver',
    descIt: 'Assistenti familiari per persone anziane o non autosufficienti, a ore, convivente o di notte.',
    descEn: 'Home caregivers for older or dependent people, hourly, live-in or at night.',
    synonyms: ['badante', 'assistente familiare', 'badanti'], icon: 'user',
    defaults: { unit: 'ora', price: [10, 14], vat: 0, offer: paidOnly, mode: 'individual', places: ['domicilio'], targets: ELDER, tasks: ['igiene_personale', 'mobilizzazione', 'compagnia', 'preparazione_pasti', 'pulizia_casa'], bands: ALL_BANDS },
    types: [
      { code: 'badante_convivente', it: 'Badante convivente', en: 'Live-in caregiver', descIt: 'Assistente familiare che vive con la persona assistita.', descEn: 'A home caregiver who lives with the person assisted.', synonyms: ['badante fissa', 'badante 24 ore'], unit: 'mese', price: [1150, 1550], weight: 2, names: ['Badante convivente', 'Assistenza familiare 24 ore'] },
      { code: 'badante_ore', it: 'Badante a ore', en: 'Hourly caregiver', descIt: 'Assistente familiare per alcune ore al giorno.', descEn: 'A home caregiver for a few hours a day.', synonyms: ['badante part time', 'badante a ore'], weight: 2, names: ['Badante a ore', 'Badante part-time'] },
      { code: 'assistenza_notturna', it: 'Assistenza notturna', en: 'Night care', descIt: 'Presenza e assistenza durante la notte, anche in ospedale.', descEn: 'Presence and care during the night, also in hospital.', synonyms: ['notte', 'badante notturna', 'assistenza in ospedale'], unit: 'intervento', price: [60, 95], bands: ['notte'], weight: 1, names: ['Assistenza notturna', 'Notti tranquille a casa e in ospedale'] },
    ],
  },
];

export const TARGET_GROUPS: TermDef[] = [
  { code: 'anziani', it: 'Anziani', en: 'Older people', descIt: 'Persone over 65 che vivono a casa.', descEn: 'People over 65 living at home.', synonyms: ['terza eta', 'anziano', 'over 65'], icon: 'user' },
  { code: 'anziani_non_autosufficienti', it: 'Anziani non autosufficienti', en: 'Dependent older people', descIt: 'Persone anziane che hanno bisogno di aiuto nelle attività quotidiane.', descEn: 'Older people who need help with daily activities.', synonyms: ['non autosufficiente', 'allettato', 'alzheimer'], icon: 'user' },
  { code: 'persone_con_disabilita', it: 'Persone con disabilità', en: 'People with disabilities', descIt: 'Persone con disabilità fisica, intellettiva o sensoriale e le loro famiglie.', descEn: 'People with physical, intellectual or sensory disabilities and their families.', synonyms: ['disabili', 'disabilita', 'handicap', 'invalidita'], icon: 'user' },
  { code: 'minori', it: 'Minori', en: 'Minors', descIt: 'Bambini e ragazzi fino ai 18 anni.', descEn: 'Children and teenagers up to 18.', synonyms: ['minorenni'], icon: 'user' },
  { code: 'bambini', it: 'Bambini (0-10 anni)', en: 'Children (0-10)', descIt: 'Bambine e bambini fino ai 10 anni.', descEn: 'Children up to 10 years old.', synonyms: ['bimbi', 'neonati', 'infanzia'], icon: 'user' },
  { code: 'adolescenti', it: 'Ragazzi e adolescenti (11-18 anni)', en: 'Teenagers (11-18)', descIt: 'Ragazze e ragazzi dagli 11 ai 18 anni.', descEn: 'Young people aged 11 to 18.', synonyms: ['ragazzi', 'adolescenza', 'teenager'], icon: 'user' },
  { code: 'famiglie', it: 'Famiglie', en: 'Families', descIt: 'Nuclei familiari, genitori, coppie.', descEn: 'Households, parents, couples.', synonyms: ['genitori', 'famiglia'], icon: 'team-digitale' },
  { code: 'caregiver', it: 'Caregiver familiari', en: 'Family caregivers', descIt: 'Chi si prende cura di un familiare fragile.', descEn: 'People caring for a frail relative.', synonyms: ['familiari', 'chi assiste'], icon: 'team-digitale' },
  { code: 'adulti_in_difficolta', it: 'Adulti in difficoltà', en: 'Adults in difficulty', descIt: 'Persone adulte in un momento di fragilità economica, sociale o personale.', descEn: 'Adults going through economic, social or personal hardship.', synonyms: ['fragilita', 'disagio', 'poverta'], icon: 'user' },
  { code: 'stranieri', it: 'Cittadini stranieri', en: 'Foreign residents', descIt: 'Persone di origine straniera, neo-arrivate o residenti da tempo.', descEn: 'People of foreign origin, newly arrived or long-term residents.', synonyms: ['migranti', 'immigrati', 'neo arrivati', 'rifugiati'], icon: 'flag' },
];

export const TASKS: TermDef[] = [
  ['igiene_personale', 'Igiene personale', 'Personal hygiene', ['bagno', 'lavarsi']],
  ['mobilizzazione', 'Mobilizzazione e alzata', 'Mobility and transfers', ['alzata', 'messa a letto']],
  ['compagnia', 'Compagnia', 'Company', ['solitudine', 'compagnia']],
  ['preparazione_pasti', 'Preparazione dei pasti', 'Cooking', ['cucinare']],
  ['somministrazione_farmaci', 'Somministrazione dei farmaci', 'Giving medicines', ['terapia', 'medicine']],
  ['sorveglianza_notturna', 'Sorveglianza notturna', 'Night supervision', ['notte']],
  ['medicazioni', 'Medicazioni', 'Dressings', ['ferite', 'piaghe']],
  ['riabilitazione', 'Riabilitazione', 'Rehabilitation', ['fisioterapia']],
  ['accompagnamento', 'Accompagnamento', 'Escorting', ['accompagnare']],
  ['trasporto', 'Trasporto', 'Transport', ['autista', 'passaggio']],
  ['pulizia_casa', 'Pulizia della casa', 'House cleaning', ['pulizie', 'faccende']],
  ['stiro', 'Stiro', 'Ironing', ['stirare']],
  ['spesa', 'Spesa', 'Shopping', ['fare la spesa']],
  ['commissioni', 'Commissioni', 'Errands', ['posta', 'bollette']],
  ['consegna_pasti', 'Consegna dei pasti', 'Meal delivery', ['pranzo']],
  ['aiuto_compiti', 'Aiuto nei compiti', 'Homework help', ['ripetizioni', 'studio']],
  ['gioco_animazione', 'Gioco e animazione', 'Play and activities', ['giochi']],
  ['accompagnamento_scuola', 'Accompagnamento a scuola', 'School run', ['portare a scuola']],
  ['cura_animali', 'Cura degli animali', 'Pet care', ['cane', 'gatto']],
  ['piccole_riparazioni', 'Piccole riparazioni', 'Small repairs', ['aggiustare']],
  ['pratiche_burocratiche', 'Pratiche burocratiche', 'Paperwork', ['moduli', 'documenti']],
  ['cura_estetica', 'Cura estetica', 'Beauty care', ['parrucchiere']],
  ['colloqui', 'Colloqui individuali', 'One-to-one meetings', ['colloquio']],
  ['orientamento', 'Informazione e orientamento', 'Information and guidance', ['informazioni']],
  ['insegnamento', 'Insegnamento', 'Teaching', ['lezioni']],
  ['mediazione_linguistica', 'Mediazione linguistica', 'Linguistic mediation', ['interprete']],
  ['attivita_sportive', 'Attività sportive', 'Sports activities', ['sport']],
  ['laboratori_creativi', 'Laboratori creativi', 'Creative workshops', ['laboratori']],
].map(([code, it, en, synonyms]) => ({
  code: code as string, it: it as string, en: en as string, descIt: '', descEn: '', synonyms: synonyms as string[],
}));

export const TIME_BANDS: TermDef[] = [
  { code: 'mattina', it: 'Mattina', en: 'Morning', descIt: 'Dalle 7 alle 13.', descEn: 'From 7 am to 1 pm.', synonyms: ['mattino'], icon: 'clock' },
  { code: 'pomeriggio', it: 'Pomeriggio', en: 'Afternoon', descIt: 'Dalle 13 alle 19.', descEn: 'From 1 pm to 7 pm.', synonyms: [], icon: 'clock' },
  { code: 'sera', it: 'Sera', en: 'Evening', descIt: 'Dalle 19 alle 23.', descEn: 'From 7 pm to 11 pm.', synonyms: ['serale'], icon: 'clock' },
  { code: 'notte', it: 'Notte', en: 'Night', descIt: 'Dalle 23 alle 7.', descEn: 'From 11 pm to 7 am.', synonyms: ['notturno', 'notturna'], icon: 'clock' },
  { code: 'weekend', it: 'Fine settimana', en: 'Weekend', descIt: 'Sabato e domenica.', descEn: 'Saturday and Sunday.', synonyms: ['sabato', 'domenica', 'festivi'], icon: 'calendar' },
];

/** The nine Municipi, with some of their neighbourhoods (quartieri). */
export const MUNICIPI: { n: number; quartieri: string[] }[] = [
  { n: 1, quartieri: ['Centro storico', 'Brera', 'Guastalla', 'Porta Vigentina', 'Porta Ticinese', 'Magenta - San Vittore', 'Sarpi', 'Garibaldi'] },
  { n: 2, quartieri: ['Stazione Centrale', 'Loreto', 'NoLo', 'Turro', 'Gorla', 'Greco', 'Precotto', 'Crescenzago', 'Adriano', 'Villaggio dei Giornalisti'] },
  { n: 3, quartieri: ['Porta Venezia', 'Città Studi', 'Lambrate', 'Casoretto', 'Ortica', 'Rubattino', 'Cimiano'] },
  { n: 4, quartieri: ['Porta Romana', 'Porta Vittoria', 'Calvairate', 'Corvetto', 'Forlanini', 'Rogoredo', 'Santa Giulia', 'Ponte Lambro', 'Taliedo'] },
  { n: 5, quartieri: ['Vigentino', 'Stadera', 'Chiesa Rossa', 'Gratosoglio', 'Morivione', 'Chiaravalle', 'Quintosole', 'Ripamonti'] },
  { n: 6, quartieri: ['Navigli', 'Porta Genova', 'Barona', 'Giambellino', 'Lorenteggio', 'San Cristoforo', 'Ronchetto sul Naviglio'] },
  { n: 7, quartieri: ['San Siro', 'De Angeli', 'Baggio', 'Quarto Cagnino', 'Quinto Romano', 'Figino', 'Forze Armate', 'Muggiano'] },
  { n: 8, quartieri: ['Sempione', 'Portello', 'QT8', 'Gallaratese', 'Quarto Oggiaro', 'Villapizzone', 'Certosa', 'Vialba', 'Lampugnano'] },
  { n: 9, quartieri: ['Isola', 'Maciachini', 'Dergano', 'Bovisa', 'Affori', 'Niguarda', 'Bicocca', 'Comasina', 'Bruzzano', 'Prato Centenaro'] },
];

export function municipioTerms(): TermDef[] {
  return MUNICIPI.map(({ n, quartieri }) => ({
    code: `m${n}`,
    it: `Municipio ${n}`,
    en: `Municipio ${n}`,
    descIt: `Quartieri: ${quartieri.join(', ')}.`,
    descEn: `Neighbourhoods: ${quartieri.join(', ')}.`,
    synonyms: [`zona ${n}`, ...quartieri.map((q) => q.toLowerCase())],
    icon: 'map-marker',
  }));
}

export const SUPPORT_SCHEMES: TermDef[] = [
  { code: 'voucher_sociali', it: 'Voucher sociali', en: 'Social vouchers', descIt: 'Titoli di spesa riconosciuti dal Comune per acquistare servizi dagli enti dell’elenco WeMi.', descEn: 'Vouchers granted by the City to buy services from WeMi organisations.', synonyms: ['voucher', 'buono servizio'], icon: 'card' },
  { code: 'buoni_sociali', it: 'Buoni sociali', en: 'Social allowances', descIt: 'Contributi economici per sostenere i costi della cura a domicilio.', descEn: 'Cash allowances towards the cost of home care.', synonyms: ['buono sociale', 'contributo'], icon: 'card' },
  { code: 'misure_non_autosufficienza', it: 'Misure per la non autosufficienza', en: 'Long-term care measures', descIt: 'Contributi pubblici dedicati alle persone non autosufficienti e alle loro famiglie.', descEn: 'Public support for dependent people and their families.', synonyms: ['non autosufficienza', 'contributo disabili'], icon: 'card' },
  { code: 'contributo_caregiver', it: 'Contributi per caregiver familiari', en: 'Family caregiver grants', descIt: 'Sostegni per chi assiste un familiare a casa.', descEn: 'Support for people caring for a relative at home.', synonyms: ['caregiver'], icon: 'card' },
  { code: 'welfare_aziendale', it: 'Welfare aziendale', en: 'Company welfare plans', descIt: 'Crediti welfare messi a disposizione dal datore di lavoro.', descEn: 'Welfare credits provided by the employer.', synonyms: ['flexible benefit', 'piano welfare'], icon: 'card' },
];

/** Groups of equivalent words citizens type (lower case, no accents); expanded at query time. */
export const SEARCH_SYNONYMS: string[][] = [
  ['badante', 'assistente familiare', 'assistenza familiare', 'badanti'],
  ['tata', 'baby sitter', 'babysitter', 'baby-sitter', 'bambinaia'],
  ['colf', 'collaboratrice domestica', 'collaboratore domestico', 'domestica', 'donna delle pulizie'],
  ['psicologo', 'psicologa', 'supporto psicologico', 'sostegno psicologico', 'psicoterapeuta'],
  ['infermiere', 'infermiera', 'assistenza infermieristica'],
  ['fisioterapista', 'fisioterapia', 'riabilitazione'],
  ['pasti a domicilio', 'consegna pasti', 'pranzo a domicilio'],
  ['spesa a domicilio', 'consegna spesa'],
  ['dog sitter', 'dogsitter', 'dog sitting', 'passeggiata cane'],
  ['parrucchiere', 'parrucchiera', 'barbiere'],
  ['podologo', 'pedicure'],
  ['doposcuola', 'aiuto compiti', 'ripetizioni'],
  ['italiano l2', 'corso di italiano', 'italiano per stranieri', 'lingua italiana'],
  ['ricongiungimento', 'ricongiungimento familiare'],
  ['busta paga', 'cedolino', 'buste paga'],
  ['anziano', 'anziani', 'terza eta', 'over 65'],
  ['disabile', 'disabili', 'disabilita', 'handicap'],
  ['trasporto', 'accompagnamento', 'passaggio'],
  ['tuttofare', 'manutenzione', 'riparazioni', 'aggiustare'],
  ['educazione finanziaria', 'bilancio familiare', 'budget familiare'],
  ['debiti', 'sovraindebitamento', 'prestiti'],
  ['oss', 'operatore socio sanitario'],
  ['asa', 'ausiliario socio assistenziale'],
  ['coding', 'programmazione', 'informatica'],
  ['caregiver', 'familiare che assiste'],
  ['mediatore culturale', 'mediazione linguistica', 'interprete'],
];
