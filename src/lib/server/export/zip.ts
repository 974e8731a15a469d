/**
 * The packet as files: DOCX and PDF of the tờ trình, of the báo cáo and of the staffing letter
 * (công văn) each alone, the whole dossier as one PDF (each document numbered from 1), the XLSX
 * appendices, the sites as GeoJSON, the charts and the map as PNG, the survey photos, the
 * snapshot JSON and manifest.json with the SHA-256 of every file; all in one ZIP.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { PacketSnapshot } from '../../packet';
import { readPhotoFile } from '../inventory/photos';
import { packetCharts } from './charts';
import type { DocLocale, PacketImages } from './common';
import { buildDocx } from './docx';
import { renderMap } from './map';
import { buildPdf } from './pdf';
import { buildAppendixXlsx } from './xlsx';

export const sha256Hex = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export interface PacketMeta {
	proposalId?: number;
	version?: number;
	/** SHA-256 of the snapshot JSON (of a submitted version). */
	sha256?: string | null;
	/** The date written into the ZIP entries (the submission time of a version). */
	at?: Date;
}

export interface Manifest {
	format: 'truso-packet-manifest/1';
	ward: { code: string; name: string };
	proposalId: number | null;
	version: number | null;
	snapshotSha256: string;
	generatedAt: string;
	locale: DocLocale;
	files: { name: string; sha256: string; size: number }[];
}

export interface GeneratedPacket {
	zip: Uint8Array;
	pdf: Uint8Array;
	manifest: Manifest;
	/** The rendered charts, map and photos (to build more documents without drawing again). */
	images: PacketImages;
}

/** The sites as a GeoJSON FeatureCollection (polygon when known, else the point). */
export function sitesGeoJson(s: PacketSnapshot) {
	return {
		type: 'FeatureCollection',
		features: s.map.sites.map((site) => ({
			type: 'Feature',
			properties: { code: site.code, name: site.name, recommended: site.recommended },
			geometry: site.polygon
				? { type: 'Polygon', coordinates: [site.polygon] }
				: { type: 'Point', coordinates: [site.lng, site.lat] }
		}))
	};
}

async function photoImages(s: PacketSnapshot) {
	const out: { name: string; caption: string; data: Uint8Array; type: 'jpg' | 'png' }[] = [];
	for (const p of s.photos) {
		try {
			const data = new Uint8Array(await readPhotoFile(p.path));
			const type = p.contentType.includes('png') ? 'png' : 'jpg';
			out.push({ name: `anh/${p.id}.${type}`, caption: p.caption, data, type });
		} catch {
			// A missing file is left out of the packet; the manifest lists what is there.
		}
	}
	return out;
}

/** Generates every file of the packet and the ZIP. */
export async function generatePacket(
	s: PacketSnapshot,
	locale: DocLocale,
	meta: PacketMeta = {}
): Promise<GeneratedPacket> {
	const snapshotJson = JSON.stringify(s);
	const snapshotSha = meta.sha256 ?? sha256Hex(snapshotJson);
	const [charts, map, photos] = await Promise.all([
		packetCharts(s, locale),
		renderMap(s.map, locale),
		photoImages(s)
	]);
	const images: PacketImages = { map, charts, photos };
	const opts = { locale, images, sha256: meta.sha256 ?? null };
	// One after the other: each document is CPU work; the ZIP is made off the request's hot path.
	const submissionDocx = await buildDocx(s, { ...opts, parts: ['submission'] });
	const reportDocx = await buildDocx(s, { ...opts, parts: ['report'] });
	const letterDocx = await buildDocx(s, { ...opts, parts: ['letter'] });
	const submissionPdf = await buildPdf(s, { ...opts, parts: ['submission'] });
	const reportPdf = await buildPdf(s, { ...opts, parts: ['report'] });
	const letterPdf = await buildPdf(s, { ...opts, parts: ['letter'] });
	const pdf = await buildPdf(s, { ...opts, parts: ['submission', 'report', 'letter'] });
	const xlsx = await buildAppendixXlsx(s, locale);
	const suffix = locale === 'en' ? '-en' : '';
	const files: [string, Uint8Array][] = [
		[`to-trinh${suffix}.docx`, submissionDocx],
		[`bao-cao${suffix}.docx`, reportDocx],
		[`cong-van-nhan-su${suffix}.docx`, letterDocx],
		[`to-trinh${suffix}.pdf`, submissionPdf],
		[`bao-cao${suffix}.pdf`, reportPdf],
		[`cong-van-nhan-su${suffix}.pdf`, letterPdf],
		[`ho-so${suffix}.pdf`, pdf],
		[`phu-luc${suffix}.xlsx`, xlsx],
		['dia-diem.geojson', new TextEncoder().encode(JSON.stringify(sitesGeoJson(s), null, 1))],
		['snapshot.json', new TextEncoder().encode(snapshotJson)],
		['ban-do.png', map.png],
		...charts.map((c) => [`bieu-do/${c.key.replace('.', '-')}.png`, c.png] as [string, Uint8Array]),
		...photos.map((p) => [p.name, p.data] as [string, Uint8Array])
	];
	const at = meta.at ?? new Date(s.assembledAt);
	const manifest: Manifest = {
		format: 'truso-packet-manifest/1',
		ward: { code: s.ward.code, name: s.ward.name },
		proposalId: meta.proposalId ?? null,
		version: meta.version ?? null,
		snapshotSha256: snapshotSha,
		generatedAt: at.toISOString(),
		locale,
		files: files.map(([name, b]) => ({ name, sha256: sha256Hex(b), size: b.byteLength }))
	};
	const zip = new JSZip();
	for (const [name, b] of files) zip.file(name, b, { date: at });
	zip.file('manifest.json', JSON.stringify(manifest, null, 1), { date: at });
	const out = await zip.generateAsync({
		type: 'uint8array',
		compression: 'DEFLATE',
		compressionOptions: { level: 6 }
	});
	return { zip: out, pdf, manifest, images };
}

/** Verifies a packet ZIP against its manifest: the names of files whose hash differs or are missing. */
export async function verifyPacketZip(
	bytes: Uint8Array
): Promise<{ manifest: Manifest; bad: string[] }> {
	const zip = await JSZip.loadAsync(bytes);
	const m = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
	const bad: string[] = [];
	for (const f of m.files) {
		const entry = zip.file(f.name);
		if (!entry) {
			bad.push(f.name);
			continue;
		}
		const b = await entry.async('uint8array');
		if (sha256Hex(b) !== f.sha256 || b.byteLength !== f.size) bad.push(f.name);
	}
	return { manifest: m, bad };
}
