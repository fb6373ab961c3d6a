// Spazi WeMi as named in the seed documents (/work/shared/seeds):
//   000 Carta dei Servizi Welfare e Salute (the most recent list: 24 Spazi, with e-mail, address, postal code),
//   001 presentation to the Council committee (March 2022: 19 Spazi listed with address and e-mail),
//   002 news item on three new Spazi (older: managing organisations and descriptions).
// Reconciliation: when documents disagree, the Carta dei Servizi (000) wins. Spazi named only in the older
// documents are kept with active = false (they are not in the current list). Coordinates only where the place
// is a well-known landmark; otherwise null. Nothing here is invented: empty when the documents say nothing.

export interface SpazioDef {
  slug: string;
  name: string;
  municipio: number;
  address: string;
  postalCode: string;
  email: string | null;
  managedBy: string;
  descIt: string;
  descEn: string;
  active: boolean;
  lat: number | null;
  lon: number | null;
}

const casa = (q: string): [string, string] => [`Presso la Casa di Quartiere ${q}.`, `At the ${q} neighbourhood house (Casa di Quartiere).`];

const current = (
  slug: string, name: string, municipio: number, address: string, postalCode: string, email: string,
  desc: [string, string] = ['', ''], extra: Partial<SpazioDef> = {},
): SpazioDef => ({
  slug, name, municipio, address, postalCode, email, managedBy: '', descIt: desc[0], descEn: desc[1], active: true, lat: null, lon: null, ...extra,
});

export const SPAZI: SpazioDef[] = [
  current('wemi-25-aprile', 'WeMi 25 Aprile', 1, 'Piazza XXV Aprile, 2', '20121', 'wemi.25aprile@comune.milano.it', ['', ''], { lat: 45.4806, lon: 9.1876 }),
  current('wemi-pimentel', 'WeMi Pimentel', 2, 'Via Eleonora Fonseca Pimentel, 5', '20127', 'wemi.pimentel@comune.milano.it'),
  current('wemi-santuguzzone', 'WeMi Santuguzzone', 2, 'Via Sant’Uguzzone, 24', '20126', 'wemi.santuguzzone@comune.milano.it', casa('Santuguzzone')),
  current('wemi-boscovich', 'WeMi Boscovich', 3, 'Via Ruggero Boscovich, 42', '20124', 'wemiboscovich@comune.milano.it', casa('Boscovich')),
  current('wemi-feltre', 'WeMi Feltre', 3, 'Via Crescenzago, 56', '20132', 'wemi.feltre@comune.milano.it', casa('Feltre')),
  current('wemi-zante', 'WeMi Zante', 4, 'Via Zante, 36', '20138', 'wemi.zante@comune.milano.it', casa('Zante')),
  current('wemi-monteoliveto', 'WeMi Monteoliveto', 4, 'Via Monteoliveto, 26', '20138', 'wemi.monteoliveto@comune.milano.it'),
  current('wemi-calvi', 'WeMi Calvi', 4, 'Via Pietro Calvi, 31', '20129', 'wemi.calvi@comune.milano.it', casa('Calvi')),
  current('wemi-acquabella', 'WeMi Acquabella', 4, 'Via Don Carlo San Martino, 10', '20133', 'wemi.acquabella@comune.milano.it', casa('Acquabella')),
  current('wemi-mompiani', 'WeMi Mompiani', 4, 'Via Giacinto Mompiani, 5', '20139', 'wemi.mompiani@comune.milano.it', casa('Mompiani')),
  current('wemi-de-andre', 'WeMi De André', 5, 'Via Fabrizio De André, 9', '20124', 'wemi.deandre@comune.milano.it', casa('De André')),
  current('wemi-saponaro', 'WeMi Saponaro', 5, 'Via Michele Saponaro, 36', '20142', 'wemi.saponaro@comune.milano.it'),
  current('wemi-narcisi', 'WeMi Narcisi', 6, 'Via dei Narcisi, 3', '20147', 'wemi.narcisi@comune.milano.it', casa('Narcisi')),
  current('wemi-voltri', 'WeMi Voltri', 6, 'Via Antonio di Rudinì, 18', '20142', 'wemi.voltri@wemi.milano.it', [
    'Negli spazi di ViVi Voltri Lab, un luogo in cui i cittadini possono incontrarsi, conoscersi, confrontarsi e avere accesso a servizi utili per semplificare la vita di tutti i giorni.',
    'Inside ViVi Voltri Lab, a place where residents can meet, get to know each other, exchange ideas and use services that make everyday life easier.',
  ], { managedBy: 'Cooperativa sociale Spazio Aperto Servizi, in collaborazione con il Comune di Milano' }),
  current('wemi-caio-mario', 'WeMi Caio Mario', 7, 'Via Caio Mario, 18', '20153', 'wemi.caiomario@comune.milano.it', casa('Caio Mario')),
  current('wemi-stratico', 'WeMi Stratico', 7, 'Via Simone Stratico, 5', '20148', 'wemi.stratico@comune.milano.it', casa('Stratico')),
  current('wemi-figino', 'WeMi Figino', 7, 'Via Giovanni Battista Rasario, 8/A', '20153', 'wemi.figino@comune.milano.it'),
  current('wemi-capuana', 'WeMi Capuana', 8, 'Via Luigi Capuana, 3', '20157', 'capuana@wemi.milano.it', [
    'All’interno di Agorà, un luogo di aggregazione e coinvolgimento dei cittadini che offre, nel cuore del quartiere di Quarto Oggiaro, attività per mamme e bambini, ragazzi e adolescenti e servizi di supporto alle persone vulnerabili.',
    'Inside Agorà, a community meeting place in the heart of Quarto Oggiaro offering activities for mothers and children, teenagers, and support services for vulnerable people.',
  ], { managedBy: 'Acli Milanesi e Mitades, in collaborazione con il Comune di Milano' }),
  current('wemi-satta', 'WeMi Satta', 8, 'Via Sebastiano Satta, 23', '20157', 'wemi.satta@comune.milano.it', casa('Satta')),
  current('wemi-cenisio', 'WeMi Cenisio', 8, 'Via Cenisio, 4', '20154', 'wemi.cenisio@comune.milano.it', casa('Cenisio')),
  current('wemi-appennini', 'WeMi Appennini', 8, 'Via Appennini, 147/A', '20151', 'wemi.appennini@comune.milano.it', casa('Appennini')),
  current('wemi-grivola', 'WeMi Grivola', 9, 'Via Grivola, 10', '20162', 'wemi.grivola@comune.milano.it', casa('Grivola')),
  current('wemi-santa-monica', 'WeMi Santa Monica', 9, 'Via Santa Monica, 4', '20162', 'wemi.santamonica@comune.milano.it', casa('Santa Monica')),
  current('wemi-valdibondo', 'WeMi Valdibondo', 9, 'Via Val di Bondo, 13', '20161', 'wemi.valdibondo@comune.milano.it', casa('Valdibondo')),
];

