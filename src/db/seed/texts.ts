// Text pools for the demo service cards, by category (or by section when the categories share one).
// Placeholders: {tipo} service type (Italian, lower case), {tipoEn}, {ente}, {zona} / {zonaEn} (area covered),
// {quartiere} (a neighbourhood of the ente's Municipio). Combined at random so cards do not read alike.

export interface TextPool {
  summary: [string, string][];
  need: string[];
  solution: string[];
  activities: string[];
  recipients: string[];
}

export const POOLS: Record<string, TextPool> = {
  servizi_socio_assistenziali: {
    summary: [
      ['Operatori qualificati a casa tua per {tipo}: aiuto nelle attività di ogni giorno, con un piano concordato con la famiglia.', 'Qualified care workers at your home for {tipoEn}: help with everyday activities, with a plan agreed with the family.'],
      ['{tipo} {zona}, con un referente fisso e sostituzioni garantite in caso di ferie o malattia.', '{tipoEn} {zonaEn}, with one contact person and guaranteed cover during holidays or sick leave.'],
      ['Un aiuto costante e discreto per restare a casa propria in sicurezza, anche nei fine settimana.', 'Steady, discreet help to keep living safely at home, weekends included.'],
      ['Assistenza su misura, da poche ore a settimana fino alla presenza quotidiana, con operatori ASA e OSS.', 'Tailored care, from a few hours a week to daily visits, by qualified care workers.'],
    ],
    need: [
      'Molte persone anziane vivono sole e faticano a gestire l’igiene, i pasti e la casa; i familiari, spesso lavoratori, non riescono a garantire una presenza continua.',
      'Dopo una caduta, un ricovero o con il peggioramento di una malattia cronica la famiglia si trova a dover organizzare in pochi giorni un aiuto a domicilio affidabile.',
      'Chi si prende cura di un familiare non autosufficiente rischia di restare solo e senza pause: servono ore di sollievo e qualcuno di cui fidarsi.',
    ],
    solution: [
      'Dopo un colloquio a domicilio con la coordinatrice definiamo insieme alla famiglia un piano di assistenza scritto: orari, attività, obiettivi e verifiche periodiche.',
      'Proponiamo un operatore stabile, scelto in base alle esigenze della persona, affiancato da un coordinatore che resta il riferimento della famiglia per ogni cambiamento.',
      'Il servizio parte con un periodo di prova di due settimane; il piano viene rivisto ogni tre mesi o quando cambiano i bisogni.',
    ],
    activities: [
      'Igiene personale e bagno assistito, alzata e messa a letto, aiuto nella vestizione, preparazione e aiuto nell’assunzione dei pasti, riordino degli ambienti di vita, compagnia.',
      'Supporto alla mobilità in casa, promemoria per l’assunzione dei farmaci, accompagnamento per brevi uscite, piccole commissioni, monitoraggio delle condizioni generali e segnalazione alla famiglia.',
      'Cura della persona, stimolazione cognitiva con attività semplici, sorveglianza, collaborazione con il medico di base e con gli altri servizi che seguono la persona.',
    ],
    recipients: [
      'Persone anziane, anche non autosufficienti, che vivono sole o con familiari che lavorano; persone con disabilità e loro caregiver.',
      'Anziani con ridotta autonomia, persone dimesse dall’ospedale, famiglie che cercano un sollievo nella cura di un congiunto.',
    ],
  },
  assistenza_sanitaria: {
    summary: [
      ['{tipo} con professionisti sanitari iscritti all’albo, a casa o nel nostro ambulatorio.', '{tipoEn} by registered health professionals, at home or at our clinic.'],
      ['Prestazioni sanitarie a domicilio {zona}, anche il sabato mattina, su richiesta del medico curante.', 'Health care at home {zonaEn}, Saturday mornings included, on your doctor’s request.'],
      ['Cure competenti senza spostarsi da casa: intervento in tempi brevi e relazione scritta per il medico.', 'Skilled care without leaving home: quick response and a written report for your doctor.'],
    ],
    need: [
      'Chi ha difficoltà a muoversi deve spesso rinunciare a terapie, medicazioni o riabilitazione perché raggiungere un ambulatorio è faticoso o impossibile.',
      'Dopo le dimissioni dall’ospedale molte persone hanno bisogno di continuità di cura a casa, con professionisti che dialoghino con il medico di base.',
      'Le liste di attesa e gli spostamenti in città rendono complicato seguire con regolarità una terapia prescritta.',
    ],
    solution: [
      'Un professionista sanitario concorda con la persona e con il medico curante un calendario di accessi a domicilio e tiene un diario clinico condiviso con la famiglia.',
      'Attiviamo la prestazione in pochi giorni, con un primo accesso di valutazione e un piano di trattamento scritto.',
      'Offriamo accessi singoli o pacchetti di sedute; per i casi complessi coordiniamo infermiere, fisioterapista e operatore socio-sanitario.',
    ],
    activities: [
      'Medicazioni semplici e avanzate, terapie iniettive, gestione di cateteri e stomie, controllo dei parametri vitali, educazione sanitaria al paziente e ai familiari.',
      'Valutazione funzionale, esercizi di rieducazione motoria, training per i passaggi posturali, consigli sugli ausili e sull’adattamento della casa.',
      'Prelievi e raccolta campioni, monitoraggio della terapia, raccordo con il medico di medicina generale e con gli specialisti.',
    ],
    recipients: [
      'Persone con difficoltà a uscire di casa, anziani, persone dimesse dall’ospedale, persone con malattie croniche.',
      'Adulti e anziani che necessitano di prestazioni sanitarie continuative su prescrizione medica.',
    ],
  },
  servizi_educativi: {
    summary: [
      ['{tipo} con educatrici ed educatori esperti: attenzione ai tempi del bambino e dialogo costante con i genitori.', '{tipoEn} with experienced educators: attention to each child’s pace and ongoing dialogue with parents.'],
      ['Un aiuto educativo flessibile {zona}, anche nelle ore serali e nel fine settimana.', 'Flexible educational support {zonaEn}, also in the evening and at weekends.'],
      ['Percorsi educativi su misura per crescere con serenità, a casa o nei nostri spazi di {quartiere}.', 'Tailored educational support to grow up calmly, at home or at our premises in {quartiere}.'],
    ],
    need: [
      'Genitori che lavorano, orari scolastici ridotti e assenza della rete familiare rendono difficile conciliare lavoro e cura dei figli.',
      'Alcuni bambini e ragazzi attraversano momenti di fatica a scuola o in famiglia e hanno bisogno di un adulto di riferimento che li accompagni.',
      'Le famiglie cercano figure educative affidabili, formate e verificate, a cui affidare i figli con tranquillità.',
    ],
    solution: [
      'Un primo incontro con i genitori permette di conoscere il bambino, le abitudini della famiglia e gli obiettivi; segue l’abbinamento con l’operatore più adatto.',
      'Costruiamo un progetto educativo individuale con obiettivi semplici e verificabili, condiviso con la famiglia e, se utile, con la scuola.',
      'Garantiamo continuità con la stessa figura educativa e un coordinatore pedagogico sempre raggiungibile.',
    ],
    activities: [
      'Cura e accudimento, gioco, lettura ad alta voce, accompagnamento da e per la scuola e le attività sportive, preparazione della merenda.',
      'Supporto nei compiti e nel metodo di studio, attività per lo sviluppo delle autonomie, colloqui periodici con i genitori.',
      'Attività educative e ricreative, gestione delle emozioni e dei conflitti, raccordo con insegnanti e servizi del territorio.',
    ],
    recipients: [
      'Bambini da 0 a 10 anni e le loro famiglie; ragazzi della scuola secondaria di primo grado.',
      'Famiglie con figli minori, anche con bisogni educativi speciali o disabilità.',
    ],
  },
  servizi_psicologici: {
    summary: [
      ['{tipo} con psicologi e psicoterapeuti iscritti all’Ordine, in studio o online.', '{tipoEn} with registered psychologists and psychotherapists, in person or online.'],
      ['Uno spazio riservato per dare voce alle difficoltà e ritrovare risorse, con il primo colloquio entro una settimana.', 'A confidential space to talk about difficulties and find your strengths again, first session within a week.'],
      ['Sostegno psicologico accessibile, con tariffe calmierate e possibilità di incontri serali.', 'Affordable psychological support, with reduced fees and evening appointments.'],
    ],
    need: [
      'Lutti, separazioni, malattia di un familiare o perdita del lavoro possono generare ansia, tristezza e isolamento difficili da affrontare da soli.',
      'Chi assiste un familiare fragile vive spesso stanchezza, senso di colpa e solitudine, e fatica a chiedere aiuto.',
      'Molte persone rinunciano a un supporto psicologico per i costi o per non sapere a chi rivolgersi.',
    ],
    solution: [
      'Un primo colloquio di consultazione per comprendere la richiesta, seguito da un percorso breve di sostegno con obiettivi concordati.',
      'Percorsi individuali o di gruppo, in presenza o a distanza, con la possibilità di coinvolgere i familiari quando utile.',
      'Ciclo di incontri a cadenza settimanale o quindicinale, con verifica a metà percorso e indicazioni su eventuali servizi specialistici.',
    ],
    activities: [
      'Colloqui di consultazione e sostegno, psicoeducazione, tecniche di gestione dello stress, conduzione di gruppi.',
      'Ascolto, valutazione del bisogno, sostegno emotivo, orientamento verso servizi sanitari e sociali del territorio.',
      'Colloqui individuali, di coppia e familiari; incontri tematici su cura, perdita, genitorialità.',
    ],
    recipients: [
      'Adulti, anziani, coppie e famiglie in un momento di difficoltà; caregiver familiari.',
      'Adolescenti e adulti che desiderano un supporto psicologico breve, anche online.',
    ],
  },
  accompagnamento_trasporto: {
    summary: [
      ['{tipo}: ti veniamo a prendere a casa, ti accompagniamo e ti riportiamo indietro.', '{tipoEn}: we pick you up at home, go with you and bring you back.'],
      ['Accompagnamento sicuro {zona} con operatori formati e auto o mezzi attrezzati.', 'Safe escort {zonaEn} with trained staff and cars or adapted vehicles.'],
      ['Un accompagnatore che resta con te durante la visita e aiuta con documenti e prescrizioni.', 'An escort who stays with you during the visit and helps with papers and prescriptions.'],
    ],
    need: [
      'Raggiungere ospedali e ambulatori è difficile per chi ha problemi di mobilità o non ha familiari disponibili negli orari delle visite.',
      'Molte persone anziane rinunciano a visite ed esami perché temono di non farcela da sole sui mezzi pubblici.',
      'Le persone in carrozzina hanno bisogno di mezzi adatti e di personale esperto per spostarsi in sicurezza.',
    ],
    solution: [
      'Si prenota con almeno 48 ore di anticipo indicando luogo e orario; l’operatore arriva a casa, accompagna la persona e la riporta al domicilio.',
      'Organizziamo trasporti singoli o ricorrenti (per esempio cicli di terapia), con mezzi attrezzati quando serve.',
      'L’accompagnatore resta con la persona per tutto il tempo e al rientro informa la famiglia sull’esito.',
    ],
    activities: [
      'Aiuto a prepararsi e a scendere le scale, guida del mezzo, accompagnamento in struttura, attesa, ritiro dei referti, rientro a casa.',
      'Trasporto con mezzo dotato di pedana, assistenza nei trasferimenti, accompagnamento fino all’ambulatorio.',
      'Accompagnamento a piedi o con i mezzi pubblici, compagnia durante le commissioni, aiuto con documenti e prenotazioni.',
    ],
    recipients: [
      'Anziani e persone con ridotta mobilità, persone in carrozzina, chi non ha familiari disponibili.',
      'Persone che devono seguire cicli di terapia o visite frequenti.',
    ],
  },
  servizi_estetici: {
    summary: [
      ['{tipo} per chi non può uscire di casa: professionisti abituati a lavorare con persone fragili.', '{tipoEn} for people who cannot go out: professionals used to working with frail people.'],
      ['Prendersi cura di sé anche a casa: {tipo} {zona}, su appuntamento.', 'Taking care of yourself at home: {tipoEn} {zonaEn}, by appointment.'],
      ['Un momento di benessere con strumenti igienizzati e prodotti delicati.', 'A moment of wellbeing with sanitised tools and gentle products.'],
    ],
    need: [
      'Chi è allettato o ha difficoltà a muoversi spesso rinuncia alla cura dei capelli, delle unghie e dei piedi, con effetti sul benessere e sull’autostima.',
      'La cura del piede nelle persone anziane e diabetiche richiede competenze specifiche per prevenire lesioni.',
    ],
    solution: [
      'Il professionista arriva a domicilio con tutto il necessario e adatta il trattamento alle condizioni della persona.',
      'Appuntamenti singoli o periodici, anche presso RSA e centri diurni, con prezzi chiari e pacchetti convenienti.',
    ],
    activities: [
      'Taglio, piega, colore, rasatura; manicure e pedicure; trattamenti di base per la cura della pelle.',
      'Valutazione del piede, trattamento di unghie e callosità, consigli su calzature e prevenzione.',
    ],
    recipients: [
      'Anziani, persone con disabilità, persone allettate o in convalescenza.',
      'Persone che non possono raggiungere un salone o uno studio.',
    ],
  },
  piccole_commissioni: {
    summary: [
      ['{tipo}: un aiuto pratico per le cose di tutti i giorni, senza uscire di casa.', '{tipoEn}: practical help with everyday tasks without leaving home.'],
      ['Commissioni affidabili {zona}, con un operatore di fiducia e rendiconto di ogni spesa.', 'Reliable errands {zonaEn}, with a trusted worker and receipts for every expense.'],
      ['Dalla spesa alla farmacia: ci pensiamo noi, anche una volta sola.', 'From groceries to the pharmacy: we take care of it, even just once.'],
    ],
    need: [
      'Per chi vive solo e ha difficoltà a camminare anche fare la spesa o ritirare un farmaco diventa un problema quotidiano.',
      'Nei periodi di caldo o di convalescenza molte persone anziane non possono uscire e non hanno qualcuno a cui chiedere.',
    ],
    solution: [
      'La persona telefona o scrive la lista; l’operatore fa la commissione entro il giorno successivo e consegna a casa con lo scontrino.',
      'Commissioni singole o un appuntamento fisso settimanale, con lo stesso operatore.',
    ],
    activities: [
      'Spesa al supermercato o al mercato, ritiro e consegna di farmaci, pagamento di bollette, spedizioni, ritiro di documenti.',
      'Consegna a domicilio, sistemazione della spesa, breve momento di compagnia e segnalazione di eventuali necessità.',
    ],
    recipients: [
      'Anziani soli, persone con disabilità, persone in convalescenza.',
      'Chi non può uscire di casa anche solo per un periodo.',
    ],
  },
  pasti_domicilio: {
    summary: [
      ['{tipo} preparati ogni giorno nella nostra cucina e consegnati in contenitori termici.', '{tipoEn} cooked daily in our kitchen and delivered in thermal containers.'],
      ['Menù vario e stagionale, con scelta tra più piatti e consegna {zona} dal lunedì al sabato.', 'A varied seasonal menu with a choice of dishes, delivered {zonaEn} Monday to Saturday.'],
      ['Un pasto sano a casa e un saluto ogni giorno: la consegna è anche un momento di contatto.', 'A healthy meal at home and a daily hello: the delivery is also a moment of contact.'],
    ],
    need: [
      'Cucinare ogni giorno è faticoso per molte persone anziane o con disabilità, con il rischio di un’alimentazione povera e squilibrata.',
      'Chi segue una dieta speciale fatica a trovare pasti adatti e pronti, soprattutto dopo un ricovero.',
    ],
    solution: [
      'Il servizio si attiva con una telefonata; una dietista raccoglie esigenze e preferenze e propone un menù settimanale.',
      'Consegna tra le 11:30 e le 13:00, con pasti pronti o da scaldare; è possibile sospendere il servizio con un giorno di preavviso.',
    ],
    activities: [
      'Preparazione dei pasti secondo i menù, confezionamento, consegna a domicilio, ritiro dei contenitori, segnalazione alla famiglia di eventuali criticità.',
      'Consulenza dietistica, adattamento del menù a intolleranze e diete, consegna con personale formato.',
    ],
    recipients: [
      'Anziani, persone con disabilità, persone in convalescenza o con difficoltà a cucinare.',
      'Persone con esigenze alimentari particolari (diabete, disfagia, celiachia).',
    ],
  },
  cura_animali: {
    summary: [
      ['{tipo}: il tuo animale in buone mani quando non puoi occupartene.', '{tipoEn}: your pet in good hands when you cannot look after it.'],
      ['Passeggiate e cure {zona}, con operatori che amano gli animali.', 'Walks and care {zonaEn}, by staff who love animals.'],
    ],
    need: [
      'Per molte persone anziane l’animale domestico è una compagnia preziosa, ma portarlo fuori o dal veterinario può diventare difficile.',
      'Un ricovero improvviso lascia spesso senza cure cani e gatti di chi vive solo.',
    ],
    solution: [
      'Concordiamo orari e abitudini dell’animale; l’operatore passa ogni giorno o quando serve e invia un breve aggiornamento.',
      'Servizio continuativo o per periodi brevi, anche durante un ricovero del proprietario.',
    ],
    activities: [
      'Passeggiate, somministrazione del cibo, pulizia della lettiera, compagnia, accompagnamento dal veterinario.',
      'Cura quotidiana dell’animale, piccola pulizia degli spazi, ritiro di cibo e farmaci veterinari.',
    ],
    recipients: ['Persone anziane o con disabilità che hanno un animale domestico.', 'Chi è temporaneamente impossibilitato a prendersi cura del proprio animale.'],
  },
  piccole_manutenzioni: {
    summary: [
      ['{tipo} con artigiani di una cooperativa sociale: lavori fatti bene e prezzi chiari.', '{tipoEn} by craftsmen from a social cooperative: good work and clear prices.'],
      ['Interventi rapidi {zona}, con sopralluogo e preventivo gratuito per i lavori più lunghi.', 'Quick jobs {zonaEn}, with a free visit and quote for longer works.'],
      ['Una casa più sicura e funzionale, senza doversi cercare da soli un tecnico di fiducia.', 'A safer, more practical home, without having to find a trusted handyman yourself.'],
    ],
    need: [
      'Una lampadina da cambiare, una tapparella bloccata o un rubinetto che perde diventano un problema per chi vive solo o non può salire su una scala.',
      'Molte cadute in casa sono causate da tappeti, bagni non adattati e illuminazione scarsa.',
    ],
    solution: [
      'Dopo la chiamata concordiamo un sopralluogo; per i lavori semplici l’intervento avviene nella stessa visita.',
      'Squadre di operatori, anche in inserimento lavorativo, seguiti da un tecnico esperto; materiali a prezzo di costo.',
    ],
    activities: [
      'Sostituzione di lampadine e prese, riparazione di tapparelle, montaggio di mensole e mobili, piccoli interventi idraulici.',
      'Installazione di maniglioni e corrimano, tinteggiatura, sistemazione degli ambienti per prevenire le cadute.',
    ],
    recipients: ['Anziani soli, persone con disabilità, famiglie.', 'Chiunque abbia bisogno di piccoli lavori in casa.'],
  },
  disbrigo_pratiche: {
    summary: [
      ['{tipo}: ti aiutiamo a capire cosa serve e a presentare la domanda giusta.', '{tipoEn}: we help you understand what is needed and submit the right application.'],
      ['Sportello di aiuto pratico {zona}, su appuntamento, anche a domicilio per chi non può uscire.', 'Practical help desk {zonaEn}, by appointment, also at home for those who cannot go out.'],
      ['Moduli, portali e scadenze senza ansia, con operatori pazienti e preparati.', 'Forms, websites and deadlines without stress, with patient, well-trained staff.'],
    ],
    need: [
      'Domande online, SPID, ISEE e scadenze sono difficili da gestire per molte persone anziane o con poca dimestichezza digitale.',
      'Chi non conosce bene l’italiano fatica a orientarsi tra uffici e documenti, e rischia di perdere contributi a cui avrebbe diritto.',
    ],
    solution: [
      'Un primo appuntamento per capire la pratica e la documentazione necessaria; l’operatore affianca la persona fino all’invio.',
      'Supporto pratico nell’inserimento dei dati: la persona resta titolare della pratica e delle sue credenziali.',
    ],
    activities: [
      'Lettura e spiegazione della documentazione, compilazione di moduli, prenotazioni, invio telematico, archivio delle ricevute.',
      'Aiuto nell’attivazione di SPID e nell’uso dei portali, promemoria delle scadenze, accompagnamento agli uffici.',
    ],
    recipients: ['Anziani, famiglie, cittadini stranieri, persone con poca dimestichezza digitale.', 'Chiunque debba presentare una pratica e abbia bisogno di aiuto.'],
  },
  gestione_lavoro_domestico: {
    summary: [
      ['{tipo}: pensiamo noi a contratto, buste paga e contributi, tu ricevi tutto per e-mail.', '{tipoEn}: we handle contract, payslips and contributions and email you everything.'],
      ['Regolarizzare colf, badanti e baby-sitter in modo semplice, con un consulente dedicato.', 'Employ housekeepers, caregivers and baby-sitters properly and simply, with a dedicated adviser.'],
    ],
    need: [
      'Le famiglie che assumono un assistente familiare devono gestire contratto, contributi, ferie e TFR, spesso senza conoscere le regole del contratto collettivo.',
      'Errori nella gestione del rapporto di lavoro domestico possono costare caro sia alla famiglia sia al lavoratore.',
    ],
    solution: [
      'Un consulente segue l’assunzione, prepara ogni mese la busta paga e ricorda le scadenze dei contributi trimestrali.',
      'Un abbonamento mensile comprende buste paga, conteggi di fine anno e assistenza telefonica; le pratiche straordinarie sono a parte.',
    ],
    activities: [
      'Comunicazione di assunzione, calcolo delle retribuzioni, bollettini contributivi, conteggio di tredicesima, ferie e TFR, cessazione del rapporto.',
      'Consulenza su livelli, orari e costi, simulazioni di spesa, gestione di malattia e maternità.',
    ],
    recipients: ['Famiglie datrici di lavoro domestico.', 'Anziani e caregiver che assumono un’assistente familiare.'],
  },
  corsi_lingua_italiana: {
    summary: [
      ['{tipo} in piccoli gruppi, con insegnanti preparati e materiali gratuiti.', '{tipoEn} in small groups, with trained teachers and free materials.'],
      ['Imparare l’italiano per la vita di tutti i giorni, con orari compatibili con il lavoro.', 'Learning Italian for everyday life, at times that fit around work.'],
    ],
    need: [
      'Conoscere l’italiano è il primo passo per lavorare, parlare con i medici e la scuola dei figli, partecipare alla vita del quartiere.',
      'Molte assistenti familiari lavorano tutto il giorno e non riescono a frequentare corsi tradizionali.',
    ],
    solution: [
      'Test di ingresso, inserimento nel gruppo del livello giusto e attestato di frequenza finale.',
      'Corsi serali e del fine settimana, anche online, con spazio bimbi durante le lezioni in presenza.',
    ],
    activities: [
      'Lezioni di lingua, conversazione, lessico del lavoro di cura e della casa, preparazione agli esami di certificazione.',
      'Attività di conversazione, uscite didattiche nel quartiere, orientamento ai servizi della città.',
    ],
    recipients: ['Adulti stranieri, assistenti familiari, genitori di origine straniera.', 'Chi vuole migliorare il proprio italiano per lavoro.'],
  },
  scuola_piu: {
    summary: [
      ['{tipo} con educatori e volontari: compiti, metodo di studio e tempo per giocare.', '{tipoEn} with educators and volunteers: homework, study skills and time to play.'],
      ['Pomeriggi di studio in un ambiente accogliente a {quartiere}, in piccoli gruppi.', 'Study afternoons in a welcoming place in {quartiere}, in small groups.'],
    ],
    need: [
      'Molti ragazzi non hanno a casa un adulto che possa seguirli nei compiti, e le difficoltà scolastiche rischiano di trasformarsi in abbandono.',
      'I genitori che lavorano cercano un luogo sicuro e stimolante per i figli nel pomeriggio.',
    ],
    solution: [
      'Gruppi per età con un educatore ogni otto ragazzi, colloqui con i genitori a inizio e metà anno, contatti con gli insegnanti.',
      'Calendario che segue l’anno scolastico, con iscrizione mensile e possibilità di frequenza per due o più pomeriggi.',
    ],
    activities: [
      'Aiuto nei compiti, metodo di studio, attività di lettura, giochi di gruppo, merenda.',
      'Tutoraggio individuale, uso di strumenti compensativi, laboratori di lingua.',
    ],
    recipients: ['Bambini della scuola primaria e ragazzi della secondaria di primo grado.', 'Ragazzi con difficoltà scolastiche o DSA e le loro famiglie.'],
  },
  sport: {
    summary: [
      ['{tipo} per crescere in movimento, divertirsi e stare in gruppo.', '{tipoEn} to grow up active, have fun and be part of a team.'],
      ['Istruttori qualificati e quote accessibili, con riduzioni per fratelli.', 'Qualified coaches and affordable fees, with discounts for siblings.'],
    ],
    need: [
      'Lo sport è importante per la salute e le relazioni, ma i costi e la distanza delle strutture tengono lontani molti ragazzi.',
      'I più piccoli hanno bisogno di attività motorie adatte alla loro età, in un clima sereno.',
    ],
    solution: [
      'Corsi settimanali da ottobre a maggio, con una lezione di prova gratuita e certificato medico non agonistico.',
      'Gruppi per fasce d’età e livello, con attenzione all’inclusione di bambini con disabilità.',
    ],
    activities: ['Allenamenti, giochi motori, tornei interni, festa di fine anno.', 'Attività psicomotorie, giochi di equilibrio e coordinazione, momenti con i genitori.'],
    recipients: ['Bambini e ragazzi dai 3 ai 17 anni.', 'Bambini della scuola dell’infanzia e primaria.'],
  },
  salute: {
    summary: [
      ['{tipo} con professionisti dell’età evolutiva, in uno spazio pensato per bambini e ragazzi.', '{tipoEn} with child-development professionals, in a space designed for children and teenagers.'],
      ['Prevenzione e cura per i più giovani, con tempi di attesa brevi.', 'Prevention and care for young people, with short waiting times.'],
    ],
    need: [
      'Le famiglie attendono spesso mesi per una valutazione o un trattamento per i propri figli.',
      'Adolescenti e genitori cercano un punto di ascolto competente su temi di salute e benessere.',
    ],
    solution: [
      'Una prima valutazione, un progetto di trattamento condiviso con i genitori e verifiche periodiche.',
      'Incontri individuali e di gruppo, anche nelle scuole, con materiali per le famiglie.',
    ],
    activities: ['Valutazione, trattamento, colloqui con i genitori, raccordo con pediatra e scuola.', 'Incontri di educazione alla salute, sportello di ascolto, laboratori.'],
    recipients: ['Bambini, ragazzi e loro genitori.', 'Famiglie con figli in età scolare.'],
  },
  arte: {
    summary: [
      ['{tipo}: creatività, espressione e amicizie nuove, con artisti ed educatori.', '{tipoEn}: creativity, self-expression and new friends, with artists and educators.'],
      ['Laboratori settimanali a {quartiere} con spettacolo o mostra finale.', 'Weekly workshops in {quartiere} ending with a show or an exhibition.'],
    ],
    need: [
      'Le attività artistiche aiutano bambini e ragazzi a esprimersi e a stare bene con gli altri, ma l’offerta è spesso lontana o costosa.',
      'Molti ragazzi del quartiere non hanno occasioni di incontrare la cultura della città.',
    ],
    solution: [
      'Gruppi piccoli per età, calendario sull’anno scolastico, quote ridotte per chi ne ha bisogno.',
      'Percorsi che si chiudono con un evento aperto alle famiglie e al quartiere.',
    ],
    activities: ['Esercizi di espressione, prove, costruzione di scene e costumi, spettacolo finale.', 'Tecniche di disegno e pittura, visite a musei, mostra dei lavori.'],
    recipients: ['Bambini dai 6 anni e ragazzi fino ai 17.', 'Ragazzi e ragazze del quartiere.'],
  },
  stem: {
    summary: [
      ['{tipo}: imparare facendo, con laboratori pratici e tanta curiosità.', '{tipoEn}: learning by doing, with hands-on workshops and lots of curiosity.'],
      ['Laboratori per scoprire scienza e tecnologia, aperti anche a chi parte da zero.', 'Workshops to discover science and technology, open to complete beginners.'],
    ],
    need: [
      'Le competenze scientifiche e digitali sono sempre più importanti, ma non tutti i ragazzi hanno occasioni per sperimentarle.',
      'Le ragazze sono ancora poche nei percorsi tecnico-scientifici: servono esperienze positive fin da piccole.',
    ],
    solution: [
      'Cicli di otto o dieci incontri con materiali forniti, in gruppi misti e piccoli.',
      'Laboratori con tutor universitari e volontari, con un progetto finale da presentare alle famiglie.',
    ],
    activities: ['Programmazione a blocchi, costruzione di robot, esperimenti, osservazioni.', 'Uscite nei parchi, cura dell’orto, laboratori di riciclo creativo.'],
    recipients: ['Bambini dagli 8 anni e ragazzi fino ai 16.', 'Ragazze e ragazzi curiosi di scienza e tecnologia.'],
  },
  inclusione: {
    summary: [
      ['{tipo}: informazioni chiare e accompagnamento, con mediatori che parlano la tua lingua.', '{tipoEn}: clear information and support, with mediators who speak your language.'],
      ['Uno sportello gratuito {zona} per conoscere diritti, servizi e passi da fare.', 'A free desk {zonaEn} to learn about rights, services and the steps to take.'],
      ['Accoglienza e orientamento su appuntamento, anche online, in più lingue.', 'Welcome and guidance by appointment, also online, in several languages.'],
    ],
    need: [
      'Chi arriva a Milano deve orientarsi tra procedure, documenti e servizi in una lingua che spesso non conosce ancora bene.',
      'Le famiglie con background migratorio incontrano ostacoli nell’accesso a scuola, salute, casa e lavoro.',
      'Procedure complesse come il ricongiungimento familiare o il rinnovo dei documenti richiedono informazioni corrette e aggiornate.',
    ],
    solution: [
      'Colloquio di accoglienza, analisi della situazione e piano di azioni concordato, con appuntamenti di verifica.',
      'Informazioni e orientamento, supporto nella preparazione dei documenti e invio ai servizi competenti della città.',
      'Percorsi individuali e incontri di gruppo, con mediatori linguistico-culturali.',
    ],
    activities: [
      'Ascolto, informazione, verifica dei documenti, compilazione di moduli, prenotazioni, accompagnamento agli uffici.',
      'Orientamento ai corsi di lingua, alla scuola e ai servizi per il tempo libero; mediazione linguistica nei colloqui.',
      'Consulenza su diritti e procedure, raccordo con servizi sociali, scuole e servizi sanitari.',
    ],
    recipients: ['Cittadine e cittadini stranieri, neo-arrivati o residenti, e le loro famiglie.', 'Ragazzi e ragazze di origine straniera e i loro genitori.'],
  },
  educazione_finanziaria: {
    summary: [
      ['{tipo} con educatori finanziari abilitati del Terzo settore, gratuito.', '{tipoEn} with qualified third-sector financial educators, free of charge.'],
      ['Proteggere il presente e progettare il futuro: un percorso gratuito, in presenza o a distanza.', 'Protect the present and plan the future: a free programme, in person or remote.'],
    ],
    need: [
      'Gestire entrate, spese, debiti e risparmi è sempre più complesso; molte famiglie non sanno a chi chiedere un consiglio indipendente.',
      'Imprevisti, rate e scelte importanti (casa, studio dei figli, pensione) mettono in difficoltà anche chi ha un reddito stabile.',
    ],
    solution: [
      'Incontri di gruppo di due ore per riflettere sui temi principali, seguiti se si vuole da incontri individuali con un report scritto finale.',
      'Accompagnamento individuale, anche continuativo, per risolvere problemi concreti e fissare obiettivi raggiungibili.',
    ],
    activities: [
      'Analisi del bilancio familiare, piano di rientro dai debiti, pianificazione degli obiettivi, report scritto con quanto fatto e consigliato.',
      'Conduzione di incontri pubblici, esercizi pratici, materiali di approfondimento, colloqui individuali.',
    ],
    recipients: ['Famiglie, lavoratori, pensionati, giovani.', 'Chiunque voglia gestire meglio le proprie risorse economiche.'],
  },
  tate_colf_badanti: {
    summary: [
      ['{tipo}: selezioniamo per te persone referenziate e ti aiutiamo con il contratto.', '{tipoEn}: we select people with references for you and help with the contract.'],
      ['Incontro tra famiglia e lavoratore {zona}, con colloqui, prova e sostituzioni.', 'Matching family and worker {zonaEn}, with interviews, trial period and replacements.'],
      ['Trovare la persona giusta per la tua casa, con un referente che segue l’inserimento.', 'Finding the right person for your home, with a contact person following the start.'],
    ],
    need: [
      'Trovare una persona affidabile a cui aprire la porta di casa è una delle preoccupazioni più grandi delle famiglie.',
      'Le famiglie hanno bisogno di sapere quanto costerà davvero un aiuto in casa e come regolarizzarlo.',
    ],
    solution: [
      'Colloquio con la famiglia, ricerca tra candidati già conosciuti, presentazione di due o tre profili, periodo di prova accompagnato.',
      'Dopo l’inserimento restiamo il riferimento della famiglia e del lavoratore per dubbi, sostituzioni e rinnovi.',
    ],
    activities: [
      'Selezione, verifica delle referenze, colloqui, supporto alla scelta, assistenza nella stipula del contratto, monitoraggio.',
      'Cura della persona o dei bambini, pulizie, preparazione dei pasti, secondo il profilo concordato.',
    ],
    recipients: ['Famiglie con bambini, anziani o persone non autosufficienti.', 'Famiglie che cercano un aiuto domestico regolare.'],
  },
};

