/**
 * The city-facing documents as blocks (tờ trình, báo cáo, công văn): docx.ts and pdf.ts each
 * render the same list.
 */
import {
	documentDate,
	formatTraced,
	generatedParagraphs,
	numberLabel,
	wardMid,
	type PacketSnapshot
} from '../../packet';
import {
	DOC_TEXT,
	NO_IMAGES,
	cellText,
	reportSections,
	sectionTitle,
	tableHead,
	tableTitle,
	upper,
	type Block,
	type DocKind,
	type DocLocale,
	type DocPart,
	type DocumentSpec,
	type PacketImages
} from './common';
import { textWidthPt } from './fonts';

const ROMAN = [
	'I',
	'II',
	'III',
	'IV',
	'V',
	'VI',
	'VII',
	'VIII',
	'IX',
	'X',
	'XI',
	'XII',
	'XIII',
	'XIV',
	'XV',
	'XVI'
];

const money = (v: number | null | undefined, locale: DocLocale) =>
	formatTraced(v ?? null, 'đồng', locale);

function sampleBlocks(s: PacketSnapshot, locale: DocLocale): Block[] {
	return s.ward.isSample
		? [{ t: 'p', text: DOC_TEXT[locale].sample, italic: true, size: 12, noIndent: true }]
		: [];
}

