/**
 * PDF of the packet's documents (pdfmake 0.3 on the server) in the Decree 30/2020 layout, the
 * same blocks as the DOCX: Tinos (Times New Roman's metric-compatible clone, full Vietnamese
 * coverage) embedded in its four styles, A4 with margins top/bottom 20 mm, left 30 mm, right
 * 15 mm, body 14 pt justified with a first-line indent, recipients 11-12 pt, and page numbers
 * (13 pt) centred at the top from page 2 of each document: every document starts on a new page
 * and is numbered from 1.
 */
import { createRequire } from 'node:module';
import type { PacketSnapshot } from '../../packet';
import { DOC_TEXT, upper, type Block, type DocKind, type DocLocale } from './common';
import { documentSpecs, recipientsOf, rulePt, type DocOptions } from './blocks';
import { textWidthPt, tinosFiles } from './fonts';

interface PdfMake {
	setFonts(fonts: Record<string, Record<string, string>>): void;
	setUrlAccessPolicy(cb: (url: string) => boolean): void;
	setLocalAccessPolicy(cb: (path: string) => boolean): void;
	createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

/** The font family name the PDF embeds (pdffonts lists Tinos, Tinos-Bold, …). */
export const PDF_FONT = 'Tinos';

let cache: PdfMake | null = null;
function pdfmake(): PdfMake {
	if (cache) return cache;
	const require = createRequire(import.meta.url);
	const pm = require('pdfmake') as PdfMake;
	const files = tinosFiles();
	const allowed = new Set(Object.values(files));
	pm.setFonts({ [PDF_FONT]: files });
	pm.setUrlAccessPolicy(() => false);
	pm.setLocalAccessPolicy((p) => allowed.has(p));
	cache = pm;
	return pm;
}

/**
 * Renders a pdfmake document with the one pdfmake instance of the server (Tinos embedded, no
 * remote or other local files). Every PDF the server writes goes through here: pdfmake's font
 * table is global, so a second loader with other fonts would break the packet's PDFs.
 */
export async function renderPdf(doc: object): Promise<Uint8Array> {
	return new Uint8Array(await pdfmake().createPdf(doc).getBuffer());
}

/** mm → PDF points. */
export const pt = (mm: number) => (mm * 72) / 25.4;
const PAGE_W = 595.28;
const MARGINS: [number, number, number, number] = [pt(30), pt(20), pt(15), pt(20)];
const CONTENT_W = PAGE_W - MARGINS[0] - MARGINS[2];
const BODY = 14;
const dataUrl = (png: Uint8Array, type = 'png') =>
	`data:image/${type === 'jpg' ? 'jpeg' : type};base64,${Buffer.from(png).toString('base64')}`;

type Node = Record<string, unknown> | string;

/** A centred rule `length` points long in a column `col` points wide. */
function rule(length: number, col: number, after = 6): Node {
	const x1 = Math.max(0, (col - length) / 2);
	return {
		canvas: [{ type: 'line', x1, y1: 2, x2: x1 + length, y2: 2, lineWidth: 0.6 }],
		margin: [0, 0, 0, after]
	};
}

function heading(s: PacketSnapshot, locale: DocLocale, symbol: string, summaryLeft?: string): Node {
	const T = DOC_TEXT[locale];
	const leftW = CONTENT_W * 0.4;
	const rightW = CONTENT_W - leftW;
	return {
		columns: [
			{
				width: leftW,
				stack: [
					{ text: T.issuer, fontSize: 13, alignment: 'center' },
					{ text: upper(s.ward.name), bold: true, fontSize: 13, alignment: 'center' },
					rule(rulePt.issuer(s.ward.name), leftW),
					{ text: `${T.number}: ${symbol}`, fontSize: 13, alignment: 'center' },
					...(summaryLeft ? [{ text: summaryLeft, fontSize: 12, alignment: 'center' }] : [])
				]
			},
			{
				width: rightW,
				stack: [
					{ text: T.nation, bold: true, fontSize: 13, alignment: 'center' },
					{ text: T.motto, bold: true, fontSize: 14, alignment: 'center' },
					rule(rulePt.motto(T.motto), rightW),
					{
						text: T.dateLine(s.submission.place, s.submission.date),
						italics: true,
						fontSize: 13,
						alignment: 'center'
					}
				]
			}
		],
		margin: [0, 0, 0, 18]
	};
}

function signature(s: PacketSnapshot, kind: DocKind, locale: DocLocale): Node {
	const T = DOC_TEXT[locale];
	const sub = s.submission;
	return {
		unbreakable: true,
		margin: [0, 12, 0, 0],
		columns: [
			{
				width: '50%',
				stack: [
					{ text: `${T.recipients}:`, bold: true, italics: true, fontSize: 12 },
					...recipientsOf(s, kind, locale).map((r) => ({ text: `- ${r}`, fontSize: 11 }))
				]
			},
			{
				width: '50%',
				stack: [
					{ text: sub.signerAuthority, bold: true, alignment: 'center' },
					{ text: sub.signerTitle, bold: true, alignment: 'center', margin: [0, 0, 0, 64] },
					{ text: sub.signerName || ' ', bold: true, alignment: 'center' }
				]
			}
		]
	};
}

/** A figure's or photo's caption: italic 12 pt, centred. */
const caption = (text: string, margin: number[]): Node => ({
	text,
	italics: true,
	fontSize: 12,
	alignment: 'center',
	margin
});

const numeric = (t: string) => /^[\d.,\s%()a-zđ²—-]*$/i.test(t) && /\d/.test(t);

/**
 * Column widths: each column at least as wide as its longest word (so a number never breaks),
 * the rest shared by the given weights; a table too wide for that is set a size smaller.
 */
function columnWidths(head: string[], rows: string[][], size: number, weights?: number[]) {
	const pad = 8;
	const longest = (t: string, bold: boolean) =>
		Math.max(0, ...t.split(/\s+/).map((w) => textWidthPt(w, size, bold)));
	const min = head.map((h, i) =>
		Math.max(longest(h, true), ...rows.map((r) => longest(r[i] ?? '', false)))
	);
	const avail = CONTENT_W - head.length * pad;
	const w = weights ?? head.map((_, i) => (i === 0 ? 2 : 1));
	const sum = w.reduce((a, b) => a + b, 0);
	const want = w.map((x) => (avail * x) / sum);
	const out = want.map((x, i) => Math.max(x, min[i]));
	const over = out.reduce((a, b) => a + b, 0) - avail;
	if (over > 0) {
		// Take the excess from the columns wider than their minimum, in proportion.
		const slack = out.map((x, i) => x - min[i]);
		const total = slack.reduce((a, b) => a + b, 0);
		if (total < over) return null;
		return out.map((x, i) => x - (over * slack[i]) / total);
	}
	return out;
}

function table(head: string[], rows: string[][], widths?: number[]): Node {
	let size = 11;
	let w = columnWidths(head, rows, size, widths);
	while (!w && size > 8) {
		size--;
		w = columnWidths(head, rows, size, widths);
	}
	return {
		table: {
			headerRows: 1,
			dontBreakRows: true,
			widths: w ?? head.map(() => '*'),
			body: [
				head.map((h) => ({ text: h, bold: true, alignment: 'center' })),
				...rows.map((r) =>
					r.map((c, i) => ({ text: c, alignment: i > 0 && numeric(c) ? 'right' : 'left' }))
				)
			]
		},
		fontSize: size,
		lineHeight: 1.05,
		margin: [0, 2, 0, 8]
	};
}

function renderBlocks(
	s: PacketSnapshot,
	kind: DocKind,
	locale: DocLocale,
	blocks: Block[]
): Node[] {
	const out: Node[] = [];
	for (const b of blocks) {
		switch (b.t) {
			case 'heading':
				out.push(heading(s, locale, b.symbol, b.summaryLeft));
				break;
			case 'title': {
				b.lines.forEach((l, i) =>
					out.push({ text: l, bold: true, alignment: 'center', margin: [0, i === 0 ? 6 : 0, 0, 0] })
				);
				out.push(rule(rulePt.title(b.lines[b.lines.length - 1]), CONTENT_W, 12));
				break;
			}
			case 'to':
				for (const l of b.lines) out.push({ text: l, alignment: 'center', margin: [0, 0, 0, 12] });
				break;
			case 'p':
				out.push({
					text: b.text,
					italics: b.italic,
					bold: b.bold,
					fontSize: b.size,
					alignment: b.noIndent ? 'center' : 'justify',
					leadingIndent: b.noIndent ? 0 : pt(10),
					margin: [0, 0, 0, 6]
				});
				break;
			case 'h':
				out.push({ text: b.text, bold: true, leadingIndent: pt(10), margin: [0, 6, 0, 6] });
				break;
			case 'caption':
				out.push(caption(b.text, [0, 4, 0, 2]));
				break;
			case 'table':
				out.push(table(b.head, b.rows, b.widths));
				break;
			case 'image': {
				const img = {
					image: b.img.jpeg ? dataUrl(b.img.jpeg, 'jpg') : dataUrl(b.img.png),
					fit: [Math.min(CONTENT_W, pt(b.maxWidthMm)), 420],
					alignment: 'center',
					margin: [0, 2, 0, 8]
				};
				// The caption stays on the figure's page.
				const prev = out[out.length - 1];
				if (prev && typeof prev === 'object' && prev.italics && typeof prev.text === 'string') {
					out[out.length - 1] = { unbreakable: true, stack: [prev, img] };
				} else out.push(img);
				break;
			}
			case 'photo':
				out.push({ image: dataUrl(b.data, b.type), fit: [220, 160], alignment: 'center' });
				out.push(caption(b.caption, [0, 0, 0, 6]));
				break;
			case 'signature':
				out.push(signature(s, kind, locale));
				break;
			case 'pagebreak':
				out.push({ text: '', pageBreak: 'after' });
				break;
		}
	}
	return out;
}

/**
 * The PDF of one or more documents. Each starts on a new page; the header callback numbers
 * pages within their document (first pages carry no number), from the page each document's
 * first text node was laid out on.
 */
export async function buildPdf(s: PacketSnapshot, opts: DocOptions): Promise<Uint8Array> {
	const content: Node[] = [];
	type Marker = { positions?: { pageNumber: number }[] };
	const markers: Marker[] = [];
	documentSpecs(s, opts).forEach((d, i) => {
		const nodes = renderBlocks(s, d.kind, opts.locale, d.blocks);
		// The first text node marks the document's first page (pdfmake reports no position for
		// a columns node, nor for a node that carries the page break).
		const marker = nodes.find((n) => typeof n === 'object' && typeof n.text === 'string');
		if (marker) markers.push(marker as Marker);
		if (i > 0) (nodes[0] as Record<string, unknown>).pageBreak = 'before';
		content.push(...nodes);
	});
	// pdfmake lays the content out before it calls the header function, and records on each
	// node the positions it was drawn at: the page of each document's first text node.
	const docStart = (page: number) => {
		let best = 1;
		for (const m of markers) {
			const st = m.positions?.[0]?.pageNumber;
			if (st !== undefined && st <= page && st > best) best = st;
		}
		return best;
	};
	const doc = {
		pageSize: 'A4',
		pageOrientation: 'portrait',
		pageMargins: MARGINS,
		info: { title: s.submission.summary, creator: 'Trụ sở' },
		compress: true,
		defaultStyle: { font: PDF_FONT, fontSize: BODY, lineHeight: 1.15 },
		header: (page: number) => {
			const n = page - docStart(page) + 1;
			return n > 1
				? { text: String(n), alignment: 'center', fontSize: 13, margin: [0, pt(10), 0, 0] }
				: null;
		},
		content
	};
	return renderPdf(doc);
}
