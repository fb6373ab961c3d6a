import type { Db } from '../../db/database';
import {
  findOrganizationIds,
  findServiceAtLocationIds,
  findServiceIds,
  findTaxonomies,
  findTerms,
  loadCurrentPrices,
  loadLocations,
  loadOrganizations,
  loadServiceAtLocations,
  loadServiceAtLocationsOfServices,
  loadServices,
  loadServiceTermIds,
  loadTaxonomy,
  loadTerms,
  locationIdsOfOrganizations,
  serviceIdsOfOrganizations,
  type ServiceAtLocationFilter,
  type ServiceFilter,
  type TermFilter,
} from './hsds.repository';
import {
  presentLocationBasic,
  presentLocationFull,
  presentOrganizationBasic,
  presentOrganizationFull,
  presentServiceAtLocationBasic,
  presentServiceBasic,
  presentServiceFull,
  presentServiceMinimal,
  presentTaxonomy,
  presentTerm,
  type Hsds,
  type ServiceContext,
} from './hsds.presenter';

// Builds the HSDS documents: finds the ids of a page, then loads everything nested in a fixed number of batched
// queries (never one query per item), then maps with the presenters.

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Hsds[];
}

/** The paging header of every HSDS list. */
export function pageOf(total: number, req: PageRequest, contents: Hsds[]): HsdsPage {
  const totalPages = Math.ceil(total / req.perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: req.page,
    size: contents.length,
    first_page: req.page === 1,
    last_page: req.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const offsetOf = (req: PageRequest) => (req.page - 1) * req.perPage;
const present = <T>(x: T | undefined): x is T => x !== undefined;

// ---------------------------------------------------------------------------------------------------------------
// Services

/** Services at list level (with their organization), in the order of `ids`. */
async function basicServices(db: Db, ids: string[], ctx: ServiceContext): Promise<Map<string, Hsds>> {
  const rows = await loadServices(db, ids);
  const orgs = await loadOrganizations(db, [...new Set([...rows.values()].map((r) => r.organization_id))]);
  const out = new Map<string, Hsds>();
  for (const id of ids) {
    const row = rows.get(id);
    if (row) out.set(id, presentServiceBasic(row, orgs.get(row.organization_id), ctx));
  }
  return out;
}

/** Fully nested services; `withPlaces` adds service_at_locations with their locations. */
async function fullServices(db: Db, ids: string[], ctx: ServiceContext, withPlaces: boolean): Promise<Map<string, Hsds>> {
  const rows = await loadServices(db, ids);
  const found = [...rows.keys()];
  if (!found.length) return new Map();
  const [orgs, termIds, prices, sals] = await Promise.all([
    loadOrganizations(db, [...new Set([...rows.values()].map((r) => r.organization_id))]),
    loadServiceTermIds(db, found),
    loadCurrentPrices(db, found),
    withPlaces ? loadServiceAtLocationsOfServices(db, found) : Promise.resolve(new Map<string, never[]>()),
  ]);
  const locationIds = [...new Set([...sals.values()].flat().map((x) => x.location_id))];
  const locations = await loadLocations(db, locationIds);
  const terms = await loadTerms(db, [
    ...[...termIds.values()].flat(),
    ...[...rows.values()].flatMap((r) => r.area_ids ?? []),
    ...[...locations.values()].flatMap((l) => (l.municipio_id ? [l.municipio_id] : [])),
  ]);
  const out = new Map<string, Hsds>();
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) continue;
    const places = withPlaces
      ? (sals.get(id) ?? []).map((x) => {
          const loc = locations.get(x.location_id);
          return presentServiceAtLocationBasic(x, loc ? presentLocationFull(loc, terms, ctx.baseUrl) : undefined, undefined);
        })
      : undefined;
    out.set(
      id,
      presentServiceFull(row, orgs.get(row.organization_id), { termIds: termIds.get(id) ?? [], terms, tiers: prices.get(id) ?? [], serviceAtLocations: places }, ctx),
    );
  }
  return out;
}

export async function listServices(
  db: Db,
  filter: ServiceFilter,
  req: PageRequest,
  opts: { minimal: boolean; full: boolean },
  ctx: ServiceContext,
): Promise<HsdsPage> {
  const page = await findServiceIds(db, filter, req.perPage, offsetOf(req));
  let items: Map<string, Hsds>;
  if (opts.minimal) {
    const rows = await loadServices(db, page.items);
    items = new Map([...rows].map(([id, r]) => [id, presentServiceMinimal(r)]));
  } else if (opts.full) {
    items = await fullServices(db, page.items, ctx, true);
  } else {
    items = await basicServices(db, page.items, ctx);
  }
  return pageOf(page.total, req, page.items.map((id) => items.get(id)).filter(present));
}

export async function getService(db: Db, id: string, ctx: ServiceContext): Promise<Hsds | undefined> {
  return (await fullServices(db, [id], ctx, true)).get(id);
}

// ---------------------------------------------------------------------------------------------------------------
// Organizations