/** The tờ trình (Decree 30/2020 layout): căn cứ, situation, request, attachments, signature. */
export function submissionBlocks(
	s: PacketSnapshot,
	locale: DocLocale,
	hash: string | null
): Block[] {
	const T = DOC_TEXT[locale];
	const vi = locale === 'vi';
	const sub = s.submission;
	const d = s.dossier;
	const ward = vi ? wardMid(s.ward.name) : s.ward.name;
	const cityShort = s.ward.city.replace(/^Thành phố\s*/, '');
	const nums = (key: string) => s.sections.find((x) => x.key === key)?.numbers ?? {};
	const nec = nums('necessity');
	const est = nums('estimate');
	const f = (n: TracedNumberLike | undefined) => (n ? formatTraced(n.value, n.unit, locale) : '—');
	const blocks: Block[] = [
		{ t: 'heading', symbol: sub.number },
		{ t: 'title', lines: [T.submissionType, sub.summary] },
		{
			t: 'to',
			lines: [
				vi
					? `${T.to}: ${T.cityCommittee} ${cityShort}.`
					: `${T.to}: the People's Committee of ${cityShort} City.`
			]
		},
		...sampleBlocks(s, locale)
	];
	// Căn cứ (legal bases), before anything else.
	const bases = d?.legalBases ?? [];
	for (const b of bases) {
		blocks.push({
			t: 'p',
			text: vi
				? `Căn cứ ${b.citation} của ${b.issuer};`
				: `Having regard to ${b.citation} (${b.issuer});`,
			italic: true
		});
	}
	blocks.push({
		t: 'p',
		text: vi
			? `Ủy ban nhân dân ${ward} kính trình Ủy ban nhân dân Thành phố xem xét, chấp thuận chủ trương đầu tư dự án xây dựng trụ sở làm việc ${ward} với các nội dung như sau:`
			: `The People's Committee of ${ward} submits to the City People's Committee, for approval of the investment policy, the project of a new headquarters of ${ward}, as follows:`
	});
	// I. The situation in three sentences with numbers.
	blocks.push({ t: 'h', text: vi ? 'I. SỰ CẦN THIẾT ĐẦU TƯ' : 'I. NECESSITY' });
	const below = (nec.ratioToNorm?.value ?? 0) < (nec.threshold?.value ?? 0.7);
	blocks.push({
		t: 'p',
		text: vi
			? `${upperFirst(ward)} có ${f(nec.headcount)} biên chế được giao, được bố trí ${f(nec.entitledWorkAreaM2)} diện tích làm việc theo định mức nhưng hiện chỉ sử dụng ${f(nec.occupiedWorkAreaM2)}, đạt ${f(nec.ratioToNorm)} định mức (${below ? 'dưới' : 'không dưới'} ngưỡng ${f(nec.threshold)}). Cơ quan đang làm việc phân tán tại ${f(nec.facilityCount)}, trong đó ${f(nec.buildingsCorD)} được đánh giá cấp nguy hiểm C hoặc D. Để bảo đảm điều kiện làm việc và phục vụ người dân tại một đầu mối, việc đầu tư xây dựng trụ sở làm việc mới là cần thiết.`
			: `${ward} has an approved staff of ${f(nec.headcount)}, entitled to ${f(nec.entitledWorkAreaM2)} of working area but uses ${f(nec.occupiedWorkAreaM2)}, ${f(nec.ratioToNorm)} of the norm (${below ? 'below' : 'not below'} the ${f(nec.threshold)} threshold). The offices are spread over ${f(nec.facilityCount)}, ${f(nec.buildingsCorD)} of them at danger level C or D. A new headquarters is needed to give proper working conditions and serve citizens in one place.`
	});
	// II. The request.
	blocks.push({ t: 'h', text: vi ? 'II. NỘI DUNG ĐỀ NGHỊ' : 'II. THE REQUEST' });
	const site = d?.site;
	const storeys = d?.scale.storeys;
	const gfa = d?.scale.grossFloorAreaM2 ?? est.grossFloorAreaM2?.value ?? null;
	const total = d?.estimate?.totalVnd ?? est.totalVnd?.value ?? null;
	const items: string[] = vi
		? [
				`Tên dự án: Xây dựng trụ sở làm việc ${ward}.`,
				site
					? `Địa điểm: ${site.name}, ${site.address || 'địa chỉ chưa xác định'}; diện tích khu đất ${formatTraced(site.landAreaM2, 'm²', 'vi')}.`
					: 'Địa điểm: chưa xác định.',
				`Quy mô: tổng diện tích sàn xây dựng khoảng ${formatTraced(gfa, 'm²', 'vi')}${storeys ? `, cao ${storeys} tầng` : ''}.`,
				`Sơ bộ tổng mức đầu tư: ${money(total, 'vi')}${d?.totalInWordsVi ? ` (bằng chữ: ${d.totalInWordsVi})` : ''}.`,
				`Nguồn vốn: ${d?.fundingSource || 'chưa xác định'}.`,
				`Chủ đầu tư: ${d?.investor || `Ủy ban nhân dân ${ward}`}.`,
				`Hình thức đầu tư: ${d?.investmentFormLabelVi ? d.investmentFormLabelVi.toLocaleLowerCase('vi-VN') : 'chưa xác định'}.`,
				`Thời gian thực hiện: từ năm ${d?.schedule.startYear ?? nums('schedule').startYear?.value} đến năm ${d?.schedule.endYear ?? nums('schedule').endYear?.value}.`
			]
		: [
				`Project: new headquarters of ${ward}.`,
				site
					? `Site: ${site.name}, ${site.address || 'address not set'}; land area ${formatTraced(site.landAreaM2, 'm²', 'en')}.`
					: 'Site: not chosen.',
				`Scale: gross floor area about ${formatTraced(gfa, 'm²', 'en')}${storeys ? `, ${storeys} storeys` : ''}.`,
				`Preliminary total investment: ${money(total, 'en')}.`,
				`Funding source: ${d?.fundingSource || 'not set'}.`,
				`Investor: ${d?.investor || `People's Committee of ${ward}`}.`,
				`Form of investment: ${d?.investmentFormLabelEn ? d.investmentFormLabelEn.toLowerCase() : 'not set'}.`,
				`Implementation: ${d?.schedule.startYear ?? nums('schedule').startYear?.value} to ${d?.schedule.endYear ?? nums('schedule').endYear?.value}.`
			];
	items.forEach((text, i) => blocks.push({ t: 'p', text: `${i + 1}. ${text}` }));
	if (sub.request.trim()) blocks.push({ t: 'p', text: sub.request.trim() });
	// III. Attachments.
	const R = s.documents?.reportNumber ?? '…/BC-UBND';
	const L = s.documents?.letterNumber ?? '…/UBND-NV';
	const date = documentDate(sub.date, locale);
	blocks.push({ t: 'h', text: vi ? 'III. HỒ SƠ KÈM THEO' : 'III. ATTACHED' });
	blocks.push({
		t: 'p',
		text: vi
			? `Báo cáo đề xuất chủ trương đầu tư số ${R} ${date} của Ủy ban nhân dân ${ward}; Công văn số ${L} ${date} đề nghị Sở Nội vụ hỗ trợ nhân sự; phụ lục nguồn số liệu, bản đồ các địa điểm và ảnh khảo sát hiện trạng.`
			: `Investment policy proposal report No. ${R} of ${date}; letter No. ${L} of ${date} asking the Department of Home Affairs for staff; appendix of data sources, map of the sites and survey photos.`
	});
	blocks.push({
		t: 'p',
		text: vi
			? `Ủy ban nhân dân ${ward} kính trình Ủy ban nhân dân Thành phố xem xét, quyết định./.`
			: `Submitted for the City People's Committee's decision./.`
	});
	if (hash) blocks.push({ t: 'p', text: `${T.sha}: ${hash}`, size: 10, noIndent: true });
	blocks.push({ t: 'signature' });
	return blocks;
}

