// The topics ("Argomenti") of the Designers Italia model, as WeMi uses them.
//
// Decision: a topic is a small, fixed entry point named with a term of the model's controlled vocabulary of topics
// (the "Elenco argomenti" of the Modello Comuni, which the AGID validator checks word for word), grouping the WeMi
// catalogue categories that serve it. A category may belong to several topics. Topics are not a new taxonomy the
// City maintains: the catalogue stays organised by sections and categories (edited in the back office); topics are
// a cross-cutting view over it, defined here in code and changed with a release. Categories are named by their fixed
// codes (src/db/seed/taxonomy.ts); a category that is missing or deactivated simply does not appear.

export interface TopicDef {
  slug: string;
  /** Italian name: a term of the model's vocabulary of topics, exactly as written there. */
  it: string;
  en: string;
  descIt: string;
  descEn: string;
  /** Bootstrap Italia sprite icon, without the "it-" prefix. */
  icon: string;
  /** Codes of the catalogue categories of this topic, in display order. */
  categories: readonly string[];
}

export const TOPICS: readonly TopicDef[] = [
  {
    slug: 'assistenza-sociale',
    it: 'Assistenza sociale',
    en: 'Social care',
    descIt: 'Aiuto a casa e vicino a casa per le persone anziane, fragili o sole e per chi se ne prende cura: assistenza, pasti, commissioni, sostegno psicologico, consulenza.',
    descEn: 'Help at home and near home for older, frail or isolated people and for those who care for them: care, meals, errands, psychological support, advice.',
    icon: 'user',
    categories: ['servizi_socio_assistenziali', 'tcb_badante', 'assistenza_sanitaria', 'pasti_domicilio', 'piccole_commissioni', 'servizi_psicologici', 'consulenza_sociale_giuridica'],
  },
  {
    slug: 'assistenza-agli-invalidi',
    it: 'Assistenza agli invalidi',
    en: 'Support for people with disabilities',
    descIt: 'Servizi per le persone con disabilità e le loro famiglie: assistenza a domicilio, educatori, trasporto attrezzato e accompagnamento.',
    descEn: 'Services for people with disabilities and their families: home care, educators, adapted transport and escort.',
    icon: 'hearing',
    categories: ['servizi_socio_assistenziali', 'servizi_educativi', 'accompagnamento_trasporto', 'assistenza_sanitaria'],
  },
  {
    slug: 'istruzione',
    it: 'Istruzione',
    en: 'Education',
    descIt: 'Sostegno allo studio, doposcuola, orientamento e attività educative per bambini, bambine, ragazzi e ragazze.',
    descEn: 'Study support, after-school clubs, guidance and educational activities for children and teenagers.',
    icon: 'note',
    categories: ['scuola_piu', 'servizi_educativi', 'orientamento_scolastico', 'stem', 'arte'],
  },
  {
    slug: 'integrazione-sociale',
    it: 'Integrazione sociale',
    en: 'Social inclusion',
    descIt: 'Percorsi di inclusione: imparare l’italiano, orientarsi nella scuola, avere consulenza sociale e giuridica, ricongiungere la famiglia.',
    descEn: 'Inclusion pathways: learning Italian, finding your way in school, social and legal advice, family reunification.',
    icon: 'horn',
    categories: ['lingua_italiana_l2', 'corsi_lingua_italiana', 'orientamento_scolastico', 'consulenza_sociale_giuridica', 'ricongiungimento_familiare'],
  },
  {
    slug: 'immigrazione',
    it: 'Immigrazione',
    en: 'Immigration',
    descIt: 'Per chi è arrivato a Milano da un altro Paese: corsi di italiano, ricongiungimento familiare, consulenza sociale e giuridica.',
    descEn: 'For people who came to Milan from another country: Italian courses, family reunification, social and legal advice.',
    icon: 'flag',
    categories: ['ricongiungimento_familiare', 'lingua_italiana_l2', 'corsi_lingua_italiana', 'consulenza_sociale_giuridica'],
  },
  {
    slug: 'lavoro',
    it: 'Lavoro',
    en: 'Work',
    descIt: 'Il lavoro domestico e di cura: trovare una tata, una colf o una badante e gestire il rapporto di lavoro.',
    descEn: 'Domestic and care work: finding a nanny, a housekeeper or a caregiver and managing the employment.',
    icon: 'pa',
    categories: ['tcb_baby_sitter', 'tcb_colf', 'tcb_badante', 'gestione_lavoro_domestico'],
  },
  {
    slug: 'sport',
    it: 'Sport',
    en: 'Sport',
    descIt: 'Corsi sportivi, psicomotricità, circo e danza per bambini e ragazzi.',
    descEn: 'Sports courses, psychomotor activities, circus and dance for children and teenagers.',
    icon: 'star-outline',
    categories: ['sport'],
  },
  {
    slug: 'tempo-libero',
    it: 'Tempo libero',
    en: 'Leisure',
    descIt: 'Arte, sport e uscite accompagnate: attività per stare bene e stare insieme.',
    descEn: 'Arts, sport and escorted outings: activities to feel well and spend time together.',
    icon: 'calendar',
    categories: ['arte', 'sport', 'accompagnamento_trasporto'],
  },
  {
    slug: 'animale-domestico',
    it: 'Animale domestico',
    en: 'Pets',
    descIt: 'Chi si occupa del tuo animale quando tu non puoi: dog sitting, passeggiate e pet sitting a domicilio.',
    descEn: 'Someone to look after your pet when you cannot: dog sitting, walks and pet sitting at home.',
    icon: 'star-full',
    categories: ['cura_animali'],
  },
];

export const findTopic = (slug: string): TopicDef | undefined => TOPICS.find((t) => t.slug === slug);
