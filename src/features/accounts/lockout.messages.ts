import { defineMessages } from '../../i18n/define';

// The login lockout (lockout.service.ts): the unlock link (page and e-mail), the notice on the login form, the
// e-mail to the owner of an account under attack and the alert to the City. Nothing on a page says whether an
// account exists.
export const messages = defineMessages(
  {
    // On the login form, under every lock (whether or not the account exists).
    'lockout.login.title': 'Devi entrare subito?',
    'lockout.login.body': "Se è il tuo account, possiamo inviarti via e-mail un link che sblocca l'accesso da questo browser: dai browser con cui sei già entrato in WeMi puoi accedere come sempre.",
    'lockout.login.link': "Ricevi il link per sbloccare l'accesso",
    'lockout.login.unlocked': "Accesso sbloccato su questo browser: ora puoi entrare con la tua password.",

    // Ask for the link.
    'lockout.request.title': "Sblocca l'accesso",
    'lockout.request.lead': "Dopo troppi tentativi non riusciti l'accesso con la password può essere sospeso per qualche minuto. Inserisci l'indirizzo e-mail del tuo account: ti invieremo un link che sblocca l'accesso dal browser in cui lo apri.",
    'lockout.request.email': 'Indirizzo e-mail',
    'lockout.request.emailHint': "L'indirizzo con cui accedi a WeMi, per esempio nome@esempio.it",
    'lockout.request.submit': 'Invia il link',
    'lockout.request.forgot': 'Non ricordi la password? Reimpostala',
    'lockout.request.locked': 'Hai chiesto troppi link in poco tempo. Per sicurezza attendi {minutes} minuti e riprova.',
    'lockout.request.lockedOne': 'Hai chiesto troppi link in poco tempo. Per sicurezza attendi 1 minuto e riprova.',
    'lockout.sent.title': 'Controlla la tua e-mail',
    'lockout.sent.body': "Se l'indirizzo corrisponde a un account, riceverai un'e-mail con il link per sbloccare l'accesso. Il link vale {minutes} minuti e si può usare una sola volta.",
    'lockout.sent.help': "Apri il link nel browser da cui vuoi entrare: l'accesso sarà sbloccato solo lì. Se l'e-mail non arriva entro qualche minuto, controlla la posta indesiderata.",
    'lockout.sent.again': 'Chiedi un nuovo link',

    // The link.
    'lockout.link.title': "Sblocca l'accesso da questo browser",
    'lockout.link.lead': "Stai sbloccando l'accesso all'account {email} da questo browser. Poi entrerai con la tua password, come sempre.",
    'lockout.link.note': "Gli altri browser restano protetti: chi prova a indovinare la password da lì continua a essere fermato.",
    'lockout.link.submit': "Sblocca l'accesso",
    'lockout.problem.next': 'Chiedi un nuovo link di sblocco',

    // E-mails.
    'lockout.unlock.validity': 'Il link vale {minutes} minuti (fino al {expires}) e si può usare una sola volta.',
    'lockout.unlock.mail.subject': "WeMi: sblocca l'accesso al tuo account",
    'lockout.unlock.mail.intro': "abbiamo ricevuto la richiesta di sbloccare l'accesso al tuo account WeMi ({email}).",
    'lockout.unlock.mail.action': "Apri questo link nel browser da cui vuoi entrare: l'accesso con la password sarà sbloccato solo in quel browser.",
    'lockout.unlock.mail.ignore': "Se non hai chiesto tu lo sblocco, ignora questo messaggio: senza il link nessuno può sbloccare l'accesso.",
    'lockout.owner.subject': 'WeMi: tentativi di accesso al tuo account',
    'lockout.owner.intro':
      "abbiamo registrato molti tentativi non riusciti di entrare nel tuo account WeMi ({email}) con una password sbagliata. Per sicurezza, per {minutes} minuti l'accesso con la password è sospeso dai browser che non hai mai usato per entrare in WeMi; dai browser con cui sei già entrato puoi accedere come sempre.",
    'lockout.owner.action': "Se devi entrare da un altro browser, apri questo link in quel browser: sblocca l'accesso solo lì.",
    'lockout.owner.notYou': 'Se non sei stato tu, non devi fare nulla: la password non è stata indovinata. Se pensi che qualcuno la conosca, cambiala da qui:',
    'lockout.alert.subjectAccount': 'WeMi: serie di accessi non riusciti su un account',
    'lockout.alert.subjectIp': 'WeMi: serie di accessi non riusciti da un indirizzo IP',
    'lockout.alert.account':
      "sono stati registrati {failures} tentativi di accesso non riusciti per l'indirizzo {account} ({exists}) nell'ultima ora; l'ultimo dall'indirizzo IP {ip}. L'accesso con la password a questo account è sospeso per {minutes} minuti dai browser che non vi sono mai entrati.",
    'lockout.alert.ip':
      "sono stati registrati {failures} tentativi di accesso non riusciti in {window} minuti dall'indirizzo IP {ip}, su uno o più account. I tentativi con la password da questo indirizzo sono sospesi per {minutes} minuti, tranne che dai browser già entrati nell'account.",
    'lockout.alert.activeAccount': 'account WeMi attivo',
    'lockout.alert.inactiveAccount': 'account WeMi non attivo',
    'lockout.alert.noAccount': 'nessun account WeMi ha questo indirizzo',
    'lockout.alert.how': "Chi è già entrato da un browser continua a entrare; il titolare di un account attivo ha ricevuto un link per sbloccare l'accesso da un altro browser.",
    'lockout.alert.audit': 'Ogni tentativo è nel registro delle attività:',
    'lockout.alert.once': 'Ricevi un solo avviso per ogni serie di tentativi.',
  },
  {
    'lockout.login.title': 'Do you need to log in now?',
    'lockout.login.body': 'If this is your account, we can e-mail you a link that unlocks logging in from this browser: from the browsers you already logged in to WeMi with, you can log in as usual.',
    'lockout.login.link': 'Get the link to unlock logging in',
    'lockout.login.unlocked': 'Logging in is unlocked on this browser: you can now log in with your password.',

    'lockout.request.title': 'Unlock logging in',
    'lockout.request.lead': 'After too many failed attempts, logging in with the password may be suspended for a few minutes. Enter the e-mail address of your account: we will send you a link that unlocks logging in from the browser you open it in.',
    'lockout.request.email': 'E-mail address',
    'lockout.request.emailHint': 'The address you log in to WeMi with, for example name@example.com',
    'lockout.request.submit': 'Send the link',
    'lockout.request.forgot': 'Forgot your password? Reset it',
    'lockout.request.locked': 'You asked for too many links in a short time. For your security, wait {minutes} minutes and try again.',
    'lockout.request.lockedOne': 'You asked for too many links in a short time. For your security, wait 1 minute and try again.',
    'lockout.sent.title': 'Check your e-mail',
    'lockout.sent.body': 'If the address matches an account, you will receive an e-mail with the link to unlock logging in. The link is valid for {minutes} minutes and can be used only once.',
    'lockout.sent.help': 'Open the link in the browser you want to log in from: logging in is unlocked only there. If the e-mail does not arrive within a few minutes, check your spam folder.',
    'lockout.sent.again': 'Ask for a new link',

    'lockout.link.title': 'Unlock logging in from this browser',
    'lockout.link.lead': 'You are unlocking logging in to the account {email} from this browser. Then you will log in with your password, as usual.',
    'lockout.link.note': 'Other browsers stay protected: whoever tries to guess the password from there is still stopped.',
    'lockout.link.submit': 'Unlock logging in',
    'lockout.problem.next': 'Ask for a new unlock link',

    'lockout.unlock.validity': 'The link is valid for {minutes} minutes (until {expires}) and can be used only once.',
    'lockout.unlock.mail.subject': 'WeMi: unlock logging in to your account',
    'lockout.unlock.mail.intro': 'we received a request to unlock logging in to your WeMi account ({email}).',
    'lockout.unlock.mail.action': 'Open this link in the browser you want to log in from: logging in with the password is unlocked only in that browser.',
    'lockout.unlock.mail.ignore': 'If you did not ask for this, ignore this message: without the link nobody can unlock logging in.',
    'lockout.owner.subject': 'WeMi: attempts to log in to your account',
    'lockout.owner.intro':
      'we recorded many failed attempts to log in to your WeMi account ({email}) with a wrong password. For your security, for {minutes} minutes logging in with the password is suspended from the browsers you never used to log in to WeMi; from the browsers you already logged in with you can log in as usual.',
    'lockout.owner.action': 'If you need to log in from another browser, open this link in that browser: it unlocks logging in only there.',
    'lockout.owner.notYou': 'If it was not you, you need not do anything: the password was not guessed. If you think someone knows it, change it here:',
    'lockout.alert.subjectAccount': 'WeMi: burst of failed logins on one account',
    'lockout.alert.subjectIp': 'WeMi: burst of failed logins from one IP address',
    'lockout.alert.account':
      'there were {failures} failed login attempts for the address {account} ({exists}) in the last hour; the last one from the IP address {ip}. Logging in to this account with the password is suspended for {minutes} minutes from the browsers that never logged in to it.',
    'lockout.alert.ip':
      'there were {failures} failed login attempts in {window} minutes from the IP address {ip}, on one or more accounts. Attempts with a password from this address are suspended for {minutes} minutes, except from browsers that already logged in to the account.',
    'lockout.alert.activeAccount': 'an active WeMi account',
    'lockout.alert.inactiveAccount': 'a WeMi account that is not active',
    'lockout.alert.noAccount': 'no WeMi account has this address',
    'lockout.alert.how': 'Whoever already logged in from a browser keeps logging in; the owner of an active account received a link to unlock logging in from another browser.',
    'lockout.alert.audit': 'Every attempt is in the audit log:',
    'lockout.alert.once': 'You receive one alert for each burst of attempts.',
  },
);
