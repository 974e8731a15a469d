/** What the DOCX and PDF of the packet share: fixed texts, images, dates and table rows. */
import {
	SECTION_TITLES,
	documentDate,
	formatCell,
	formatTraced,
	numberLabel,
	type Cell,
	type PacketLocale,
	type PacketSection,
	type PacketSnapshot,
	type PacketTable
} from '../../packet';

export type DocLocale = PacketLocale;
export type DocPart = 'submission' | 'report' | 'letter';

/** A rendered image for the documents (PNG). */
export interface DocImage {
	key: string;
	title: string;
	png: Uint8Array;
	/** The same image as JPEG (the PDF embeds it without decoding). */
	jpeg?: Uint8Array;
	width: number;
	height: number;
}

export interface PacketImages {
	map: DocImage | null;
	charts: DocImage[];
	/** Survey photos to print in the current facilities section (JPEG/PNG bytes). */
	photos: { caption: string; data: Uint8Array; type: 'jpg' | 'png' }[];
}

export const NO_IMAGES: PacketImages = { map: null, charts: [], photos: [] };

/** Fixed texts of the Decree 30/2020 layout in both languages. */
export const DOC_TEXT = {
	vi: {
		nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
		motto: 'Độc lập - Tự do - Hạnh phúc',
		issuer: 'ỦY BAN NHÂN DÂN',
		submissionType: 'TỜ TRÌNH',
		reportType: 'BÁO CÁO',
		reportSummary: 'Đề xuất chủ trương đầu tư dự án xây dựng trụ sở làm việc',
		to: 'Kính gửi',
		cityCommittee: 'Ủy ban nhân dân Thành phố',
		recipients: 'Nơi nhận',
		number: 'Số',
		dateLine: (place: string, d: string) => `${place}, ${documentDate(d, 'vi')}`,
		sample: 'Dữ liệu mẫu — không dùng cho hồ sơ thật',
		numbers: 'Số liệu',
		label: 'Chỉ tiêu',
		value: 'Giá trị',
		source: 'Nguồn',
		map: 'Bản đồ các địa điểm',
		photos: 'Ảnh khảo sát hiện trạng',
		attached:
			'Hồ sơ kèm theo: Báo cáo đề xuất chủ trương đầu tư; phụ lục số liệu; bản đồ; ảnh khảo sát.',
		sha: 'Mã băm SHA-256 của hồ sơ'
	},
	en: {
		nation: 'SOCIALIST REPUBLIC OF VIET NAM',
		motto: 'Independence - Freedom - Happiness',
		issuer: "PEOPLE'S COMMITTEE",
		submissionType: 'SUBMISSION',
		reportType: 'REPORT',
		reportSummary: 'Investment policy proposal: new headquarters of',
		to: 'To',
		cityCommittee: "the City People's Committee",
		recipients: 'Recipients',
		number: 'No.',
		dateLine: (place: string, d: string) => `${place}, ${documentDate(d, 'en')}`,
		sample: 'Sample data — not for a real dossier',
		numbers: 'Figures',
		label: 'Item',
		value: 'Value',
		source: 'Source',
		map: 'Map of the sites',
		photos: 'Survey photos',
		attached: 'Attached: investment policy proposal report; data appendices; map; survey photos.',
		sha: 'SHA-256 of the dossier'
	}
} as const;

export function sectionTitle(key: PacketSection['key'], locale: DocLocale): string {
	return SECTION_TITLES[key][locale];
}

/** The rows [label, value, source] of a section's numbers. */
export function numberRows(sec: PacketSection, locale: DocLocale): [string, string, string][] {
	return Object.entries(sec.numbers).map(([k, n]) => [
		numberLabel(`${sec.key}.${k}`, locale),
		formatTraced(n.value, n.unit, locale),
		n.source.words?.[locale] ?? ''
	]);
}

const CELL_NUMBER = {
	vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 })
};

/** A table cell as text; a number takes the decimals of its column (`headVi`, see columnDigits). */
export function cellText(c: Cell, locale: DocLocale, headVi?: string): string {
	if (c === null || c === undefined) return '—';
	if (typeof c === 'number') {
		return headVi === undefined ? CELL_NUMBER[locale].format(c) : formatCell(c, headVi, locale);
	}
	return c;
}

export function tableHead(t: PacketTable, locale: DocLocale): string[] {
	return locale === 'vi' ? t.headVi : t.headEn;
}

export function tableTitle(t: PacketTable, locale: DocLocale): string {
	return locale === 'vi' ? t.titleVi : t.titleEn;
}

/** Report sections in order (the tờ trình is its own document). */
export function reportSections(s: PacketSnapshot): PacketSection[] {
	return s.sections.filter((x) => x.key !== 'submission');
}

/** "Phường Bình Trưng" → "PHƯỜNG BÌNH TRƯNG". */
export const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

// ------------------------------------------------------------------ documents as blocks

/** The city-facing documents of the packet. */
export type DocKind = 'submission' | 'report' | 'letter';

/** One block of a document; docx.ts and pdf.ts each render the same list. */
export type Block =
	| { t: 'heading'; symbol: string; summaryLeft?: string }
	| { t: 'title'; lines: string[] }
	| { t: 'to'; lines: string[] }
	| { t: 'p'; text: string; italic?: boolean; bold?: boolean; size?: number; noIndent?: boolean }
	| { t: 'h'; text: string }
	| { t: 'caption'; text: string }
	| { t: 'table'; head: string[]; rows: string[][]; widths?: number[] }
	| { t: 'image'; img: DocImage; maxWidthMm: number }
	| { t: 'photo'; data: Uint8Array; type: 'jpg' | 'png'; caption: string }
	| { t: 'signature' }
	| { t: 'pagebreak' };

export interface DocumentSpec {
	kind: DocKind;
	blocks: Block[];
}
