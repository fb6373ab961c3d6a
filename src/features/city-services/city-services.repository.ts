import type { Queryable } from '../../db/database';

// The City's own access services (Carta dei Servizi Welfare e Salute), with the place where each is offered.

export interface CityServiceRow {
  id: string;
  slug: string;
  position: number;
  name_it: string;
  name_en: string;
  summary: unknown;
  audience: unknown;
  offers: unknown;
  how_to_access: unknown;
  documents: unknown;
  cost: unknown;
  hours: unknown;
  contacts: unknown;
  quality_standards: unknown;
  updated_at: Date;
  location_name: string | null;
  location_slug: string | null;
  location_kind: string | null;
  location_address: string | null;
  location_postal_code: string | null;
  location_city: string | null;
  location_latitude: number | null;
  location_longitude: number | null;
  location_phone: string | null;
  location_email: string | null;
}

const SELECT = `
  select cs.id, cs.slug, cs.position, cs.name_it, cs.name_en, cs.summary, cs.audience, cs.offers, cs.how_to_access,
         cs.documents, cs.cost, cs.hours, cs.contacts, cs.quality_standards, cs.updated_at,
         l.name as location_name, l.slug as location_slug, l.kind as location_kind, l.address as location_address,
         l.postal_code as location_postal_code, l.city as location_city, l.latitude as location_latitude,
         l.longitude as location_longitude, l.phone as location_phone, l.email as location_email
    from city_service cs
    left join location l on l.id = cs.location_id`;

export async function listCityServices(db: Queryable): Promise<CityServiceRow[]> {
  return db.query<CityServiceRow>(`${SELECT} order by cs.position, cs.name_it`);
}

export async function findCityService(db: Queryable, slug: string): Promise<CityServiceRow | undefined> {
  return db.maybeOne<CityServiceRow>(`${SELECT} where cs.slug = $1`, [slug]);
}