/** Extra sentences appended to the card text, to vary it further. */
export const NEED_TAILS = [
  'Nel {quartiere} lo registriamo ogni giorno al nostro sportello.',
  'Le richieste che riceviamo dal territorio sono in crescita costante.',
  'È quanto emerge anche dai colloqui con le famiglie che si rivolgono agli Spazi WeMi.',
  'Spesso la richiesta arriva all’improvviso, quando la famiglia è già in difficoltà.',
  '',
  '',
];

export const SOLUTION_TAILS = {
  individual: [
    'Il servizio è personale: lo stesso operatore segue la persona per tutta la durata.',
    'Ogni intervento è registrato e la famiglia può chiedere un resoconto in qualsiasi momento.',
  ],
  shared: [
    'Il servizio si svolge in piccolo gruppo: condividere riduce i costi e crea nuove relazioni.',
    'Gli incontri sono di gruppo; su richiesta è possibile un colloquio individuale.',
  ],
  both: [
    'È possibile scegliere tra la forma individuale e quella condivisa con altre famiglie, con tariffe diverse.',
    'Chi lo desidera può condividere il servizio con vicini o conoscenti e pagare meno.',
  ],
};

export const ACTIVITY_TAILS = [
  'Il coordinatore del servizio verifica periodicamente l’andamento con la persona e la famiglia.',
  'Tutto il personale partecipa a una formazione annuale e a incontri di supervisione.',
  'In caso di assenza dell’operatore garantiamo la sostituzione entro 24 ore.',
  '',
];

