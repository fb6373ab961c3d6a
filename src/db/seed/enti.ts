// Fictional organisations (enti) for the demo catalogue. Names are invented on purpose (odd, evocative combinations)
// so that no real organisation is made to offer anything; contacts use example domains (esempio.it).
// `focus` lists the categories each ente works in; `home` is the Municipio of its main site.

export type EnteStatus = 'active' | 'draft' | 'suspended';

export interface EnteDef {
  slug: string;
  name: string;
  legalForm: string;
  home: number;
  focus: string[];
  /** Relative size, used to spread the operators count. */
  size: number;
  status: EnteStatus;
  /** One sentence about the ente's history and style (Italian, English). */
  about: [string, string];
}

const COOP_A = 'Cooperativa sociale di tipo A';
const COOP_B = 'Cooperativa sociale di tipo B';
const APS = 'Associazione di promozione sociale (APS)';
const ODV = 'Organizzazione di volontariato (ODV)';
const IS = 'Impresa sociale srl';
const FOND = 'Fondazione (ETS)';
const CONS = 'Consorzio di cooperative sociali';
const ASD = 'Associazione sportiva dilettantistica (ASD)';

const e = (
  slug: string, name: string, legalForm: string, home: number, focus: string[], size: number,
  about: [string, string], status: EnteStatus = 'active',
): EnteDef => ({ slug, name, legalForm, home, focus, size, status, about });