type TracedNumberLike = { value: number | null; unit: string };
const upperFirst = (x: string) => x.charAt(0).toLocaleUpperCase('vi-VN') + x.slice(1);

/** The báo cáo đề xuất chủ trương đầu tư: its own number, sections, signature, appendices. */
export function reportBlocks(s: PacketSnapshot, locale: DocLocale, images: PacketImages): Block[] {
	const T = DOC_TEXT[locale];
	const vi = locale === 'vi';
	const blocks: Block[] = [
		{ t: 'heading', symbol: s.documents?.reportNumber ?? s.submission.number.replace(/TTr/, 'BC') },
		{
			t: 'title',
			lines: [T.reportType, `${T.reportSummary} ${vi ? wardMid(s.ward.name) : s.ward.name}`]
		},
		...sampleBlocks(s, locale)
	];
	reportSections(s)
		.filter((x) => x.key !== 'appendices')
		.forEach((sec, i) => {
			blocks.push({ t: 'h', text: `${ROMAN[i]}. ${upper(sectionTitle(sec.key, locale))}` });
			for (const p of generatedParagraphs(s, sec.key, locale)) blocks.push({ t: 'p', text: p });
			if (sec.narrative) {
				for (const p of sec.narrative.split(/\n+/).filter((x) => x.trim())) {
					blocks.push({ t: 'p', text: p.trim() });
				}
			}
			if (sec.key === 'estimate') {
				const rows = Object.entries(sec.numbers).map(([k, n]) => [
					numberLabel(`${sec.key}.${k}`, locale),
					formatTraced(n.value, n.unit, locale)
				]);
				blocks.push({
					t: 'caption',
					text: vi ? 'Bảng: Sơ bộ tổng mức đầu tư' : 'Table: preliminary total investment'
				});
				blocks.push({ t: 'table', head: [T.label, T.value], rows, widths: [60, 40] });
			}
			for (const tb of sec.tables) {
				blocks.push({ t: 'caption', text: `${vi ? 'Bảng' : 'Table'}: ${tableTitle(tb, locale)}` });
				blocks.push({
					t: 'table',
					head: tableHead(tb, locale),
					rows: tb.rows.map((r) => r.map((c, j) => cellText(c, locale, tb.headVi[j])))
				});
			}
			for (const c of images.charts.filter((c) => c.key.startsWith(sec.key + '.'))) {
				blocks.push({ t: 'caption', text: `${vi ? 'Hình' : 'Figure'}: ${c.title}` });
				blocks.push({ t: 'image', img: c, maxWidthMm: 150 });
			}
			if (sec.key === 'sites' && images.map) {
				blocks.push({ t: 'caption', text: `${vi ? 'Hình' : 'Figure'}: ${T.map}` });
				blocks.push({ t: 'image', img: images.map, maxWidthMm: 150 });
				blocks.push({
					t: 'p',
					text: `${vi ? 'Ký hiệu trên bản đồ' : 'Map key'}: ${s.map.sites.map((x) => `${x.code}: ${x.name}`).join('; ')}.`,
					size: 12
				});
			}
			if (sec.key === 'facilities' && images.photos.length) {
				blocks.push({ t: 'caption', text: T.photos });
				for (const ph of images.photos.slice(0, 8)) {
					blocks.push({ t: 'photo', data: ph.data, type: ph.type, caption: ph.caption });
				}
			}
		});
	blocks.push({ t: 'signature' });
	// Appendix: sources of the figures, in words.
	blocks.push({ t: 'pagebreak' });
	blocks.push({
		t: 'title',
		lines: [vi ? 'PHỤ LỤC: NGUỒN SỐ LIỆU' : 'APPENDIX: SOURCES OF THE FIGURES']
	});
	for (const line of provenanceLines(s, locale)) blocks.push({ t: 'p', text: line });
	// Appendix: the data tables.
	const app = s.sections.find((x) => x.key === 'appendices');
	if (app?.tables.length) {
		blocks.push({
			t: 'title',
			lines: [vi ? 'PHỤ LỤC: SỐ LIỆU CÁC ĐỊA ĐIỂM' : 'APPENDIX: SITE DATA']
		});
		for (const tb of app.tables) {
			blocks.push({ t: 'caption', text: `${vi ? 'Bảng' : 'Table'}: ${tableTitle(tb, locale)}` });
			blocks.push({
				t: 'table',
				head: tableHead(tb, locale),
				rows: tb.rows.map((r) => r.map((c, j) => cellText(c, locale, tb.headVi[j])))
			});
		}
	}
	return blocks;
}

