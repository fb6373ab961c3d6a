import type { Locale } from '../i18n/i18n';

// The catalogue of audit actions: every code the application writes to the audit log (src/lib/audit.ts), with
// the area it belongs to and its label in Italian and English, for the City's audit log (the action filter,
// grouped by area, and the table). `AuditEntry.action` is typed with these codes, so a new code does not compile
// until it is added here; test/routes/backoffice-usability.test.ts also reads the sources and checks that every
// code written anywhere in src has its label.

/** The areas of the action filter, in the order the select shows them. */
export const AUDIT_AREAS = {
  access: { it: 'Accessi e sicurezza', en: 'Logins and security' },
  users: { it: 'Utenti e ruoli', en: 'Users and roles' },
  personal: { it: 'Area personale e dati', en: 'Personal area and data' },
  applications: { it: 'Domande di adesione', en: 'Applications to join' },
  ente: { it: 'Scheda ente e operatori', en: 'Organisation card and operators' },
  cards: { it: 'Schede servizio', en: 'Service cards' },
  catalogue: { it: 'Catalogo, tassonomie ed enti', en: 'Catalogue, taxonomy and organisations' },
  spazi: { it: 'Spazi WeMi', en: 'Spazi WeMi' },
  requests: { it: 'Richieste, conversazioni e reclami', en: 'Requests, conversations and complaints' },
  reviews: { it: 'Recensioni', en: 'Reviews' },
  system: { it: 'Sito e sistema', en: 'Site and system' },
} as const satisfies Record<string, Record<Locale, string>>;

export type AuditArea = keyof typeof AUDIT_AREAS;

interface ActionDef {
  area: AuditArea;
  it: string;
  en: string;
}