export const ENTI: EnteDef[] = [
  e('coop-glicine-ostinato', 'Cooperativa sociale Il Glicine Ostinato', COOP_A, 1, ['servizi_socio_assistenziali', 'assistenza_sanitaria', 'tcb_badante'], 9,
    ['Nata da un gruppo di operatrici domiciliari che volevano lavorare con più tempo per ogni persona.', 'Founded by home-care workers who wanted more time for each person.']),
  e('coop-tre-tazze', 'Cooperativa sociale Tre Tazze di Tè', COOP_A, 2, ['servizi_socio_assistenziali', 'piccole_commissioni', 'servizi_psicologici'], 6,
    ['Il nome viene dalle visite di compagnia: prima di tutto, un tè insieme.', 'The name comes from its befriending visits: first of all, a cup of tea together.']),
  e('coop-lanterna-di-corte', 'Cooperativa sociale La Lanterna di Corte', COOP_A, 8, ['servizi_educativi', 'scuola_piu', 'orientamento_scolastico'], 7,
    ['Lavora nei cortili e nelle case popolari con bambini, ragazzi e famiglie.', 'Works in courtyards and social housing with children, teenagers and families.']),
  e('coop-passo-lento', 'Cooperativa sociale Passo Lento', COOP_A, 4, ['accompagnamento_trasporto', 'servizi_socio_assistenziali', 'piccole_commissioni'], 5,
    ['Accompagna le persone anziane al loro ritmo, a piedi, con i mezzi o in auto.', 'Escorts older people at their own pace, on foot, by public transport or by car.']),
  e('coop-mani-gentili', 'Cooperativa sociale Mani Gentili', COOP_A, 6, ['servizi_socio_assistenziali', 'servizi_estetici', 'tcb_badante'], 8,
    ['Specializzata nella cura della persona e nel benessere di chi non può uscire.', 'Specialised in personal care and wellbeing for housebound people.']),
  e('coop-cortile-rondini', 'Cooperativa sociale Il Cortile delle Rondini', COOP_A, 9, ['servizi_educativi', 'sport', 'arte', 'tcb_baby_sitter'], 6,
    ['Educatori, animatori e baby-sitter per famiglie con bambini piccoli.', 'Educators, play workers and baby-sitters for families with young children.']),
  e('coop-albatros-domestica', 'Cooperativa sociale Albatros Domestica', COOP_A, 3, ['servizi_socio_assistenziali', 'tcb_colf', 'tcb_badante', 'gestione_lavoro_domestico'], 10,
    ['Da vent’anni aiuta le famiglie a trovare e regolarizzare un aiuto in casa.', 'For twenty years it has helped families find and properly employ help at home.']),
  e('coop-gelso-bianco', 'Cooperativa sociale Gelso Bianco', COOP_A, 7, ['assistenza_sanitaria', 'servizi_socio_assistenziali'], 9,
    ['Infermieri, fisioterapisti e OSS che lavorano in équipe a domicilio.', 'Nurses, physiotherapists and care workers working as a team at home.']),
  e('coop-ponte-di-ringhiera', 'Cooperativa sociale Ponte di Ringhiera', COOP_A, 8, ['servizi_socio_assistenziali', 'piccole_commissioni', 'pasti_domicilio'], 6,
    ['Promuove il welfare di condominio e la badante condivisa tra vicini.', 'Promotes building-based welfare and caregivers shared between neighbours.']),
  e('coop-bussola-gialla', 'Cooperativa sociale La Bussola Gialla', COOP_A, 5, ['servizi_educativi', 'servizi_psicologici', 'salute'], 7,
    ['Psicologi ed educatori per famiglie, bambini e adolescenti.', 'Psychologists and educators for families, children and teenagers.']),
  e('coop-nodo-amico', 'Cooperativa sociale Nodo Amico', COOP_A, 2, ['consulenza_sociale_giuridica', 'ricongiungimento_familiare', 'lingua_italiana_l2'], 5,
    ['Accoglie persone e famiglie appena arrivate in città, con mediatori di dodici lingue.', 'Welcomes people and families newly arrived in the city, with mediators speaking twelve languages.']),
  e('coop-campanula', 'Cooperativa sociale Campanula', COOP_A, 6, ['servizi_educativi', 'accompagnamento_trasporto', 'servizi_socio_assistenziali'], 6,
    ['Lavora con persone con disabilità e le loro famiglie, dalla scuola al tempo libero.', 'Works with people with disabilities and their families, from school to leisure.']),
  e('coop-case-aperte', 'Cooperativa sociale Le Case Aperte', COOP_A, 4, ['servizi_socio_assistenziali', 'servizi_psicologici', 'assistenza_sanitaria'], 8,
    ['Sostiene chi vuole restare a casa propria il più a lungo possibile.', 'Supports people who want to stay in their own homes for as long as possible.']),
  e('coop-ortensia-blu', 'Cooperativa sociale Ortensia Blu', COOP_A, 1, ['servizi_estetici', 'servizi_socio_assistenziali'], 3,
    ['Parrucchiere, estetiste e podologi per chi vive in casa o in RSA.', 'Hairdressers, beauticians and podiatrists for people at home or in care homes.']),
  e('coop-quattro-stagioni', 'Cooperativa sociale Quattro Stagioni di Cura', COOP_A, 9, ['servizi_socio_assistenziali', 'pasti_domicilio', 'assistenza_sanitaria'], 9,
    ['Servizi domiciliari integrati nel nord di Milano, tutto l’anno.', 'Integrated home services in the north of Milan, all year round.']),
  e('coop-cacciavite-gentile', 'Cooperativa sociale Cacciavite Gentile', COOP_B, 5, ['piccole_manutenzioni', 'piccole_commissioni'], 4,
    ['Inserimento lavorativo di persone fragili attraverso le piccole manutenzioni.', 'Job placement for vulnerable people through small home repairs.']),
  e('coop-pentole-in-rete', 'Cooperativa sociale Pentole in Rete', COOP_B, 3, ['pasti_domicilio'], 5,
    ['Una cucina sociale che prepara ogni giorno pasti per anziani e mense.', 'A social kitchen cooking meals every day for older people and canteens.']),
  e('coop-ruote-amiche', 'Cooperativa sociale Ruote Amiche', COOP_B, 7, ['accompagnamento_trasporto'], 4,
    ['Mezzi attrezzati e autisti formati per il trasporto di persone con disabilità.', 'Adapted vehicles and trained drivers for people with disabilities.']),
  e('coop-martello-e-fiore', 'Cooperativa sociale Martello e Fiore', COOP_B, 6, ['piccole_manutenzioni', 'cura_animali'], 3,
    ['Artigiani e giardinieri che offrono lavoro a chi esce da percorsi difficili.', 'Craftspeople and gardeners offering work to people leaving difficult situations.']),
  e('coop-cucina-di-cortile', 'Cooperativa sociale Cucina di Cortile', COOP_B, 4, ['pasti_domicilio', 'piccole_commissioni'], 4,
    ['Pasti a domicilio e spesa sospesa di quartiere.', 'Home-delivered meals and neighbourhood shopping help.']),
  e('aps-cortili-solidali', 'Cortili Solidali APS', APS, 2, ['piccole_commissioni', 'disbrigo_pratiche', 'cura_animali'], 3,
    ['Volontari di condominio che si aiutano tra vicini.', 'Building volunteers helping their neighbours.']),
  e('aps-lingue-ponte', 'Lingue Ponte APS', APS, 2, ['corsi_lingua_italiana', 'lingua_italiana_l2', 'ricongiungimento_familiare'], 3,
    ['Scuola di italiano popolare con insegnanti volontari.', 'A community Italian school with volunteer teachers.']),
  e('aps-zampe-in-citta', 'Zampe in Città APS', APS, 3, ['cura_animali'], 2,
    ['Volontari e educatori cinofili per chi non riesce più a occuparsi del proprio animale.', 'Volunteers and dog trainers for people who can no longer look after their pets.']),
  e('aps-nonni-di-quartiere', 'Nonni di Quartiere APS', APS, 5, ['piccole_commissioni', 'servizi_socio_assistenziali', 'servizi_psicologici'], 3,
    ['Anziani attivi che aiutano altri anziani.', 'Active older people helping other older people.']),
  e('aps-scacchi-e-merende', 'Scacchi e Merende APS', APS, 7, ['scuola_piu', 'stem'], 3,
    ['Doposcuola, giochi di logica e laboratori per bambini.', 'After-school, logic games and workshops for children.']),
  e('aps-palcoscenico-bambino', 'Palcoscenico Bambino APS', APS, 1, ['arte'], 3,
    ['Teatro e musica per bambini e ragazzi, nei quartieri.', 'Theatre and music for children and teenagers, in the neighbourhoods.']),
  e('aps-piccoli-astronomi', 'Piccoli Astronomi Milanesi APS', APS, 9, ['stem'], 2,
    ['Osservazioni del cielo e laboratori di scienze.', 'Stargazing and science workshops.']),
  e('aps-bilancio-sereno', 'Bilancio Sereno APS', APS, 3, ['ef_budgeting', 'ef_debiti', 'ef_protezione', 'ef_pensione', 'ef_investimento'], 3,
    ['Educatrici ed educatori finanziari certificati secondo la norma UNI.', 'Financial educators certified under the UNI standard.']),
  e('aps-radici-e-ali', 'Radici e Ali APS', APS, 6, ['orientamento_scolastico', 'ricongiungimento_familiare', 'consulenza_sociale_giuridica'], 3,
    ['Sostiene ragazzi e famiglie con background migratorio.', 'Supports young people and families with a migrant background.']),
  e('aps-porte-aperte', 'Porte Aperte Nuovi Milanesi APS', APS, 8, ['consulenza_sociale_giuridica', 'lingua_italiana_l2', 'disbrigo_pratiche'], 3,
    ['Sportello di orientamento per persone straniere.', 'Guidance desk for foreign residents.']),
  e('odv-voce-amica', 'Voce Amica di Quartiere ODV', ODV, 4, ['servizi_psicologici', 'servizi_socio_assistenziali', 'piccole_commissioni'], 2,
    ['Telefonate di compagnia e visite a domicilio con volontari formati.', 'Befriending calls and home visits by trained volunteers.']),
  e('odv-sentiero-lucciole', 'Il Sentiero delle Lucciole ODV', ODV, 7, ['accompagnamento_trasporto', 'piccole_commissioni'], 2,
    ['Volontari autisti e accompagnatori per visite e commissioni.', 'Volunteer drivers and escorts for appointments and errands.']),
  e('odv-borse-piene', 'Borse Piene ODV', ODV, 5, ['piccole_commissioni', 'pasti_domicilio'], 2,
    ['Consegna la spesa a chi non può uscire di casa.', 'Delivers groceries to people who cannot leave home.']),
  e('odv-faro-naviglio', 'Il Faro sul Naviglio ODV', ODV, 6, ['disbrigo_pratiche', 'corsi_lingua_italiana', 'servizi_psicologici'], 2,
    ['Sportello di ascolto e facilitazione digitale lungo il Naviglio.', 'A listening and digital-help desk along the canal.']),
  e('is-casacura', 'CasaCura Impresa sociale srl', IS, 3, ['assistenza_sanitaria', 'servizi_socio_assistenziali', 'tcb_badante'], 8,
    ['Servizi sanitari e assistenziali a domicilio con una centrale operativa unica.', 'Health and care services at home with a single coordination centre.']),
  e('is-famiglie-al-centro', 'Famiglie al Centro Impresa sociale srl', IS, 5, ['tcb_baby_sitter', 'tcb_colf', 'gestione_lavoro_domestico'], 6,
    ['Selezione di baby-sitter e colf e gestione delle buste paga.', 'Selecting baby-sitters and housekeepers and running their payroll.']),
  e('is-domestica-chiara', 'Domestica Chiara Impresa sociale srl', IS, 7, ['tcb_colf', 'tcb_badante', 'gestione_lavoro_domestico'], 5,
    ['Lavoro domestico regolare e trasparente, per famiglie e lavoratori.', 'Regular, transparent domestic work, for families and workers.']),
  e('is-pratiche-facili', 'Pratiche Facili Impresa sociale srl', IS, 2, ['disbrigo_pratiche', 'gestione_lavoro_domestico'], 3,
    ['Sportelli per ISEE, pratiche e domande online.', 'Desks for ISEE, paperwork and online applications.']),
  e('is-robot-e-merende', 'Robot e Merende Impresa sociale srl', IS, 4, ['stem', 'scuola_piu'], 3,
    ['Laboratori di coding e robotica per ragazze e ragazzi.', 'Coding and robotics workshops for girls and boys.']),
  e('is-sorriso-sanitario', 'Sorriso Sanitario Impresa sociale srl', IS, 9, ['assistenza_sanitaria', 'salute', 'servizi_estetici'], 6,
    ['Ambulatorio sociale con prestazioni anche a domicilio.', 'A social clinic that also works at home.']),
  e('fond-tre-gelsi', 'Fondazione Tre Gelsi ETS', FOND, 1, ['servizi_psicologici', 'salute', 'ef_budgeting', 'ef_debiti'], 5,
    ['Sostiene famiglie in difficoltà con consulenze psicologiche ed economiche.', 'Supports families in difficulty with psychological and financial advice.']),
  e('fond-aria-nuova', 'Fondazione Aria Nuova per la Famiglia ETS', FOND, 5, ['servizi_educativi', 'scuola_piu', 'salute', 'orientamento_scolastico'], 6,
    ['Progetti educativi per l’infanzia e l’adolescenza nei quartieri del sud.', 'Educational projects for children and teenagers in the southern neighbourhoods.']),
  e('fond-orizzonte-argento', 'Fondazione Orizzonte Argento ETS', FOND, 7, ['servizi_socio_assistenziali', 'ef_pensione', 'ef_protezione', 'servizi_psicologici'], 6,
    ['Dedicata al benessere delle persone anziane e di chi le assiste.', 'Dedicated to the wellbeing of older people and their carers.']),
  e('cons-reti-di-cura', 'Consorzio Reti di Cura Nord-Ovest', CONS, 8, ['servizi_socio_assistenziali', 'assistenza_sanitaria', 'pasti_domicilio', 'accompagnamento_trasporto'], 12,
    ['Riunisce cooperative sociali che lavorano nei Municipi 7, 8 e 9.', 'Brings together social cooperatives working in Municipi 7, 8 and 9.']),
  e('cons-quartieri-che-curano', 'Consorzio Quartieri che Curano', CONS, 4, ['servizi_socio_assistenziali', 'servizi_educativi', 'piccole_manutenzioni', 'tcb_badante'], 11,
    ['Consorzio di cooperative per la domiciliarità nel sud-est della città.', 'A consortium of cooperatives for home care in the south-east of the city.']),
  e('coop-armonia-navigli', 'Cooperativa sociale Armonia dei Navigli', COOP_A, 6, ['servizi_socio_assistenziali', 'servizi_psicologici', 'corsi_lingua_italiana'], 6,
    ['Assistenza domiciliare e corsi di italiano per assistenti familiari.', 'Home care and Italian courses for home caregivers.']),
  e('coop-trama-e-ordito', 'Cooperativa sociale Trama e Ordito', COOP_A, 3, ['servizi_educativi', 'arte', 'tcb_baby_sitter'], 5,
    ['Educazione, arte e baby-sitting tra Città Studi e Lambrate.', 'Education, arts and baby-sitting between Città Studi and Lambrate.']),
  e('coop-giardino-pensile', 'Cooperativa sociale Giardino Pensile', COOP_A, 9, ['stem', 'sport', 'scuola_piu'], 4,
    ['Orti, sport e scienza all’aperto per bambini e ragazzi.', 'Gardens, sport and outdoor science for children and teenagers.']),
  e('coop-melograno-tenace', 'Cooperativa sociale Il Melograno Tenace', COOP_A, 2, ['servizi_socio_assistenziali', 'assistenza_sanitaria', 'servizi_estetici'], 7,
    ['Cura della persona a 360 gradi, dal bagno assistito al parrucchiere.', 'All-round personal care, from assisted bathing to the hairdresser.']),
  e('coop-sentieri-di-casa', 'Cooperativa sociale Sentieri di Casa', COOP_A, 5, ['servizi_socio_assistenziali', 'tcb_badante', 'tcb_colf'], 8,
    ['Assistenti familiari formate e seguite da una tutor.', 'Trained home caregivers supported by a tutor.']),
  e('coop-passaparola', 'Cooperativa sociale Passaparola Educativo', COOP_A, 7, ['servizi_educativi', 'orientamento_scolastico', 'salute'], 5,
    ['Educativa domiciliare e orientamento per adolescenti.', 'Home educational support and guidance for teenagers.']),
  e('aps-cento-lingue', 'Cento Lingue APS', APS, 9, ['consulenza_sociale_giuridica', 'lingua_italiana_l2', 'corsi_lingua_italiana'], 3,
    ['Mediatori culturali e insegnanti di italiano L2.', 'Cultural mediators and Italian L2 teachers.']),
  e('asd-cortile-in-movimento', 'Cortile in Movimento ASD', ASD, 6, ['sport'], 3,
    ['Sport di base nei cortili e nelle palestre scolastiche.', 'Grassroots sport in courtyards and school gyms.']),
  // Not public: drafts and suspended enti (their cards must never show up).
  e('coop-colf-e-compagnia', 'Cooperativa sociale Colf e Compagnia', COOP_A, 3, ['tcb_colf', 'piccole_commissioni'], 3,
    ['Ente in fase di accreditamento.', 'Organisation being accredited.'], 'draft'),
  e('coop-piede-leggero', 'Cooperativa sociale Piede Leggero', COOP_A, 4, ['servizi_estetici'], 2,
    ['Ente in fase di accreditamento.', 'Organisation being accredited.'], 'draft'),
  e('aps-bella-presenza', 'Bella Presenza APS', APS, 8, ['servizi_estetici', 'piccole_commissioni'], 2,
    ['Ente in fase di accreditamento.', 'Organisation being accredited.'], 'draft'),
  e('is-pronto-casa', 'Pronto Casa Impresa sociale srl', IS, 2, ['piccole_manutenzioni'], 2,
    ['Ente in fase di accreditamento.', 'Organisation being accredited.'], 'draft'),
  e('coop-vento-di-levante', 'Cooperativa sociale Vento di Levante', COOP_A, 9, ['servizi_socio_assistenziali', 'tcb_badante'], 4,
    ['Accreditamento sospeso in attesa di verifiche.', 'Accreditation suspended pending checks.'], 'suspended'),
  e('odv-lampioni-accesi', 'Lampioni Accesi ODV', ODV, 5, ['piccole_commissioni', 'accompagnamento_trasporto'], 1,
    ['Accreditamento sospeso in attesa di verifiche.', 'Accreditation suspended pending checks.'], 'suspended'),
  e('is-bilancia-d-oro', 'Bilancia d’Oro Impresa sociale srl', IS, 1, ['gestione_lavoro_domestico', 'disbrigo_pratiche'], 2,
    ['Accreditamento sospeso in attesa di verifiche.', 'Accreditation suspended pending checks.'], 'suspended'),
];