export const QUALIFICATIONS: Record<string, string[]> = {
  servizi_socio_assistenziali: ['ASA (ausiliario socio-assistenziale)', 'OSS (operatore socio-sanitario)', 'Assistente familiare con attestato regionale'],
  assistenza_sanitaria: ['Infermiere', 'Fisioterapista', 'OSS (operatore socio-sanitario)'],
  servizi_educativi: ['Educatore professionale', 'Laurea in Scienze dell’educazione', 'Baby-sitter con corso di primo soccorso pediatrico'],
  servizi_psicologici: ['Psicologo iscritto all’Ordine', 'Psicoterapeuta', 'Counselor'],
  accompagnamento_trasporto: ['Autista con patente B e formazione specifica', 'ASA (ausiliario socio-assistenziale)'],
  servizi_estetici: ['Parrucchiere qualificato', 'Podologo', 'Estetista'],
  piccole_commissioni: ['Operatore dei servizi di prossimità', 'Volontario formato'],
  pasti_domicilio: ['Cuoco', 'Dietista', 'Addetto alla consegna con HACCP'],
  cura_animali: ['Educatore cinofilo', 'Operatore con corso di pet sitting'],
  piccole_manutenzioni: ['Manutentore edile', 'Elettricista', 'Idraulico'],
  disbrigo_pratiche: ['Operatore di sportello', 'Facilitatore digitale', 'Consulente CAF'],
  gestione_lavoro_domestico: ['Consulente del lavoro', 'Operatore paghe'],
  corsi_lingua_italiana: ['Docente certificato DITALS', 'Insegnante di italiano L2'],
  zero_diciotto: ['Educatore professionale', 'Istruttore sportivo', 'Artista-educatore', 'Logopedista', 'Animatore scientifico'],
  inclusione: ['Mediatore linguistico-culturale', 'Assistente sociale', 'Avvocato', 'Insegnante di italiano L2'],
  educazione_finanziaria: ['Educatore finanziario certificato', 'Coach di educazione finanziaria'],
  tate_colf_badanti: ['Selezionatore del personale', 'Assistente familiare', 'Baby-sitter', 'Colf'],
};
