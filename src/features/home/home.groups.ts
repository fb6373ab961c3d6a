import type { MessageKey } from '../../i18n/catalogue';

// The four ways Milanese families know WeMi's services (the tabs of today's WeMi home page): every category of
// the catalogue belongs to exactly one of them. The grouping is data: a group per category code, and a group per
// section code for a category the City adds later (so no category is ever left out of the home page).

/** An asset name of an illustration drawn for WeMi (src/client/img/). */
export type Illustration = `img/${string}.svg`;

export type NeedGroupCode = 'famiglia' | 'benessere' | 'casa' | 'comune';

export interface NeedGroup {
  code: NeedGroupCode;
  title: MessageKey;
  lead: MessageKey;
  /** Text of the link to everything in the group. */
  all: MessageKey;
  /** Illustration under src/client/img/ (decorative: the heading beside it says the same). */
  illustration: Illustration;
}

export const NEED_GROUPS: readonly NeedGroup[] = [
  { code: 'famiglia', title: 'home.groups.famiglia.title', lead: 'home.groups.famiglia.lead', all: 'home.groups.famiglia.all', illustration: 'img/group-famiglia.svg' },
  { code: 'benessere', title: 'home.groups.benessere.title', lead: 'home.groups.benessere.lead', all: 'home.groups.benessere.all', illustration: 'img/group-benessere.svg' },
  { code: 'casa', title: 'home.groups.casa.title', lead: 'home.groups.casa.lead', all: 'home.groups.casa.all', illustration: 'img/group-casa.svg' },
  { code: 'comune', title: 'home.groups.comune.title', lead: 'home.groups.comune.lead', all: 'home.groups.comune.all', illustration: 'img/group-comune.svg' },
];

/** Group of each category of the catalogue, by the category's code (stable: the City may rename slugs). */
export const GROUP_OF_CATEGORY: Readonly<Record<string, NeedGroupCode>> = {
  // Sostegno alla famiglia: children, teenagers and the family's carers.
  tcb_baby_sitter: 'famiglia',
  tcb_badante: 'famiglia',
  servizi_educativi: 'famiglia',
  scuola_piu: 'famiglia',
  sport: 'famiglia',
  salute: 'famiglia',
  arte: 'famiglia',
  stem: 'famiglia',
  // Benessere della persona: care, health, mind and body of one person.
  servizi_socio_assistenziali: 'benessere',
  assistenza_sanitaria: 'benessere',
  servizi_psicologici: 'benessere',
  servizi_estetici: 'benessere',
  accompagnamento_trasporto: 'benessere',
  // Gestione delle attività domestiche: the house, errands, meals, paperwork, domestic work.
  tcb_colf: 'casa',
  piccole_commissioni: 'casa',
  pasti_domicilio: 'casa',
  cura_animali: 'casa',
  piccole_manutenzioni: 'casa',
  disbrigo_pratiche: 'casa',
  gestione_lavoro_domestico: 'casa',
  // Servizi del Comune: the City's programmes (Milano Welcome Center, financial education) and Italian courses.
  corsi_lingua_italiana: 'comune',
  ricongiungimento_familiare: 'comune',
  orientamento_scolastico: 'comune',
  lingua_italiana_l2: 'comune',
  consulenza_sociale_giuridica: 'comune',
  ef_budgeting: 'comune',
  ef_debiti: 'comune',
  ef_protezione: 'comune',
  ef_pensione: 'comune',
  ef_investimento: 'comune',
};

/** Group of a category not listed above, by the code of its section. */
export const GROUP_OF_SECTION: Readonly<Record<string, NeedGroupCode>> = {
  domiciliarita: 'benessere',
  zero_diciotto: 'famiglia',
  inclusione: 'comune',
  educazione_finanziaria: 'comune',
  tate_colf_badanti: 'famiglia',
};

/** The one group of a category: by its own code, else by its section's, else "Benessere della persona". */
export function groupOf(categoryCode: string, sectionCode: string | null): NeedGroupCode {
  return GROUP_OF_CATEGORY[categoryCode] ?? (sectionCode ? GROUP_OF_SECTION[sectionCode] : undefined) ?? 'benessere';
}

/** Illustration of each section (by code), and the one used for a section added later. */
export const SECTION_ILLUSTRATIONS: Readonly<Record<string, Illustration>> = {
  domiciliarita: 'img/section-domiciliarita.svg',
  zero_diciotto: 'img/section-zero-diciotto.svg',
  inclusione: 'img/section-inclusione.svg',
  educazione_finanziaria: 'img/section-educazione-finanziaria.svg',
  tate_colf_badanti: 'img/section-tate-colf-badanti.svg',
};
export const DEFAULT_SECTION_ILLUSTRATION: Illustration = 'img/section-domiciliarita.svg';
