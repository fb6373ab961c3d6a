// Map of a Spazio WeMi (loaded only on pages whose Layout has `needs={{ map: true }}`).
//
// The server renders the address as text, always; this script turns each `[data-wemi-map]` element into a
// keyboard-accessible Leaflet map. The tile URL and attribution come from data attributes (server config).
// When the tiles cannot be loaded (error, offline, or nothing arrives in time) the map is removed and a
// message with the address takes its place: the address text remains the primary information.
import { circleMarker, control, map as leafletMap, tileLayer } from 'leaflet';

const TILE_TIMEOUT_MS = 12_000;
const ZOOM = 16;

function initMap(el: HTMLElement): void {
  const lat = Number(el.dataset.lat);
  const lng = Number(el.dataset.lng);
  const tileUrl = el.dataset.tileUrl;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || !tileUrl) return;
  const label = el.dataset.label ?? '';
  const unavailableText = el.dataset.unavailable ?? '';
  const notice = el.parentElement?.querySelector<HTMLElement>('[data-wemi-map-unavailable]') ?? null;

  let loaded = false;
  let failed = false;
  let timer: number | undefined;

  const fail = () => {
    if (loaded || failed) return;
    failed = true;
    if (timer !== undefined) window.clearTimeout(timer);
    try {
      map.remove();
    } catch {
      // The map may be half-initialised; removing the element below is enough.
    }
    el.classList.remove('wemi-map--active');
    el.hidden = true;
    el.setAttribute('aria-hidden', 'true');
    if (notice) {
      notice.textContent = unavailableText;
      notice.hidden = false;
    }
  };

  el.classList.add('wemi-map--active');
  const map = leafletMap(el, {
    center: [lat, lng],
    zoom: ZOOM,
    keyboard: true,
    scrollWheelZoom: false,
    attributionControl: true,
    zoomControl: false,
  });
  control
    .zoom({ zoomInTitle: el.dataset.zoomIn ?? 'Zoom in', zoomOutTitle: el.dataset.zoomOut ?? 'Zoom out' })
    .addTo(map);
  map.attributionControl.setPrefix(false);

  const tiles = tileLayer(tileUrl, {
    maxZoom: 19,
    attribution: el.dataset.attribution ?? '',
    crossOrigin: false,
  });
  tiles.on('tileload', () => {
    loaded = true;
    if (timer !== undefined) window.clearTimeout(timer);
  });
  tiles.on('tileerror', fail);
  tiles.addTo(map);

  // A circle marker (no image files), with the name as a permanent tooltip built from text (never HTML).
  const marker = circleMarker([lat, lng], {
    radius: 10,
    color: '#004080',
    weight: 3,
    fillColor: '#0066cc',
    fillOpacity: 0.9,
    className: 'wemi-map-marker',
  }).addTo(map);
  if (label) {
    const tip = document.createElement('span');
    tip.textContent = label;
    marker.bindTooltip(tip, { permanent: true, direction: 'top', offset: [0, -10] });
  }

  if (!navigator.onLine) {
    fail();
    return;
  }
  window.addEventListener('offline', fail, { once: true });
  timer = window.setTimeout(fail, TILE_TIMEOUT_MS);
}

function initMaps(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-wemi-map]')) {
    try {
      initMap(el);
    } catch {
      // Leave the server-rendered address alone if anything goes wrong.
      el.hidden = true;
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initMaps, { once: true });
else initMaps();