/**
 * "Phụ lục: Nguồn số liệu": one sentence per figure, "Label (value): where it comes from."
 * The same sentence for the same label is written once.
 */
export function provenanceLines(s: PacketSnapshot, locale: DocLocale): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const sec of s.sections) {
		for (const [k, n] of Object.entries(sec.numbers)) {
			const w = n.source.words?.[locale];
			if (!w || n.value === null) continue;
			const lbl = numberLabel(`${sec.key}.${k}`, locale);
			const key = `${lbl}|${w}`;
			if (seen.has(key)) continue;
			seen.add(key);
			out.push(`${lbl} (${formatTraced(n.value, n.unit, locale)}): ${w}`);
		}
	}
	const d = s.dossier;
	if (d?.legalBases.some((b) => b.verify)) {
		out.push(
			locale === 'vi'
				? `Các văn bản căn cứ chưa được đối chiếu với bản chính thức: ${d.legalBases
						.filter((b) => b.verify)
						.map((b) => b.number)
						.join(', ')}.`
				: `Legal bases not yet checked against the official text: ${d.legalBases
						.filter((b) => b.verify)
						.map((b) => b.number)
						.join(', ')}.`
		);
	}
	return out;
}

/** The staffing letter (công văn) to the Department of Home Affairs. */
export function letterBlocks(s: PacketSnapshot, locale: DocLocale): Block[] {
	const vi = locale === 'vi';
	const ward = vi ? wardMid(s.ward.name) : s.ward.name;
	const cityShort = s.ward.city.replace(/^Thành phố\s*/, '');
	const st = s.sections.find((x) => x.key === 'staffing')?.numbers ?? {};
	const f = (k: string) => (st[k] ? formatTraced(st[k].value, st[k].unit, locale) : '—');
	const vac = s.documents?.vacancies ?? [];
	const asks = s.dossier?.staffingSupport ?? [];
	const blocks: Block[] = [
		{
			t: 'heading',
			symbol: s.documents?.letterNumber ?? '…/UBND-NV',
			summaryLeft: vi
				? 'V/v đề nghị hỗ trợ nhân sự theo lĩnh vực'
				: 'Re: request for staff support by field'
		},
		{
			t: 'to',
			lines: [
				vi ? `Kính gửi: Sở Nội vụ ${s.ward.city}.` : `To: Department of Home Affairs, ${cityShort}.`
			]
		},
		...sampleBlocks(s, locale),
		{
			t: 'p',
			text: vi
				? `Thực hiện chủ trương của Thành phố về việc rà soát nhu cầu nhân sự để bố trí lực lượng hỗ trợ các phường, Ủy ban nhân dân ${ward} báo cáo tình hình biên chế và đề nghị hỗ trợ như sau:`
				: `Following the city's request to report staffing needs so that it can send support teams, the People's Committee of ${ward} reports as follows:`
		},
		{
			t: 'p',
			text: vi
				? `1. Biên chế được giao ${f('approved')}, hiện có ${f('filled')}, còn thiếu ${f('vacant')}. Các vị trí còn thiếu theo lĩnh vực như bảng dưới.`
				: `1. Approved ${f('approved')}, filled ${f('filled')}, vacant ${f('vacant')}. Vacancies by field and position are listed below.`
		}
	];
	// In the order of vacanciesByPosition: the city's fields first, then the others.
	const rows = vac.map((x) => [
		x.field[locale],
		x.position[locale],
		x.unit,
		String(x.approved),
		String(x.filled),
		String(x.vacant)
	]);
	if (rows.length) {
		blocks.push({
			t: 'caption',
			text: vi
				? 'Bảng: Vị trí việc làm còn thiếu theo lĩnh vực'
				: 'Table: vacancies by field and position'
		});
		blocks.push({
			t: 'table',
			head: vi
				? ['Lĩnh vực', 'Vị trí việc làm', 'Đơn vị', 'Biên chế', 'Hiện có', 'Còn thiếu']
				: ['Field', 'Position', 'Unit', 'Approved', 'Filled', 'Vacant'],
			rows,
			widths: [20, 28, 22, 10, 10, 10]
		});
	} else {
		const tb = s.sections.find((x) => x.key === 'staffing')?.tables.find((x) => x.key === 'fields');
		if (tb) {
			blocks.push({
				t: 'table',
				head: tableHead(tb, locale),
				rows: tb.rows.map((r) => r.map((c, j) => cellText(c, locale, tb.headVi[j])))
			});
		}
	}
	blocks.push({
		t: 'p',
		text: vi
			? asks.length
				? `2. Ủy ban nhân dân ${ward} kính đề nghị Sở Nội vụ tham mưu Ủy ban nhân dân Thành phố bố trí hỗ trợ: ${asks.map((a) => `${a.persons} người thuộc lĩnh vực ${a.fieldLabelVi.toLocaleLowerCase('vi-VN')}, thời gian ${a.durationMonths} tháng`).join('; ')}.`
				: `2. Ủy ban nhân dân ${ward} kính đề nghị Sở Nội vụ tham mưu Ủy ban nhân dân Thành phố bố trí hỗ trợ nhân sự cho các lĩnh vực còn thiếu nêu trên.`
			: asks.length
				? `2. The ward asks the Department to arrange support: ${asks.map((a) => `${a.persons} in ${a.fieldLabelEn.toLowerCase()} for ${a.durationMonths} months`).join('; ')}.`
				: `2. The ward asks the Department to arrange staff support for the fields above.`
	});
	if (asks.length) {
		blocks.push({
			t: 'table',
			head: vi ? ['Lĩnh vực', 'Số người', 'Thời gian (tháng)'] : ['Field', 'Persons', 'Months'],
			rows: asks.map((a) => [
				vi ? a.fieldLabelVi : a.fieldLabelEn,
				String(a.persons),
				String(a.durationMonths)
			]),
			widths: [60, 20, 20]
		});
	}
	blocks.push({
		t: 'p',
		text: vi
			? `Ủy ban nhân dân ${ward} kính đề nghị Sở Nội vụ quan tâm, hỗ trợ./.`
			: `With thanks for the Department's support./.`
	});
	blocks.push({ t: 'signature' });
	return blocks;
}

