import { describe, expect, it } from 'vitest';
import {
	BOUNDARY_COLOR,
	CITY_CENTRE,
	layerSignatures,
	mapLegend,
	popupHtml,
	STATION_COLOR,
	wardMapOptions,
	type MapOptions
} from './leaflet-map';
import { scoreColour, scoreLegend } from '$lib/charts/sites';
import { MAP_LABELS } from '../../../tests/helpers/map';

const labels = MAP_LABELS;

describe('mapLegend', () => {
	it('lists the page’s classes, then stations, future stations, both rings and the boundary', () => {
		const items = mapLegend({
			center: [10.8, 106.7],
			labels,
			stations: [
				{ name: 'An Phú', lat: 10.8, lng: 106.74 },
				{ name: 'Thủ Thiêm', lat: 10.78, lng: 106.74, future: true }
			],
			extent: [10.77, 106.74, 10.81, 106.79],
			legend: scoreLegend({ high: 'Cao', mid: 'Giữa', low: 'Thấp', none: 'Bị loại' })
		});
		expect(items.map((i) => i.label)).toEqual([
			'Cao',
			'Giữa',
			'Thấp',
			'Bị loại',
			'Ga metro',
			'Ga tương lai',
			'Bán kính 500 m',
			'Vùng TOD 1.000 m',
			'Phạm vi'
		]);
		expect(items[0].color).toBe(scoreColour(1));
		expect(items[0].color).toBe('#16a34a');
		expect(items[2].color).toBe('#dc2626');
		expect(items[4]).toMatchObject({ color: STATION_COLOR, kind: 'dot' });
		expect(items[5].kind).toBe('hollow');
		expect(items.at(-1)).toMatchObject({ color: BOUNDARY_COLOR, kind: 'dashed' });
	});

	it('leaves out what the map does not draw', () => {
		const items = mapLegend({
			center: [10.8, 106.7],
			labels,
			stations: [{ name: 'An Phú', lat: 10.8, lng: 106.74 }],
			rings: false
		});
		expect(items.map((i) => i.label)).toEqual(['Ga metro']);
	});
});

describe('popupHtml', () => {
	it('shows the label, the key facts and a link, all escaped', () => {
		const html = popupHtml({
			id: 1,
			lat: 0,
			lng: 0,
			label: 'P1 — <b>Khu</b>',
			href: '/w/x/sites/1?a="b"',
			linkText: 'Mở',
			facts: [['Diện tích đất', '3.000 m²']]
		});
		expect(html).toBe(
			'<strong>P1 — &#60;b&#62;Khu&#60;/b&#62;</strong>' +
				'<table class="map-facts"><tr><th scope="row">Diện tích đất</th><td>3.000 m²</td></tr></table>' +
				'<p><a href="/w/x/sites/1?a=&#34;b&#34;">Mở</a></p>'
		);
	});
});

describe('wardMapOptions', () => {
	const geo = {
		centre: [10.79, 106.76] as [number, number],
		extent: [10.77, 106.74, 10.81, 106.79] as [number, number, number, number],
		boundary: { type: 'Point', coordinates: [106.76, 10.79] } as GeoJSON.Point
	};
	const stations = [{ name: 'An Phú', lat: 10.8, lng: 106.74 }];
	const tiles = 'https://t/{z}/{x}/{y}.png';

	it('takes the ward’s place, the tiles, the stations and the rings by default', () => {
		expect(wardMapOptions({ geo }, { tileUrl: tiles, stations })).toEqual({
			center: [10.79, 106.76],
			zoom: 14,
			extent: geo.extent,
			boundary: geo.boundary,
			stations,
			rings: true,
			tileUrl: tiles
		});
	});
	it('lets the page override the centre, zoom, tiles and stations', () => {
		const o = wardMapOptions(
			{ geo, center: [10.5, 106.5], zoom: 16, tileUrl: null, stations: false, rings: false },
			{ tileUrl: tiles, stations }
		);
		expect(o).toMatchObject({
			center: [10.5, 106.5],
			zoom: 16,
			tileUrl: null,
			stations: [],
			rings: false
		});
		expect(o.extent).toEqual(geo.extent);
	});
	it('without a ward it falls back to the city centre and draws no boundary', () => {
		const o = wardMapOptions({ markers: [] }, {});
		expect(o.center).toEqual(CITY_CENTRE);
		expect(o.boundary).toBeNull();
		expect(o.extent).toBeNull();
		expect(o.tileUrl).toBeNull();
	});
});

describe('layerSignatures', () => {
	const base: Omit<MapOptions, 'labels'> = {
		center: [10.79, 106.76] as [number, number],
		extent: [10.77, 106.74, 10.81, 106.79] as [number, number, number, number],
		stations: [{ name: 'An Phú', lat: 10.8, lng: 106.74 }],
		polygons: [
			{
				id: 1,
				geojson: { type: 'Point', coordinates: [106.76, 10.79] } as GeoJSON.Point,
				label: 'P1'
			}
		],
		markers: [{ id: 7, lat: 10.78, lng: 106.75, label: 'CS-01 — Trụ sở', color: '#b91c1c' }]
	};
	const copy = () => JSON.parse(JSON.stringify(base)) as typeof base;

	it('the same content in new objects keeps every section (nothing is redrawn)', () => {
		expect(layerSignatures(copy())).toEqual(layerSignatures(base));
	});
	it('a marker’s new colour redraws the markers only', () => {
		const next = copy();
		const changed = { ...next, markers: [{ ...next.markers![0], color: '#f59e0b' }] };
		const before = layerSignatures(base);
		const after = layerSignatures(changed);
		expect(after.markers).not.toBe(before.markers);
		expect([after.extent, after.stations, after.polygons]).toEqual([
			before.extent,
			before.stations,
			before.polygons
		]);
	});
	it('turning the rings off redraws the stations; a boundary replaces the extent', () => {
		const before = layerSignatures(base);
		expect(layerSignatures({ ...copy(), rings: false }).stations).not.toBe(before.stations);
		const bounded = layerSignatures({
			...copy(),
			boundary: { type: 'Point', coordinates: [106.7, 10.7] } as GeoJSON.Point
		});
		expect(bounded.extent).not.toBe(before.extent);
		expect(bounded.markers).toBe(before.markers);
	});
});
