import { crawlBackOffice } from './crawl-backoffice-roles';

// The personal area and the ente's back office as a citizen, an ente operator and an ente administrator walk them
// (see crawl-backoffice-roles.ts).
crawlBackOffice('crawl-backoffice-people', ['citizen', 'ente operator', 'ente admin']);
