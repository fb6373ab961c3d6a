import type { Queryable } from '../database';
import { fiscalCodeCheckChar } from '../../features/accounts/public/oidc.client';
import { Prng, slugify } from './prng';

// Demo citizens as the City's back office meets them: people of Milan with names from the many backgrounds of
// the city (Italian families from every region, and the communities of Milan: Romanian, Albanian, Moroccan,
// Egyptian, Chinese, Filipino, Peruvian and Ecuadorian, Sri Lankan, Bangladeshi, Ukrainian, Senegalese), each with
// a birth date, a codice fiscale computed from name, birth date, sex and a Milan-area comune (check character
// included), most with an e-mail address (reserved `.example` domains: nothing is ever delivered) and some with a
// phone number. Deterministic: the same seed gives the same people.

export interface DemoPerson {
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  /** YYYY-MM-DD */
  birthDate: string;
  /** Belfiore code of the comune of birth. */
  comune: string;
  fiscalCode: string;
  email: string | null;
  phone: string | null;
  /** Days between the registration and today. */
  registeredDaysAgo: number;
  /** Days between the last login and today, or null (never logged in since the registration). */
  lastLoginDaysAgo: number | null;
}

interface Background {
  weight: number;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

// Weights: about four in five names of Italian families, one in five from Milan's largest communities.
const BACKGROUNDS: readonly Background[] = [
  {
    weight: 78,
    female: [
      'Giulia', 'Chiara', 'Francesca', 'Sara', 'Elena', 'Paola', 'Silvia', 'Laura', 'Valentina', 'Federica', 'Anna', 'Maria', 'Lucia', 'Irene',
      'Martina', 'Alessia', 'Beatrice', 'Camilla', 'Arianna', 'Giorgia', 'Roberta', 'Simona', 'Cristina', 'Monica', 'Daniela', 'Barbara', 'Emanuela',
      'Alessandra', 'Michela', 'Serena', 'Elisa', 'Eleonora', 'Noemi', 'Aurora', 'Ginevra', 'Matilde', 'Vittoria', 'Rebecca', 'Sofia', 'Greta',
      'Ludovica', 'Carlotta', 'Benedetta', 'Margherita', 'Caterina', 'Teresa', 'Rosa', 'Giuseppina', 'Carla', 'Franca', 'Graziella', 'Luisa',
      'Marisa', 'Antonella', 'Patrizia', 'Rossana', 'Ornella', 'Gabriella', 'Nicoletta', 'Raffaella', 'Agnese', 'Marta', 'Ilaria', 'Veronica',
      'Loredana', 'Marina', 'Angela', 'Concetta', 'Carmela', 'Nunzia', 'Mariangela', 'Annalisa', 'Donatella', 'Letizia', 'Bianca', 'Viola', 'Adele',
    ],
    male: [
      'Marco', 'Luca', 'Andrea', 'Matteo', 'Davide', 'Stefano', 'Alessandro', 'Simone', 'Roberto', 'Giorgio', 'Tommaso', 'Lorenzo', 'Francesco',
      'Federico', 'Riccardo', 'Gabriele', 'Pietro', 'Edoardo', 'Filippo', 'Niccolò', 'Nicolò', 'Mattia', 'Leonardo', 'Giovanni', 'Paolo', 'Massimo',
      'Fabio', 'Maurizio', 'Claudio', 'Sergio', 'Giuseppe', 'Antonio', 'Salvatore', 'Vincenzo', 'Carmine', 'Gennaro', 'Domenico', 'Raffaele',
      'Franco', 'Mario', 'Luigi', 'Carlo', 'Enrico', 'Alberto', 'Emanuele', 'Daniele', 'Michele', 'Fabrizio', 'Gianluca', 'Gianni', 'Piero',
      'Ambrogio', 'Dario', 'Ivan', 'Diego', 'Cristian', 'Samuele', 'Giacomo', 'Jacopo', 'Elia', 'Emilio', 'Renato', 'Walter', 'Ettore', 'Aldo',
      'Bruno', 'Ugo', 'Nicola', 'Angelo', 'Cesare', 'Valerio', 'Ruggero', 'Gaetano', 'Rocco', 'Cosimo', 'Pasquale', 'Ernesto', 'Loris', 'Manuel',
    ],
    family: [
      // Lombard families
      'Colombo', 'Ferrari', 'Galli', 'Brambilla', 'Fumagalli', 'Villa', 'Riva', 'Sala', 'Mariani', 'Longhi', 'Cattaneo', 'Barzaghi', 'Mauri', 'Pozzi',
      'Redaelli', 'Crippa', 'Ronchi', 'Bonfanti', 'Sironi', 'Vitali', 'Bianchi', 'Rossi', 'Fontana', 'Valsecchi', 'Corti', 'Perego', 'Viganò', 'Cazzaniga',
      'Meroni', 'Tagliabue', 'Arosio', 'Molteni', 'Radaelli', 'Colnaghi', 'Pirovano', 'Cantù', 'Bassi', 'Gatti', 'Lombardi', 'Moretti', 'Sormani', 'Rota',
      'Locatelli', 'Pozzoli', 'Zanetti', 'Mapelli', 'Beretta', 'Frigerio', 'Motta', 'Castelli', 'Brivio', 'Airoldi', 'Banfi', 'Confalonieri', 'Parravicini',
      'Bossi', 'Ghezzi', 'Monti', 'Oggioni', 'Terraneo', 'Zappa', 'Pellegatta', 'Biffi', 'Magni', 'Rusconi', 'Tremolada', 'Giussani', 'Santambrogio',
      // From the rest of Italy
      'Esposito', 'Russo', 'Marino', 'Greco', 'Conti', 'Romano', 'Ricci', 'Bruno', 'Costa', 'De Luca', 'Mancini', 'Lombardo', 'Barbieri', 'Giordano',
      'Rinaldi', 'Caruso', 'Ferrara', 'Leone', 'Longo', 'Gentile', 'Martinelli', 'Serra', 'Santoro', 'Marchetti', 'D’Angelo', 'D’Amico', 'De Santis',
      'Di Stefano', 'Sanna', 'Piras', 'Cocco', 'Pinna', 'Messina', 'Vitale', 'Coppola', 'Palumbo', 'Fiore', 'Amato', 'Cirillo', 'Sorrentino', 'Grasso',
      'Lo Russo', 'La Rosa', 'Pagano', 'Parisi', 'Orlando', 'Sartori', 'Zanella', 'Bortolotti', 'Benedetti', 'Guerra', 'Fabbri', 'Cattani', 'Pellegrini',
      'Ferri', 'Basile', 'Lucà', 'Morabito', 'Scuderi', 'Cuomo', 'Nicolosi', 'Puglisi', 'Caputo', 'Iacono', 'Tedesco', 'Bellini', 'Rizzo', 'Mazza',
      'Fontanesi', 'Cappelletti', 'Gallo', 'Testa', 'De Angelis', 'Riccardi', 'Farina', 'Cavallo', 'Ruggiero', 'Sorbello', 'Di Giacomo', 'Forlani',
    ],
  },
  {
    weight: 4,
    female: ['Ioana', 'Andreea', 'Elena', 'Mihaela', 'Mădălina', 'Alexandra', 'Roxana', 'Ștefania', 'Cristina', 'Gabriela', 'Larisa', 'Diana'],
    male: ['Ionuț', 'Andrei', 'Mihai', 'Florin', 'Răzvan', 'Bogdan', 'Alexandru', 'Cristian', 'Adrian', 'Ștefan', 'Vasile', 'Marius'],
    family: ['Popescu', 'Ionescu', 'Dumitrescu', 'Stan', 'Constantin', 'Stănescu', 'Munteanu', 'Georgescu', 'Rusu', 'Matei', 'Lungu', 'Ciobanu', 'Moldovan', 'Dobre'],
  },
  {
    weight: 2,
    female: ['Elira', 'Anisa', 'Klea', 'Blerina', 'Arjola', 'Erisa', 'Jonida', 'Denada', 'Ornela'],
    male: ['Ardit', 'Erion', 'Klodian', 'Besnik', 'Gentian', 'Arben', 'Endrit', 'Dritan', 'Florian'],
    family: ['Hoxha', 'Shehu', 'Krasniqi', 'Berisha', 'Xhafa', 'Gjoka', 'Dervishi', 'Leka', 'Kola', 'Marku', 'Çela', 'Bushati'],
  },
  {
    weight: 3,
    female: ['Fatima', 'Khadija', 'Amina', 'Salma', 'Nadia', 'Yasmine', 'Meryem', 'Soukaina', 'Hajar', 'Imane', 'Zineb'],
    male: ['Mohamed', 'Youssef', 'Omar', 'Hamza', 'Karim', 'Said', 'Rachid', 'Hicham', 'Anas', 'Mehdi', 'Ayoub', 'Bilal'],
    family: ['El Amrani', 'Benali', 'Bouzid', 'El Idrissi', 'Alaoui', 'Bennani', 'Chraibi', 'Tazi', 'Ouazzani', 'Belkadi', 'Haddad', 'Zerouali', 'El Fassi'],
  },
  {
    weight: 3,
    female: ['Mona', 'Nour', 'Aya', 'Mariam', 'Heba', 'Rania', 'Dina', 'Shaimaa', 'Yara', 'Hana'],
    male: ['Ahmed', 'Mahmoud', 'Mostafa', 'Ibrahim', 'Khaled', 'Tarek', 'Amr', 'Hossam', 'Sherif', 'Youssef', 'Gamal'],
    family: ['Abdelrahman', 'Mansour', 'Fawzy', 'Hassan', 'Abdallah', 'Said', 'Farouk', 'Shalaby', 'Mostafa', 'Ibrahim', 'Soliman', 'Ragab', 'Nasser'],
  },
  {
    weight: 3,
    female: ['Jing', 'Yan', 'Hui', 'Xiaoli', 'Mei', 'Ling', 'Yue', 'Fang', 'Xiu', 'Jiayi', 'Yiting'],
    male: ['Wei', 'Jun', 'Hao', 'Xiaoming', 'Lei', 'Jian', 'Bo', 'Tao', 'Yong', 'Zhiwei', 'Haoran'],
    family: ['Hu', 'Chen', 'Zhou', 'Wang', 'Zhang', 'Lin', 'Huang', 'Xu', 'Ye', 'Jin', 'Zheng', 'Pan', 'Wu', 'Liu'],
  },
  {
    weight: 3,
    female: ['Maricel', 'Jasmine', 'Rowena', 'Analyn', 'Cherry', 'Lovely', 'Marites', 'Rhea', 'Jocelyn', 'Maria Luisa'],
    male: ['Jerome', 'Rodel', 'Mark Anthony', 'Arnel', 'Reynaldo', 'Jayson', 'Ronaldo', 'Rommel', 'Christian', 'Jun Jun'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Dela Cruz', 'Villanueva', 'Mendoza', 'Garcia', 'Aquino', 'Ramos', 'Manalo', 'Pascual', 'Macaraeg'],
  },
  {
    weight: 3,
    female: ['María', 'Rosa', 'Carmen', 'Lucía', 'Milagros', 'Gabriela', 'Ximena', 'Valeria', 'Maribel', 'Patricia', 'Verónica'],
    male: ['José', 'Luis', 'Jorge', 'Carlos', 'Jesús', 'Juan Carlos', 'Edwin', 'Wilmer', 'Óscar', 'Miguel', 'Andrés'],
    family: ['Ramírez', 'Gómez', 'Pérez', 'Núñez', 'Quispe', 'Huamán', 'Flores', 'Chávez', 'Torres', 'Vargas', 'Mamani', 'Zambrano', 'Vera', 'Cedeño', 'Mendoza'],
  },
  {
    weight: 2,
    female: ['Dilani', 'Nadeesha', 'Chamari', 'Sanduni', 'Ishara', 'Tharushi', 'Nilmini'],
    male: ['Nuwan', 'Chaminda', 'Ruwan', 'Kasun', 'Dinesh', 'Pradeep', 'Sampath', 'Lahiru'],
    family: ['Perera', 'Fernando', 'Silva', 'Jayasuriya', 'Wickramasinghe', 'Gunawardena', 'Rajapaksa', 'Dissanayake', 'Herath', 'Kumara'],
  },
  {
    weight: 2,
    female: ['Nusrat', 'Farzana', 'Sumaiya', 'Taslima', 'Shirin', 'Rokeya', 'Sharmin'],
    male: ['Rahim', 'Abdul', 'Shafiqul', 'Mizanur', 'Jahangir', 'Rakib', 'Kamrul', 'Habib'],
    family: ['Hossain', 'Rahman', 'Islam', 'Akter', 'Uddin', 'Miah', 'Chowdhury', 'Sarkar', 'Ahmed', 'Begum'],
  },
  {
    weight: 2,
    female: ['Oksana', 'Olena', 'Iryna', 'Nataliya', 'Svitlana', 'Yuliya', 'Tetiana', 'Halyna'],
    male: ['Andriy', 'Oleksandr', 'Taras', 'Mykola', 'Serhiy', 'Volodymyr', 'Dmytro', 'Bohdan'],
    family: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Koval', 'Oliynyk', 'Marchenko'],
  },
  {
    weight: 2,
    female: ['Awa', 'Fatou', 'Aminata', 'Mariama', 'Khady', 'Ndeye', 'Coumba'],
    male: ['Mamadou', 'Cheikh', 'Ousmane', 'Moussa', 'Ibrahima', 'Abdoulaye', 'Modou', 'Pape'],
    family: ['Diop', 'Ndiaye', 'Fall', 'Sow', 'Diallo', 'Gueye', 'Sarr', 'Mbaye', 'Faye', 'Ba', 'Cissé'],
  },
];

/** Belfiore codes of the comuni of birth: Milan first, then comuni of the metropolitan area and of Lombardy. */
const COMUNI: readonly (readonly [string, number])[] = [
  ['F205', 70], // Milano
  ['I690', 5], // Sesto San Giovanni
  ['F704', 5], // Monza
  ['C707', 4], // Cinisello Balsamo
  ['H264', 3], // Rho
  ['E514', 3], // Legnano
  ['A794', 3], // Bergamo
  ['C933', 2], // Como
  ['G388', 2], // Pavia
  ['E648', 2], // Lodi
  ['L682', 1], // Varese
];

const MONTHS = 'ABCDEHLMPRST';
const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

/** Upper-case letters only, accents taken off ("D’Angelo" → "DANGELO", "Ștefan" → "STEFAN"). */
const lettersOf = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z]/g, '');

