/**
 * WardMap/MapView update the map in place (issue 17): createLeafletMap makes one L.Map; an
 * update redraws only the layer sections whose content changed (layerSignatures) and never
 * recreates the map. Checked with a fake Leaflet that counts what is made and removed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAP_LABELS } from '../../../tests/helpers/map';

const made = { maps: 0, groups: 0, removed: [] as string[], mapRemoved: 0 };

class Layer {
	constructor(readonly kind: string) {}
	addTo() {
		return this;
	}
	bindTooltip() {
		return this;
	}
	bindPopup() {
		return this;
	}
	setLatLng() {
		return this;
	}
	setContent() {
		return this;
	}
	bringToFront() {
		return this;
	}
	remove() {
		made.removed.push(this.kind);
		return this;
	}
}
class Group extends Layer {
	readonly id = ++made.groups;
	constructor() {
		super('group');
	}
}

vi.mock('leaflet/dist/leaflet.css', () => ({}));
vi.mock('leaflet', () => {
	const L = {
		map: () => {
			made.maps++;
			return {
				on() {},
				fitBounds() {},
				doubleClickZoom: { disable() {} },
				remove: () => made.mapRemoved++
			};
		},
		featureGroup: () => new Group(),
		rectangle: () => new Layer('rectangle'),
		geoJSON: () => new Layer('geojson'),
		circleMarker: () => new Layer('circleMarker'),
		circle: () => new Layer('circle'),
		tooltip: () => new Layer('tooltip'),
		latLngBounds: (b: unknown) => b,
		control: {
			zoom: () => ({ addTo() {} }),
			scale: () => ({ addTo() {} }),
			layers: () => ({ addTo: (m: unknown) => ({ m, getContainer: () => null, remove() {} }) })
		}
	};
	return { default: L };
});

const { createLeafletMap } = await import('./leaflet-map');
type Options = Parameters<typeof createLeafletMap>[1];

const labels = MAP_LABELS;
const options = (colour: string): Options => ({
	center: [10.79, 106.76],
	extent: [10.77, 106.74, 10.81, 106.79],
	stations: [{ name: 'An Phú', lat: 10.8, lng: 106.74 }],
	markers: [
		{ id: 7, lat: 10.78, lng: 106.75, label: 'CS-01', color: colour },
		{ id: 8, lat: 10.79, lng: 106.76, label: 'CS-02', color: '#2563eb' }
	],
	labels
});

afterEach(() => {
	made.maps = 0;
	made.groups = 0;
	made.removed = [];
	made.mapRemoved = 0;
});

describe('createLeafletMap', () => {
	it('keeps its one map and redraws only the section that changed', async () => {
		const map = createLeafletMap({} as HTMLElement, options('#b91c1c'));
		await vi.waitFor(() => expect(made.maps).toBe(1));
		// four section groups (extent, stations, polygons, markers) + stations' points and rings
		// + markers' points and names
		const first = made.groups;
		expect(first).toBe(8);
		expect(made.removed).toEqual([]);

		// The same content in new objects: nothing is removed or made.
		map.update(options('#b91c1c'));
		expect([made.maps, made.groups, made.removed]).toEqual([1, first, []]);

		// One marker's colour: the markers section alone is rebuilt (its group and two inner ones).
		map.update(options('#16a34a'));
		expect(made.maps).toBe(1);
		expect(made.removed).toEqual(['group']);
		expect(made.groups).toBe(first + 3);

		// Markers gone: the markers section's group is removed, the map stays.
		map.update({ ...options('#16a34a'), markers: [] });
		expect(made.maps).toBe(1);
		expect(made.removed).toEqual(['group', 'group']);

		map.destroy();
		expect(made.mapRemoved).toBe(1);
	});
});
