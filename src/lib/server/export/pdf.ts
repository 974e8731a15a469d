/**
 * PDF of the tờ trình and the report (pdfmake 0.3 on the server, its bundled Roboto, which
 * covers Vietnamese): the same content and order as the DOCX, A4 with the Decree 30 margins,
 * page numbers centred at the top from page 2.
 */
import { createRequire } from 'node:module';
import type { PacketSnapshot } from '../../packet';
import { generatedParagraphs } from '../../packet';
import {
	DOC_TEXT,
	NO_IMAGES,
	cellText,
	numberRows,
	reportSections,
	sectionTitle,
	tableHead,
	tableTitle,
	upper,
	type DocLocale,
	type DocPart,
	type PacketImages
} from './common';

interface PdfMake {
	setFonts(fonts: Record<string, Record<string, string>>): void;
	setUrlAccessPolicy(cb: (url: string) => boolean): void;
	setLocalAccessPolicy(cb: (path: string) => boolean): void;
	createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

let cache: PdfMake | null = null;
function pdfmake(): PdfMake {
	if (cache) return cache;
	const require = createRequire(import.meta.url);
	const pm = require('pdfmake') as PdfMake;
	const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
	const allowed = new Set(Object.values(fonts.Roboto));
	pm.setFonts(fonts);
	pm.setUrlAccessPolicy(() => false);
	pm.setLocalAccessPolicy((p) => allowed.has(p));
	cache = pm;
	return pm;
}

/** mm → PDF points. */
const pt = (mm: number) => (mm * 72) / 25.4;
const dataUrl = (png: Uint8Array, type = 'png') =>
	`data:image/${type === 'jpg' ? 'jpeg' : type};base64,${Buffer.from(png).toString('base64')}`;

type Node = Record<string, unknown> | string;

function heading(s: PacketSnapshot, locale: DocLocale, symbol: string): Node {
	const T = DOC_TEXT[locale];
	return {
		columns: [
			{
				width: '40%',
				stack: [
					{ text: T.issuer, fontSize: 12, alignment: 'center' },
					{ text: upper(s.ward.name), bold: true, fontSize: 12, alignment: 'center' },
					{ canvas: [{ type: 'line', x1: 50, y1: 2, x2: 140, y2: 2, lineWidth: 0.5 }] },
					{
						text: `${T.number}: ${symbol}`,
						fontSize: 12,
						alignment: 'center',
						margin: [0, 6, 0, 0]
					}
				]
			},
			{
				width: '60%',
				stack: [
					{ text: T.nation, bold: true, fontSize: 12, alignment: 'center' },
					{ text: T.motto, bold: true, fontSize: 13, alignment: 'center' },
					{ canvas: [{ type: 'line', x1: 75, y1: 2, x2: 225, y2: 2, lineWidth: 0.5 }] },
					{
						text: T.dateLine(s.submission.place, s.submission.date),
						italics: true,
						fontSize: 13,
						alignment: 'center',
						margin: [0, 6, 0, 0]
					}
				]
			}
		],
		margin: [0, 0, 0, 16]
	};
}

function signature(s: PacketSnapshot, locale: DocLocale): Node {
	const T = DOC_TEXT[locale];
	const sub = s.submission;
	return {
		unbreakable: true,
		margin: [0, 16, 0, 0],
		columns: [
			{
				width: '50%',
				stack: [
					{ text: `${T.recipients}:`, bold: true, italics: true, fontSize: 11 },
					...sub.recipients.map((r) => ({ text: `- ${r}`, fontSize: 10 }))
				]
			},
			{
				width: '50%',
				stack: [
					{ text: sub.signerAuthority, bold: true, alignment: 'center' },
					{ text: sub.signerTitle, bold: true, alignment: 'center', margin: [0, 0, 0, 60] },
					{ text: sub.signerName || ' ', bold: true, alignment: 'center' }
				]
			}
		]
	};
}

function table(head: string[], rows: string[][]): Node {
	return {
		table: {
			headerRows: 1,
			widths: head.map((_, i) => (i === 0 ? '*' : 'auto')),
			body: [head.map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })), ...rows]
		},
		fontSize: 9,
		layout: 'lightHorizontalLines',
		margin: [0, 4, 0, 8]
	};
}