function threeLetters(name: string, givenName: boolean): string {
  const letters = [...lettersOf(name)];
  const consonants = letters.filter((c) => !VOWELS.has(c));
  const vowels = letters.filter((c) => VOWELS.has(c));
  // A given name with four consonants or more: the first, third and fourth.
  if (givenName && consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return `${consonants.join('')}${vowels.join('')}XXX`.slice(0, 3);
}

/** The codice fiscale of a person born in Italy (or abroad, with the Z code of the country) with its check character. */
export function fiscalCode(p: { givenName: string; familyName: string; sex: 'F' | 'M'; birthDate: string; comune: string }): string {
  const [year, month, day] = p.birthDate.split('-').map(Number) as [number, number, number];
  const first15 =
    threeLetters(p.familyName, false) +
    threeLetters(p.givenName, true) +
    String(year % 100).padStart(2, '0') +
    MONTHS[month - 1]! +
    String(day + (p.sex === 'F' ? 40 : 0)).padStart(2, '0') +
    p.comune.toUpperCase();
  return first15 + fiscalCodeCheckChar(first15);
}

const EMAIL_DOMAINS = ['posta.example', 'email.example', 'mail.example', 'rete.example', 'casella.example'] as const;
const local = (s: string) => slugify(s).replace(/-/g, '');

function emailFor(r: Prng, p: { givenName: string; familyName: string; birthDate: string }): string {
  const g = local(p.givenName);
  const f = local(p.familyName);
  const yy = p.birthDate.slice(2, 4);
  const shape = r.weighted<() => string>([
    [() => `${g}.${f}`, 5],
    [() => `${g}${f}${yy}`, 2],
    [() => `${g[0]}.${f}`, 2],
    [() => `${f}.${g}`, 1],
    [() => `${g}_${f}${r.int(1, 99)}`, 1],
    [() => `${g}.${f}${p.birthDate.slice(0, 4)}`, 1],
  ]);
  return `${shape()}@${r.pick(EMAIL_DOMAINS)}`;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * `count` demo citizens, all different (full name, codice fiscale and e-mail are unique: a homonym is rare, as in a
 * real list), drawn from `seed`. Dates are relative to `today` (so a citizen is an adult on the day of the seed).
 */
export function demoCitizens(count: number, seed: number, today = new Date()): DemoPerson[] {
  const r = new Prng(seed);
  const names = new Set<string>();
  const codes = new Set<string>();
  const emails = new Set<string>();
  const out: DemoPerson[] = [];
  const backgrounds = BACKGROUNDS.map((b) => [b, b.weight] as const);
  while (out.length < count) {
    const b = r.weighted(backgrounds);
    const sex = r.chance(0.52) ? 'F' : 'M';
    // Families of other origins often give Italian first names to children born here.
    const givenName = b !== BACKGROUNDS[0] && r.chance(0.12) ? r.pick(sex === 'F' ? BACKGROUNDS[0]!.female : BACKGROUNDS[0]!.male) : r.pick(sex === 'F' ? b.female : b.male);
    const familyName = r.pick(b.family);
    const full = `${givenName} ${familyName}`.toLowerCase();
    // One homonym in a hundred at most: redraw the others.
    if (names.has(full) && !r.chance(0.01)) continue;
    // Ages 18 to 92, more of them between 30 and 80 (the people who ask for care for themselves or a relative).
    const age = r.weighted([
      [r.int(18, 29), 2],
      [r.int(30, 54), 5],
      [r.int(55, 79), 5],
      [r.int(80, 92), 2],
    ] as const);
    const birth = new Date(Date.UTC(today.getUTCFullYear() - age - 1, 0, 1) + r.int(0, 364) * 86_400_000);
    const birthDate = isoDay(birth);
    const comune = r.weighted(COMUNI);
    const code = fiscalCode({ givenName, familyName, sex, birthDate, comune });
    if (codes.has(code)) continue;
    let email: string | null = r.chance(0.9) ? emailFor(r, { givenName, familyName, birthDate }) : null;
    if (email && emails.has(email)) {
      const [user, domain] = email.split('@') as [string, string];
      email = `${user}${r.int(2, 999)}@${domain}`;
      if (emails.has(email)) continue;
    }
    const registeredDaysAgo = r.int(0, 2900);
    names.add(full);
    codes.add(code);
    if (email) emails.add(email);
    out.push({
      givenName,
      familyName,
      sex,
      birthDate,
      comune,
      fiscalCode: code,
      email,
      phone: r.chance(0.45) ? `3${r.int(20, 99)} ${String(r.int(0, 9_999_999)).padStart(7, '0')}` : null,
      registeredDaysAgo,
      lastLoginDaysAgo: r.chance(0.85) ? r.int(0, registeredDaysAgo) : null,
    });
  }
  return out;
}

/** The seed of the demo citizens (a generator of their own, so the rest of the demo data does not change). */
export const CITIZENS_SEED = 20_170_119;

const PERSON_RECORD = `x(n int, id uuid, given_name text, family_name text, birth_date date, fiscal_code text, email text, phone text, registered int, last_login int)`;

const rowsOf = (people: readonly DemoPerson[], ids?: readonly string[]) =>
  JSON.stringify(
    people.map((p, n) => ({
      n,
      id: ids?.[n] ?? null,
      given_name: p.givenName,
      family_name: p.familyName,
      birth_date: p.birthDate,
      fiscal_code: p.fiscalCode,
      email: p.email,
      phone: p.phone,
      registered: p.registeredDaysAgo,
      last_login: p.lastLoginDaysAgo,
    })),
  );

/** Inserts `count` demo citizens (fictional, is_demo), each with the role of citizen, as a SPID login makes them. */
export async function insertDemoCitizens(tx: Queryable, count: number): Promise<void> {
  const people = demoCitizens(count, CITIZENS_SEED);
  await tx.query(
    `with x as (select * from jsonb_to_recordset($1::jsonb) as ${PERSON_RECORD}),
     u as (
       insert into app_user (kind, given_name, family_name, birth_date, fiscal_code, email, email_verified_at, phone, is_demo, created_at, updated_at, last_login_at)
       select 'citizen', x.given_name, x.family_name, x.birth_date, x.fiscal_code, x.email,
              case when x.email is null then null else now() - make_interval(days => x.registered) end,
              x.phone, true, now() - make_interval(days => x.registered), now() - make_interval(days => x.registered),
              case when x.last_login is null then null else now() - make_interval(days => x.last_login) end
         from x order by x.n
       returning id, created_at
     )
     insert into user_role (user_id, role, valid_from, created_at) select id, 'citizen', created_at, created_at from u`,
    [rowsOf(people)],
  );
}

/**
 * A database seeded before the demo citizens had names of their own (the same thirty names over and over, no codice
 * fiscale, no e-mail): gives those rows the people of the current generator, in place (their ids, requests and
 * reviews stay). Returns how many were updated; nothing happens on a database seeded since.
 */
export async function reconcileDemoCitizens(tx: Queryable): Promise<number> {
  const old = await tx.query<{ id: string }>(
    `select id from app_user where kind = 'citizen' and is_demo and fiscal_code is null and email is null and password_hash is null order by created_at, id`,
  );
  if (old.length === 0) return 0;
  const taken = await tx.one<{ n: number }>(`select count(*)::int as n from app_user where kind = 'citizen' and is_demo and fiscal_code is not null`);
  if (taken.n > 0) return 0;
  const people = demoCitizens(old.length, CITIZENS_SEED);
  const ids = old.map((o) => o.id);
  // Codes and addresses already used by a real account are left out for that row.
  await tx.query(
    `update app_user u set given_name = x.given_name, family_name = x.family_name, birth_date = x.birth_date,
            fiscal_code = case when exists (select 1 from app_user o where o.fiscal_code = x.fiscal_code) then null else x.fiscal_code end,
            email = case when exists (select 1 from app_user o where o.email = x.email) then null else x.email end,
            email_verified_at = case when x.email is null then null else u.created_at end,
            phone = x.phone, updated_at = now()
       from jsonb_to_recordset($1::jsonb) as ${PERSON_RECORD}
      where u.id = x.id`,
    [rowsOf(people, ids)],
  );
  await tx.query(
    `insert into user_role (user_id, role, valid_from, created_at)
     select id, 'citizen', created_at, created_at from app_user u
      where u.id = any($1::uuid[]) and not exists (select 1 from user_role r where r.user_id = u.id and r.role = 'citizen')`,
    [ids],
  );
  return old.length;
}
