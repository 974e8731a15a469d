/**
 * The options of a Leaflet map as plain data, and the pure functions over them (legend,
 * popup HTML, a ward map's defaults, what each layer section draws). No Leaflet here: these
 * run and are tested without a browser; leaflet-map.ts draws them.
 */

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
/** Markers' short labels are shown at start up to this many markers. */
export const LABELS_BY_DEFAULT_MAX = 40;

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

/** Text made safe inside Leaflet's HTML (tooltips, popups). */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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

/** The parts of a map drawn separately, so an update rebuilds only the parts that changed. */
export const LAYER_SECTIONS = ['extent', 'stations', 'polygons', 'markers'] as const;
export type LayerSection = (typeof LAYER_SECTIONS)[number];
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
