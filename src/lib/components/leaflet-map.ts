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
import {
	BOUNDARY_COLOR,
	esc,
	LABELS_BY_DEFAULT_MAX,
	LAYER_SECTIONS,
	layerSignatures,
	popupHtml,
	STATION_COLOR,
	type LayerSection,
	type MapOptions
} from './map-options';

export * from './map-options';

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

type OverlayKind = 'extent' | 'stations' | 'rings' | 'markers' | 'markerLabels';

interface DrawnSection {
	signature: string;
	group: Leaflet.FeatureGroup;
	/** The section's entries in the layer control (named from the labels at each draw). */
	overlays: [OverlayKind, Leaflet.Layer][];
	bounds: [number, number][];
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
