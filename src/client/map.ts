// Maps of the Spazi WeMi (loaded only on pages whose Layout has `needs={{ map: true }}`).
//
// The server renders the address as text, always; this script turns each `[data-wemi-map]` element into a
// keyboard-accessible Leaflet map: one Spazio (`data-lat`, `data-lng`) on its page, or every Spazio of the list
// (`data-markers`, JSON) on the overview, each marker leading to the Spazio's page. The tile URL and attribution
// come from data attributes (server config). When the tiles cannot be loaded (error, offline, or nothing arrives in
// time) the map is removed and a message takes its place: the address text remains the primary information. No
// error is thrown or logged by this script in that case (the browser itself reports the failed tile request).
import { circleMarker, control, divIcon, latLngBounds, map as leafletMap, marker as leafletMarker, tileLayer, type Map as LeafletMap } from 'leaflet';

const TILE_TIMEOUT_MS = 12_000;
const ZOOM = 16;

interface MarkerData {
  name: string;
  lat: number;
  lng: number;
  url: string;
  address: string;
  status: string;
}

function parseMarkers(json: string | undefined): MarkerData[] {
  if (!json) return [];
  try {
    const data: unknown = JSON.parse(json);
    if (!Array.isArray(data)) return [];
    return data.filter(
      (m): m is MarkerData =>
        typeof m === 'object' && m !== null && Number.isFinite((m as MarkerData).lat) && Number.isFinite((m as MarkerData).lng) && typeof (m as MarkerData).url === 'string',
    );
  } catch {
    return [];
  }
}

/** Creates the map with its zoom control and tiles; on tile failure the map gives way to the notice. */
function createMap(el: HTMLElement, tileUrl: string, setView: (map: LeafletMap) => void): LeafletMap {
  const unavailableText = el.dataset.unavailable ?? '';
  const notice = el.parentElement?.querySelector<HTMLElement>('[data-wemi-map-unavailable]') ?? null;
  let loaded = false;
  let failed = false;
  let timer: number | undefined;

  el.classList.add('wemi-map--active');
  const map = leafletMap(el, { keyboard: true, scrollWheelZoom: false, attributionControl: true, zoomControl: false });
  setView(map);
  control.zoom({ zoomInTitle: el.dataset.zoomIn ?? 'Zoom in', zoomOutTitle: el.dataset.zoomOut ?? 'Zoom out' }).addTo(map);
  map.attributionControl.setPrefix(false);

  const fail = () => {
    if (loaded || failed) return;
    failed = true;
    if (timer !== undefined) window.clearTimeout(timer);
    try {
      map.remove();
    } catch {
      // The map may be half-initialised; hiding the element below is enough.
    }
    el.classList.remove('wemi-map--active');
    el.hidden = true;
    el.setAttribute('aria-hidden', 'true');
    el.closest('[data-wemi-map-box]')?.classList.add('wemi-map-box--failed');
    if (notice) {
      notice.textContent = unavailableText;
      notice.hidden = false;
    }
  };

  const tiles = tileLayer(tileUrl, { maxZoom: 19, attribution: el.dataset.attribution ?? '', crossOrigin: false });
  tiles.on('tileload', () => {
    loaded = true;
    if (timer !== undefined) window.clearTimeout(timer);
  });
  tiles.on('tileerror', fail);
  tiles.addTo(map);

  if (!navigator.onLine) {
    fail();
    return map;
  }
  window.addEventListener('offline', fail, { once: true });
  timer = window.setTimeout(fail, TILE_TIMEOUT_MS);
  return map;
}

/** The map of one Spazio: a circle marker (no image files) with the name as a permanent tooltip built from text. */
function initSingle(el: HTMLElement, tileUrl: string): void {
  const lat = Number(el.dataset.lat);
  const lng = Number(el.dataset.lng);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return;
  const label = el.dataset.label ?? '';
  const map = createMap(el, tileUrl, (m) => m.setView([lat, lng], ZOOM));
  const marker = circleMarker([lat, lng], { radius: 10, color: '#004080', weight: 3, fillColor: '#0066cc', fillOpacity: 0.9, className: 'wemi-map-marker' });
  if (!el.hidden) marker.addTo(map);
  if (label && !el.hidden) {
    const tip = document.createElement('span');
    tip.textContent = label;
    marker.bindTooltip(tip, { permanent: true, direction: 'top', offset: [0, -10] });
  }
}

/**
 * The overview: one marker per Spazio, each a focusable button (Leaflet's keyboard markers) named by the Spazio,
 * its address and status; choosing it (click, Enter) opens the Spazio's page. The name shows as a tooltip.
 */
function initOverview(el: HTMLElement, tileUrl: string, markers: MarkerData[]): void {
  const open = el.dataset.open ?? '';
  const bounds = latLngBounds(markers.map((m) => [m.lat, m.lng] as [number, number]));
  const map = createMap(el, tileUrl, (m) => {
    if (markers.length === 1) m.setView([markers[0]!.lat, markers[0]!.lng], ZOOM - 2);
    else m.fitBounds(bounds, { padding: [24, 24] });
  });
  if (el.hidden) return;
  for (const m of markers) {
    const icon = divIcon({
      className: m.status ? 'wemi-map-pin wemi-map-pin--unconfirmed' : 'wemi-map-pin',
      iconSize: [22, 22],
      iconAnchor: [11, 11],
      html: '',
    });
    const pin = leafletMarker([m.lat, m.lng], { icon, keyboard: true, title: m.name, riseOnHover: true }).addTo(map);
    const node = pin.getElement();
    if (node) {
      node.setAttribute('aria-label', [m.name, m.address, m.status, open].filter(Boolean).join(', '));
      node.removeAttribute('title');
      node.dataset.url = m.url;
    }
    const tip = document.createElement('span');
    tip.textContent = m.name;
    pin.bindTooltip(tip, { direction: 'top', offset: [0, -12] });
    pin.on('click', () => window.location.assign(m.url));
    // A button answers Enter and Space (Leaflet hands key events of a focused marker to the marker).
    pin.on('keydown', (e) => {
      const key = (e as unknown as { originalEvent: KeyboardEvent }).originalEvent;
      if (key.key === 'Enter' || key.key === ' ') {
        key.preventDefault();
        window.location.assign(m.url);
      }
    });
  }
}

function initMap(el: HTMLElement): void {
  const tileUrl = el.dataset.tileUrl;
  if (!tileUrl) return;
  if (el.dataset.markers !== undefined) {
    const markers = parseMarkers(el.dataset.markers);
    if (markers.length) initOverview(el, tileUrl, markers);
    return;
  }
  initSingle(el, tileUrl);
}

function initMaps(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-wemi-map]')) {
    try {
      initMap(el);
    } catch {
      // Leave the server-rendered addresses alone if anything goes wrong.
      el.hidden = true;
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initMaps, { once: true });
else initMaps();
