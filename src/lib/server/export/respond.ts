/** HTTP responses with the packet files (stored files of a version first, else generated). */
import type { PacketSnapshot } from '../../packet';
import { readPacketFile, type PacketFile } from '../proposals';
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

const TYPES: Record<'zip' | 'docx' | 'pdf' | 'xlsx', string> = {
	zip: 'application/zip',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

export function parsePacketExt(x: string): PacketExt | null {
	if (x === 'zip' || x === 'docx' || x === 'pdf' || x === 'xlsx') return x;
	return /^(submission|report|letter)\.(docx|pdf)$/.test(x) ? (x as PacketExt) : null;
}

/** The documents of the whole dossier, in filing order. */
export const ALL_DOCS: DocPart[] = ['submission', 'report', 'letter'];

export function packetLocale(url: URL): DocLocale {
	return url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
}

async function images(s: PacketSnapshot, locale: DocLocale): Promise<PacketImages> {
	const [charts, map] = await Promise.all([packetCharts(s, locale), renderMap(s.map, locale)]);
	return { charts, map, photos: [] };
}

/** The bytes of one packet file. */
export async function packetBytes(
	s: PacketSnapshot,
	ext: PacketExt,
	locale: DocLocale,
	meta: {
		proposalId?: number;
		version?: { number: number; sha256: string; files: PacketFile[]; submittedAt: number };
	} = {}
): Promise<Uint8Array> {
	const v = meta.version;
	if (v && locale === 'vi') {
		const stored = v.files.find((f) => f.name === `packet.${ext}`);
		const bytes = stored ? await readPacketFile(stored) : null;
		if (bytes) return bytes;
	}
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

export async function packetResponse(
	s: PacketSnapshot,
	ext: PacketExt,
	locale: DocLocale,
	meta: {
		proposalId?: number;
		version?: { number: number; sha256: string; files: PacketFile[]; submittedAt: number };
		baseName: string;
	}
): Promise<Response> {
	const bytes = await packetBytes(s, ext, locale, meta);
	const name = `${meta.baseName}${locale === 'en' ? '-en' : ''}.${ext}`;
	const type = ext.slice(ext.lastIndexOf('.') + 1) as keyof typeof TYPES;
	return new Response(bytes as unknown as BodyInit, {
		headers: {
			'content-type': TYPES[type],
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
}
