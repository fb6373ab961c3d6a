import { defineMessages } from '../../i18n/define';

// Footer content pages. Long texts: one message per section; a line break starts a new paragraph and a
// line starting with "- " is a list item. E-mail addresses, phone numbers and web addresses become links.
export const messages = defineMessages(
  {
    // FAQ
    'pages.faq.title': 'Domande frequenti',
    'pages.faq.lead': 'Le risposte alle domande più comuni su WeMi: che cos’è, come trovare un servizio, quanto costa, gli Spazi WeMi e i tuoi dati.',
    'pages.faq.group.wemi': 'WeMi',
    'pages.faq.group.search': 'Trovare un servizio',
    'pages.faq.group.costs': 'Costi e contributi',
    'pages.faq.group.spazi': 'Spazi WeMi e 02.02.02',
    'pages.faq.group.data': 'Account, dati e privacy',
    'pages.faq.q.what': 'Che cos’è WeMi?',
    'pages.faq.a.what':
      'WeMi («Welfare di tutti») è il sistema di welfare del Comune di Milano: un portale e una rete di Spazi WeMi in tutti i Municipi dove trovare i servizi per la cura e il benessere delle persone e delle famiglie.\nNel portale trovi assistenza a domicilio, attività per bambini e ragazzi (0-18), percorsi di inclusione, educazione finanziaria e il servizio Tate Colf Badanti, offerti da enti qualificati e dal Comune.',
    'pages.faq.q.who': 'Chi offre i servizi?',
    'pages.faq.a.who':
      'Enti del terzo settore qualificati dal Comune di Milano: cooperative, associazioni e imprese sociali. Il Comune verifica ogni ente prima di pubblicarne i servizi.\nOgni scheda servizio indica l’ente responsabile, il primo contatto, il responsabile del servizio, il personale impiegato e i prezzi.',
    'pages.faq.q.demo': 'Perché alcuni enti e servizi sono segnati «Demo»?',
    'pages.faq.a.demo':
      'Questo è un sito dimostrativo: gli enti e i servizi segnati «Demo» sono fittizi e servono a mostrare come funziona il portale. Gli Spazi WeMi, lo 02.02.02 e i Servizi del Comune descritti nel sito sono invece reali, con i dati della Carta dei Servizi Welfare e Salute.',
    'pages.faq.q.find': 'Come trovo il servizio che mi serve?',
    'pages.faq.a.find':
      'Scrivi nella casella di ricerca della homepage, con parole tue, che cosa ti serve: per esempio «badante», «pasti a domicilio» o «doposcuola». La ricerca riconosce i sinonimi e corregge i piccoli errori di battitura.\nPuoi anche partire da un’area tematica o da una categoria. Nella pagina dei risultati puoi filtrare per Municipio, destinatari, fascia oraria, prezzo massimo e servizi gratuiti, e ordinare per pertinenza o prezzo.',
    'pages.faq.q.near': 'Come trovo i servizi vicino a casa mia?',
    'pages.faq.a.near':
      'Nei risultati della ricerca scegli il tuo Municipio: vedrai i servizi che gli enti offrono nella tua zona, a domicilio o nelle loro sedi. La scheda di ogni servizio indica i Municipi coperti e i luoghi in cui viene svolto.',
    'pages.faq.q.contact': 'Come contatto un ente?',
    'pages.faq.a.contact':
      'Ogni scheda servizio riporta il primo contatto dell’ente (telefono, e-mail, giorni e orari) e i tempi medi di attesa per il primo colloquio e per l’attivazione. Puoi chiamare o scrivere direttamente all’ente; se hai dubbi, uno Spazio WeMi ti aiuta a scegliere.',
    'pages.faq.q.cost': 'Quanto costano i servizi?',
    'pages.faq.a.cost':
      'Usare il portale e gli Spazi WeMi è gratuito.\nAlcuni servizi sono gratuiti, perché finanziati dal Comune o svolti da volontari; altri sono a pagamento. Per questi la scheda indica il prezzo IVA inclusa e la sua unità (ora, intervento, pasto…), gli eventuali pacchetti e se l’ente fa preventivi personalizzati. Il prezzo può cambiare con il numero di persone e di unità richieste.',
    'pages.faq.q.support': 'Esistono contributi per pagare i servizi?',
    'pages.faq.a.support':
      'Sì. Per alcuni servizi puoi usare le misure di sostegno economico del Comune di Milano, come i voucher: la scheda del servizio indica quali misure l’ente accetta. Per sapere se ne hai diritto rivolgiti a uno Spazio WeMi o chiama lo 02.02.02.',
    'pages.faq.q.spazi': 'Che cosa sono gli Spazi WeMi?',
    'pages.faq.a.spazi':
      'Sono luoghi aperti al pubblico in tutti i nove Municipi, gestiti da cooperative insieme al Comune. Gli operatori:\n- ascoltano i tuoi bisogni e ti informano sui servizi domiciliari della città;\n- ti aiutano a scegliere il servizio adatto e a capire come attivarlo;\n- ti orientano sui contributi economici disponibili;\n- ti aiutano a condividere un servizio con altre famiglie e a trovare occasioni di volontariato;\n- se hai lo SPID, ti aiutano a compilare le domande online per le misure della Direzione Welfare e Salute.',
    'pages.faq.q.appointment': 'Serve un appuntamento per andare in uno Spazio WeMi?',
    'pages.faq.a.appointment':
      'Puoi prendere appuntamento con i contatti indicati nella pagina di ogni Spazio WeMi o chiamando lo 02.02.02 (tasti 4 e poi 1). Il primo colloquio è gratuito e non serve alcun documento. La Carta dei Servizi prevede una prima risposta in media entro 3 giorni dal primo contatto.',
    'pages.faq.q.phone': 'Che cos’è lo 02.02.02?',
    'pages.faq.a.phone':
      'È il numero unico del Comune di Milano. Per l’accoglienza del welfare premi i tasti 4 e poi 1: rispondono dal lunedì al sabato dalle 8 alle 18.\nGli operatori ascoltano la tua richiesta, ti informano sui servizi pubblici e privati della città e prenotano il colloquio con l’assistente sociale. La risposta alle richieste viene attivata in al massimo 2 giorni.',
    'pages.faq.q.account': 'Devo registrarmi per usare WeMi?',
    'pages.faq.a.account':
      'No. Per cercare e leggere i servizi non serve un account. Per inviare richieste agli enti accedi all’area personale con SPID o CIE.',
    'pages.faq.q.privacy': 'Come vengono trattati i miei dati?',
    'pages.faq.a.privacy':
      'Il titolare del trattamento è il Comune di Milano. Il portale usa solo cookie tecnici, senza profilazione e senza strumenti di tracciamento di terze parti. I dati che invii a un ente servono solo a rispondere alla tua richiesta. Trovi tutti i dettagli nell’informativa privacy.',
    'pages.faq.q.rating': 'A cosa serve la domanda «Quanto sono chiare le informazioni su questa pagina?»',
    'pages.faq.a.rating':
      'Serve a capire quali pagine migliorare. La valutazione è anonima: registriamo il voto, la risposta scelta, l’eventuale commento e la pagina. Non scrivere dati personali nel commento.',
    'pages.faq.q.opendata': 'Posso riutilizzare i dati di WeMi?',
    'pages.faq.a.opendata':
      'Sì. Il catalogo dei servizi, degli enti e degli Spazi WeMi è pubblicato come dati aperti con licenza CC BY 4.0, tramite un’API documentata con OpenAPI e nel formato standard Open Referral HSDS 3.0.',
    'pages.faq.link.privacy': 'Leggi l’informativa privacy',
    'pages.faq.link.spazi': 'Trova uno Spazio WeMi',
    'pages.faq.link.search': 'Cerca un servizio',
    'pages.faq.link.api': 'Documentazione dell’API (OpenAPI)',
    'pages.faq.link.phone': 'Chiama lo 02.02.02',
    'pages.faq.more': 'Non hai trovato la risposta? Chiama lo 02.02.02 o vai in uno Spazio WeMi.',

    // Privacy
    'pages.privacy.title': 'Informativa privacy',
    'pages.privacy.lead':
      'Come il Comune di Milano tratta i dati personali di chi usa il portale WeMi (articoli 13 e 14 del Regolamento UE 2016/679, GDPR).',
    'pages.privacy.demo': 'Questa informativa descrive la versione dimostrativa del portale.',
    'pages.privacy.controller.title': 'Titolare del trattamento',
    'pages.privacy.controller.body':
      'Il titolare del trattamento è il Comune di Milano, Piazza della Scala 2, 20121 Milano.\nPEC: protocollo@postacert.comune.milano.it',
    'pages.privacy.dpo.title': 'Responsabile della protezione dei dati',
    'pages.privacy.dpo.body':
      'Il Comune di Milano ha designato un Responsabile della protezione dei dati (RPD, in inglese DPO), che puoi contattare per ogni questione sul trattamento dei tuoi dati e sull’esercizio dei tuoi diritti: dpo@comune.milano.it',
    'pages.privacy.data.title': 'Quali dati trattiamo',
    'pages.privacy.data.body':
      '- Dati di navigazione: indirizzo IP, data e ora, pagina richiesta e tipo di browser, registrati dai server per il funzionamento e la sicurezza del sito.\n- Cookie tecnici: «wemi_csrf» protegge i moduli da invii fraudolenti; «wemi_lang» ricorda la lingua che hai scelto. Non usiamo cookie di profilazione né strumenti di analisi o tracciamento di terze parti.\n- Valutazione delle pagine: voto, risposta scelta, eventuale commento, pagina e lingua. È anonima; l’indirizzo IP è registrato solo nel registro di sicurezza, per impedire invii ripetuti.\n- Area personale: se accedi con SPID o CIE, nome, cognome, codice fiscale ed e-mail forniti dal sistema di identità, e le richieste che invii agli enti.',
    'pages.privacy.purposes.title': 'Finalità e base giuridica',
    'pages.privacy.purposes.body':
      'Trattiamo i dati per:\n- offrire il portale e i suoi servizi di informazione, orientamento e contatto con gli enti;\n- garantire la sicurezza del sistema e prevenire abusi;\n- migliorare la chiarezza delle pagine a partire dalle valutazioni;\n- gestire le richieste che invii dall’area personale.\nLa base giuridica è l’esecuzione di compiti di interesse pubblico e l’esercizio di pubblici poteri del Comune in materia di servizi sociali (articolo 6, paragrafo 1, lettera e, GDPR; legge 328/2000), e l’adempimento degli obblighi di sicurezza (articolo 32 GDPR).',
    'pages.privacy.recipients.title': 'Chi riceve i dati',
    'pages.privacy.recipients.body':
      'I dati sono trattati dal personale autorizzato del Comune e dai fornitori che gestiscono la piattaforma per conto del Comune, nominati responsabili del trattamento (articolo 28 GDPR). Quando invii una richiesta a un ente, l’ente riceve i dati che hai scelto di inviargli e li tratta come titolare autonomo per erogare il servizio. I dati non sono trasferiti fuori dall’Unione europea e non sono diffusi.',
    'pages.privacy.retention.title': 'Per quanto tempo conserviamo i dati',
    'pages.privacy.retention.body':
      '- Dati di navigazione: 90 giorni, salvo necessità di accertare reati.\n- Registro di sicurezza (con l’indirizzo IP): 12 mesi.\n- Valutazioni delle pagine: 24 mesi, poi solo in forma aggregata.\n- Dati dell’area personale: finché mantieni l’account; le richieste agli enti secondo i tempi previsti per la conservazione degli atti amministrativi.',
    'pages.privacy.rights.title': 'I tuoi diritti',
    'pages.privacy.rights.body':
      'Puoi chiedere in ogni momento l’accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione del trattamento o opporti al trattamento (articoli 15-22 GDPR), scrivendo al Responsabile della protezione dei dati.\nSe ritieni che il trattamento violi il GDPR puoi proporre reclamo al Garante per la protezione dei dati personali: https://www.garanteprivacy.it',
    'pages.privacy.cookies.title': 'Cookie',
    'pages.privacy.cookies.body':
      'Il portale usa solo i due cookie tecnici descritti sopra, necessari al funzionamento del sito: per questo non chiediamo il consenso (articolo 122 del Codice privacy e Linee guida del Garante sui cookie del 10 giugno 2021). Puoi cancellarli dalle impostazioni del browser; i moduli del sito ti chiederanno di ricaricare la pagina.',

    // Legal notes
    'pages.legal.title': 'Note legali',
    'pages.legal.lead': 'Condizioni d’uso dei contenuti e dei dati pubblicati sul portale WeMi del Comune di Milano.',
    'pages.legal.owner.title': 'Titolarità del sito',
    'pages.legal.owner.body':
      'Il portale WeMi è del Comune di Milano, Piazza della Scala 2, 20121 Milano, codice fiscale e partita IVA 01199250158.',
    'pages.legal.license.title': 'Licenza dei contenuti',
    // The text of the Designers Italia model for the "Licenza dei contenuti" section, word for word (AGID validator).
    'pages.legal.license.body':
      'In applicazione del principio open by default ai sensi dell’articolo 52 del decreto legislativo 7 marzo 2005, n. 82 (CAD) e salvo dove diversamente specificato (compresi i contenuti incorporati di terzi), i dati, i documenti e le informazioni pubblicati sul sito sono rilasciati con licenza CC-BY 4.0.\nGli utenti sono quindi liberi di condividere (riprodurre, distribuire, comunicare al pubblico, esporre in pubblico), rappresentare, eseguire e recitare questo materiale con qualsiasi mezzo e formato e modificare (trasformare il materiale e utilizzarlo per opere derivate) per qualsiasi fine, anche commerciale con il solo onere di attribuzione, senza apporre restrizioni aggiuntive.',
    'pages.legal.license.attribution':
      'Per l’attribuzione cita la fonte («Comune di Milano — WeMi»), indica se hai apportato modifiche e fornisci un link alla licenza.',
    'pages.legal.license.link': 'Testo della licenza CC BY 4.0',
    'pages.legal.data.title': 'Dati aperti e API',
    'pages.legal.data.body':
      'Il catalogo dei servizi, degli enti, degli Spazi WeMi e dei Servizi del Comune è disponibile come dati aperti, con la stessa licenza CC BY 4.0, tramite un’API JSON documentata con OpenAPI 3.1 e nel formato Open Referral HSDS 3.0.',
    'pages.legal.data.link': 'Documentazione dell’API',
    'pages.legal.enti.title': 'Contenuti pubblicati dagli enti',
    'pages.legal.enti.body':
      'Le schede dei servizi sono compilate dagli enti, che rispondono della correttezza delle informazioni, dei prezzi e delle condizioni indicate. Il Comune verifica le schede prima della pubblicazione ma non è parte del rapporto tra il cittadino e l’ente. Gli allegati degli enti (condizioni, informative, moduli) restano sotto la loro responsabilità.',
    'pages.legal.brands.title': 'Marchi e loghi',
    'pages.legal.brands.body':
      'Lo stemma del Comune di Milano e il marchio WeMi non sono coperti dalla licenza CC BY 4.0 e non possono essere usati senza autorizzazione.',
    'pages.legal.links.title': 'Collegamenti esterni',
    'pages.legal.links.body':
      'Il Comune non è responsabile dei contenuti dei siti esterni raggiungibili dai collegamenti presenti nel portale, compresi i siti degli enti.',
    'pages.legal.software.title': 'Software',
    'pages.legal.software.body':
      'Il software del portale è rilasciato con licenza open source EUPL-1.2, per il riuso da parte di altre amministrazioni (articoli 68 e 69 del Codice dell’Amministrazione Digitale). L’interfaccia usa Bootstrap Italia di Designers Italia.',
    'pages.legal.demo.title': 'Dati dimostrativi',
    'pages.legal.demo.body':
      'Questo è un sito dimostrativo: enti e servizi segnati «Demo» sono fittizi e non costituiscono un’offerta reale.',

    // Accessibility statement
    'pages.a11y.title': 'Dichiarazione di accessibilità',
    'pages.a11y.lead':
      'Il Comune di Milano si impegna a rendere accessibile il portale WeMi, come previsto dalla legge 9 gennaio 2004, n. 4 e dal decreto legislativo 106/2018, che ha recepito la direttiva (UE) 2016/2102.',
    'pages.a11y.agid': 'La dichiarazione di accessibilità ufficiale del portale è pubblicata sul sito dell’AgID.',
    'pages.a11y.agid.link': 'Leggi la dichiarazione di accessibilità sul sito AgID',
    'pages.a11y.scope.title': 'Ambito della dichiarazione',
    'pages.a11y.scope.body':
      'Questa dichiarazione si applica al portale WeMi (versione dimostrativa) e segue il modello delle Linee guida sull’accessibilità degli strumenti informatici dell’Agenzia per l’Italia Digitale (AgID).',
    'pages.a11y.status.title': 'Stato di conformità',
    'pages.a11y.status.body':
      'Il portale è parzialmente conforme ai requisiti della norma UNI CEI EN 301549 (che richiama le WCAG 2.1 livello AA), per i casi di non conformità elencati qui sotto.',
    'pages.a11y.issues.title': 'Contenuti non accessibili',
    'pages.a11y.issues.body':
      '- Mappe: la mappa degli Spazi WeMi è un’immagine interattiva che può non essere pienamente utilizzabile con le tecnologie assistive. Indirizzo e contatti sono sempre scritti come testo accanto alla mappa.\n- Documenti degli enti: gli allegati caricati dagli enti (per esempio in PDF) possono non essere accessibili. Puoi chiederne il contenuto in formato accessibile con il meccanismo di feedback qui sotto.\n- Testi degli enti: le descrizioni inserite dagli enti possono contenere abbreviazioni o termini tecnici non spiegati; il Comune ne chiede la correzione durante la verifica delle schede.',
    'pages.a11y.method.title': 'Redazione della dichiarazione',
    'pages.a11y.method.body':
      'Dichiarazione redatta il {date} mediante autovalutazione: verifiche automatiche con axe-core in un browser reale su tutte le pagine pubbliche, a larghezza da computer e da smartphone; prove di navigazione con la sola tastiera e con JavaScript disattivato; controlli manuali di titoli, etichette, contrasti e messaggi di errore. La dichiarazione è riesaminata ogni anno e a ogni modifica rilevante del portale.',
    'pages.a11y.feedback.title': 'Meccanismo di feedback',
    'pages.a11y.feedback.body':
      'Puoi segnalare i problemi di accessibilità che incontri, o chiedere le informazioni e i contenuti che non riesci a consultare, scrivendo alla PEC del Comune protocollo@postacert.comune.milano.it con oggetto «Accessibilità WeMi», oppure chiamando lo 02.02.02. Puoi anche usare la valutazione in fondo a ogni pagina. Il Comune risponde entro 30 giorni.',
    'pages.a11y.enforcement.title': 'Procedura di attuazione',
    'pages.a11y.enforcement.body':
      'Se la risposta non ti soddisfa, o non ricevi risposta entro 30 giorni, puoi inviare una segnalazione al Difensore civico per il digitale istituito presso l’AgID (articolo 3-quinquies, comma 3, della legge 4/2004) con il modulo disponibile su https://form.agid.gov.it',
    'pages.a11y.tech.title': 'Informazioni sul sito',
    'pages.a11y.tech.body':
      'Le pagine sono scritte in HTML e CSS con attributi WAI-ARIA dove servono, e usano l’interfaccia Bootstrap Italia di Designers Italia. JavaScript migliora alcune funzioni (menu su smartphone, suggerimenti di ricerca, mappe, invio della valutazione) ma ogni pagina funziona anche senza.',

    // Contacts
    'pages.contacts.title': 'Contatti',
    'pages.contacts.lead': 'Come parlare con il Comune di Milano per avere informazioni su WeMi e sui servizi di welfare.',
    'pages.contacts.phone.title': 'Contact center 02.02.02',
    'pages.contacts.phone.body':
      'Chiama lo 02.02.02 e premi i tasti 4 e poi 1 per l’accoglienza del welfare. Dal lunedì al sabato, dalle 8 alle 18. Gli operatori ti informano sui servizi e prenotano il colloquio con l’assistente sociale.',
    'pages.contacts.phone.link': 'Chiama lo 02.02.02',
    'pages.contacts.spazi.title': 'Spazi WeMi',
    'pages.contacts.spazi.body': 'Vai in uno Spazio WeMi del tuo Municipio per un colloquio gratuito con un operatore.',
    'pages.contacts.spazi.link': 'Trova uno Spazio WeMi',
    'pages.contacts.city.title': 'Servizi del Comune',
    'pages.contacts.city.body': 'Centro Sammartini, Milano Welcome Center, Spazio informativo presso il Tribunale e gli altri punti di accesso.',
    'pages.contacts.city.link': 'Vedi i Servizi del Comune',
    'pages.contacts.pec.title': 'Posta elettronica certificata',
    'pages.contacts.pec.body': 'Per comunicazioni formali al Comune di Milano: protocollo@postacert.comune.milano.it\nIndirizzo: Piazza della Scala 2, 20121 Milano.',
    'pages.contacts.report.title': 'Assistenza e segnalazione di disservizi',
    'pages.contacts.report.body':
      'Se hai un problema con il portale o con un servizio del Comune, chiama lo 02.02.02 o scrivi alla PEC indicando la pagina o il servizio. Per le informazioni di una scheda servizio (prezzi, orari, disponibilità) contatta l’ente indicato nella scheda.',
    'pages.contacts.feedback.title': 'La tua opinione sulle pagine',
    'pages.contacts.feedback.body': 'Dicci se le informazioni di una pagina sono chiare con la valutazione in fondo a ogni pagina.',
    'pages.contacts.feedback.link': 'Valuta questa pagina',

    // Improvement plan
    'pages.plan.title': 'Piano di miglioramento del sito',
    'pages.plan.lead': 'Che cosa manca al portale WeMi per seguire pienamente il modello dei siti comunali di Designers Italia e che cosa è previsto.',
    'pages.plan.goal.title': 'Obiettivo',
    'pages.plan.goal.body':
      'Il portale WeMi segue il modello dei siti dei Comuni di Designers Italia e i criteri di conformità dell’Agenzia per l’Italia Digitale (AgID): struttura delle pagine, menu, schede servizio, note legali, dichiarazione di accessibilità, argomenti. Questo piano elenca i punti ancora da completare e viene aggiornato a ogni rilascio.',
    'pages.plan.todo.title': 'Interventi previsti',
    'pages.plan.todo.body':
      '- Novità: notizie, avvisi e comunicati del welfare milanese, con la voce «Novità» nel menu principale.\n- Eventi: gli incontri e le attività degli Spazi WeMi, con la voce «Vivere» nel menu principale e le pagine Luoghi ed Eventi.\n- Dichiarazione di accessibilità: pubblicazione sul sito dell’AgID (form.agid.gov.it) e aggiornamento del collegamento nel piè di pagina.\n- Categorie dei servizi: confronto delle categorie del catalogo WeMi con il vocabolario dei servizi del modello.',
    'pages.plan.na.title': 'Voci del modello che non si applicano',
    'pages.plan.na.body':
      'WeMi è un portale tematico del Comune di Milano dedicato al welfare: la sezione «Amministrazione» (organi di governo, uffici, documenti e dati) è pubblicata nel sito istituzionale del Comune, https://www.comune.milano.it',
    'pages.plan.contact.title': 'Suggerimenti',
    'pages.plan.contact.body':
      'Se una pagina non è chiara o non trovi quello che cerchi, usa la valutazione in fondo a ogni pagina oppure scrivi alla PEC del Comune protocollo@postacert.comune.milano.it con oggetto «Portale WeMi».',

    // Site map
    'pages.sitemap.title': 'Mappa del sito',
    'pages.sitemap.lead': 'Tutte le sezioni del portale WeMi.',
    'pages.sitemap.main': 'Pagine principali',
    'pages.sitemap.home': 'Home',
    'pages.sitemap.sections': 'Aree tematiche e categorie',
    'pages.sitemap.spazi': 'Spazi WeMi',
    'pages.sitemap.spaziAll': 'Tutti gli Spazi WeMi',
    'pages.sitemap.cityServices': 'Servizi del Comune',
    'pages.sitemap.info': 'Informazioni',
    'pages.sitemap.openData': 'Dati aperti',
    'pages.sitemap.api': 'API di WeMi (OpenAPI)',
    'pages.sitemap.hsds': 'API Open Referral HSDS 3.0',
  },
  {
    // FAQ
    'pages.faq.title': 'Frequently asked questions',
    'pages.faq.lead': 'Answers to the most common questions about WeMi: what it is, how to find a service, costs, the Spazi WeMi and your data.',
    'pages.faq.group.wemi': 'WeMi',
    'pages.faq.group.search': 'Finding a service',
    'pages.faq.group.costs': 'Costs and financial support',
    'pages.faq.group.spazi': 'Spazi WeMi and 02.02.02',
    'pages.faq.group.data': 'Account, data and privacy',
    'pages.faq.q.what': 'What is WeMi?',
    'pages.faq.a.what':
      'WeMi ("Welfare for all") is the welfare system of the City of Milan: a portal and a network of Spazi WeMi in every Municipio where you can find services for the care and well-being of people and families.\nOn the portal you find home care, activities for children and teenagers (0-18), inclusion programmes, financial education and the Nannies, Housekeepers and Carers service, offered by qualified organisations and by the City.',
    'pages.faq.q.who': 'Who provides the services?',
    'pages.faq.a.who':
      'Third-sector organisations qualified by the City of Milan: cooperatives, associations and social enterprises. The City checks every organisation before its services are published.\nEach service page shows the organisation in charge, the first contact, the person responsible, the staff employed and the prices.',
    'pages.faq.q.demo': 'Why are some organisations and services marked "Demo"?',
    'pages.faq.a.demo':
      'This is a demonstration site: organisations and services marked "Demo" are fictional and show how the portal works. The Spazi WeMi, 02.02.02 and the City services described on the site are real, with the data of the Welfare and Health Service Charter.',
    'pages.faq.q.find': 'How do I find the service I need?',
    'pages.faq.a.find':
      'Type what you need in your own words in the search box on the home page: for example "badante" (carer), "pasti a domicilio" (home-delivered meals) or "doposcuola" (after-school). The search recognises synonyms and corrects small typing mistakes.\nYou can also start from a topic or a category. On the results page you can filter by Municipio, recipients, time of day, maximum price and free services, and sort by relevance or price.',
    'pages.faq.q.near': 'How do I find services near my home?',
    'pages.faq.a.near':
      'In the search results choose your Municipio: you will see the services organisations offer in your area, at home or at their premises. Each service page shows the Municipi it covers and where it is delivered.',
    'pages.faq.q.contact': 'How do I contact an organisation?',
    'pages.faq.a.contact':
      'Each service page shows the organisation’s first contact (phone, e-mail, days and hours) and the average waiting times for the first meeting and for activation. You can call or write to the organisation directly; if in doubt, a Spazio WeMi helps you choose.',
    'pages.faq.q.cost': 'How much do the services cost?',
    'pages.faq.a.cost':
      'Using the portal and the Spazi WeMi is free of charge.\nSome services are free, because they are funded by the City or run by volunteers; others must be paid for. For these the service page shows the price including VAT and its unit (hour, visit, meal…), any packages and whether the organisation gives personalised quotes. The price can change with the number of people and units requested.',
    'pages.faq.q.support': 'Is there financial support to pay for services?',
    'pages.faq.a.support':
      'Yes. For some services you can use the City of Milan’s financial support schemes, such as vouchers: the service page shows which schemes the organisation accepts. To find out whether you are entitled, go to a Spazio WeMi or call 02.02.02.',
    'pages.faq.q.spazi': 'What are the Spazi WeMi?',
    'pages.faq.a.spazi':
      'They are places open to the public in all nine Municipi, run by cooperatives together with the City. The staff:\n- listen to your needs and inform you about home-care services in the city;\n- help you choose the right service and understand how to start it;\n- guide you to the financial support available;\n- help you share a service with other families and find volunteering opportunities;\n- if you have SPID, help you fill in online applications for the measures of the Welfare and Health Department.',
    'pages.faq.q.appointment': 'Do I need an appointment to visit a Spazio WeMi?',
    'pages.faq.a.appointment':
      'You can book an appointment with the contacts shown on the page of each Spazio WeMi or by calling 02.02.02 (press 4 and then 1). The first meeting is free and no documents are needed. The Service Charter sets an average of 3 days between your first contact and the first answer.',
    'pages.faq.q.phone': 'What is 02.02.02?',
    'pages.faq.a.phone':
      'It is the single phone number of the City of Milan. For the welfare welcome service press 4 and then 1: it answers Monday to Saturday, 8 am to 6 pm.\nThe staff listen to your request, inform you about public and private services in the city and book your meeting with a social worker. The answer to requests is started within 2 days at most.',
    'pages.faq.q.account': 'Do I need to register to use WeMi?',
    'pages.faq.a.account':
      'No. You do not need an account to search and read about services. To send requests to organisations, log in to your personal area with SPID or CIE.',
    'pages.faq.q.privacy': 'How is my data handled?',
    'pages.faq.a.privacy':
      'The data controller is the City of Milan. The portal uses only technical cookies, with no profiling and no third-party tracking. The data you send to an organisation is used only to answer your request. You find all the details in the privacy notice.',
    'pages.faq.q.rating': 'What is the question "How clear is the information on this page?" for?',
    'pages.faq.a.rating':
      'It tells us which pages to improve. The rating is anonymous: we record the score, the answer chosen, any comment and the page. Do not write personal data in the comment.',
    'pages.faq.q.opendata': 'Can I reuse the WeMi data?',
    'pages.faq.a.opendata':
      'Yes. The catalogue of services, organisations and Spazi WeMi is published as open data under the CC BY 4.0 licence, through an API documented with OpenAPI and in the Open Referral HSDS 3.0 standard format.',
    'pages.faq.link.privacy': 'Read the privacy notice',
    'pages.faq.link.spazi': 'Find a Spazio WeMi',
    'pages.faq.link.search': 'Search for a service',
    'pages.faq.link.api': 'API documentation (OpenAPI)',
    'pages.faq.link.phone': 'Call 02.02.02',
    'pages.faq.more': 'Did not find the answer? Call 02.02.02 or visit a Spazio WeMi.',

    // Privacy
    'pages.privacy.title': 'Privacy notice',
    'pages.privacy.lead':
      'How the City of Milan processes the personal data of people who use the WeMi portal (Articles 13 and 14 of Regulation (EU) 2016/679, GDPR).',
    'pages.privacy.demo': 'This notice describes the demonstration version of the portal.',
    'pages.privacy.controller.title': 'Data controller',
    'pages.privacy.controller.body':
      'The data controller is the City of Milan, Piazza della Scala 2, 20121 Milano, Italy.\nCertified e-mail (PEC): protocollo@postacert.comune.milano.it',
    'pages.privacy.dpo.title': 'Data Protection Officer',
    'pages.privacy.dpo.body':
      'The City of Milan has appointed a Data Protection Officer (DPO), whom you can contact about any matter concerning the processing of your data and the exercise of your rights: dpo@comune.milano.it',
    'pages.privacy.data.title': 'What data we process',
    'pages.privacy.data.body':
      '- Browsing data: IP address, date and time, page requested and browser type, recorded by the servers for the operation and security of the site.\n- Technical cookies: "wemi_csrf" protects forms against forged submissions; "wemi_lang" remembers the language you chose. We use no profiling cookies and no third-party analytics or tracking tools.\n- Page ratings: score, answer chosen, any comment, page and language. They are anonymous; the IP address is recorded only in the security log, to prevent repeated submissions.\n- Personal area: if you log in with SPID or CIE, the name, surname, tax code and e-mail provided by the identity system, and the requests you send to organisations.',
    'pages.privacy.purposes.title': 'Purposes and legal basis',
    'pages.privacy.purposes.body':
      'We process the data to:\n- provide the portal and its information, guidance and contact services;\n- keep the system secure and prevent abuse;\n- make pages clearer based on the ratings;\n- handle the requests you send from your personal area.\nThe legal basis is the performance of tasks carried out in the public interest and in the exercise of the City’s official authority in social services (Article 6(1)(e) GDPR; Law 328/2000), and compliance with security obligations (Article 32 GDPR).',
    'pages.privacy.recipients.title': 'Who receives the data',
    'pages.privacy.recipients.body':
      'The data is processed by authorised City staff and by the suppliers that run the platform on behalf of the City, appointed as processors (Article 28 GDPR). When you send a request to an organisation, it receives the data you chose to send and processes it as an independent controller to provide the service. The data is not transferred outside the European Union and is not disclosed to the public.',
    'pages.privacy.retention.title': 'How long we keep the data',
    'pages.privacy.retention.body':
      '- Browsing data: 90 days, unless needed to investigate crimes.\n- Security log (with the IP address): 12 months.\n- Page ratings: 24 months, then only in aggregate form.\n- Personal area data: as long as you keep the account; requests to organisations for the periods required for keeping administrative records.',
    'pages.privacy.rights.title': 'Your rights',
    'pages.privacy.rights.body':
      'You can ask at any time for access to your data, rectification, erasure, restriction of processing or object to processing (Articles 15-22 GDPR) by writing to the Data Protection Officer.\nIf you believe the processing infringes the GDPR you can lodge a complaint with the Italian Data Protection Authority (Garante per la protezione dei dati personali): https://www.garanteprivacy.it',
    'pages.privacy.cookies.title': 'Cookies',
    'pages.privacy.cookies.body':
      'The portal uses only the two technical cookies described above, which the site needs to work: for this reason we do not ask for consent (Article 122 of the Italian Privacy Code and the Garante’s cookie guidelines of 10 June 2021). You can delete them in your browser settings; the site’s forms will then ask you to reload the page.',

    // Legal notes
    'pages.legal.title': 'Legal notes',
    'pages.legal.lead': 'Terms of use of the content and data published on the City of Milan’s WeMi portal.',
    'pages.legal.owner.title': 'Owner of the site',
    'pages.legal.owner.body':
      'The WeMi portal belongs to the City of Milan, Piazza della Scala 2, 20121 Milano, tax code and VAT number 01199250158.',
    'pages.legal.license.title': 'Content licence',
    'pages.legal.license.body':
      'In application of the open by default principle under Article 52 of Legislative Decree no. 82 of 7 March 2005 (Digital Administration Code, CAD) and unless otherwise specified (including embedded third-party content), the data, documents and information published on the site are released under the CC-BY 4.0 licence.\nUsers are therefore free to share (reproduce, distribute, communicate to the public, exhibit in public), represent, perform and recite this material in any medium and format, and to adapt it (transform the material and use it for derivative works) for any purpose, including commercial ones, with the sole obligation of attribution and without adding further restrictions.',
    'pages.legal.license.attribution':
      'For attribution, credit the source ("Comune di Milano — WeMi"), indicate whether you made changes and provide a link to the licence.',
    'pages.legal.license.link': 'Text of the CC BY 4.0 licence',
    'pages.legal.data.title': 'Open data and API',
    'pages.legal.data.body':
      'The catalogue of services, organisations, Spazi WeMi and City services is available as open data, under the same CC BY 4.0 licence, through a JSON API documented with OpenAPI 3.1 and in the Open Referral HSDS 3.0 format.',
    'pages.legal.data.link': 'API documentation',
    'pages.legal.enti.title': 'Content published by organisations',
    'pages.legal.enti.body':
      'Service pages are written by the organisations, which are responsible for the accuracy of the information, prices and conditions stated. The City checks the pages before publication but is not a party to the relationship between the citizen and the organisation. Attachments provided by organisations (terms, privacy notices, forms) remain their responsibility.',
    'pages.legal.brands.title': 'Trademarks and logos',
    'pages.legal.brands.body':
      'The coat of arms of the City of Milan and the WeMi brand are not covered by the CC BY 4.0 licence and may not be used without permission.',
    'pages.legal.links.title': 'External links',
    'pages.legal.links.body':
      'The City is not responsible for the content of external sites reached through links on the portal, including the organisations’ websites.',
    'pages.legal.software.title': 'Software',
    'pages.legal.software.body':
      'The portal software is released under the EUPL-1.2 open-source licence, for reuse by other administrations (Articles 68 and 69 of the Digital Administration Code). The interface uses Bootstrap Italia by Designers Italia.',
    'pages.legal.demo.title': 'Demonstration data',
    'pages.legal.demo.body':
      'This is a demonstration site: organisations and services marked "Demo" are fictional and are not a real offer.',

    // Accessibility statement
    'pages.a11y.title': 'Accessibility statement',
    'pages.a11y.lead':
      'The City of Milan is committed to making the WeMi portal accessible, as required by Law no. 4 of 9 January 2004 and Legislative Decree 106/2018, which transposed Directive (EU) 2016/2102.',
    'pages.a11y.agid': 'The portal’s official accessibility statement is published on AgID’s website.',
    'pages.a11y.agid.link': 'Read the accessibility statement on AgID’s website',
    'pages.a11y.scope.title': 'Scope of this statement',
    'pages.a11y.scope.body':
      'This statement applies to the WeMi portal (demonstration version) and follows the model of the accessibility guidelines of the Agency for Digital Italy (AgID).',
    'pages.a11y.status.title': 'Compliance status',
    'pages.a11y.status.body':
      'The portal is partially compliant with the requirements of standard UNI CEI EN 301549 (which refers to WCAG 2.1 level AA), due to the non-compliances listed below.',
    'pages.a11y.issues.title': 'Non-accessible content',
    'pages.a11y.issues.body':
      '- Maps: the map of the Spazi WeMi is an interactive image that may not be fully usable with assistive technologies. The address and contacts are always written as text next to the map.\n- Organisations’ documents: attachments uploaded by organisations (for example PDFs) may not be accessible. You can ask for their content in an accessible format through the feedback mechanism below.\n- Organisations’ texts: descriptions written by organisations may contain unexplained abbreviations or technical terms; the City asks for corrections when it checks the pages.',
    'pages.a11y.method.title': 'Preparation of this statement',
    'pages.a11y.method.body':
      'Statement prepared on {date} by self-assessment: automated checks with axe-core in a real browser on every public page, at desktop and smartphone widths; navigation tests with the keyboard only and with JavaScript turned off; manual checks of headings, labels, contrast and error messages. The statement is reviewed every year and whenever the portal changes significantly.',
    'pages.a11y.feedback.title': 'Feedback mechanism',
    'pages.a11y.feedback.body':
      'You can report the accessibility problems you meet, or ask for information and content you cannot access, by writing to the City’s certified e-mail protocollo@postacert.comune.milano.it with the subject "Accessibilità WeMi", or by calling 02.02.02. You can also use the rating at the bottom of every page. The City answers within 30 days.',
    'pages.a11y.enforcement.title': 'Enforcement procedure',
    'pages.a11y.enforcement.body':
      'If the answer does not satisfy you, or you get no answer within 30 days, you can send a report to the Digital Ombudsman (Difensore civico per il digitale) at AgID (Article 3-quinquies(3) of Law 4/2004) using the form at https://form.agid.gov.it',
    'pages.a11y.tech.title': 'About the site',
    'pages.a11y.tech.body':
      'The pages are written in HTML and CSS with WAI-ARIA attributes where needed, and use the Bootstrap Italia interface by Designers Italia. JavaScript improves some functions (menu on smartphones, search suggestions, maps, sending the rating) but every page also works without it.',

    // Contacts
    'pages.contacts.title': 'Contacts',
    'pages.contacts.lead': 'How to talk to the City of Milan for information about WeMi and welfare services.',
    'pages.contacts.phone.title': 'Contact centre 02.02.02',
    'pages.contacts.phone.body':
      'Call 02.02.02 and press 4 and then 1 for the welfare welcome service. Monday to Saturday, 8 am to 6 pm. The staff inform you about services and book your meeting with a social worker.',
    'pages.contacts.phone.link': 'Call 02.02.02',
    'pages.contacts.spazi.title': 'Spazi WeMi',
    'pages.contacts.spazi.body': 'Visit a Spazio WeMi in your Municipio for a free meeting with a member of staff.',
    'pages.contacts.spazi.link': 'Find a Spazio WeMi',
    'pages.contacts.city.title': 'City services',
    'pages.contacts.city.body': 'Centro Sammartini, Milano Welcome Center, the information desk at the Court and the other access points.',
    'pages.contacts.city.link': 'See the City services',
    'pages.contacts.pec.title': 'Certified e-mail',
    'pages.contacts.pec.body': 'For formal communications to the City of Milan: protocollo@postacert.comune.milano.it\nAddress: Piazza della Scala 2, 20121 Milano.',
    'pages.contacts.report.title': 'Assistance and reporting service failures',
    'pages.contacts.report.body':
      'If you have a problem with the portal or with a City service, call 02.02.02 or write to the certified e-mail stating the page or the service. For the information on a service page (prices, hours, availability) contact the organisation shown on the page.',
    'pages.contacts.feedback.title': 'Your opinion on the pages',
    'pages.contacts.feedback.body': 'Tell us whether the information on a page is clear with the rating at the bottom of every page.',
    'pages.contacts.feedback.link': 'Rate this page',

    // Improvement plan
    'pages.plan.title': 'Site improvement plan',
    'pages.plan.lead': 'What the WeMi portal still needs to fully follow the Designers Italia model for municipal websites, and what is planned.',
    'pages.plan.goal.title': 'Goal',
    'pages.plan.goal.body':
      'The WeMi portal follows the Designers Italia model for municipal websites and the conformity criteria of the Agency for Digital Italy (AgID): page structure, menu, service pages, legal notes, accessibility statement, topics. This plan lists what is still to be done and is updated with every release.',
    'pages.plan.todo.title': 'Planned work',
    'pages.plan.todo.body':
      '- News: news, notices and announcements of Milan’s welfare, with a "News" item in the main menu.\n- Events: the meetings and activities of the Spazi WeMi, with a "Living" item in the main menu and the Places and Events pages.\n- Accessibility statement: publication on AgID’s website (form.agid.gov.it) and update of the link in the footer.\n- Service categories: comparison of the WeMi catalogue categories with the model’s vocabulary of services.',
    'pages.plan.na.title': 'Parts of the model that do not apply',
    'pages.plan.na.body':
      'WeMi is a thematic portal of the City of Milan devoted to welfare: the "Administration" section (governing bodies, offices, documents and data) is published on the City’s institutional website, https://www.comune.milano.it',
    'pages.plan.contact.title': 'Suggestions',
    'pages.plan.contact.body':
      'If a page is unclear or you cannot find what you are looking for, use the rating at the bottom of every page or write to the City’s certified e-mail protocollo@postacert.comune.milano.it with the subject "WeMi portal".',

    // Site map
    'pages.sitemap.title': 'Site map',
    'pages.sitemap.lead': 'All the sections of the WeMi portal.',
    'pages.sitemap.main': 'Main pages',
    'pages.sitemap.home': 'Home',
    'pages.sitemap.sections': 'Topics and categories',
    'pages.sitemap.spazi': 'Spazi WeMi',
    'pages.sitemap.spaziAll': 'All the Spazi WeMi',
    'pages.sitemap.cityServices': 'City services',
    'pages.sitemap.info': 'Information',
    'pages.sitemap.openData': 'Open data',
    'pages.sitemap.api': 'WeMi API (OpenAPI)',
    'pages.sitemap.hsds': 'Open Referral HSDS 3.0 API',
  },
);
