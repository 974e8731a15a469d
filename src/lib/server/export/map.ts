/**
 * The site map of the packet drawn from vector layers on a canvas (no tiles): the ward's working
 * extent, candidate sites (polygons and points), metro stations with 500 m and 1,000 m rings,
 * the old facilities, and the recommended site highlighted. Simple equirectangular projection.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { PacketMap } from '../../packet';
import type { DocImage, DocLocale } from './common';

const M_PER_DEG_LAT = 111_320;

/** Projection of [lat, lng] to pixels for a bounding box [south, west, north, east]. */
export function projector(
	box: [number, number, number, number],
	width: number,
	height: number,
	pad = 30
) {
	const [s, w, n, e] = box;
	const midLat = ((s + n) / 2) * (Math.PI / 180);
	const kx = Math.cos(midLat);
	const spanX = (e - w) * kx;
	const spanY = n - s;
	const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
	const ox = (width - spanX * scale) / 2;
	const oy = (height - spanY * scale) / 2;
	return {
		x: (lng: number) => ox + (lng - w) * kx * scale,
		y: (lat: number) => height - oy - (lat - s) * scale,
		/** Metres to pixels. */
		m: (metres: number) => (metres / M_PER_DEG_LAT) * scale
	};
}

/** The bounding box of the extent and every layer, padded by 5 %. */
export function mapBox(map: PacketMap): [number, number, number, number] {
	const pts: [number, number][] = [
		...map.sites.map((p) => [p.lat, p.lng] as [number, number]),
		...map.facilities.map((p) => [p.lat, p.lng] as [number, number])
	];
	if (map.extent) pts.push([map.extent[0], map.extent[1]], [map.extent[2], map.extent[3]]);
	if (!pts.length) return [10.7, 106.6, 10.9, 106.8];
	let s = Math.min(...pts.map((p) => p[0]));
	let n = Math.max(...pts.map((p) => p[0]));
	let w = Math.min(...pts.map((p) => p[1]));
	let e = Math.max(...pts.map((p) => p[1]));
	const dy = Math.max(n - s, 0.005) * 0.05;
	const dx = Math.max(e - w, 0.005) * 0.05;
	s -= dy;
	n += dy;
	w -= dx;
	e += dx;
	return [s, w, n, e];
}

const LEGEND = {
	vi: {
		extent: 'Phạm vi phường (ước lượng)',
		site: 'Địa điểm ứng viên',
		rec: 'Địa điểm đề xuất',
		station: 'Ga metro (vòng 500 m, 1.000 m)',
		facility: 'Cơ sở hiện có'
	},
	en: {
		extent: 'Ward extent (estimate)',
		site: 'Candidate site',
		rec: 'Recommended site',
		station: 'Metro station (500 m, 1,000 m rings)',
		facility: 'Existing facility'
	}
};

export async function renderMap(
	map: PacketMap,
	locale: DocLocale,
	width = 900,
	height = 720
): Promise<DocImage> {
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#f8fafc';
	ctx.fillRect(0, 0, width, height);
	const box = mapBox(map);
	const p = projector(box, width, height);
	const inBox = (lat: number, lng: number) =>
		lat >= box[0] - 0.02 && lat <= box[2] + 0.02 && lng >= box[1] - 0.02 && lng <= box[3] + 0.02;

	if (map.extent) {
		const [s, w, n, e] = map.extent;
		ctx.setLineDash([8, 6]);
		ctx.strokeStyle = '#6b7280';
		ctx.lineWidth = 2;
		ctx.strokeRect(p.x(w), p.y(n), p.x(e) - p.x(w), p.y(s) - p.y(n));
		ctx.setLineDash([]);
	}
	// Stations and rings.
	for (const st of map.stations.filter((x) => inBox(x.lat, x.lng))) {
		for (const [r, c] of [
			[1000, 'rgba(37,99,235,0.08)'],
			[500, 'rgba(37,99,235,0.15)']
		] as const) {
			ctx.beginPath();
			ctx.arc(p.x(st.lng), p.y(st.lat), p.m(r), 0, Math.PI * 2);
			ctx.fillStyle = c;
			ctx.fill();
			ctx.strokeStyle = '#2563eb';
			ctx.lineWidth = 1;
			ctx.stroke();
		}
		ctx.fillStyle = '#1d4ed8';
		ctx.fillRect(p.x(st.lng) - 6, p.y(st.lat) - 6, 12, 12);
		ctx.font = '14px Roboto, sans-serif';
		ctx.fillText(st.name, p.x(st.lng) + 9, p.y(st.lat) - 8);
	}
	// Facilities.
	for (const f of map.facilities) {
		ctx.beginPath();
		ctx.arc(p.x(f.lng), p.y(f.lat), 5, 0, Math.PI * 2);
		ctx.fillStyle = '#6b7280';
		ctx.fill();
	}
	// Sites.
	for (const s of [...map.sites].sort((a, b) => Number(a.recommended) - Number(b.recommended))) {
		const colour = s.recommended ? '#dc2626' : '#16a34a';
		if (s.polygon && s.polygon.length > 2) {
			ctx.beginPath();
			s.polygon.forEach(([lng, lat], i) =>
				i ? ctx.lineTo(p.x(lng), p.y(lat)) : ctx.moveTo(p.x(lng), p.y(lat))
			);
			ctx.closePath();
			ctx.fillStyle = s.recommended ? 'rgba(220,38,38,0.35)' : 'rgba(22,163,74,0.3)';
			ctx.fill();
			ctx.strokeStyle = colour;
			ctx.lineWidth = 2;
			ctx.stroke();
		}
		ctx.beginPath();
		ctx.arc(p.x(s.lng), p.y(s.lat), s.recommended ? 10 : 7, 0, Math.PI * 2);
		ctx.fillStyle = colour;
		ctx.fill();
		ctx.strokeStyle = '#ffffff';
		ctx.lineWidth = 2;
		ctx.stroke();
		ctx.fillStyle = '#111827';
		ctx.font = s.recommended ? 'bold 16px Roboto, sans-serif' : '14px Roboto, sans-serif';
		ctx.fillText(s.code, p.x(s.lng) + 12, p.y(s.lat) + 5);
	}
	// Legend and scale bar.
	const L = LEGEND[locale];
	const items: [string, string][] = [
		['#6b7280', L.extent],
		['#16a34a', L.site],
		['#dc2626', L.rec],
		['#2563eb', L.station],
		['#9ca3af', L.facility]
	];
	ctx.fillStyle = 'rgba(255,255,255,0.9)';
	ctx.fillRect(10, 10, 330, items.length * 22 + 12);
	ctx.font = '14px Roboto, sans-serif';
	items.forEach(([c, t], i) => {
		ctx.fillStyle = c;
		ctx.fillRect(20, 20 + i * 22, 14, 14);
		ctx.fillStyle = '#111827';
		ctx.fillText(t, 42, 32 + i * 22);
	});
	const bar = p.m(1000);
	ctx.fillStyle = '#111827';
	ctx.fillRect(20, height - 30, bar, 4);
	ctx.fillText('1 km', 20 + bar + 6, height - 24);
	const [png, jpeg] = await Promise.all([canvas.encode('png'), canvas.encode('jpeg', 90)]);
	return {
		jpeg: new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength),
		key: 'sites.map',
		title: locale === 'vi' ? 'Bản đồ các địa điểm' : 'Map of the sites',
		png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
		width,
		height
	};
}
