import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import { dataFromBody, DECLARATIONS, DOCUMENT_KINDS, emptyData, normalizeWebsite, readData, REQUIRED_DOCUMENTS, slugify, type ApplicationData, type DocumentKind } from './application.data';
import {
  elevenDigitCheck,
  isValidCap,
  isValidEmail,
  isValidEnteCodiceFiscale,
  isValidPartitaIva,
  isValidPec,
  isValidPersonalCodiceFiscale,
  isValidPhone,
  isValidWebsite,
  validateApplication,
  type ValidationContext,
} from './application.validation';

const t = translator('it');
const en = translator('en');

const CTX: ValidationContext = {
  categories: new Set(['servizi_socio_assistenziali', 'pasti_domicilio']),
  municipi: new Set(['m1', 'm2', 'm9']),
  documents: new Set<DocumentKind>(REQUIRED_DOCUMENTS),
};

/** A complete, valid application. */
function validData(overrides: Partial<ApplicationData> = {}): ApplicationData {
  return {
    ...emptyData(),
    denominazione: 'Cooperativa sociale Il Gelso',
    forma_giuridica: 'cooperativa_sociale',
    codice_fiscale: '97051230155',
    partita_iva: '01199250158',
    runts: '',
    descrizione: 'Assistenza domiciliare ad anziani e persone con disabilità nei Municipi 1 e 2.',
    sede_indirizzo: 'Via Larga 12',
    sede_cap: '20122',
    sede_comune: 'Milano',
    sede_municipio: 'm1',
    pec: 'gelso@pec.esempio.it',
    email: 'info@gelso.esempio.it',
    telefono: '02 1234567',
    sito: 'www.gelso.esempio.it',
    compilatore: 'rappresentante',
    rappresentante_nome: 'Mario',
    rappresentante_cognome: 'Rossi',
    rappresentante_cf: 'RSSMRA85T10A562S',
    referente_nome: 'Anna',
    referente_cognome: 'Bianchi',
    referente_email: 'anna@gelso.esempio.it',
    referente_telefono: '+39 333 1234567',
    categorie: ['servizi_socio_assistenziali'],
    municipi: ['m1', 'm2'],
    ...Object.fromEntries(DECLARATIONS.map((d) => [d, true])),
    ...overrides,
  };
}

const fields = (data: ApplicationData, mode: 'draft' | 'submit' = 'submit', ctx = CTX) => validateApplication(data, mode, ctx, t).map((i) => i.field);