async function organizations(
  db: Db,
  ids: string[],
  ctx: ServiceContext,
  opts: { full: boolean; fullService: boolean },
): Promise<Map<string, Hsds>> {
  const rows = await loadOrganizations(db, ids);
  const found = [...rows.keys()];
  const out = new Map<string, Hsds>();
  if (!opts.full && !opts.fullService) {
    for (const id of ids) {
      const row = rows.get(id);
      if (row) out.set(id, presentOrganizationBasic(row));
    }
    return out;
  }
  const [locationIds, serviceIds] = await Promise.all([locationIdsOfOrganizations(db, found), serviceIdsOfOrganizations(db, found)]);
  const allServiceIds = [...serviceIds.values()].flat();
  const [locations, services] = await Promise.all([
    loadLocations(db, [...new Set([...locationIds.values()].flat())]),
    opts.fullService ? fullServices(db, allServiceIds, ctx, true) : basicServices(db, allServiceIds, ctx),
  ]);
  const terms = await loadTerms(
    db,
    [...locations.values()].flatMap((l) => (l.municipio_id ? [l.municipio_id] : [])),
  );
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) continue;
    out.set(
      id,
      presentOrganizationFull(row, {
        locations: (locationIds.get(id) ?? [])
          .map((l) => locations.get(l))
          .filter(present)
          .map((l) => presentLocationFull(l, terms, ctx.baseUrl)),
        services: (serviceIds.get(id) ?? []).map((s) => services.get(s)).filter(present),
      }),
    );
  }
  return out;
}

export async function listOrganizations(
  db: Db,
  filter: { search?: string | undefined },
  req: PageRequest,
  opts: { full: boolean; fullService: boolean },
  ctx: ServiceContext,
): Promise<HsdsPage> {
  const page = await findOrganizationIds(db, filter, req.perPage, offsetOf(req));
  const items = await organizations(db, page.items, ctx, opts);
  return pageOf(page.total, req, page.items.map((id) => items.get(id)).filter(present));
}

export async function getOrganization(db: Db, id: string, opts: { fullService: boolean }, ctx: ServiceContext): Promise<Hsds | undefined> {
  return (await organizations(db, [id], ctx, { full: true, fullService: opts.fullService })).get(id);
}

// ---------------------------------------------------------------------------------------------------------------
// Service at location

async function serviceAtLocations(db: Db, ids: string[], ctx: ServiceContext, full: boolean): Promise<Map<string, Hsds>> {
  const rows = await loadServiceAtLocations(db, ids);
  const list = [...rows.values()];
  const serviceIds = [...new Set(list.map((r) => r.service_id))];
  const [locations, services] = await Promise.all([
    loadLocations(db, [...new Set(list.map((r) => r.location_id))]),
    full ? fullServices(db, serviceIds, ctx, false) : basicServices(db, serviceIds, ctx),
  ]);
  const terms = full ? await loadTerms(db, [...locations.values()].flatMap((l) => (l.municipio_id ? [l.municipio_id] : []))) : new Map();
  const out = new Map<string, Hsds>();
  for (const id of ids) {
    const row = rows.get(id);
    const loc = row && locations.get(row.location_id);
    if (!row || !loc) continue;
    out.set(
      id,
      presentServiceAtLocationBasic(row, full ? presentLocationFull(loc, terms, ctx.baseUrl) : presentLocationBasic(loc), services.get(row.service_id)),
    );
  }
  return out;
}

export async function listServiceAtLocations(
  db: Db,
  filter: ServiceAtLocationFilter,
  req: PageRequest,
  opts: { full: boolean },
  ctx: ServiceContext,
): Promise<HsdsPage> {
  const page = await findServiceAtLocationIds(db, filter, req.perPage, offsetOf(req));
  const items = await serviceAtLocations(db, page.items, ctx, opts.full);
  return pageOf(page.total, req, page.items.map((id) => items.get(id)).filter(present));
}

export async function getServiceAtLocation(db: Db, id: string, ctx: ServiceContext): Promise<Hsds | undefined> {
  return (await serviceAtLocations(db, [id], ctx, true)).get(id);
}

// ---------------------------------------------------------------------------------------------------------------
// Taxonomies and terms

export async function listTaxonomies(db: Db, filter: { search?: string | undefined }, req: PageRequest): Promise<HsdsPage> {
  const page = await findTaxonomies(db, filter, req.perPage, offsetOf(req));
  return pageOf(page.total, req, page.items.map(presentTaxonomy));
}

export async function getTaxonomy(db: Db, id: string): Promise<Hsds | undefined> {
  const row = await loadTaxonomy(db, id);
  return row ? presentTaxonomy(row) : undefined;
}

export async function listTerms(db: Db, filter: TermFilter, req: PageRequest, ctx: ServiceContext): Promise<HsdsPage> {
  const page = await findTerms(db, filter, req.perPage, offsetOf(req));
  return pageOf(page.total, req, page.items.map((r) => presentTerm(r, ctx.baseUrl)));
}

export async function getTerm(db: Db, id: string, ctx: ServiceContext): Promise<Hsds | undefined> {
  const row = (await loadTerms(db, [id])).get(id);
  return row ? presentTerm(row, ctx.baseUrl) : undefined;
}
