import { defineMessages } from '../../../i18n/define';

// Login with SPID and CIE through the City's identity gateway (OpenID Connect): the pages shown when the
// login cannot start or cannot finish.

export const messages = defineMessages(
  {
    'oidc.method.spid': 'SPID',
    'oidc.method.cie': 'CIE',
    'oidc.unavailable.title': 'Accesso con {method} non disponibile',
    'oidc.unavailable.body':
      "In questo momento non è possibile accedere con SPID o CIE: il servizio di identità digitale del Comune non è raggiungibile o non è configurato. Riprova tra qualche minuto; se il problema continua chiama lo 02.02.02.",
    'oidc.failed.title': 'Accesso non riuscito',
    'oidc.failed.expired':
      "Il collegamento per completare l'accesso non è valido, è scaduto oppure è già stato usato. Ricomincia l'accesso dalla pagina Accedi.",
    'oidc.failed.cancelled': "Hai annullato l'accesso con {method}. Puoi riprovare quando vuoi.",
    'oidc.failed.gateway':
      "Il servizio di identità digitale non ha completato l'accesso con {method}. Riprova tra qualche minuto; se il problema continua chiama lo 02.02.02.",
    'oidc.failed.identity':
      "Il servizio di identità digitale non ha comunicato un codice fiscale valido, quindi non possiamo riconoscerti. Riprova con un'altra identità digitale o chiama lo 02.02.02.",
    'oidc.refused.title': 'Accesso non consentito',
    'oidc.refused.suspended':
      "Il tuo account WeMi è sospeso e non puoi accedere. Per informazioni scrivi a wemi@comune.milano.it o chiama lo 02.02.02.",
    'oidc.refused.deleted':
      "L'account WeMi legato a questa identità digitale è stato eliminato. Per riattivarlo scrivi a wemi@comune.milano.it o chiama lo 02.02.02.",
    'oidc.refused.invited':
      "Per questa identità digitale c'è un invito ancora da accettare. Apri il collegamento che hai ricevuto per e-mail e completa l'attivazione.",
    'oidc.backToLogin': 'Torna alla pagina di accesso',
  },
  {
    'oidc.method.spid': 'SPID',
    'oidc.method.cie': 'CIE',
    'oidc.unavailable.title': 'Login with {method} not available',
    'oidc.unavailable.body':
      "Logging in with SPID or CIE is not possible right now: the City's digital identity service cannot be reached or is not configured. Try again in a few minutes; if the problem persists call 02.02.02.",
    'oidc.failed.title': 'Login failed',
    'oidc.failed.expired':
      'The link to complete the login is not valid, has expired or has already been used. Start the login again from the Log in page.',
    'oidc.failed.cancelled': 'You cancelled the login with {method}. You can try again whenever you like.',
    'oidc.failed.gateway':
      'The digital identity service did not complete the login with {method}. Try again in a few minutes; if the problem persists call 02.02.02.',
    'oidc.failed.identity':
      'The digital identity service did not provide a valid tax code (codice fiscale), so we cannot recognise you. Try again with another digital identity or call 02.02.02.',
    'oidc.refused.title': 'Access not allowed',
    'oidc.refused.suspended':
      'Your WeMi account is suspended and you cannot log in. For information write to wemi@comune.milano.it or call 02.02.02.',
    'oidc.refused.deleted':
      'The WeMi account linked to this digital identity has been deleted. To reactivate it write to wemi@comune.milano.it or call 02.02.02.',
    'oidc.refused.invited':
      'There is an invitation still to accept for this digital identity. Open the link you received by e-mail and complete the activation.',
    'oidc.backToLogin': 'Back to the log in page',
  },
);