describe('Italian identifiers', () => {
  it.each(['01199250158', '00743110157', '12345678903', '97051230155'])('partita IVA %s is valid', (p) => expect(isValidPartitaIva(p)).toBe(true));
  it.each(['01199250157', '0119925015', '011992501580', '0119925015A', '00000000000', '', '12345678901'])('partita IVA %j is not valid', (p) => expect(isValidPartitaIva(p)).toBe(false));

  it('the check digit doubles the digits in even positions (Agenzia delle Entrate)', () => {
    expect(elevenDigitCheck('0119925015')).toBe(8);
    expect(elevenDigitCheck('1234567890')).toBe(3);
  });

  it.each(['RSSMRA85T10A562S', 'MRTMTT25D09F205Z', 'RSSMRA85T10A56NH'])('personal codice fiscale %s is valid (omocodia included)', (cf) => expect(isValidPersonalCodiceFiscale(cf)).toBe(true));
  it.each(['RSSMRA85T10A562T', 'RSSMRA85T10A562', 'RSSMRA85Z10A562S', '1SSMRA85T10A562S', 'rssmra85t10a562s', ''])('personal codice fiscale %j is not valid', (cf) =>
    expect(isValidPersonalCodiceFiscale(cf)).toBe(false),
  );

  it('the codice fiscale of an ente is 11 digits with check digit, or a personal code', () => {
    expect(isValidEnteCodiceFiscale('97051230155')).toBe(true);
    expect(isValidEnteCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(isValidEnteCodiceFiscale('97051230151')).toBe(false);
    expect(isValidEnteCodiceFiscale('9705123015')).toBe(false);
  });
});

describe('contacts', () => {
  it.each(['info@esempio.it', 'a.b+c@sub.esempio.org', 'x@pec.legalmail.it'])('e-mail %s is valid', (e) => expect(isValidEmail(e)).toBe(true));
  it.each(['info@esempio', 'info esempio.it', '@esempio.it', 'info@', 'a..b@esempio.it', '.a@esempio.it', 'info@-esempio.it', `${'a'.repeat(65)}@esempio.it`])('e-mail %j is not valid', (e) =>
    expect(isValidEmail(e)).toBe(false),
  );
  it('a PEC address follows the e-mail format', () => {
    expect(isValidPec('ente@pec.it')).toBe(true);
    expect(isValidPec('ente.pec.it')).toBe(false);
  });
  it.each(['https://www.esempio.it', 'http://esempio.it/chi-siamo?x=1', 'www.esempio.it', 'esempio.org'])('website %s is valid', (u) => expect(isValidWebsite(u)).toBe(true));
  it.each(['javascript:alert(1)', 'ftp://esempio.it', 'https://localhost', 'esempio', 'https://a b.it', 'https://user:pw@esempio.it', 'mailto:a@esempio.it'])('website %j is not valid', (u) =>
    expect(isValidWebsite(u)).toBe(false),
  );
  it('a website without scheme is stored with https://', () => {
    expect(normalizeWebsite('www.esempio.it')).toBe('https://www.esempio.it');
    expect(normalizeWebsite('http://esempio.it')).toBe('http://esempio.it');
    expect(normalizeWebsite('')).toBe('');
  });
  it.each(['02 1234567', '+39 333 123 4567', '02/1234567', '800.123.456'])('phone %s is valid', (p) => expect(isValidPhone(p)).toBe(true));
  it.each(['12345', 'abc', '+39 02 12a', '1234567890123456', '-021234567'])('phone %j is not valid', (p) => expect(isValidPhone(p)).toBe(false));
  it('a CAP has five digits', () => {
    expect(isValidCap('20122')).toBe(true);
    expect(isValidCap('2012')).toBe(false);
    expect(isValidCap('2012A')).toBe(false);
  });
});

describe('the application form', () => {
  it('a complete application has no problem', () => {
    expect(validateApplication(validData(), 'submit', CTX, t)).toEqual([]);
  });

  it('an empty draft saves without problems; sending it lists every requirement in form order', () => {
    expect(validateApplication(emptyData(), 'draft', { ...CTX, documents: new Set() }, t)).toEqual([]);
    expect(fields(emptyData(), 'submit', { ...CTX, documents: new Set() })).toEqual([
      'denominazione',
      'forma_giuridica',
      'codice_fiscale',
      'descrizione',
      'sede_indirizzo',
      'sede_cap',
      'sede_comune',
      'pec',
      'email',
      'telefono',
      'compilatore',
      'rappresentante_nome',
      'rappresentante_cognome',
      'rappresentante_cf',
      'referente_nome',
      'referente_cognome',
      'referente_email',
      'referente_telefono',
      'categorie',
      'municipi',
      ...DECLARATIONS,
      ...REQUIRED_DOCUMENTS.map((k) => `doc_${k}`),
    ]);
  });

  it('a draft points out a wrong value as soon as it is typed', () => {
    const issues = validateApplication({ ...emptyData(), codice_fiscale: '123', pec: 'non-una-pec' }, 'draft', CTX, t);
    expect(issues).toEqual([
      { field: 'codice_fiscale', message: t('applications.error.codice_fiscale.format') },
      { field: 'pec', message: t('applications.error.pec.format') },
    ]);
  });

  it.each([
    ['codice_fiscale', '97051230151', 'applications.error.codice_fiscale.check'],
    ['codice_fiscale', 'RSSMRA85T10A562T', 'applications.error.codice_fiscale.check'],
    ['codice_fiscale', 'ABC', 'applications.error.codice_fiscale.format'],
    ['partita_iva', '0119925015', 'applications.error.partita_iva.format'],
    ['partita_iva', '01199250157', 'applications.error.partita_iva.check'],
    ['rappresentante_cf', '97051230155', 'applications.error.rappresentante_cf.format'],
    ['rappresentante_cf', 'RSSMRA85T10A562T', 'applications.error.rappresentante_cf.check'],
    ['pec', 'ente@pec', 'applications.error.pec.format'],
    ['email', 'info.esempio.it', 'applications.error.email.format'],
    ['referente_email', 'anna@', 'applications.error.email.format'],
    ['telefono', '123', 'applications.error.telefono.format'],
    ['sito', 'javascript:alert(1)', 'applications.error.sito.format'],
    ['sede_cap', '201', 'applications.error.sede_cap.format'],
    ['sede_municipio', 'm42', 'applications.error.sede_municipio.unknown'],
    ['forma_giuridica', 'spa', 'applications.error.forma_giuridica.unknown'],
    ['descrizione', 'Troppo breve', 'applications.error.descrizione.short'],
    ['compilatore', 'nonno', 'applications.error.compilatore.required'],
  ] as const)('%s = %j → %s', (field, value, key) => {
    const issues = validateApplication(validData({ [field]: value }), 'submit', CTX, t);
    expect(issues).toEqual([{ field, message: t(key) }]);
  });

  it('texts longer than allowed are refused with their limit', () => {
    expect(validateApplication(validData({ denominazione: 'x'.repeat(201) }), 'draft', CTX, t)).toEqual([{ field: 'denominazione', message: t('validation.tooLong', { max: 200 }) }]);
  });

  it('the RUNTS number is required for the legal forms registered in the RUNTS only', () => {
    expect(fields(validData({ forma_giuridica: 'odv', runts: '' }))).toEqual(['runts']);
    expect(fields(validData({ forma_giuridica: 'aps', runts: 'RUNTS 12345' }))).toEqual([]);
    expect(fields(validData({ forma_giuridica: 'cooperativa_sociale', runts: '' }))).toEqual([]);
    expect(fields(validData({ forma_giuridica: 'odv', runts: '' }), 'draft')).toEqual([]);
  });

  it('the partita IVA and the website are optional', () => {
    expect(fields(validData({ partita_iva: '', sito: '' }))).toEqual([]);
  });

  it('at least one category and one Municipio, known ones', () => {
    expect(fields(validData({ categorie: [], municipi: [] }))).toEqual(['categorie', 'municipi']);
    expect(fields(validData({ categorie: ['inventata'], municipi: ['m10'] }), 'draft')).toEqual(['categorie', 'municipi']);
    expect(validateApplication(validData({ categorie: [] }), 'submit', CTX, t)[0]!.message).toBe(t('applications.error.categorie.required'));
  });

  it('every self-declaration is required to send', () => {
    expect(fields(validData({ dich_privacy: false, dich_contratti: false }))).toEqual(['dich_contratti', 'dich_privacy']);
  });

  it('the required documents are statuto, bilancio, condizioni d’uso, privacy and recesso; the certification is optional', () => {
    expect(REQUIRED_DOCUMENTS).not.toContain('certificazione');
    expect(DOCUMENT_KINDS).toContain('certificazione');
    expect(fields(validData(), 'submit', { ...CTX, documents: new Set<DocumentKind>(['statuto', 'privacy']) })).toEqual(['doc_bilancio_sociale', 'doc_condizioni_uso', 'doc_recesso']);
  });

  it('messages come in the visitor’s language', () => {
    const [issue] = validateApplication(validData({ pec: 'x' }), 'submit', CTX, en);
    expect(issue!.message).toBe(en('applications.error.pec.format'));
    expect(issue!.message).not.toBe(t('applications.error.pec.format'));
  });
});

describe('form data', () => {
  it('reads a body: codes compacted and upper-cased, e-mails lower-cased, declarations as flags, lists deduplicated', () => {
    const data = dataFromBody(
      {
        denominazione: '  Il Gelso  ',
        codice_fiscale: '970 512 301 55',
        rappresentante_cf: 'rssmra85t10a562s',
        pec: 'Gelso@PEC.esempio.it',
        dich_privacy: '1',
        categorie: ['pasti_domicilio', 'pasti_domicilio', 'servizi_socio_assistenziali'],
        municipi: 'm1',
        estraneo: 'ignorato',
      },
      'en',
    );
    expect(data.denominazione).toBe('Il Gelso');
    expect(data.codice_fiscale).toBe('97051230155');
    expect(data.rappresentante_cf).toBe('RSSMRA85T10A562S');
    expect(data.pec).toBe('gelso@pec.esempio.it');
    expect(data.dich_privacy).toBe(true);
    expect(data.dich_veridicita).toBe(false);
    expect(data.categorie).toEqual(['pasti_domicilio', 'servizi_socio_assistenziali']);
    expect(data.municipi).toEqual(['m1']);
    expect(data._locale).toBe('en');
    expect('estraneo' in data).toBe(false);
  });

  it('reads stored data of any shape without failing', () => {
    expect(readData(null)).toEqual(emptyData());
    expect(readData({ denominazione: 42, categorie: 'x', dich_privacy: 'yes' })).toEqual(emptyData());
  });

  it('makes a slug from a name', () => {
    expect(slugify('Cooperativa Sociale L’Àncora – Onlus')).toBe('cooperativa-sociale-l-ancora-onlus');
    expect(slugify('  !!! ')).toBe('ente');
    expect(slugify('a'.repeat(80)).length).toBe(60);
  });
});
