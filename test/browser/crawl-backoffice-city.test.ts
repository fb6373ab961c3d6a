import { crawlBackOffice } from './crawl-backoffice-roles';

// The City's back office as its content staff and its administrator walk it (see crawl-backoffice-roles.ts).
crawlBackOffice('crawl-backoffice-city', ['City content staff', 'City admin']);