/** Recipients of each document (Nơi nhận). */
export function recipientsOf(s: PacketSnapshot, kind: DocKind, locale: DocLocale): string[] {
	if (kind === 'letter') {
		return locale === 'vi'
			? [
					'Như trên;',
					'Ủy ban nhân dân Thành phố (để báo cáo);',
					'Thường trực Đảng ủy phường;',
					'Lưu: VT.'
				]
			: [
					'As above;',
					"City People's Committee (to report);",
					'Standing Committee of the ward Party Committee;',
					'Filed.'
				];
	}
	return s.submission.recipients;
}

/** Lengths in points of the layout's rules, the same in the DOCX and the PDF. */
export const rulePt = {
	/** Under the issuing body: 40 % of the ward's name line (a third to a half). */
	issuer: (wardName: string) => 0.4 * textWidthPt(upper(wardName), 13, true),
	/** Under the motto: as long as the motto. */
	motto: (motto: string) => textWidthPt(motto, 14, true),
	/** Under a document's title: 40 % of its last line (bold, body size 14 pt). */
	title: (lastLine: string) => 0.4 * textWidthPt(lastLine, 14, true)
};

/** The blocks of one document. */
export function documentBlocks(
	s: PacketSnapshot,
	kind: DocKind,
	locale: DocLocale,
	images: PacketImages,
	hash: string | null
): Block[] {
	if (kind === 'submission') return submissionBlocks(s, locale, hash);
	if (kind === 'report') return reportBlocks(s, locale, images);
	return letterBlocks(s, locale);
}

/** What buildDocx and buildPdf are asked for: the documents, their language and images. */
export interface DocOptions {
	locale: DocLocale;
	parts: DocPart[];
	images?: PacketImages;
	sha256?: string | null;
}

/** The documents asked for, in order, each with its blocks (both renderers start here). */
export function documentSpecs(s: PacketSnapshot, opts: DocOptions): DocumentSpec[] {
	const images = opts.images ?? NO_IMAGES;
	return opts.parts.map((kind) => ({
		kind,
		blocks: documentBlocks(s, kind, opts.locale, images, opts.sha256 ?? null)
	}));
}
