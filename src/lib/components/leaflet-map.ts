/**
 * A Leaflet map driven by plain options: Leaflet is imported in the browser only, on the pages
 * that show a map. The map is created once per element; new options (a layer that arrives
 * after the page, a language change) update its layers in place, so a page never tears a map
 * down while Leaflet is still animating it. Every layer is vector, so with no network (no
 * tiles) the map still shows the boundary, sites, stations and rings on a plain background;
 * the tile server is probed once per browser session with a short time-out, so an office PC
 * without network does not wait for tiles on every map.
 */
import type * as Leaflet from 'leaflet';

export interface MapMarker {
	id: string | number;
	lat: number;
	lng: number;
	/** Tooltip and popup title, e.g. "P3 — Khu đất Rạch Chiếc". */
	label: string;
	/** Short permanent label shown beside the marker when labels are on, e.g. "P3". */
	short?: string;
	href?: string;
	/** Text of the popup's link (default: the label). */
	linkText?: string;
	/** Key facts shown in the popup: [name, value] pairs, already formatted. */
	facts?: readonly (readonly [string, string])[];
	color?: string;
	radius?: number;
}

export interface MapPolygon {
	id: string | number;
	geojson: GeoJSON.Geometry;
	label: string;
	color?: string;
	fillOpacity?: number;
}

export interface MapStation {
	name: string;
	lat: number;
	lng: number;
	future?: boolean;
}

/** One entry of a map's legend. */
export interface LegendItem {
	label: string;
	color: string;
	/** dot: a filled marker; hollow: an open marker; line / dashed: a boundary; area: a ring. */
	kind?: 'dot' | 'hollow' | 'line' | 'dashed' | 'area';
}

export interface MapLabels {
	stations: string;
	ring500: string;
	ring1000: string;
	extent: string;
	markers: string;
	/** Names of Leaflet's own controls, which it writes in English. */
	zoomIn: string;
	zoomOut: string;
	layers: string;
	/** Layer name of the markers' permanent labels. */
	markerLabels: string;
	futureStation: string;
}

export interface MapOptions {
	center: [number, number];
	zoom?: number;
	extent?: [number, number, number, number] | null;
	boundary?: GeoJSON.GeoJsonObject | null;
	stations?: readonly MapStation[];
	rings?: boolean;
	markers?: readonly MapMarker[];
	polygons?: MapPolygon[];
	tileUrl?: string | null;
	fitToMarkers?: boolean;
	/** Colour classes of the markers (the page's own scale); stations and rings are added. */
	legend?: readonly LegendItem[];
	/** Markers' short labels shown at start (default: when there are at most 40 markers). */
	showLabels?: boolean;
	labels: MapLabels;
	/** Called with the clicked position (for forms that pick coordinates). */
	onpick?: (lat: number, lng: number) => void;
	/** Called once when the tiles cannot be loaded (offline). */
	onoffline?: () => void;
	/** Called when the user draws a polygon by clicking vertices (double-click ends). */
	ondraw?: (ring: [number, number][]) => void;
}

/** Where a ward sits on the map: its centre, working extent (S, W, N, E) and boundary. */
export interface WardGeo {
	centre: [number, number];
	extent: [number, number, number, number] | null;
	boundary: GeoJSON.GeoJsonObject | null;
}

/** What a page gives WardMap: the options of MapOptions, with the ward's place as `geo`. */
export type WardMapInput = Omit<MapOptions, 'labels' | 'onoffline' | 'center' | 'stations'> & {
	geo?: WardGeo | null;
	/** Overrides the ward's centre (e.g. a site's own position). */
	center?: [number, number];
	/** The metro stations drawn (default: the page's set); `false` for none. */
	stations?: readonly MapStation[] | false;
};

/** The fallback centre when neither the page nor the ward gives one (central Hồ Chí Minh City). */
export const CITY_CENTRE: [number, number] = [10.78, 106.75];

/**
 * The options of a ward map in one place: the ward's centre, extent and boundary, the tile
 * server, the metro stations with their TOD rings (on unless `rings: false`) and zoom 14,
 * each overridable by the page.
 */
export function wardMapOptions(
	input: WardMapInput,
	defaults: { tileUrl?: string | null; stations?: readonly MapStation[] }
): Omit<MapOptions, 'labels' | 'onoffline'> {
	const { geo, center, stations, ...rest } = input;
	return {
		zoom: 14,
		rings: true,
		extent: geo?.extent ?? null,
		boundary: geo?.boundary ?? null,
		...rest,
		tileUrl: input.tileUrl === undefined ? (defaults.tileUrl ?? null) : input.tileUrl,
		center: center ?? geo?.centre ?? CITY_CENTRE,
		stations: stations === false ? [] : (stations ?? defaults.stations ?? [])
	};
}