const older = (
  slug: string, name: string, municipio: number, address: string, postalCode: string, email: string | null,
  managedBy: string, desc: [string, string], extra: Partial<SpazioDef> = {},
): SpazioDef => ({ slug, name, municipio, address, postalCode, email, managedBy, descIt: desc[0], descEn: desc[1], active: false, lat: null, lon: null, ...extra });

const NOT_IN_CARTA: [string, string] = [
  'Indicato nei documenti precedenti; non compare nell’elenco della Carta dei Servizi.',
  'Listed in earlier documents; not in the current Carta dei Servizi list.',
];
const note = (it: string, en: string): [string, string] => [`${it} ${NOT_IN_CARTA[0]}`.trim(), `${en} ${NOT_IN_CARTA[1]}`.trim()];

/** Spazi named only in the older documents (001, 002). */
export const OLDER_SPAZI: SpazioDef[] = [
  older('wemi-cenni', 'WeMi Cenni', 7, 'Via Gabetti, 15/A', '', 'wemi.cenni@comune.milano.it', '', note('', '')),
  older('wemi-giovanola', 'WeMi Giovanola', 5, 'Via Antonio Giovanola, 15/A', '', 'wemi.giovanola@comune.milano.it', '', note('', '')),
  older('wemi-loreto', 'WeMi Loreto', 3, 'Via Sabaudia, 8', '', 'wemi.loreto@comune.milano.it',
    'Cooperativa sociale Nuovi Orizzonti, in collaborazione con il Comune di Milano',
    note('Nella sede di una cooperativa sociale che opera da oltre 30 anni nei servizi socio-assistenziali, socio-educativi e socio-sanitari domiciliari e residenziali.', 'At the premises of a social cooperative with over 30 years’ experience in home and residential social, educational and health care.')),
  older('wemi-niguarda', 'WeMi Niguarda', 9, 'Piazza Ospedale Maggiore, 3', '20162', 'wemi.niguarda@comune.milano.it', '', note('', ''), { lat: 45.5097, lon: 9.1857 }),
  older('wemi-ornato', 'WeMi Ornato', 9, 'Via Ornato, 7', '', 'wemi.ornato@comune.milano.it', 'Cooperativa sociale Cascina Biblioteca',
    note('In un cortile di case di ringhiera dove sono già presenti diversi attori socio-educativi, come i gruppi di mutuo aiuto a supporto delle famiglie con persone con disabilità o i corsi di italiano per le donne straniere.', 'In a courtyard of traditional balcony houses already home to several social and educational groups, such as self-help groups for families of people with disabilities and Italian classes for foreign women.')),
  older('wemi-pacinotti', 'WeMi Pacinotti', 8, 'Via Pacinotti, 8', '', 'wemi.pacinotti@comune.milano.it',
    'Consorzio Farsi Prossimo con la rete Accanto (Fondazione Don Gnocchi, cooperativa sociale Sociosfera)',
    note('Centro di un sistema di luoghi diffusi sul territorio; ospita il coordinamento dei pasti a domicilio e dei custodi sociali, laboratori di invecchiamento attivo e incontri di supporto ai caregiver.', 'Hub of a network of local places; it hosts the coordination of home-delivered meals and social caretakers, active-ageing workshops and caregiver support meetings.')),
  older('wemi-piazzetta', 'WeMi Piazzetta', 4, 'Via Piazzetta, 2', '', 'wemi.piazzetta@comune.milano.it', 'Cooperativa sociale La Strada, in collaborazione con il Comune di Milano',
    note('All’interno di spazi per la socialità e altri servizi promossi da una cooperativa attiva da 35 anni nei servizi alla persona.', 'Inside community spaces run by a cooperative active in personal services for 35 years.')),
  older('wemi-rimini', 'WeMi Rimini', 6, 'Via Rimini, 29', '', 'wemi.rimini@comune.milano.it', '', note('', '')),
  older('wemi-rizzoli', 'WeMi Rizzoli', 3, 'Via Rizzoli, 47', '', 'wemi.rizzoli@comune.milano.it', '', note('', '')),
  older('wemi-san-gottardo', 'WeMi San Gottardo', 5, 'Corso San Gottardo, 41', '20136', 'wemi.sangottardo@comune.milano.it',
    'Un gruppo di cooperative del Municipio 5 (L’impronta, Piccolo Principe, Lo scrigno, Progetto Persona, Via Libera), in collaborazione con il Comune di Milano',
    note('All’interno di un caffè letterario gestito da una cooperativa sociale che promuove l’integrazione di persone con disabilità.', 'Inside a literary café run by a social cooperative that promotes the inclusion of people with disabilities.')),
  older('wemi-savona', 'WeMi Savona', 6, 'Via Savona, 73', '20144', 'wemi.savona@comune.milano.it', '', note('', '')),
  older('wemi-valla', 'WeMi Valla', 5, 'Via Lorenzo Valla, 25', '', 'wemi.valla@comune.milano.it', 'Consorzio Sir',
    note('All’interno di un complesso condominiale, in un “punto welfare” a livello della strada con un Caf, un patronato e un’agenzia per il lavoro.', 'Inside a residential complex, in a street-level “welfare point” with a tax-assistance centre, a welfare advice office and a job agency.')),
  older('wemi-stelline', 'WeMi Stelline', 1, 'Corso Magenta, 63', '20123', null, 'Cooperativa sociale Punto Service, in collaborazione con il Comune di Milano',
    note('All’interno dello storico Palazzo delle Stelline, nella sede di una cooperativa sociale attiva da circa trent’anni nei servizi alla persona.', 'Inside the historic Palazzo delle Stelline, at a social cooperative active in personal services for about thirty years.'), { lat: 45.4659, lon: 9.1716 }),
  older('wemi-venini', 'WeMi Venini', 2, 'Via Venini, 83', '', null, 'Cooperativa sociale Comin, in collaborazione con il Comune di Milano',
    note('All’interno di Hug, spazio polifunzionale di innovazione culturale e sociale nel quartiere NoLo, con bistrot, ciclo-foresteria e coworking.', 'Inside Hug, a multi-purpose space for cultural and social innovation in the NoLo neighbourhood, with a bistro, a cyclists’ hostel and coworking.')),
  older('wemi-trivulzio', 'WeMi Trivulzio', 7, 'Via Trivulzio, 15', '20146', null,
    'Cooperativa sociale Eureka!, Azienda di Servizi alla Persona Istituti Milanesi Martinitt e Stelline e Pio Albergo Trivulzio',
    note('Nella storica sede del Pio Albergo Trivulzio.', 'At the historic site of the Pio Albergo Trivulzio.'), { lat: 45.4647, lon: 9.1388 }),
  older('wemi-tate-colf-badanti', 'WeMi Tate Colf Badanti', 1, 'Via Statuto, 15', '20121', null, 'Cooperativa sociale Eureka!',
    note('Dedicato alle famiglie che cercano un aiuto in casa (tata, colf o badante) e ai cittadini che cercano lavoro come assistenti familiari: informazioni, orientamento e consulenza.', 'For families looking for help at home (nanny, housekeeper or caregiver) and for people looking for work as home assistants: information, guidance and advice.'),
    { lat: 45.4777, lon: 9.1862 }),
];

export const ALL_SPAZI: SpazioDef[] = [...SPAZI, ...OLDER_SPAZI];

/** Opening hours as far as the documents say: access by appointment through 02.02.02 (Carta dei Servizi). */
export const SPAZIO_HOURS_IT = 'Su appuntamento: chiama lo 02.02.02 (tasti 4.1), dal lunedì al sabato dalle 8:00 alle 18:00, oppure scrivi all’indirizzo e-mail dello Spazio.';
export const SPAZIO_HOURS_EN = 'By appointment: call 02.02.02 (keys 4.1), Monday to Saturday 8 am to 6 pm, or write to the Spazio’s e-mail address.';
export const SPAZIO_PHONE = '020202';
