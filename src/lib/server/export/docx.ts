/**
 * DOCX of the packet's documents in the Decree 30/2020/NĐ-CP layout: A4 portrait, margins
 * top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman, body 14 pt justified with a
 * first-line indent, the issuing body and the national title with rules of the right length
 * (a third to a half of the line above; the motto's as long as the motto), number and symbol,
 * place and date, signature block, recipients at 11-12 pt, and page numbers (13 pt) centred at
 * the top from page 2 of each document (each document is its own section, numbered from 1).
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	ImageRun,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ISectionOptions,
	type ParagraphChild
} from 'docx';
import type { PacketSnapshot } from '../../packet';
import { DOC_TEXT, upper, type Block, type DocKind, type DocLocale } from './common';
import { documentSpecs, recipientsOf, rulePt, type DocOptions } from './blocks';

/** Millimetres to twips (1 mm = 1440 / 25.4 twips). */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);
export const A4_TWIPS = { width: 11906, height: 16838 };
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };
export const FONT = 'Times New Roman';
const PT = (x: number) => x * 2; // half-points
const BODY = PT(14);
const CONTENT_WIDTH = A4_TWIPS.width - mm(MARGINS_MM.left) - mm(MARGINS_MM.right);
const LEFT_COL = Math.round(CONTENT_WIDTH * 0.4);
const RIGHT_COL = CONTENT_WIDTH - LEFT_COL;
/** Points to twips. */
const tw = (pt: number) => Math.round(pt * 20);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
	top: NONE,
	bottom: NONE,
	left: NONE,
	right: NONE,
	insideHorizontal: NONE,
	insideVertical: NONE
};

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) {
	return new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics });
}

function para(
	children: ParagraphChild[] | string,
	o: { align?: Align; after?: number; indent?: boolean; before?: number } = {}
) {
	return new Paragraph({
		children: typeof children === 'string' ? [run(children)] : children,
		alignment: o.align ?? AlignmentType.JUSTIFIED,
		spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 312 },
		indent: o.indent ? { firstLine: mm(10) } : undefined
	});
}

/**
 * A centred horizontal rule `lengthPt` long in a column `colTwips` wide: an empty paragraph
 * whose top border runs between equal left and right indents.
 */
function rule(lengthPt: number, colTwips: number, after = 120) {
	const side = Math.max(0, Math.round((colTwips - tw(lengthPt)) / 2));
	return new Paragraph({
		children: [],
		spacing: { before: 0, after, line: 120, lineRule: 'exact' },
		indent: { left: side, right: side },
		border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }
	});
}

function section(children: (Paragraph | Table)[]): ISectionOptions {
	return {
		properties: {
			titlePage: true,
			page: {
				size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
				margin: {
					top: mm(MARGINS_MM.top),
					bottom: mm(MARGINS_MM.bottom),
					left: mm(MARGINS_MM.left),
					right: mm(MARGINS_MM.right),
					header: mm(10),
					footer: mm(10)
				},
				pageNumbers: { start: 1 }
			}
		},
		headers: {
			first: new Header({ children: [new Paragraph({ children: [] })] }),
			default: new Header({
				children: [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })]
					})
				]
			})
		},
		children
	};
}

/** Issuer, number (and the letter's trích yếu) left; national title, motto, date right. */
function heading(s: PacketSnapshot, locale: DocLocale, symbol: string, summaryLeft?: string) {
	const T = DOC_TEXT[locale];
	const c = AlignmentType.CENTER;
	const left = [
		para([run(T.issuer, { size: PT(13) })], { align: c, after: 0 }),
		para([run(upper(s.ward.name), { bold: true, size: PT(13) })], { align: c, after: 0 }),
		rule(rulePt.issuer(s.ward.name), LEFT_COL),
		para([run(`${T.number}: ${symbol}`, { size: PT(13) })], { align: c, after: 0 }),
		...(summaryLeft ? [para([run(summaryLeft, { size: PT(12) })], { align: c, after: 0 })] : [])
	];
	const right = [
		para([run(T.nation, { bold: true, size: PT(13) })], { align: c, after: 0 }),
		para([run(T.motto, { bold: true, size: PT(14) })], { align: c, after: 0 }),
		rule(rulePt.motto(T.motto), RIGHT_COL),
		para(
			[run(T.dateLine(s.submission.place, s.submission.date), { italics: true, size: PT(14) })],
			{
				align: c,
				after: 0
			}
		)
	];
	return new Table({
		width: { size: CONTENT_WIDTH, type: WidthType.DXA },
		columnWidths: [LEFT_COL, RIGHT_COL],
		borders: NO_BORDERS,
		rows: [
			new TableRow({
				children: [
					new TableCell({ children: left, width: { size: LEFT_COL, type: WidthType.DXA } }),
					new TableCell({ children: right, width: { size: RIGHT_COL, type: WidthType.DXA } })
				]
			})
		]
	});
}

