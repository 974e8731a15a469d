/** The Vietnamese labels the map specs give the Leaflet map (test code, not in $lib). */
import type { MapLabels } from '$lib/components/leaflet-map';

export const MAP_LABELS: MapLabels = {
	stations: 'Ga metro',
	ring500: 'Bán kính 500 m',
	ring1000: 'Vùng TOD 1.000 m',
	extent: 'Phạm vi',
	markers: 'Khu đất',
	zoomIn: '+',
	zoomOut: '-',
	layers: 'Lớp',
	markerLabels: 'Nhãn',
	futureStation: 'Ga tương lai'
};