/** Streets for fictional ente sites, by Municipio: [street, postal code, approximate lat, lon]. */
export const STREETS: Record<number, [string, string, number, number][]> = {
  1: [['Via Torino', '20123', 45.4612, 9.1855], ['Corso di Porta Romana', '20122', 45.4560, 9.1955], ['Via Solferino', '20121', 45.4770, 9.1870], ['Via San Vittore', '20123', 45.4610, 9.1700], ['Via Lanzone', '20123', 45.4595, 9.1780]],
  2: [['Via Padova', '20127', 45.4945, 9.2270], ['Viale Monza', '20127', 45.4990, 9.2240], ['Via Gluck', '20125', 45.4920, 9.2060], ['Via Adriano', '20128', 45.5110, 9.2410], ['Via Stresa', '20125', 45.4950, 9.2050]],
  3: [['Via Porpora', '20131', 45.4880, 9.2250], ['Viale Argonne', '20133', 45.4700, 9.2300], ['Via Pacini', '20131', 45.4810, 9.2290], ['Via Conte Rosso', '20134', 45.4870, 9.2380], ['Via Vallazze', '20131', 45.4800, 9.2270]],
  4: [['Viale Umbria', '20135', 45.4560, 9.2150], ['Corso Lodi', '20139', 45.4440, 9.2140], ['Via Mecenate', '20138', 45.4480, 9.2470], ['Via Oglio', '20139', 45.4380, 9.2200], ['Viale Molise', '20137', 45.4560, 9.2250]],
  5: [['Viale Tibaldi', '20136', 45.4450, 9.1820], ['Via Ripamonti', '20141', 45.4350, 9.2030], ['Via dei Missaglia', '20142', 45.4200, 9.1870], ['Via Meda', '20141', 45.4420, 9.1860], ['Via Antonini', '20141', 45.4330, 9.1950]],
  6: [['Via Lorenteggio', '20146', 45.4530, 9.1400], ['Viale Cassala', '20143', 45.4470, 9.1620], ['Via Giambellino', '20146', 45.4480, 9.1450], ['Via Tortona', '20144', 45.4530, 9.1650], ['Via Faenza', '20142', 45.4380, 9.1590]],
  7: [['Via Novara', '20153', 45.4730, 9.1070], ['Piazzale Selinunte', '20148', 45.4690, 9.1400], ['Via Inganni', '20147', 45.4590, 9.1240], ['Via delle Forze Armate', '20147', 45.4630, 9.1180], ['Via delle Betulle', '20152', 45.4620, 9.0900]],
  8: [['Via Mac Mahon', '20155', 45.4930, 9.1620], ['Viale Certosa', '20155', 45.4960, 9.1490], ['Via Gallarate', '20151', 45.4960, 9.1330], ['Via Console Marcello', '20156', 45.4980, 9.1550], ['Via Trilussa', '20157', 45.5120, 9.1350]],
  9: [['Viale Zara', '20159', 45.4990, 9.1930], ['Via Comasina', '20161', 45.5220, 9.1680], ['Viale Suzzani', '20162', 45.5150, 9.1930], ['Via Thaon di Revel', '20159', 45.4960, 9.1920], ['Via Maffucci', '20158', 45.4990, 9.1770]],
};

