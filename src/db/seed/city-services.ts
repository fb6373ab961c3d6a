// The City's access services, from the Carta dei Servizi Welfare e Salute (seed 000), summarised faithfully.
// Every text field is { it, en }. `office` is a city_office location created alongside (when the service has a place).

export interface I18n {
  it: string;
  en: string;
}

export interface CityOfficeDef {
  slug: string;
  name: string;
  address: string;
  postalCode: string;
  municipio: number;
  email: string | null;
  phone: string | null;
  hoursIt: string;
  hoursEn: string;
}

export interface CityServiceDef {
  slug: string;
  nameIt: string;
  nameEn: string;
  summary: I18n;
  audience: I18n;
  offers: I18n;
  howToAccess: I18n;
  documents: I18n;
  cost: I18n;
  hours: I18n;
  contacts: I18n;
  quality: I18n[];
  office: CityOfficeDef | null;
}

const FREE: I18n = { it: 'Il servizio è gratuito.', en: 'The service is free of charge.' };

export const CITY_SERVICES: CityServiceDef[] = [
  {
    slug: 'accoglienza-020202',
    nameIt: 'Accoglienza 02.02.02',
    nameEn: 'Welcome line 02.02.02',
    summary: {
      it: 'Punto unico telefonico, integrato al sistema di Welfare, per favorire l’accesso ai servizi della città in base ai bisogni espressi e facilitare i flussi informativi tra i diversi attori (cittadini, servizi sociali, terzo settore).',
      en: 'A single telephone access point, part of the City’s welfare system, to help people reach the city’s services according to their needs and to ease the flow of information between citizens, social services and the third sector.',
    },
    audience: { it: 'Tutte le persone che necessitano di informazioni e accesso ai servizi.', en: 'Anyone who needs information about, or access to, the services.' },
    offers: {
      it: '- Privacy\n- Diritto all’informazione\n- Ascolto sociale e interpretazione della domanda\n- Informazioni e orientamento sui servizi pubblici e privati, sulle risorse territoriali della città e sulle relative procedure di accesso\n- Prenotazione dell’appuntamento per il colloquio con l’assistente sociale',
      en: '- Privacy\n- Right to information\n- Listening and understanding your request\n- Information and guidance on public and private services, on the city’s local resources and on how to access them\n- Booking an appointment with a social worker',
    },
    howToAccess: { it: 'Telefonando al numero 02.02.02 - tasti 4.1, dal lunedì al sabato dalle 8:00 alle 18:00.', en: 'Call 02.02.02 and press 4 then 1, Monday to Saturday from 8 am to 6 pm.' },
    documents: { it: 'Nessuna.', en: 'None.' },
    cost: FREE,
    hours: { it: 'Dal lunedì al sabato dalle 8:00 alle 18:00.', en: 'Monday to Saturday, 8 am to 6 pm.' },
    contacts: { it: 'Tel: 02.02.02 - tasti 4.1', en: 'Phone: 02.02.02 - keys 4.1' },
    quality: [{ it: 'Tempo medio di attivazione della risposta alle richieste: massimo 2 giorni.', en: 'Average time to start answering a request: 2 days at most.' }],
    office: null,
  },
  {
    slug: 'sistema-wemi',
    nameIt: 'Sistema WeMi',
    nameEn: 'The WeMi system',
    summary: {
      it: 'Individuare le soluzioni di welfare più adatte ai bisogni delle persone e delle loro famiglie, attraverso gli Spazi WeMi e il portale web, che funzionano come punti di incontro e orientamento.',
      en: 'Finding the welfare solutions that best fit the needs of people and their families, through the Spazi WeMi and the web portal, which work as meeting and guidance points.',
    },
    audience: {
      it: 'Tutte le persone che necessitano di servizi e/o che vogliono condividerli e/o che cercano occasioni di volontariato.',
      en: 'Anyone who needs services, wants to share them with others, or is looking for volunteering opportunities.',
    },
    offers: {
      it: '- Informazione e orientamento: conoscere l’offerta dei servizi domiciliari e capire insieme a operatori qualificati qual è il servizio più adatto, in cosa consiste e a chi rivolgersi per attivarlo\n- Supporto alla compilazione delle domande online per misure e servizi della Direzione Welfare e Salute, per chi ha già SPID ma è in difficoltà a compilare la domanda da solo (l’operatore offre unicamente supporto pratico per l’inserimento dei dati)\n- Condivisione di servizi con altre persone: conoscenti, famiglie di un condominio, di una scuola o di un’azienda\n- Orientamento ai sostegni economici per coprire in parte i costi delle cure a domicilio\n- Volontariato: trovare l’occasione giusta per svolgere attività in favore della comunità',
      en: '- Information and guidance: learn about home-care services and work out with qualified staff which service suits you best, what it involves and whom to contact to start it\n- Help filling in online applications for measures and services of the Welfare and Health Department, for people who already have SPID but find it hard to complete the form alone (staff only give practical help entering the data)\n- Sharing services with other people: friends, families in the same building, school or company\n- Guidance on financial support that can partly cover the cost of home care\n- Volunteering: finding the right opportunity to do something for the community',
    },
    howToAccess: {
      it: 'È possibile prendere appuntamento tramite i riferimenti telefonici e web riportati nei contatti.',
      en: 'Book an appointment using the phone number and website listed under contacts.',
    },
    documents: { it: 'Nessuna documentazione per il primo accesso al portale o per il primo colloquio.', en: 'No documents are needed to first use the portal or for the first meeting.' },
    cost: FREE,
    hours: { it: 'Su appuntamento, negli Spazi WeMi. Il numero 02.02.02 risponde dal lunedì al sabato dalle 8:00 alle 18:00.', en: 'By appointment at the Spazi WeMi. The 02.02.02 line answers Monday to Saturday, 8 am to 6 pm.' },
    contacts: { it: 'Tel: 02.02.02 - tasti 4.1. Portale: Spazi WeMi (elenco con indirizzi ed e-mail).', en: 'Phone: 02.02.02 - keys 4.1. Portal: Spazi WeMi (list with addresses and e-mails).' },
    quality: [{ it: 'Tempo medio tra primo accesso del cittadino e prima risposta: 3 giorni.', en: 'Average time between a citizen’s first contact and the first answer: 3 days.' }],
    office: null,
  },
  {
    slug: 'centro-sammartini',
    nameIt: 'Centro Sammartini – punto di accesso ai servizi per persone in situazione di grave marginalità',
    nameEn: 'Centro Sammartini – access point for people in severe social exclusion',
    summary: {
      it: 'Favorire soluzioni immediate per le persone in situazione di grave marginalità, orientandole verso le risorse del territorio, e l’inclusione sociale delle persone senza dimora, per evitare la cronicizzazione del disagio. Il Centro gestisce gli invii nelle strutture di accoglienza invernale, coordina le Unità Mobili notturne e diurne, i Centri Diurni convenzionati e le strutture di accoglienza residenziale convenzionate.',
      en: 'Finding immediate solutions for people in severe social exclusion by directing them to local resources, and promoting the social inclusion of homeless people so that hardship does not become chronic. The Centre manages referrals to winter shelters and coordinates the night and day Mobile Units, the partner day centres and the partner residential shelters.',
    },
    audience: { it: 'Persone maggiorenni in situazione di grave marginalità sociale.', en: 'Adults in a situation of severe social exclusion.' },
    offers: {
      it: '- Informazione, ascolto e orientamento verso i servizi sociali e sanitari, pubblici e privati, che possono dare risposta immediata: mense benefiche, strutture di accoglienza diurna e notturna, centri di ascolto, guardaroba, docce, servizi per il lavoro, assistenza legale e altro\n- Percorsi di aiuto individualizzati per recuperare l’autonomia, per persone fragili prive di residenza anagrafica e impossibilitate ad accedere ai servizi sociali territoriali, con la presa in carico di un’équipe multiprofessionale (assistenti sociali, educatori, mediatori linguistico-culturali e consulenti legali)',
      en: '- Information, listening and guidance towards public and private social and health services that can respond immediately: charity canteens, day and night shelters, listening centres, clothing banks, showers, employment services, legal assistance and more\n- Individual support plans to regain independence for vulnerable people without registered residence who cannot use local social services, followed by a multi-professional team (social workers, educators, linguistic-cultural mediators and legal advisers)',
    },
    howToAccess: { it: 'L’accesso è libero. Non è necessario prendere un appuntamento.', en: 'Walk in: no appointment is needed.' },
    documents: { it: 'Documento di identità o permesso di soggiorno, se disponibili.', en: 'Identity document or residence permit, if available.' },
    cost: FREE,
    hours: {
      it: 'Da aprile a ottobre: lunedì, martedì, giovedì e venerdì dalle 9:00 alle 13:00 e dalle 14:00 alle 18:00; mercoledì dalle 14:00 alle 18:00.\nDa novembre a marzo: lunedì, martedì, giovedì e venerdì dalle 9:00 alle 13:00 e dalle 14:00 alle 18:00; mercoledì dalle 14:00 alle 18:00; sabato e domenica dalle 10:00 alle 17:00.',
      en: 'April to October: Monday, Tuesday, Thursday and Friday 9 am–1 pm and 2–6 pm; Wednesday 2–6 pm.\nNovember to March: Monday, Tuesday, Thursday and Friday 9 am–1 pm and 2–6 pm; Wednesday 2–6 pm; Saturday and Sunday 10 am–5 pm.',
    },
    contacts: {
      it: 'Tel: 02.884.47647. E-mail: PSS.Casc@comune.milano.it; PSS.AsCasc@comune.milano.it. Via Giovanni Battista Sammartini, 120 – 20125 Milano.',
      en: 'Phone: 02.884.47647. E-mail: PSS.Casc@comune.milano.it; PSS.AsCasc@comune.milano.it. Via Giovanni Battista Sammartini 120, 20125 Milan.',
    },
    quality: [
      { it: 'Mediazione linguistica e culturale offerta in almeno 6 lingue e linguaggi.', en: 'Linguistic and cultural mediation offered in at least 6 languages.' },
      { it: 'Tempo medio fra prima accoglienza e avvio dei progetti di aiuto: non più di 7 giorni.', en: 'Average time between first reception and the start of a support plan: 7 days or less.' },
      { it: 'Copertura dell’area cittadina attraverso le Unità Mobili: almeno il 90%.', en: 'Coverage of the city area by the Mobile Units: at least 90%.' },
    ],
    office: {
      slug: 'centro-sammartini', name: 'Centro Sammartini', address: 'Via Giovanni Battista Sammartini, 120', postalCode: '20125', municipio: 2,
      email: 'PSS.Casc@comune.milano.it', phone: '0288447647',
      hoursIt: 'Lun, mar, gio e ven 9:00-13:00 e 14:00-18:00; mer 14:00-18:00 (da novembre a marzo anche sab e dom 10:00-17:00).',
      hoursEn: 'Mon, Tue, Thu and Fri 9 am–1 pm and 2–6 pm; Wed 2–6 pm (November to March also Sat and Sun 10 am–5 pm).',
    },
  },
  {
    slug: 'spazio-informativo-tribunale',
    nameIt: 'Spazio informativo presso il Tribunale Ordinario',
    nameEn: 'Information desk at the Ordinary Court',
    summary: {
      it: 'Favorire la corretta individuazione e applicazione degli strumenti di protezione giuridica (tutela, curatela, amministrazione di sostegno) per persone in condizioni di fragilità, adulte e minori.',
      en: 'Helping to identify and apply the right legal protection measures (guardianship, curatorship, support administration) for vulnerable adults and minors.',
    },
    audience: {
      it: 'Persone in condizioni di fragilità e loro famiglie, operatori sociali, avvocati, notai, commercialisti, aziende ospedaliere, RSA.',
      en: 'Vulnerable people and their families, social workers, lawyers, notaries, accountants, hospitals and care homes.',
    },
    offers: {
      it: '- Ascolto, orientamento e assistenza per individuare, applicare e utilizzare gli strumenti di protezione giuridica\n- Supporto nella compilazione delle domande, verifica della competenza territoriale, della completezza dei dati e dell’adeguatezza della documentazione allegata, prima del deposito nelle Cancellerie\n- Orientamento, accompagnamento e supporto nell’istruttoria e nel procedimento',
      en: '- Listening, guidance and help to identify, apply and use legal protection measures\n- Help filling in applications, checking territorial jurisdiction, completeness of the data and adequacy of the attached documents before filing with the court registry\n- Guidance, support and assistance during the preliminary investigation and the proceedings',
    },
    howToAccess: { it: 'L’accesso è libero.', en: 'Walk in: no appointment is needed.' },
    documents: { it: 'Nessuna documentazione per il primo accesso.', en: 'No documents are needed for the first visit.' },
    cost: FREE,
    hours: { it: 'Lunedì, mercoledì e venerdì dalle 9:00 alle 11:30.', en: 'Monday, Wednesday and Friday, 9 to 11:30 am.' },
    contacts: { it: 'Tel: 02.54334660. Via San Barnaba, 50 – 20122 Milano (piano terra, stanza 27).', en: 'Phone: 02.54334660. Via San Barnaba 50, 20122 Milan (ground floor, room 27).' },
    quality: [{ it: 'Soddisfazione complessiva annuale nel 70% degli utenti: valore medio 3.', en: 'Overall yearly satisfaction for 70% of users: average score 3.' }],
    office: {
      slug: 'spazio-informativo-tribunale', name: 'Spazio informativo presso il Tribunale Ordinario', address: 'Via San Barnaba, 50 (piano terra, stanza 27)', postalCode: '20122', municipio: 1,
      email: null, phone: '0254334660',
      hoursIt: 'Lunedì, mercoledì e venerdì dalle 9:00 alle 11:30.', hoursEn: 'Monday, Wednesday and Friday, 9 to 11:30 am.',
    },
  },
  {
    slug: 'milano-welcome-center',
    nameIt: 'Milano Welcome Center',
    nameEn: 'Milano Welcome Center',
    summary: {
      it: 'Orientamento, supporto e servizi alle persone e alle famiglie migranti e rifugiate, prioritariamente neo-arrivate a Milano, per favorire inserimento, inclusione, partecipazione attiva e tutela dei diritti. Offre inoltre consulenze specialistiche ai servizi e agli operatori del territorio e promuove l’accoglienza dei richiedenti e titolari di protezione internazionale, temporanea o speciale, anche attraverso la rete SAI (Sistema Accoglienza Integrazione).',
      en: 'Guidance, support and services for migrant and refugee people and families, especially those newly arrived in Milan, to help them settle, take part in city life and protect their rights. It also advises local services and practitioners and promotes reception for applicants for and holders of international, temporary or special protection, including through the SAI network (Reception and Integration System).',
    },
    audience: {
      it: 'Tutte le persone presenti sul territorio milanese che necessitano di informazioni, orientamento e accompagnamento socioeducativo su migrazioni, mobilità e protezione internazionale, norme sulla condizione della persona migrante e diritti connessi. Tutti i soggetti della città (servizi sociali e sanitari, enti del terzo settore, ospedali) che necessitano di consulenza specialistica su questi temi.',
      en: 'Anyone in Milan who needs information, guidance and social-educational support on migration, mobility and international protection, the rules on the status of migrants and related rights; and any organisation in the city (social and health services, third-sector bodies, hospitals) needing specialist advice on these topics.',
    },
    offers: {
      it: '- Consulenze sociali, giuridiche, procedurali e amministrative\n- Orientamento nella ricerca di corsi di lingua italiana\n- Supporto nelle procedure di ricongiungimento familiare\n- Informazioni sul riconoscimento dei titoli di studio, orientamento alla formazione professionale e al lavoro\n- Orientamento, consulenze specialistiche e supporti mirati in tema di protezione internazionale, speciale o temporanea\n- Orientamento e supporto per l’accesso al sistema di accoglienza cittadino e alla rete SAI\n- Percorsi di accoglienza e accompagnamento individualizzati nella rete cittadina del SAI\n- Orientamento alla rete dei servizi e dei progetti cittadini\n- Informazioni sulla misura del rimpatrio volontario assistito e reintegrazione',
      en: '- Social, legal, procedural and administrative advice\n- Help finding Italian language courses\n- Support with family reunification procedures\n- Information on recognition of qualifications, guidance on vocational training and work\n- Guidance, specialist advice and targeted support on international, special or temporary protection\n- Guidance and support to access the city’s reception system and the SAI network\n- Individual reception and support plans within the city’s SAI network\n- Guidance to the city’s services and projects\n- Information on assisted voluntary return and reintegration',
    },
    howToAccess: {
      it: 'Per informazioni si accede liberamente al Centro nei giorni e negli orari indicati. Per le consulenze specialistiche è necessario fissare un appuntamento allo sportello, per telefono o per e-mail.',
      en: 'For information, walk in during opening hours. Specialist advice requires an appointment, booked at the desk, by phone or by e-mail.',
    },
    documents: {
      it: 'Informazioni e orientamento sono accessibili a tutti senza documentazione particolare; secondo il bisogno può servire documentazione prevista dalla normativa. Per il ricongiungimento familiare è necessaria la residenza nel Comune di Milano. Per l’accoglienza nella rete SAI occorre essere titolari di protezione internazionale o di altre forme di protezione previste dalla normativa nazionale (L. n. 132/2018).',
      en: 'Information and guidance are open to everyone without particular documents; depending on the need, documents required by law may be requested. Family reunification support requires residence in the City of Milan. Reception in the SAI network requires international protection or another form of protection under national law (Law 132/2018).',
    },
    cost: { it: 'I servizi offerti sono gratuiti.', en: 'All services are free of charge.' },
    hours: { it: 'Lunedì, martedì, giovedì e venerdì dalle 9:00 alle 17:00; mercoledì dalle 9:00 alle 13:00.', en: 'Monday, Tuesday, Thursday and Friday 9 am–5 pm; Wednesday 9 am–1 pm.' },
    contacts: {
      it: 'Tel: 02.02.02 - tasti 4.1, dal lunedì al sabato dalle 8:00 alle 18:00. E-mail: MilanoWelcomeCenter@comune.milano.it. Via Giovanni Battista Sammartini, 75 – 20125 Milano.',
      en: 'Phone: 02.02.02 - keys 4.1, Monday to Saturday 8 am–6 pm. E-mail: MilanoWelcomeCenter@comune.milano.it. Via Giovanni Battista Sammartini 75, 20125 Milan.',
    },
    quality: [
      { it: 'Tempo medio fra il primo accesso e il colloquio con il servizio specialistico richiesto: non più di 15 giorni.', en: 'Average time between first contact and the meeting with the specialist service requested: 15 days or less.' },
      { it: 'Percentuale di cittadini neo-arrivati che accedono a più servizi specialistici: almeno il 30%.', en: 'Share of newly arrived residents who use more than one specialist service: at least 30%.' },
      { it: 'Per i servizi e l’accoglienza della rete SAI: 70% dei questionari di soddisfazione con punteggio di almeno 4 su 5.', en: 'For SAI network services and reception: 70% of satisfaction surveys scoring at least 4 out of 5.' },
    ],
    office: {
      slug: 'milano-welcome-center', name: 'Milano Welcome Center', address: 'Via Giovanni Battista Sammartini, 75', postalCode: '20125', municipio: 2,
      email: 'MilanoWelcomeCenter@comune.milano.it', phone: '020202',
      hoursIt: 'Lunedì, martedì, giovedì e venerdì dalle 9:00 alle 17:00; mercoledì dalle 9:00 alle 13:00.',
      hoursEn: 'Monday, Tuesday, Thursday and Friday 9 am–5 pm; Wednesday 9 am–1 pm.',
    },
  },
];