export const AUDIT_ACTIONS = {
  // Logins and security
  'auth.login': { area: 'access', it: 'Accesso', en: 'Login' },
  'auth.login.first_factor': { area: 'access', it: 'Password corretta, in attesa del secondo fattore', en: 'Password accepted, second factor pending' },
  'auth.login.failure': { area: 'access', it: 'Accesso non riuscito', en: 'Failed login' },
  'auth.login.locked': { area: 'access', it: 'Accesso bloccato dopo troppi tentativi', en: 'Login locked after too many attempts' },
  'auth.login.refused': { area: 'access', it: 'Accesso rifiutato', en: 'Login refused' },
  'auth.login.burst': { area: 'access', it: 'Serie di accessi non riusciti (avviso inviato)', en: 'Burst of failed logins (alert sent)' },
  'auth.unlock.request': { area: 'access', it: "Richiesta del link per sbloccare l'accesso", en: 'Unlock link requested' },
  'auth.unlock.locked': { area: 'access', it: 'Richieste del link di sblocco bloccate dopo troppi tentativi', en: 'Unlock link requests locked after too many attempts' },
  'auth.unlock.use': { area: 'access', it: 'Accesso sbloccato con il link ricevuto via e-mail', en: 'Login unlocked with the e-mailed link' },
  'auth.mfa': { area: 'access', it: 'Verifica in due passaggi', en: 'Two-step verification' },
  'auth.mfa.failure': { area: 'access', it: 'Codice di verifica errato', en: 'Wrong verification code' },
  'auth.mfa.enrol': { area: 'access', it: 'Verifica in due passaggi attivata', en: 'Two-step verification turned on' },
  'auth.mfa.enrol.start': { area: 'access', it: 'Attivazione della verifica in due passaggi iniziata', en: 'Two-step verification set-up started' },
  'auth.mfa.reenrol': { area: 'access', it: 'Verifica in due passaggi configurata di nuovo', en: 'Two-step verification set up again' },
  'auth.mfa.disable': { area: 'access', it: 'Verifica in due passaggi disattivata', en: 'Two-step verification turned off' },
  'auth.recovery.use': { area: 'access', it: 'Codice di recupero usato', en: 'Recovery code used' },
  'auth.recovery.generate': { area: 'access', it: 'Codici di recupero generati', en: 'Recovery codes generated' },
  'auth.password.change': { area: 'access', it: 'Password cambiata', en: 'Password changed' },
  'auth.reauth.failure': { area: 'access', it: 'Conferma della password non riuscita', en: 'Password confirmation failed' },
  'auth.reauth.locked': { area: 'access', it: 'Conferma della password bloccata dopo troppi tentativi', en: 'Password confirmation locked after too many attempts' },
  'auth.logout': { area: 'access', it: 'Uscita', en: 'Logout' },
  'auth.logout.all': { area: 'access', it: 'Uscita da tutti i dispositivi', en: 'Logout from every device' },
  'auth.session.end': { area: 'access', it: 'Sessione chiusa su un altro dispositivo', en: 'Session ended on another device' },
  'auth.reset.request': { area: 'access', it: 'Richiesta di reimpostare la password', en: 'Password reset requested' },
  'auth.reset.complete': { area: 'access', it: 'Password reimpostata', en: 'Password reset' },
  'auth.reset.locked': { area: 'access', it: 'Richieste di reimpostazione bloccate dopo troppi tentativi', en: 'Password reset requests locked after too many attempts' },
  'auth.email.verified': { area: 'access', it: 'Indirizzo e-mail verificato', en: 'E-mail address verified' },
  'auth.invitation.accept': { area: 'access', it: 'Invito accettato', en: 'Invitation accepted' },
  'auth.register': { area: 'access', it: 'Registrazione', en: 'Registration' },
  'auth.register.invalid': { area: 'access', it: 'Registrazione con dati non validi', en: 'Registration with invalid data' },
  'auth.register.locked': { area: 'access', it: 'Registrazioni bloccate dopo troppi tentativi', en: 'Registrations locked after too many attempts' },
  // Users and roles
  'users.create': { area: 'users', it: 'Account creato al primo accesso con SPID o CIE', en: 'Account created at the first SPID or CIE login' },
  'users.invite': { area: 'users', it: 'Persona invitata', en: 'Person invited' },
  'users.role.grant': { area: 'users', it: 'Ruolo assegnato', en: 'Role granted' },
  'users.role.revoke': { area: 'users', it: 'Ruolo revocato', en: 'Role revoked' },
  'users.suspend': { area: 'users', it: 'Account sospeso', en: 'Account suspended' },
  'users.reactivate': { area: 'users', it: 'Account riattivato', en: 'Account reactivated' },
  'audit.view': { area: 'users', it: 'Registro attività consultato', en: 'Audit log viewed' },
  'audit.export': { area: 'users', it: 'Registro attività esportato in CSV', en: 'Audit log exported as CSV' },
  // Personal area and data
  'profile.update': { area: 'personal', it: 'Profilo modificato', en: 'Profile changed' },
  'privacy.accept': { area: 'personal', it: 'Informativa privacy accettata', en: 'Privacy notice accepted' },
  'notifications.update': { area: 'personal', it: 'Preferenze di notifica modificate', en: 'Notification settings changed' },
  'gdpr.export': { area: 'personal', it: 'Dati personali scaricati', en: 'Personal data downloaded' },
  'gdpr.delete': { area: 'personal', it: 'Account eliminato dalla persona', en: 'Account deleted by its owner' },
  // Applications to join
  'applications.create': { area: 'applications', it: 'Domanda creata', en: 'Application created' },
  'applications.save': { area: 'applications', it: 'Domanda salvata', en: 'Application saved' },
  'applications.document.read': { area: 'applications', it: 'Documento di una domanda aperto', en: 'Application document opened' },
  'applications.document.remove': { area: 'applications', it: 'Documento tolto da una domanda', en: 'Application document removed' },
  'applications.submit': { area: 'applications', it: 'Domanda inviata', en: 'Application sent' },
  'applications.resubmit': { area: 'applications', it: 'Domanda inviata di nuovo con le modifiche', en: 'Application sent again with changes' },
  'applications.take_review': { area: 'applications', it: 'Domanda presa in carico', en: 'Application taken for review' },
  'applications.request_changes': { area: 'applications', it: 'Modifiche chieste alla domanda', en: 'Changes requested on an application' },
  'applications.qualify': { area: 'applications', it: 'Ente qualificato', en: 'Organisation qualified' },
  'applications.reject': { area: 'applications', it: 'Domanda respinta', en: 'Application rejected' },
  // Organisation card and operators
  'ente.card.update': { area: 'ente', it: 'Scheda ente modificata', en: 'Organisation card changed' },
  'ente.document.upload': { area: 'ente', it: 'Documento pubblico dell’ente caricato', en: 'Organisation public document uploaded' },
  'ente.site.create': { area: 'ente', it: 'Sede aggiunta', en: 'Site added' },
  'ente.site.update': { area: 'ente', it: 'Sede modificata', en: 'Site changed' },
  'ente.site.delete': { area: 'ente', it: 'Sede rimossa', en: 'Site removed' },
  'ente.spazi.update': { area: 'ente', it: 'Spazi WeMi collegati modificati', en: 'Linked Spazi WeMi changed' },
  'ente.operator.invite': { area: 'ente', it: 'Operatore invitato', en: 'Operator invited' },
  'ente.operator.remove': { area: 'ente', it: 'Operatore rimosso', en: 'Operator removed' },
  'ente.card.revision.submit': { area: 'ente', it: 'Modifiche alla scheda ente inviate al Comune', en: 'Organisation card changes sent to the City' },
  'ente.card.revision.resubmit': { area: 'ente', it: 'Modifiche alla scheda ente inviate di nuovo', en: 'Organisation card changes sent again' },
  'ente.card.revision.update': { area: 'ente', it: 'Modifiche in attesa alla scheda ente aggiornate', en: 'Pending organisation card changes updated' },
  'ente.card.revision.withdraw': { area: 'ente', it: 'Modifiche alla scheda ente ritirate', en: 'Organisation card changes withdrawn' },
  'ente.card.revision.approve': { area: 'ente', it: 'Modifiche alla scheda ente approvate dal Comune', en: 'Organisation card changes approved by the City' },
  'ente.card.revision.request_changes': { area: 'ente', it: 'Modifiche alla scheda ente rimandate con note', en: 'Organisation card changes sent back with notes' },
  // Service cards
  'cards.create': { area: 'cards', it: 'Scheda servizio creata', en: 'Service card created' },
  'cards.revision.start': { area: 'cards', it: 'Revisione di una scheda avviata', en: 'Card revision started' },
  'cards.revision.edit': { area: 'cards', it: 'Revisione di una scheda modificata', en: 'Card revision edited' },
  'cards.revision.submit': { area: 'cards', it: 'Revisione inviata al Comune', en: 'Card revision sent to the City' },
  'cards.revision.approve': { area: 'cards', it: 'Revisione approvata', en: 'Card revision approved' },
  'cards.revision.request_changes': { area: 'cards', it: 'Revisione rimandata all’ente con note', en: 'Card revision sent back with notes' },
  'cards.revision.withdraw': { area: 'cards', it: 'Revisione ritirata dall’ente', en: 'Card revision withdrawn' },
  'cards.control.suspend': { area: 'cards', it: 'Scheda sospesa dal Comune', en: 'Card suspended by the City' },
  'cards.control.withdraw': { area: 'cards', it: 'Scheda ritirata dal Comune', en: 'Card withdrawn by the City' },
  'cards.control.reactivate': { area: 'cards', it: 'Scheda riattivata dal Comune', en: 'Card reactivated by the City' },
  'cards.control.offline': { area: 'cards', it: 'Scheda messa offline dall’ente', en: 'Card taken offline by the organisation' },
  'cards.control.online': { area: 'cards', it: 'Scheda rimessa online dall’ente', en: 'Card put back online by the organisation' },
  // Catalogue, taxonomy and organisations
  'catalogue.term.create': { area: 'catalogue', it: 'Termine della tassonomia aggiunto', en: 'Taxonomy term added' },
  'catalogue.term.update': { area: 'catalogue', it: 'Termine della tassonomia modificato', en: 'Taxonomy term changed' },
  'catalogue.term.deactivate': { area: 'catalogue', it: 'Termine della tassonomia disattivato', en: 'Taxonomy term deactivated' },
  'catalogue.term.reactivate': { area: 'catalogue', it: 'Termine della tassonomia riattivato', en: 'Taxonomy term reactivated' },
  'catalogue.concept.create': { area: 'catalogue', it: 'Concetto di ricerca aggiunto', en: 'Search concept added' },
  'catalogue.concept.update': { area: 'catalogue', it: 'Concetto di ricerca modificato', en: 'Search concept changed' },
  'catalogue.concept.delete': { area: 'catalogue', it: 'Concetto di ricerca eliminato', en: 'Search concept deleted' },
  'catalogue.ente.suspend': { area: 'catalogue', it: 'Ente sospeso', en: 'Organisation suspended' },
  'catalogue.ente.revoke': { area: 'catalogue', it: 'Ente revocato', en: 'Organisation revoked' },
  'catalogue.ente.reactivate': { area: 'catalogue', it: 'Ente riattivato', en: 'Organisation reactivated' },
  'catalogue.card.expire': { area: 'catalogue', it: 'Scheda tolta dal catalogo: listino scaduto', en: 'Card taken off the catalogue: price list expired' },
  // Spazi WeMi
  'spazi.hours.update': { area: 'spazi', it: 'Orari di uno Spazio WeMi modificati', en: 'Spazio WeMi opening hours changed' },
  'spazi.status.change': { area: 'spazi', it: 'Stato di uno Spazio WeMi cambiato', en: 'Spazio WeMi status changed' },
  'spazi.archive': { area: 'spazi', it: 'Spazio WeMi archiviato', en: 'Spazio WeMi archived' },
  'spazi.restore': { area: 'spazi', it: 'Spazio WeMi ripristinato', en: 'Spazio WeMi restored' },
  // Requests, conversations and complaints
  'request.draft': { area: 'requests', it: 'Bozza di richiesta creata', en: 'Request draft created' },
  'request.send': { area: 'requests', it: 'Richiesta inviata agli enti', en: 'Request sent to organisations' },
  'request.assign': { area: 'requests', it: 'Richiesta assegnata a un operatore', en: 'Request assigned to an operator' },
  'request.take': { area: 'requests', it: 'Richiesta presa in carico dall’ente', en: 'Request taken by the organisation' },
  'request.offer': { area: 'requests', it: 'Offerta inviata', en: 'Offer sent' },
  'request.decline': { area: 'requests', it: 'Richiesta rifiutata dall’ente', en: 'Request declined by the organisation' },
  'request.accept': { area: 'requests', it: 'Offerta accettata', en: 'Offer accepted' },
  'request.not_chosen': { area: 'requests', it: 'Offerta non scelta (accettata un’altra)', en: 'Offer not chosen (another was accepted)' },
  'request.withdraw': { area: 'requests', it: 'Richiesta ritirata dal cittadino', en: 'Request withdrawn by the citizen' },
  'request.start': { area: 'requests', it: 'Servizio avviato', en: 'Service started' },
  'request.complete': { area: 'requests', it: 'Servizio completato', en: 'Service completed' },
  'request.expire': { area: 'requests', it: 'Richiesta scaduta', en: 'Request expired' },
  'thread.message': { area: 'requests', it: 'Messaggio inviato', en: 'Message sent' },
  'thread.read_by_city': { area: 'requests', it: 'Conversazione letta dal Comune', en: 'Conversation read by the City' },
  'complaint.file': { area: 'requests', it: 'Reclamo presentato', en: 'Complaint filed' },
  'complaint.take': { area: 'requests', it: 'Reclamo preso in carico', en: 'Complaint taken in charge' },
  'complaint.answer': { area: 'requests', it: 'Reclamo risposto', en: 'Complaint answered' },
  'complaint.close': { area: 'requests', it: 'Reclamo chiuso', en: 'Complaint closed' },
  // Reviews
  'review.create': { area: 'reviews', it: 'Recensione scritta', en: 'Review written' },
  'review.moderate': { area: 'reviews', it: 'Commento di una recensione moderato', en: 'Review comment moderated' },
  'review.publish': { area: 'reviews', it: 'Commento di una recensione pubblicato', en: 'Review comment published' },
  'review.reject': { area: 'reviews', it: 'Commento di una recensione non pubblicato', en: 'Review comment rejected' },
  'review.reply': { area: 'reviews', it: 'Risposta dell’ente a una recensione', en: 'Organisation reply to a review' },
  // Site and system
  'feedback.submit': { area: 'system', it: 'Valutazione di una pagina', en: 'Page feedback' },
  'uploads.cleanup': { area: 'system', it: 'File non più usati eliminati', en: 'Unused files deleted' },
} as const satisfies Record<string, ActionDef>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (code: string): code is AuditAction => Object.hasOwn(AUDIT_ACTIONS, code);

/** The label of an action code in the locale; the code itself for one the catalogue does not know (an old row). */
export const auditActionLabel = (locale: Locale, code: string): string => (isAuditAction(code) ? AUDIT_ACTIONS[code][locale] : code);

/** The actions grouped by area, in catalogue order: the options of the action filter. */
export function auditActionGroups(locale: Locale): { area: AuditArea; label: string; actions: { code: AuditAction; label: string }[] }[] {
  return (Object.keys(AUDIT_AREAS) as AuditArea[]).map((area) => ({
    area,
    label: AUDIT_AREAS[area][locale],
    actions: (Object.entries(AUDIT_ACTIONS) as [AuditAction, ActionDef][]).filter(([, d]) => d.area === area).map(([code, d]) => ({ code, label: d[locale] })),
  }));
}
