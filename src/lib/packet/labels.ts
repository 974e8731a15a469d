/** Titles of the sections and labels of the numbers, in Vietnamese and English. */
import type { SectionKey } from './types';

export type PacketLocale = 'vi' | 'en';

export const SECTION_TITLES: Record<SectionKey, { vi: string; en: string }> = {
	submission: { vi: 'Tờ trình', en: 'Submission' },
	necessity: {
		vi: 'Sự cần thiết đầu tư và sự phù hợp với quy hoạch',
		en: 'Necessity of the investment and fit with planning'
	},
	facilities: { vi: 'Hiện trạng trụ sở, cơ sở vật chất', en: 'Current facilities' },
	objectives: { vi: 'Mục tiêu đầu tư', en: 'Objectives' },
	scale: { vi: 'Quy mô, địa điểm và phạm vi đầu tư', en: 'Scale, location and scope' },
	sites: { vi: 'So sánh các phương án địa điểm', en: 'Site alternatives compared' },
	recommended: {
		vi: 'Địa điểm đề xuất và lý do lựa chọn',
		en: 'Recommended site and the reasons'
	},
	estimate: { vi: 'Sơ bộ tổng mức đầu tư', en: 'Preliminary total investment' },
	funding: {
		vi: 'Nguồn vốn và phân kỳ đầu tư theo năm',
		en: 'Funding source and yearly split'
	},
	operating: { vi: 'Chi phí vận hành', en: 'Operating cost' },
	impact: {
		vi: 'Tác động môi trường, xã hội và hiệu quả đầu tư',
		en: 'Environmental and social impact, efficiency'
	},
	schedule: { vi: 'Tổ chức thực hiện và tiến độ', en: 'Implementation and schedule' },
	arrangement: {
		vi: 'Bố trí trước mắt tại các cơ sở cũ và phương án xử lý cơ sở cũ',
		en: 'Short-term arrangement in the old facilities and what happens to them'
	},
	staffing: { vi: 'Đề nghị hỗ trợ nhân sự', en: 'Staffing support requested' },
	appendices: { vi: 'Phụ lục số liệu', en: 'Data appendices' }
};

const L = (vi: string, en: string) => ({ vi, en });