/** Recipients on the left (label 12 pt, lines 11 pt), authority, title and name on the right. */
function signature(s: PacketSnapshot, kind: DocKind, locale: DocLocale) {
	const T = DOC_TEXT[locale];
	const sub = s.submission;
	const left = [
		para([run(`${T.recipients}:`, { bold: true, italics: true, size: PT(12) })], {
			align: AlignmentType.LEFT,
			after: 0
		}),
		...recipientsOf(s, kind, locale).map((r) =>
			para([run(`- ${r}`, { size: PT(11) })], { align: AlignmentType.LEFT, after: 0 })
		)
	];
	const c = AlignmentType.CENTER;
	const right = [
		para([run(sub.signerAuthority, { bold: true })], { align: c, after: 0 }),
		para([run(sub.signerTitle, { bold: true })], { align: c, after: 1400 }),
		para([run(sub.signerName || ' ', { bold: true })], { align: c })
	];
	const half = Math.round(CONTENT_WIDTH / 2);
	return new Table({
		width: { size: CONTENT_WIDTH, type: WidthType.DXA },
		columnWidths: [half, CONTENT_WIDTH - half],
		borders: NO_BORDERS,
		rows: [
			new TableRow({
				cantSplit: true,
				children: [
					new TableCell({ children: left, width: { size: half, type: WidthType.DXA } }),
					new TableCell({
						children: right,
						width: { size: CONTENT_WIDTH - half, type: WidthType.DXA }
					})
				]
			})
		]
	});
}

function dataTable(head: string[], rows: string[][], widths?: number[]) {
	const size = PT(11);
	const cols = (widths ?? head.map((_, i) => (i === 0 ? 2 : 1))).map((w) => w);
	const sum = cols.reduce((a, b) => a + b, 0);
	const colW = cols.map((w) => Math.round((CONTENT_WIDTH * w) / sum));
	const cell = (t: string, i: number, bold = false) =>
		new TableCell({
			width: { size: colW[i], type: WidthType.DXA },
			children: [
				new Paragraph({
					children: [run(t, { bold, size })],
					alignment:
						i > 0 && /^[\d.,\s%()a-zđ²—-]*$/i.test(t) && !bold
							? AlignmentType.RIGHT
							: AlignmentType.LEFT,
					spacing: { after: 0 }
				})
			]
		});
	return new Table({
		width: { size: CONTENT_WIDTH, type: WidthType.DXA },
		columnWidths: colW,
		rows: [
			new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }),
			...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i)) }))
		]
	});
}

const TWIP_PX = 15; // 1 px at 96 dpi = 15 twips

function renderBlocks(
	s: PacketSnapshot,
	kind: DocKind,
	locale: DocLocale,
	blocks: Block[]
): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [];
	const c = AlignmentType.CENTER;
	for (const b of blocks) {
		switch (b.t) {
			case 'heading':
				out.push(heading(s, locale, b.symbol, b.summaryLeft));
				out.push(para('', { after: 120 }));
				break;
			case 'title': {
				b.lines.forEach((l, i) =>
					out.push(
						para([run(l, { bold: true })], { align: c, after: 0, before: i === 0 ? 120 : 0 })
					)
				);
				out.push(rule(rulePt.title(b.lines[b.lines.length - 1]), CONTENT_WIDTH, 240));
				break;
			}
			case 'to':
				for (const l of b.lines) out.push(para(l, { align: c, after: 240 }));
				break;
			case 'p':
				out.push(
					para(
						[
							run(b.text, {
								italics: b.italic,
								bold: b.bold,
								size: b.size ? PT(b.size) : undefined
							})
						],
						{
							indent: !b.noIndent,
							align: b.noIndent ? AlignmentType.CENTER : AlignmentType.JUSTIFIED
						}
					)
				);
				break;
			case 'h':
				out.push(
					para([run(b.text, { bold: true })], {
						align: AlignmentType.LEFT,
						before: 120,
						indent: true
					})
				);
				break;
			case 'caption':
				out.push(
					new Paragraph({
						children: [run(b.text, { italics: true, size: PT(12) })],
						alignment: c,
						keepNext: true,
						spacing: { before: 120, after: 60 }
					})
				);
				break;
			case 'table':
				out.push(dataTable(b.head, b.rows, b.widths));
				out.push(para('', { after: 60 }));
				break;
			case 'image': {
				const maxPx = mm(b.maxWidthMm) / TWIP_PX;
				const scale = Math.min(1, maxPx / b.img.width);
				out.push(
					new Paragraph({
						alignment: c,
						children: [
							new ImageRun({
								type: 'png',
								data: b.img.png,
								transformation: {
									width: Math.round(b.img.width * scale),
									height: Math.round(b.img.height * scale)
								}
							})
						]
					})
				);
				break;
			}
			case 'photo':
				out.push(
					new Paragraph({
						alignment: c,
						children: [
							new ImageRun({
								type: b.type,
								data: b.data,
								transformation: { width: 300, height: 200 }
							})
						]
					})
				);
				out.push(para([run(b.caption, { italics: true, size: PT(12) })], { align: c }));
				break;
			case 'signature':
				out.push(para('', { after: 120 }));
				out.push(signature(s, kind, locale));
				break;
			case 'pagebreak':
				out.push(new Paragraph({ children: [new PageBreak()] }));
				break;
		}
	}
	return out;
}

/** The DOCX of one or more documents (each its own section, pages numbered from 1). */
export async function buildDocx(s: PacketSnapshot, opts: DocOptions): Promise<Uint8Array> {
	const sections: ISectionOptions[] = documentSpecs(s, opts).map((d) =>
		section(renderBlocks(s, d.kind, opts.locale, d.blocks))
	);
	const doc = new Document({
		creator: 'Trụ sở',
		title: s.submission.summary,
		styles: { default: { document: { run: { font: FONT, size: BODY } } } },
		sections
	});
	const buf = await Packer.toBuffer(doc);
	return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
