/**
 * DOCX of the tờ trình and the report in the Decree 30/2020/NĐ-CP layout: A4 portrait, margins
 * top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 13-14 pt, the national title and
 * motto centred with a rule, number and symbol, signature block, recipients, and page numbers
 * centred at the top from page 2 (a different, empty first-page header).
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	ImageRun,
	Packer,
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
	type DocImage,
	type DocLocale,
	type DocPart,
	type PacketImages
} from './common';

/** Millimetres to twips (1 mm = 1440 / 25.4 twips). */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);
export const A4_TWIPS = { width: 11906, height: 16838 };
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const FONT = 'Times New Roman';
const PT = (x: number) => x * 2; // half-points
const BODY = PT(14);
const CONTENT_WIDTH = A4_TWIPS.width - mm(MARGINS_MM.left) - mm(MARGINS_MM.right);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
	top: NONE,
	bottom: NONE,
	left: NONE,
	right: NONE,
	insideHorizontal: NONE,
	insideVertical: NONE
};

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) {
	return new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics });
}

function para(
	children: ParagraphChild[] | string,
	o: {
		align?: (typeof AlignmentType)[keyof typeof AlignmentType];
		rule?: boolean;
		after?: number;
		indent?: boolean;
	} = {}
) {
	return new Paragraph({
		children: typeof children === 'string' ? [run(children)] : children,
		alignment: o.align ?? AlignmentType.JUSTIFIED,
		spacing: { after: o.after ?? 120, line: 300 },
		indent: o.indent ? { firstLine: mm(10) } : undefined,
		border: o.rule
			? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }
			: undefined
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

/** The two-column heading: issuer and number on the left, national title and date on the right. */
function heading(s: PacketSnapshot, locale: DocLocale, symbol: string) {
	const T = DOC_TEXT[locale];
	const left = [
		para([run(T.issuer, { size: PT(13) })], { align: AlignmentType.CENTER, after: 0 }),
		para([run(upper(s.ward.name), { bold: true, size: PT(13) })], {
			align: AlignmentType.CENTER,
			rule: true,
			after: 120
		}),
		para([run(`${T.number}: ${symbol}`, { size: PT(13) })], { align: AlignmentType.CENTER })
	];
	const right = [
		para([run(T.nation, { bold: true, size: PT(13) })], { align: AlignmentType.CENTER, after: 0 }),
		para([run(T.motto, { bold: true, size: PT(14) })], {
			align: AlignmentType.CENTER,
			rule: true,
			after: 120
		}),
		para(
			[run(T.dateLine(s.submission.place, s.submission.date), { italics: true, size: PT(14) })],
			{
				align: AlignmentType.CENTER
			}
		)
	];
	return new Table({
		width: { size: CONTENT_WIDTH, type: WidthType.DXA },
		columnWidths: [Math.round(CONTENT_WIDTH * 0.4), Math.round(CONTENT_WIDTH * 0.6)],
		borders: NO_BORDERS,
		rows: [
			new TableRow({
				children: [
					new TableCell({
						children: left,
						width: { size: Math.round(CONTENT_WIDTH * 0.4), type: WidthType.DXA }
					}),
					new TableCell({
						children: right,
						width: { size: Math.round(CONTENT_WIDTH * 0.6), type: WidthType.DXA }
					})
				]
			})
		]
	});
}

/** Signature block: recipients on the left, authority, title and name on the right. */
function signature(s: PacketSnapshot, locale: DocLocale) {
	const T = DOC_TEXT[locale];
	const sub = s.submission;
	const left = [
		para([run(`${T.recipients}:`, { bold: true, italics: true, size: PT(12) })], {
			align: AlignmentType.LEFT,
			after: 0
		}),
		...sub.recipients.map((r) =>
			para([run(`- ${r}`, { size: PT(11) })], { align: AlignmentType.LEFT, after: 0 })
		)
	];
	const right = [
		para([run(sub.signerAuthority, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
		para([run(sub.signerTitle, { bold: true })], { align: AlignmentType.CENTER, after: 1400 }),
		para([run(sub.signerName || ' ', { bold: true })], { align: AlignmentType.CENTER })
	];
	const half = Math.round(CONTENT_WIDTH / 2);
	return new Table({
		width: { size: CONTENT_WIDTH, type: WidthType.DXA },
		columnWidths: [half, half],
		borders: NO_BORDERS,
		rows: [
			new TableRow({
				children: [
					new TableCell({ children: left, width: { size: half, type: WidthType.DXA } }),
					new TableCell({ children: right, width: { size: half, type: WidthType.DXA } })
				]
			})
		]
	});
}

function dataTable(head: string[], rows: string[][], size = PT(11)) {
	const cell = (t: string, bold = false) =>
		new TableCell({
			children: [new Paragraph({ children: [run(t, { bold, size })], spacing: { after: 0 } })]
		});
	return new Table({
		width: { size: CONTENT_WIDTH, type: WidthType.DXA },
		rows: [
			new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
			...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))
		]
	});
}

function image(img: DocImage, maxWidthPx = 600) {
	const scale = Math.min(1, maxWidthPx / img.width);
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		children: [
			new ImageRun({
				type: 'png',
				data: img.png,
				transformation: {
					width: Math.round(img.width * scale),
					height: Math.round(img.height * scale)
				}
			})
		]
	});
}

function submissionSection(
	s: PacketSnapshot,
	locale: DocLocale,
	hash: string | null
): ISectionOptions {
	const T = DOC_TEXT[locale];
	const sub = s.submission;
	const nec = generatedParagraphs(s, 'necessity', locale);
	const est = generatedParagraphs(s, 'estimate', locale);
	const children: (Paragraph | Table)[] = [
		heading(s, locale, sub.number),
		para([run(T.submissionType, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
		para([run(sub.summary, { bold: true })], {
			align: AlignmentType.CENTER,
			rule: true,
			after: 240
		}),
		para([run(`${T.to}: ${T.cityCommittee} ${s.ward.city.replace(/^Thành phố\s*/, '')}.`)], {
			align: AlignmentType.CENTER
		})
	];
	if (s.ward.isSample)
		children.push(
			para([run(T.sample, { italics: true, size: PT(12) })], { align: AlignmentType.CENTER })
		);
	for (const p of nec) children.push(para(p, { indent: true }));
	const necNarr = s.sections.find((x) => x.key === 'necessity')?.narrative;
	if (necNarr) children.push(para(necNarr, { indent: true }));
	for (const p of est.slice(-1)) children.push(para(p, { indent: true }));
	children.push(para(sub.request, { indent: true }));
	children.push(para([run(T.attached, { italics: true })], { indent: true }));
	if (hash)
		children.push(
			para([run(`${T.sha}: ${hash}`, { size: PT(10) })], { align: AlignmentType.LEFT })
		);
	children.push(signature(s, locale));
	return section(children);
}

function reportSection(
	s: PacketSnapshot,
	locale: DocLocale,
	images: PacketImages
): ISectionOptions {
	const T = DOC_TEXT[locale];
	const children: (Paragraph | Table)[] = [
		heading(s, locale, s.submission.number.replace(/TTr/, 'BC')),
		para([run(T.reportType, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
		para([run(T.reportSummary, { bold: true })], {
			align: AlignmentType.CENTER,
			rule: true,
			after: 240
		})
	];
	if (s.ward.isSample)
		children.push(
			para([run(T.sample, { italics: true, size: PT(12) })], { align: AlignmentType.CENTER })
		);
	reportSections(s).forEach((sec, i) => {
		children.push(
			para([run(`${i + 1}. ${sectionTitle(sec.key, locale)}`, { bold: true })], {
				align: AlignmentType.LEFT
			})
		);
		for (const p of generatedParagraphs(s, sec.key, locale))
			children.push(para(p, { indent: true }));
		if (sec.narrative)
			for (const p of sec.narrative.split(/\n+/)) children.push(para(p, { indent: true }));
		const rows = numberRows(sec, locale);
		if (rows.length) children.push(dataTable([T.label, T.value, T.source], rows, PT(10)));
		for (const t of sec.tables) {
			children.push(
				para([run(tableTitle(t, locale), { italics: true, size: PT(12) })], {
					align: AlignmentType.LEFT
				})
			);
			children.push(
				dataTable(
					tableHead(t, locale),
					t.rows.map((r) => r.map((c) => cellText(c, locale))),
					PT(10)
				)
			);
		}
		for (const c of images.charts.filter((c) => c.key.startsWith(sec.key + '.'))) {
			children.push(
				para([run(c.title, { italics: true, size: PT(12) })], { align: AlignmentType.CENTER })
			);
			children.push(image(c));
		}
		if (sec.key === 'sites' && images.map) {
			children.push(
				para([run(T.map, { italics: true, size: PT(12) })], { align: AlignmentType.CENTER })
			);
			children.push(image(images.map));
		}
		if (sec.key === 'facilities' && images.photos.length) {
			children.push(
				para([run(T.photos, { italics: true, size: PT(12) })], { align: AlignmentType.LEFT })
			);
			for (const ph of images.photos.slice(0, 8)) {
				children.push(
					new Paragraph({
						alignment: AlignmentType.CENTER,
						children: [
							new ImageRun({
								type: ph.type,
								data: ph.data,
								transformation: { width: 300, height: 200 }
							})
						]
					})
				);
				children.push(
					para([run(ph.caption, { italics: true, size: PT(11) })], { align: AlignmentType.CENTER })
				);
			}
		}
	});
	children.push(signature(s, locale));
	return section(children);
}

/** The DOCX of the tờ trình, the report, or both (two sections, each numbered from 1). */
export async function buildDocx(
	s: PacketSnapshot,
	opts: { locale: DocLocale; parts: DocPart[]; images?: PacketImages; sha256?: string | null }
): Promise<Uint8Array> {
	const images = opts.images ?? NO_IMAGES;
	const sections: ISectionOptions[] = [];
	if (opts.parts.includes('submission'))
		sections.push(submissionSection(s, opts.locale, opts.sha256 ?? null));
	if (opts.parts.includes('report')) sections.push(reportSection(s, opts.locale, images));
	const doc = new Document({
		creator: 'Trụ sở',
		title: s.submission.summary,
		styles: { default: { document: { run: { font: FONT, size: BODY } } } },
		sections
	});
	const buf = await Packer.toBuffer(doc);
	return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