function submissionContent(s: PacketSnapshot, locale: DocLocale, hash: string | null): Node[] {
	const T = DOC_TEXT[locale];
	const sub = s.submission;
	const nec = s.sections.find((x) => x.key === 'necessity')?.narrative;
	return [
		heading(s, locale, sub.number),
		{ text: T.submissionType, bold: true, alignment: 'center' },
		{ text: sub.summary, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
		{
			text: `${T.to}: ${T.cityCommittee} ${s.ward.city.replace(/^Thành phố\s*/, '')}.`,
			alignment: 'center',
			margin: [0, 0, 0, 10]
		},
		...(s.ward.isSample
			? [{ text: T.sample, italics: true, alignment: 'center', fontSize: 10 }]
			: []),
		...generatedParagraphs(s, 'necessity', locale).map((p) => ({
			text: p,
			margin: [0, 0, 0, 6],
			alignment: 'justify'
		})),
		...(nec ? [{ text: nec, margin: [0, 0, 0, 6], alignment: 'justify' }] : []),
		...generatedParagraphs(s, 'estimate', locale)
			.slice(-1)
			.map((p) => ({ text: p, margin: [0, 0, 0, 6] })),
		{ text: sub.request, margin: [0, 0, 0, 6], alignment: 'justify' },
		{ text: T.attached, italics: true },
		...(hash ? [{ text: `${T.sha}: ${hash}`, fontSize: 8, margin: [0, 4, 0, 0] }] : []),
		signature(s, locale)
	];
}

function reportContent(s: PacketSnapshot, locale: DocLocale, images: PacketImages): Node[] {
	const T = DOC_TEXT[locale];
	const out: Node[] = [
		heading(s, locale, s.submission.number.replace(/TTr/, 'BC')),
		{ text: T.reportType, bold: true, alignment: 'center' },
		{ text: T.reportSummary, bold: true, alignment: 'center', margin: [0, 0, 0, 10] }
	];
	if (s.ward.isSample)
		out.push({ text: T.sample, italics: true, alignment: 'center', fontSize: 10 });
	reportSections(s).forEach((sec, i) => {
		out.push({
			text: `${i + 1}. ${sectionTitle(sec.key, locale)}`,
			bold: true,
			margin: [0, 8, 0, 4]
		});
		for (const p of generatedParagraphs(s, sec.key, locale))
			out.push({ text: p, margin: [0, 0, 0, 4], alignment: 'justify' });
		if (sec.narrative)
			out.push({ text: sec.narrative, margin: [0, 0, 0, 4], alignment: 'justify' });
		const rows = numberRows(sec, locale);
		if (rows.length) out.push(table([T.label, T.value, T.source], rows));
		for (const t of sec.tables) {
			out.push({ text: tableTitle(t, locale), italics: true, fontSize: 11 });
			out.push(
				table(
					tableHead(t, locale),
					t.rows.map((r) => r.map((c) => cellText(c, locale)))
				)
			);
		}
		for (const c of images.charts.filter((c) => c.key.startsWith(sec.key + '.'))) {
			out.push({ text: c.title, italics: true, fontSize: 11, alignment: 'center' });
			out.push({
				image: c.jpeg ? dataUrl(c.jpeg, 'jpg') : dataUrl(c.png),
				fit: [440, 260],
				alignment: 'center',
				margin: [0, 4, 0, 8]
			});
		}
		if (sec.key === 'sites' && images.map) {
			out.push({ text: T.map, italics: true, fontSize: 11, alignment: 'center' });
			out.push({
				image: images.map.jpeg ? dataUrl(images.map.jpeg, 'jpg') : dataUrl(images.map.png),
				fit: [440, 440],
				alignment: 'center',
				margin: [0, 4, 0, 8]
			});
		}
		if (sec.key === 'facilities' && images.photos.length) {
			out.push({ text: T.photos, italics: true, fontSize: 11 });
			for (const ph of images.photos.slice(0, 8)) {
				out.push({ image: dataUrl(ph.data, ph.type), fit: [220, 160], alignment: 'center' });
				out.push({
					text: ph.caption,
					italics: true,
					fontSize: 9,
					alignment: 'center',
					margin: [0, 0, 0, 6]
				});
			}
		}
	});
	out.push(signature(s, locale));
	return out;
}

/** The PDF of the tờ trình, the report, or both (the report starts on a new page). */
export async function buildPdf(
	s: PacketSnapshot,
	opts: { locale: DocLocale; parts: DocPart[]; images?: PacketImages; sha256?: string | null }
): Promise<Uint8Array> {
	const images = opts.images ?? NO_IMAGES;
	const content: Node[] = [];
	if (opts.parts.includes('submission'))
		content.push(...submissionContent(s, opts.locale, opts.sha256 ?? null));
	if (opts.parts.includes('report')) {
		const report = reportContent(s, opts.locale, images);
		if (content.length && typeof report[0] === 'object')
			(report[0] as Record<string, unknown>).pageBreak = 'before';
		content.push(...report);
	}
	const doc = {
		pageSize: 'A4',
		pageOrientation: 'portrait',
		pageMargins: [pt(30), pt(20), pt(15), pt(20)],
		info: { title: s.submission.summary, creator: 'Trụ sở' },
		compress: true,
		defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.15 },
		header: (page: number) =>
			page > 1
				? { text: String(page), alignment: 'center', fontSize: 11, margin: [0, pt(8), 0, 0] }
				: null,
		content
	};
	const buf = await pdfmake().createPdf(doc).getBuffer();
	return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
