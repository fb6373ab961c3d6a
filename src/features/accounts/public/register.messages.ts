import { defineMessages } from '../../../i18n/define';

// Messages of the citizens' self-registration (page, answer, e-mail to an address that already has an
// account). Italian first, English complete. The password rules and their messages are the e-mail link
// flows' (links.*), shared with the reset and invitation forms.
export const messages = defineMessages(
  {
    'register.title': 'Registrati',
    'register.lead': 'Crea il tuo account WeMi con indirizzo e-mail e password, per chiedere servizi e seguire le tue richieste.',
    'register.crumb.login': 'Accedi',
    'register.spid.title': 'Hai SPID o CIE?',
    'register.spid.body': 'Non serve registrarti: accedi con la tua identità digitale e il tuo account è pronto.',
    'register.spid.link': 'Accedi con SPID o CIE',
    'register.givenName': 'Nome',
    'register.familyName': 'Cognome',
    'register.email': 'Indirizzo e-mail',
    'register.emailHint': "Ti invieremo un link per confermarlo, per esempio nome@esempio.it",
    'register.password': 'Password',
    'register.passwordHint': 'Almeno 12 caratteri, non solo lettere, senza il tuo nome o il tuo indirizzo e-mail.',
    'register.passwordConfirm': 'Ripeti la password',
    'register.privacyLink': "Leggi l'informativa sul trattamento dei dati personali",
    'register.privacy': "Dichiaro di aver letto l'informativa sul trattamento dei dati personali (versione {version})",
    'register.submit': "Crea l'account",
    'register.haveAccount': 'Hai già un account?',
    'register.login': 'Accedi',
    'register.error.givenNameRequired': 'Inserisci il tuo nome',
    'register.error.familyNameRequired': 'Inserisci il tuo cognome',
    'register.error.nameTooLong': 'Il testo è troppo lungo (massimo {max} caratteri)',
    'register.error.emailRequired': "Inserisci l'indirizzo e-mail",
    'register.error.emailFormat': 'Inserisci un indirizzo e-mail nel formato corretto, come nome@esempio.it',
    'register.error.privacyRequired': "Per creare l'account devi dichiarare di aver letto l'informativa privacy",
    'register.locked': 'Ci sono state troppe richieste di registrazione in poco tempo. Per sicurezza attendi {minutes} minuti e riprova.',
    'register.lockedOne': 'Ci sono state troppe richieste di registrazione in poco tempo. Per sicurezza attendi 1 minuto e riprova.',

    // The one answer, whether or not the address already has an account.
    'register.sent.title': 'Controlla la tua casella di posta',
    'register.sent.body':
      "Ti abbiamo scritto all'indirizzo che hai indicato. Se stai creando un nuovo account, apri il link nell'e-mail entro {hours} ore per confermare l'indirizzo: poi potrai accedere con e-mail e password.",
    'register.sent.help':
      "Se non ricevi l'e-mail entro qualche minuto, controlla la cartella della posta indesiderata e che l'indirizzo sia scritto correttamente. Se con quell'indirizzo hai già un account, l'e-mail ti spiega come accedere o reimpostare la password.",
    'register.sent.login': 'Vai alla pagina di accesso',

    // E-mail to an address that already has an account.
    'register.mail.exists.subject': 'WeMi: hai già un account',
    'register.mail.exists.intro':
      "qualcuno, forse tu, ha chiesto di creare un account WeMi con l'indirizzo {email}. Con questo indirizzo esiste già un account: non ne abbiamo creato un altro e il tuo account non è cambiato.",
    'register.mail.exists.login': 'Per accedere apri questa pagina:',
    'register.mail.exists.reset': 'Se non ricordi la password, o non ne hai ancora una, puoi sceglierne una nuova da qui:',
    'register.mail.exists.notYou': 'Se non hai chiesto tu di registrarti, ignora questo messaggio.',
  },
  {
    'register.title': 'Sign up',
    'register.lead': 'Create your WeMi account with an e-mail address and a password, to ask for services and follow your requests.',
    'register.crumb.login': 'Log in',
    'register.spid.title': 'Do you have SPID or CIE?',
    'register.spid.body': 'You do not need to sign up: log in with your digital identity and your account is ready.',
    'register.spid.link': 'Log in with SPID or CIE',
    'register.givenName': 'Given name',
    'register.familyName': 'Family name',
    'register.email': 'E-mail address',
    'register.emailHint': 'We will send you a link to confirm it, for example name@example.com',
    'register.password': 'Password',
    'register.passwordHint': 'At least 12 characters, not only letters, without your name or your e-mail address.',
    'register.passwordConfirm': 'Repeat the password',
    'register.privacyLink': 'Read the notice on the processing of personal data',
    'register.privacy': 'I declare that I read the notice on the processing of personal data (version {version})',
    'register.submit': 'Create the account',
    'register.haveAccount': 'Do you already have an account?',
    'register.login': 'Log in',
    'register.error.givenNameRequired': 'Enter your given name',
    'register.error.familyNameRequired': 'Enter your family name',
    'register.error.nameTooLong': 'The text is too long (at most {max} characters)',
    'register.error.emailRequired': 'Enter the e-mail address',
    'register.error.emailFormat': 'Enter an e-mail address in the correct format, like name@example.com',
    'register.error.privacyRequired': 'To create the account you must declare that you read the privacy notice',
    'register.locked': 'There were too many sign-up requests in a short time. For your security, wait {minutes} minutes and try again.',
    'register.lockedOne': 'There were too many sign-up requests in a short time. For your security, wait 1 minute and try again.',

    'register.sent.title': 'Check your mailbox',
    'register.sent.body':
      'We wrote to the address you gave. If you are creating a new account, open the link in the e-mail within {hours} hours to confirm the address: then you can log in with e-mail and password.',
    'register.sent.help':
      'If the e-mail does not arrive within a few minutes, check your spam folder and that the address is spelt correctly. If you already have an account with that address, the e-mail explains how to log in or reset the password.',
    'register.sent.login': 'Go to the login page',

    'register.mail.exists.subject': 'WeMi: you already have an account',
    'register.mail.exists.intro':
      'someone, perhaps you, asked to create a WeMi account with the address {email}. An account with this address already exists: we did not create another one and your account has not changed.',
    'register.mail.exists.login': 'To log in open this page:',
    'register.mail.exists.reset': 'If you do not remember the password, or do not have one yet, you can choose a new one here:',
    'register.mail.exists.notYou': 'If you did not ask to sign up, ignore this message.',
  },
);