/** Labels by `${section}.${key}`; unknown keys fall back to the key itself. */
export const NUMBER_LABELS: Record<string, { vi: string; en: string }> = {
	'necessity.headcount': L('Biên chế được giao', 'Approved staff'),
	'necessity.entitledWorkAreaM2': L('Diện tích làm việc theo định mức', 'Entitled working area'),
	'necessity.occupiedWorkAreaM2': L('Diện tích làm việc đang sử dụng', 'Working area occupied'),
	'necessity.shortfallM2': L('Diện tích còn thiếu', 'Shortfall'),
	'necessity.ratioToNorm': L('Tỷ lệ so với định mức', 'Ratio to norm'),
	'necessity.threshold': L('Ngưỡng xem xét đầu tư mới', 'Threshold for a new building'),
	'necessity.facilityCount': L('Số cơ sở đang sử dụng', 'Facilities in use'),
	'necessity.buildingsCorD': L('Số nhà cấp nguy hiểm C/D', 'Buildings at danger level C/D'),
	'necessity.vacantPosts': L('Biên chế còn thiếu', 'Vacant posts'),
	'facilities.facilities': L('Số cơ sở', 'Facilities'),
	'facilities.buildings': L('Số nhà', 'Buildings'),
	'facilities.rooms': L('Số phòng', 'Rooms'),
	'facilities.roomsAreaM2': L('Tổng diện tích phòng', 'Total room area'),
	'facilities.photos': L('Ảnh khảo sát', 'Survey photos'),
	'arrangement.headcount': L('Số người cần bố trí', 'People to seat'),
	'arrangement.placed': L('Đã bố trí', 'Placed'),
	'arrangement.unplaced': L('Chưa bố trí được', 'Not placed'),
	'arrangement.moved': L('Số người chuyển chỗ', 'People moving'),
	'arrangement.areaPerPersonM2': L('Diện tích bình quân', 'Area per person'),
	'arrangement.normM2PerPerson': L('Định mức bình quân', 'Norm per person'),
	'sites.candidates': L('Số địa điểm ứng viên', 'Candidate sites'),
	'sites.eligible': L('Số địa điểm đủ điều kiện', 'Eligible sites'),
	'sites.cr': L('Tỷ số nhất quán (CR)', 'Consistency ratio (CR)'),
	'recommended.landAreaM2': L('Diện tích khu đất', 'Land area'),
	'recommended.households': L('Số hộ phải di dời', 'Households to relocate'),
	'recommended.score': L('Điểm đánh giá', 'Score'),
	'recommended.rank': L('Thứ hạng', 'Rank'),
	'scale.workAreaM2': L('Diện tích làm việc', 'Working area'),
	'scale.commonAreaM2': L('Diện tích sử dụng chung', 'Common-use area'),
	'scale.specialisedAreaM2': L('Diện tích chuyên dùng', 'Specialised area'),
	'scale.usableM2': L('Tổng diện tích sử dụng', 'Total usable area'),
	'scale.grossToUsableRatio': L('Hệ số sàn xây dựng / sử dụng', 'Gross-to-usable ratio'),
	'scale.grossFloorAreaM2': L('Tổng diện tích sàn xây dựng', 'Gross floor area'),
	'estimate.grossFloorAreaM2': L('Tổng diện tích sàn xây dựng', 'Gross floor area'),
	'estimate.unitCostVndPerM2': L('Suất vốn đầu tư', 'Unit investment cost'),
	'estimate.constructionVnd': L('Chi phí xây dựng', 'Construction cost'),
	'estimate.landCostVnd': L(
		'Chi phí bồi thường, hỗ trợ, tái định cư và giải phóng mặt bằng',
		'Land, compensation and clearance'
	),
	'estimate.clearanceCostVnd': L('Chi phí giải phóng mặt bằng', 'Clearance cost'),
	'estimate.contingencyRatio': L('Tỷ lệ dự phòng', 'Contingency ratio'),
	'estimate.contingencyVnd': L('Chi phí dự phòng', 'Contingency'),
	'estimate.totalVnd': L('Tổng mức đầu tư (sơ bộ)', 'Total investment (preliminary)'),
	'operating.perYear': L('Chi phí vận hành hằng năm', 'Yearly operating cost'),
	'scale.storeys': L('Số tầng nổi', 'Storeys above ground'),
	'schedule.startYear': L('Năm khởi công', 'Start year'),
	'schedule.endYear': L('Năm hoàn thành', 'Completion year'),
	'staffing.approved': L('Biên chế được giao', 'Approved posts'),
	'staffing.filled': L('Hiện có', 'Filled'),
	'staffing.vacant': L('Còn thiếu', 'Vacant')
};

export function numberLabel(key: string, locale: PacketLocale): string {
	const hit = NUMBER_LABELS[key];
	if (hit) return hit[locale];
	const y = /^funding\.y(\d{4})$/.exec(key);
	if (y) return locale === 'vi' ? `Vốn bố trí năm ${y[1]}` : `Capital in ${y[1]}`;
	return locale === 'vi' ? 'Số liệu' : 'Figure';
}

const bcp = (l: PacketLocale) => (l === 'vi' ? 'vi-VN' : 'en-GB');

