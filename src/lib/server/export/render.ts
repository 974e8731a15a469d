/**
 * Rendering of one packet file from a snapshot: pure CPU work on data already read (no database,
 * no request). The render worker threads (`./render-pool.ts`) run it, so that a big ward's PDF
 * never holds the server's thread; it is also callable directly (tests, scripts).
 */
import type { PacketSnapshot } from '../../packet';
import { packetCharts } from './charts';
import type { DocLocale, DocPart, PacketImages } from './common';
import { buildDocx } from './docx';
import { renderMap } from './map';
import { buildPdf } from './pdf';
import { buildAppendixXlsx } from './xlsx';
import { generatePacket } from './zip';

/**
 * A packet file: the ZIP, the whole dossier as one DOCX/PDF, the appendix workbook, or one
 * document alone: `packet.letter.pdf` (the staffing letter), `packet.report.docx`, …
 */
export type PacketExt =
	'zip' | 'docx' | 'pdf' | 'xlsx' | `${'submission' | 'report' | 'letter'}.${'docx' | 'pdf'}`;

/** The documents of the whole dossier, in filing order. */
export const ALL_DOCS: DocPart[] = ['submission', 'report', 'letter'];

/** What a file's render needs besides the snapshot (plain data: it crosses to a worker). */
export interface RenderMeta {
	proposalId?: number;
	/** The submitted version's number, snapshot hash and time (ms), if any. */
	version?: { number: number; sha256: string; submittedAt: number };
}

async function images(s: PacketSnapshot, locale: DocLocale): Promise<PacketImages> {
	const [charts, map] = await Promise.all([packetCharts(s, locale), renderMap(s.map, locale)]);
	return { charts, map, photos: [] };
}

/** The bytes of one packet file, rendered from the snapshot. */
export async function renderPacketFile(
	s: PacketSnapshot,
	ext: PacketExt,
	locale: DocLocale,
	meta: RenderMeta = {}
): Promise<Uint8Array> {
	const v = meta.version;
	const sha256 = v?.sha256 ?? null;
	const one = /^(submission|report|letter)\.(docx|pdf)$/.exec(ext);
	if (one) {
		const part = one[1] as DocPart;
		const o = { locale, parts: [part], images: await images(s, locale), sha256 };
		return one[2] === 'pdf' ? buildPdf(s, o) : buildDocx(s, o);
	}
	switch (ext) {
		case 'zip':
			return (
				await generatePacket(s, locale, {
					proposalId: meta.proposalId,
					version: v?.number,
					sha256,
					at: v ? new Date(v.submittedAt) : undefined
				})
			).zip;
		case 'xlsx':
			return buildAppendixXlsx(s, locale);
		case 'docx':
			return buildDocx(s, {
				locale,
				parts: ALL_DOCS,
				images: await images(s, locale),
				sha256
			});
		case 'pdf':
			return buildPdf(s, {
				locale,
				parts: ALL_DOCS,
				images: await images(s, locale),
				sha256
			});
		default:
			throw new Error(`unknown packet file ${ext}`);
	}
}

/** The files frozen with a submitted version: the ZIP, the DOCX and the PDF (Vietnamese). */
export async function renderVersionFiles(
	snapshot: PacketSnapshot,
	meta: { proposalId: number; version: number; sha256: string; submittedAt: number }
): Promise<{ name: string; bytes: Uint8Array }[]> {
	const g = await generatePacket(snapshot, 'vi', {
		proposalId: meta.proposalId,
		version: meta.version,
		sha256: meta.sha256,
		at: new Date(meta.submittedAt)
	});
	const docx = await buildDocx(snapshot, {
		locale: 'vi',
		parts: ['submission', 'report', 'letter'],
		images: g.images,
		sha256: meta.sha256
	});
	return [
		{ name: 'packet.zip', bytes: g.zip },
		{ name: 'packet.docx', bytes: docx },
		{ name: 'packet.pdf', bytes: g.pdf }
	];
}