export const FIRST_NAMES = ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Andrea', 'Sara', 'Matteo', 'Elena', 'Davide', 'Paola', 'Stefano', 'Silvia', 'Alessandro', 'Laura', 'Simone', 'Valentina', 'Roberto', 'Federica', 'Giorgio', 'Anna', 'Fatima', 'Omar', 'Maria', 'Ioana', 'Carlos', 'Lucia', 'Nadia', 'Tommaso', 'Irene'];
export const LAST_NAMES = ['Bianchi', 'Colombo', 'Ferrari', 'Galli', 'Brambilla', 'Fumagalli', 'Villa', 'Riva', 'Sala', 'Mariani', 'Longhi', 'Cattaneo', 'Barzaghi', 'Mauri', 'Pozzi', 'Redaelli', 'Crippa', 'Ronchi', 'Bonfanti', 'Sironi', 'Vitali', 'Esposito', 'Russo', 'Marino', 'Greco', 'Popescu', 'El Amrani', 'Santos', 'Conti', 'Moretti'];

export const METRO_MUNICIPALITIES = ['Sesto San Giovanni', 'Cinisello Balsamo', 'Cologno Monzese', 'Segrate', 'San Donato Milanese', 'Rozzano', 'Assago', 'Buccinasco', 'Corsico', 'Cesano Boscone', 'Settimo Milanese', 'Pero', 'Rho', 'Bollate', 'Novate Milanese', 'Bresso', 'Cormano', 'Opera', 'Pioltello', 'Peschiera Borromeo'];