export const STATION_COLOR = '#2563eb';
export const BOUNDARY_COLOR = '#7f1d1d';
const LABELS_BY_DEFAULT_MAX = 40;

/**
 * The legend of a map: the page's own classes, then what the map draws by itself (stations,
 * future stations, the 500 m and 1,000 m rings, the boundary or working extent). Pure, so the
 * page shows it as a list under the map (visible, printed and read by screen readers).
 */
export function mapLegend(options: Omit<MapOptions, 'onoffline'>): LegendItem[] {
	const l = options.labels;
	const items: LegendItem[] = [...(options.legend ?? [])];
	if (options.stations?.length) {
		items.push({ label: l.stations, color: STATION_COLOR, kind: 'dot' });
		if (options.stations.some((s) => s.future)) {
			items.push({ label: l.futureStation, color: STATION_COLOR, kind: 'hollow' });
		}
		if (options.rings !== false) {
			items.push({ label: l.ring500, color: STATION_COLOR, kind: 'area' });
			items.push({ label: l.ring1000, color: STATION_COLOR, kind: 'dashed' });
		}
	}
	if (options.boundary || options.extent) {
		items.push({ label: l.extent, color: BOUNDARY_COLOR, kind: 'dashed' });
	}
	return items;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Popup HTML of a marker: its label, its key facts and a link (all escaped). */
export function popupHtml(m: MapMarker): string {
	const facts = (m.facts ?? [])
		.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`)
		.join('');
	const title = `<strong>${esc(m.label)}</strong>`;
	const table = facts ? `<table class="map-facts">${facts}</table>` : '';
	const link = m.href ? `<p><a href="${esc(m.href)}">${esc(m.linkText ?? m.label)}</a></p>` : '';
	return `${title}${table}${link}`;
}

/** Session memory of whether the tile server answered (so later maps don't wait on it). */
const TILE_PROBE_KEY = 'truso-tiles';
const TILE_PROBE_MS = 1500;

function probeTiles(url: string): Promise<boolean> {
	try {
		const known = sessionStorage.getItem(TILE_PROBE_KEY);
		if (known === `on:${url}`) return Promise.resolve(true);
		if (known === `off:${url}`) return Promise.resolve(false);
	} catch {
		// Storage may be disabled: probe every time.
	}
	return new Promise((resolve) => {
		const img = new Image();
		const done = (ok: boolean) => {
			clearTimeout(timer);
			img.onload = img.onerror = null;
			if (!ok) img.src = '';
			try {
				sessionStorage.setItem(TILE_PROBE_KEY, `${ok ? 'on' : 'off'}:${url}`);
			} catch {
				// ignore
			}
			resolve(ok);
		};
		const timer = setTimeout(() => done(false), TILE_PROBE_MS);
		img.onload = () => done(true);
		img.onerror = () => done(false);
		img.src = url.replace('{s}', 'a').replace('{z}', '0').replace('{x}', '0').replace('{y}', '0');
	});
}

/** The parts of a map drawn separately, so an update rebuilds only the parts that changed. */
export const LAYER_SECTIONS = ['extent', 'stations', 'polygons', 'markers'] as const;
export type LayerSection = (typeof LAYER_SECTIONS)[number];
type OverlayKind = 'extent' | 'stations' | 'rings' | 'markers' | 'markerLabels';

interface DrawnSection {
	signature: string;
	group: Leaflet.FeatureGroup;
	/** The section's entries in the layer control (named from the labels at each draw). */
	overlays: [OverlayKind, Leaflet.Layer][];
	bounds: [number, number][];
}

/**
 * What each section draws, as a comparable string: equal signatures mean the section's
 * layers can stay as they are (new data of the same content, a change elsewhere, a new
 * language only renaming the layer control).
 */
export function layerSignatures(o: Omit<MapOptions, 'labels'>): Record<LayerSection, string> {
	return {
		extent: JSON.stringify(o.boundary ? { boundary: o.boundary } : { extent: o.extent ?? null }),
		stations: JSON.stringify({ stations: o.stations ?? [], rings: o.rings !== false }),
		polygons: JSON.stringify(
			(o.polygons ?? []).map((p) => [p.id, p.geojson, p.label, p.color, p.fillOpacity])
		),
		markers: JSON.stringify({ markers: o.markers ?? [], showLabels: o.showLabels ?? null })
	};
}

export interface MapController {
	update(options: MapOptions): void;
	destroy(): void;
}

/** Creates the map in `node` (after Leaflet loads) and returns a handle to update or remove it. */
export function createLeafletMap(node: HTMLElement, initial: MapOptions): MapController {
	let L: typeof Leaflet | undefined;
	let map: Leaflet.Map | undefined;
	let options = initial;
	let destroyed = false;
	let control: Leaflet.Control.Layers | undefined;
	let fitted = false;
	/** The drawn layers of each section, kept while the section's signature stays the same. */
	const drawn: Partial<Record<LayerSection, DrawnSection>> = {};

	/** Builds the layers of one section into `group`; returns its overlays and bounds. */
	function build(
		section: LayerSection,
		group: Leaflet.FeatureGroup
	): Pick<DrawnSection, 'overlays' | 'bounds'> {
		const o = options;
		const overlays: DrawnSection['overlays'] = [];
		const bounds: [number, number][] = [];
		if (section === 'extent') {
			const style = { color: BOUNDARY_COLOR, weight: 2, fill: false, dashArray: '6 4' };
			if (o.boundary) {
				overlays.push(['extent', L!.geoJSON(o.boundary, { style }).addTo(group)]);
			} else if (o.extent) {
				const [s, w, n, e] = o.extent;
				const box: [number, number][] = [
					[s, w],
					[n, e]
				];
				overlays.push(['extent', L!.rectangle(box, style).addTo(group)]);
				bounds.push(...box);
			}
		} else if (section === 'stations' && o.stations?.length) {
			const rings = L!.featureGroup().addTo(group);
			const points = L!.featureGroup().addTo(group);
			for (const st of o.stations) {
				L!
					.circleMarker([st.lat, st.lng], {
						radius: 7,
						color: '#1e3a8a',
						fillColor: st.future ? '#ffffff' : STATION_COLOR,
						fillOpacity: 1,
						weight: 2
					})
					.bindTooltip(esc(st.name))
					.addTo(points);
				if (o.rings !== false) {
					L!
						.circle([st.lat, st.lng], {
							radius: 500,
							color: STATION_COLOR,
							weight: 1,
							fillOpacity: 0.08
						})
						.addTo(rings);
					L!
						.circle([st.lat, st.lng], {
							radius: 1000,
							color: STATION_COLOR,
							weight: 1,
							dashArray: '4 4',
							fillOpacity: 0.03
						})
						.addTo(rings);
				}
			}
			overlays.push(['stations', points]);
			if (o.rings !== false) overlays.push(['rings', rings]);
		} else if (section === 'polygons') {
			for (const p of o.polygons ?? []) {
				L!
					.geoJSON(p.geojson as GeoJSON.GeoJsonObject, {
						style: { color: p.color ?? '#b45309', weight: 2, fillOpacity: p.fillOpacity ?? 0.25 }
					})
					.bindTooltip(esc(p.label))
					.addTo(group);
			}
		} else if (section === 'markers' && o.markers?.length) {
			const points = L!.featureGroup().addTo(group);
			const names = L!.featureGroup();
			for (const m of o.markers) {
				const marker = L!
					.circleMarker([m.lat, m.lng], {
						radius: m.radius ?? 8,
						color: '#111827',
						weight: 1.5,
						fillColor: m.color ?? '#dc2626',
						fillOpacity: 0.9
					})
					.bindTooltip(esc(m.label));
				if (m.href || m.facts?.length) marker.bindPopup(popupHtml(m));
				marker.addTo(points);
				if (m.short) {
					L!
						.tooltip({
							permanent: true,
							direction: 'right',
							offset: [(m.radius ?? 8) + 2, 0],
							className: 'map-label'
						})
						.setLatLng([m.lat, m.lng])
						.setContent(esc(m.short))
						.addTo(names);
				}
				bounds.push([m.lat, m.lng]);
			}
			overlays.push(['markers', points]);
			if (o.markers.some((m) => m.short)) {
				if (o.showLabels ?? o.markers.length <= LABELS_BY_DEFAULT_MAX) names.addTo(group);
				overlays.push(['markerLabels', names]);
			}
		}
		return { overlays, bounds };
	}

	/**
	 * Draws what changed: a section whose signature is the same keeps its layers (and what the
	 * user turned on or off), a changed one is rebuilt; the layer control follows the labels.
	 */
	function draw() {
		if (!L || !map) return;
		const signatures = layerSignatures(options);
		let rebuilt = false;
		for (const section of LAYER_SECTIONS) {
			const old = drawn[section];
			if (old && old.signature === signatures[section]) {
				// Kept above the sections below it (markers stay over polygons, and so on).
				if (rebuilt) old.group.bringToFront();
				continue;
			}
			old?.group.remove();
			const group = L.featureGroup().addTo(map);
			drawn[section] = { signature: signatures[section], group, ...build(section, group) };
			rebuilt = true;
		}
		const l = options.labels;
		const names: Record<OverlayKind, string> = {
			extent: l.extent,
			stations: l.stations,
			rings: `${l.ring500} / ${l.ring1000}`,
			markers: l.markers,
			markerLabels: l.markerLabels
		};
		control?.remove();
		const overlays: Record<string, Leaflet.Layer> = {};
		for (const section of LAYER_SECTIONS) {
			for (const [kind, layer] of drawn[section]?.overlays ?? []) overlays[names[kind]] = layer;
		}
		control = L.control.layers(undefined, overlays, { collapsed: true }).addTo(map);
		const toggle = control.getContainer()?.querySelector('.leaflet-control-layers-toggle');
		toggle?.setAttribute('title', l.layers);
		toggle?.setAttribute('aria-label', l.layers);
		const bounds = LAYER_SECTIONS.flatMap((section) => drawn[section]?.bounds ?? []);
		if (options.fitToMarkers && !fitted && bounds.length > 1) {
			fitted = true;
			map.fitBounds(L.latLngBounds(bounds), { padding: [20, 20], animate: false });
		}
	}

	void Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]).then(async ([mod]) => {
		if (destroyed) return;
		L =
			(mod as unknown as { default?: typeof Leaflet }).default ??
			(mod as unknown as typeof Leaflet);
		map = L.map(node, {
			center: options.center,
			zoom: options.zoom ?? 14,
			zoomControl: false,
			// No zoom and fade animations: nothing left running when a page removes the map.
			zoomAnimation: false,
			fadeAnimation: false,
			markerZoomAnimation: false
		});
		L.control
			.zoom({ zoomInTitle: options.labels.zoomIn, zoomOutTitle: options.labels.zoomOut })
			.addTo(map);
		L.control.scale({ imperial: false }).addTo(map);
		draw();
		addPicking(L, map, options);
		const tileUrl = options.tileUrl;
		if (tileUrl) {
			const online = await probeTiles(tileUrl);
			if (destroyed || !map) return;
			if (!online) {
				options.onoffline?.();
				return;
			}
			let reported = false;
			L.tileLayer(tileUrl, { maxZoom: 19, attribution: '&copy; OpenStreetMap contributors' })
				.on('tileerror', () => {
					if (!reported) {
						reported = true;
						options.onoffline?.();
					}
				})
				.addTo(map);
		}
	});

	return {
		update(next) {
			options = next;
			draw();
		},
		destroy() {
			destroyed = true;
			map?.remove();
			map = undefined;
		}
	};
}

function addPicking(L: typeof Leaflet, map: Leaflet.Map, options: MapOptions) {
	if (options.onpick) {
		const pick = options.onpick;
		let pin: Leaflet.CircleMarker | undefined;
		map.on('click', (e: Leaflet.LeafletMouseEvent) => {
			pin?.remove();
			pin = L.circleMarker(e.latlng, {
				radius: 9,
				color: '#000',
				fillColor: '#facc15',
				fillOpacity: 1
			}).addTo(map);
			pick(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6)));
		});
	}
	if (options.ondraw) {
		const draw = options.ondraw;
		const ring: [number, number][] = [];
		let line: Leaflet.Polyline | undefined;
		map.doubleClickZoom.disable();
		map.on('click', (e: Leaflet.LeafletMouseEvent) => {
			ring.push([Number(e.latlng.lng.toFixed(6)), Number(e.latlng.lat.toFixed(6))]);
			line?.remove();
			line = L.polyline(
				ring.map(([lng, lat]) => [lat, lng] as [number, number]),
				// Not interactive: a rebuilt interactive path under the pointer would swallow
				// the second click of the double-click that closes the polygon.
				{ color: '#b45309', interactive: false }
			).addTo(map);
		});
		map.on('dblclick', () => {
			if (ring.length >= 3) {
				draw([...ring, ring[0]]);
				line?.remove();
				L.polygon(
					ring.map(([lng, lat]) => [lat, lng] as [number, number]),
					{ color: '#b45309', interactive: false }
				).addTo(map);
				ring.length = 0;
			}
		});
	}
}