// Building an Intl.NumberFormat costs far more than formatting with one; a packet page formats
// hundreds of numbers, so each formatter is made once per locale and option set.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(
	locale: PacketLocale,
	kind: 'percent' | 0 | 1 | 4,
	grouping: boolean,
	fixed = false
) {
	const key = `${locale}:${kind}:${grouping}:${fixed}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(
			bcp(locale),
			kind === 'percent'
				? { style: 'percent', maximumFractionDigits: 1 }
				: {
						minimumFractionDigits: fixed ? kind : 0,
						maximumFractionDigits: kind,
						useGrouping: grouping
					}
		);
		formatters.set(key, f);
	}
	return f;
}

/** A number with its unit as printed in the documents (ratios as %). */
export function formatTraced(value: number | null, unit: string, locale: PacketLocale): string {
	if (value === null || value === undefined) return '—';
	if (unit === '%') return formatter(locale, 'percent', true).format(value);
	const digits = unit === 'đồng' || unit === 'đồng/m²' ? 0 : unit === '' ? 4 : 1;
	// Areas always with the policy's one decimal (DECIMALS.area in $lib/i18n): 1.836,0 m² beside
	// 1.285,2 m², never 1.836 m² beside 1.285,2 m².
	const fixed = unit === 'm²';
	const text = formatter(locale, digits, unit !== '' || value >= 10000, fixed).format(value);
	const u = locale === 'en' ? (UNIT_EN[unit] ?? unit) : unit;
	return u ? `${text} ${u}` : text;
}

/**
 * The decimals of a packet table's column, read from its Vietnamese header, following the one
 * policy (DECIMALS in $lib/i18n): areas "(m²)" 1, consistency ratios "CR" 3, scores and weights
 * 3, percentages "(%)" 1; null for other columns (counts, codes, money: written as they are).
 */
export function columnDigits(headVi: string): number | null {
	const h = headVi.trim();
	if (/\(m²\)$/.test(h)) return 1;
	if (/^CR\b/.test(h)) return 3;
	if (/\(%\)$/.test(h)) return 1;
	if (/^(Điểm|Trọng số)\b/.test(h) && !/\(/.test(h)) return 3;
	return null;
}

/** A number of a packet table's cell, with its column's decimals (see columnDigits). */
export function formatCell(
	value: number,
	headVi: string | undefined,
	locale: PacketLocale
): string {
	const digits = headVi === undefined ? null : columnDigits(headVi);
	if (digits === null) return formatter(locale, 4, true).format(value);
	const key = `${locale}:cell:${digits}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(bcp(locale), {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		formatters.set(key, f);
	}
	return f.format(value);
}

const UNIT_EN: Record<string, string> = {
	người: 'people',
	'cơ sở': 'facilities',
	nhà: 'buildings',
	phòng: 'rooms',
	ảnh: 'photos',
	'm²/người': 'm²/person',
	'địa điểm': 'sites',
	hộ: 'households',
	đồng: 'VND',
	'đồng/m²': 'VND/m²'
};

/** The trace of a number in one line: "setting investment.unitCostVndPerM2.value #3 (2026)". */
export function traceText(source: {
	kind: string;
	id?: number | string;
	version?: number | string;
	field: string;
}): string {
	const parts = [source.kind];
	if (source.id !== undefined) parts.push(`#${source.id}`);
	if (source.version !== undefined) parts.push(`v${source.version}`);
	return `${parts.join(' ')} · ${source.field}`;
}

const VN_OFFSET_MS = 7 * 3600 * 1000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Day, month and year of a date in Viet Nam's time (UTC+7): an ISO date "yyyy-mm-dd" is taken
 * as it is; a timestamp is moved to Viet Nam's time first.
 */
export function vnDateParts(iso: string): { d: number; m: number; y: number } | null {
	const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (plain) return { y: Number(plain[1]), m: Number(plain[2]), d: Number(plain[3]) };
	const t = Date.parse(iso);
	if (!Number.isFinite(t)) return null;
	const v = new Date(t + VN_OFFSET_MS);
	return { y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate() };
}

/** Today in Viet Nam's time as "yyyy-mm-dd". */
export function vnToday(at = new Date()): string {
	const v = new Date(at.getTime() + VN_OFFSET_MS);
	return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
}

/**
 * A date as official documents write it: "ngày 05 tháng 12 năm 2026" (day and month on two
 * digits, Decree 30/2020); in English "5 December 2026".
 */
export function documentDate(iso: string, locale: PacketLocale): string {
	const p = vnDateParts(iso);
	if (!p) return iso;
	if (locale === 'vi') return `ngày ${pad2(p.d)} tháng ${pad2(p.m)} năm ${p.y}`;
	const month = new Date(Date.UTC(2000, p.m - 1, 1)).toLocaleString('en-GB', {
		month: 'long',
		timeZone: 'UTC'
	});
	return `${p.d} ${month} ${p.y}`;
}

/** A short date "05/12/2026" (Vietnamese) or "5 December 2026" (English). */
export function shortDate(iso: string, locale: PacketLocale): string {
	const p = vnDateParts(iso);
	if (!p) return iso;
	return locale === 'vi' ? `${pad2(p.d)}/${pad2(p.m)}/${p.y}` : documentDate(iso, 'en');
}
