/**
 * A Leaflet map as a Svelte attachment: Leaflet is imported in the browser only, on the pages
 * that show a map, and the map is removed when the element goes away. Every layer is vector,
 * so with no network (no tiles) the map still shows the boundary, sites, stations and rings
 * on a plain background.
 */
import type { Attachment } from 'svelte/attachments';
import type * as Leaflet from 'leaflet';

export interface MapMarker {
	id: string | number;
	lat: number;
	lng: number;
	label: string;
	href?: string;
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
	labels: {
		stations: string;
		ring500: string;
		ring1000: string;
		extent: string;
		markers: string;
		/** Names of Leaflet's own controls, which it writes in English. */
		zoomIn: string;
		zoomOut: string;
		layers: string;
	};
	/** Called with the clicked position (for forms that pick coordinates). */
	onpick?: (lat: number, lng: number) => void;
	/** Called once when a tile fails to load (offline). */
	onoffline?: () => void;
	/** Called when the user draws a polygon by clicking vertices (double-click ends). */
	ondraw?: (ring: [number, number][]) => void;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function leafletMap(options: MapOptions): Attachment<HTMLElement> {
	return (node) => {
		let map: Leaflet.Map | undefined;
		let cancelled = false;
		void Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]).then(([mod]) => {
			if (cancelled) return;
			const L =
				(mod as unknown as { default?: typeof Leaflet }).default ??
				(mod as unknown as typeof Leaflet);
			map = L.map(node, {
				center: options.center,
				zoom: options.zoom ?? 14,
				zoomControl: false
			});
			L.control
				.zoom({ zoomInTitle: options.labels.zoomIn, zoomOutTitle: options.labels.zoomOut })
				.addTo(map);
			if (options.tileUrl) {
				let reported = false;
				L.tileLayer(options.tileUrl, {
					maxZoom: 19,
					attribution: '&copy; OpenStreetMap contributors'
				})
					.on('tileerror', () => {
						if (!reported) {
							reported = true;
							options.onoffline?.();
						}
					})
					.addTo(map);
			}
			const overlays: Record<string, Leaflet.Layer> = {};
			const bounds: Leaflet.LatLngExpression[] = [];
			if (options.boundary) {
				overlays[options.labels.extent] = L.geoJSON(options.boundary, {
					style: { color: '#7f1d1d', weight: 2, fill: false, dashArray: '6 4' }
				}).addTo(map);
			} else if (options.extent) {
				const [s, w, n, e] = options.extent;
				overlays[options.labels.extent] = L.rectangle(
					[
						[s, w],
						[n, e]
					],
					{ color: '#7f1d1d', weight: 2, fill: false, dashArray: '6 4' }
				).addTo(map);
				bounds.push([s, w], [n, e]);
			}
			if (options.stations?.length) {
				const group = L.layerGroup();
				const rings = L.layerGroup();
				for (const st of options.stations) {
					L.circleMarker([st.lat, st.lng], {
						radius: 7,
						color: '#1e3a8a',
						fillColor: st.future ? '#ffffff' : '#2563eb',
						fillOpacity: 1,
						weight: 2
					})
						.bindTooltip(esc(st.name))
						.addTo(group);
					if (options.rings !== false) {
						L.circle([st.lat, st.lng], {
							radius: 500,
							color: '#2563eb',
							weight: 1,
							fillOpacity: 0.08
						}).addTo(rings);
						L.circle([st.lat, st.lng], {
							radius: 1000,
							color: '#2563eb',
							weight: 1,
							dashArray: '4 4',
							fillOpacity: 0.03
						}).addTo(rings);
					}
				}
				rings.addTo(map);
				group.addTo(map);
				overlays[options.labels.stations] = group;
				overlays[`${options.labels.ring500} / ${options.labels.ring1000}`] = rings;
			}
			if (options.polygons?.length) {
				const group = L.featureGroup();
				for (const p of options.polygons) {
					L.geoJSON(p.geojson as GeoJSON.GeoJsonObject, {
						style: { color: p.color ?? '#b45309', weight: 2, fillOpacity: p.fillOpacity ?? 0.25 }
					})
						.bindTooltip(esc(p.label))
						.addTo(group);
				}
				group.addTo(map);
			}
			if (options.markers?.length) {
				const group = L.featureGroup();
				for (const m of options.markers) {
					const marker = L.circleMarker([m.lat, m.lng], {
						radius: m.radius ?? 8,
						color: '#111827',
						weight: 1.5,
						fillColor: m.color ?? '#dc2626',
						fillOpacity: 0.9
					}).bindTooltip(esc(m.label));
					if (m.href) {
						const href = m.href;
						marker.bindPopup(`<a href="${esc(href)}">${esc(m.label)}</a>`);
					}
					marker.addTo(group);
					bounds.push([m.lat, m.lng]);
				}
				group.addTo(map);
				overlays[options.labels.markers] = group;
			}
			const layers = L.control.layers(undefined, overlays, { collapsed: true }).addTo(map);
			const toggle = layers.getContainer()?.querySelector('.leaflet-control-layers-toggle');
			toggle?.setAttribute('title', options.labels.layers);
			toggle?.setAttribute('aria-label', options.labels.layers);
			L.control.scale({ imperial: false }).addTo(map);
			if (options.fitToMarkers && bounds.length > 1)
				map.fitBounds(L.latLngBounds(bounds), { padding: [20, 20] });
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
					}).addTo(map!);
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
					).addTo(map!);
				});
				map.on('dblclick', () => {
					if (ring.length >= 3) {
						draw([...ring, ring[0]]);
						line?.remove();
						L.polygon(
							ring.map(([lng, lat]) => [lat, lng] as [number, number]),
							{ color: '#b45309', interactive: false }
						).addTo(map!);
						ring.length = 0;
					}
				});
			}
		});
		return () => {
			cancelled = true;
			map?.remove();
		};
	};
}
