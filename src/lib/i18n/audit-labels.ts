/**
 * The audit log in words: record kinds, field names and values as a ward clerk reads them
 * ("Phòng", "Diện tích (m²)", "29,5"), never the internal keys ("room", "areaM2", "29.5").
 * Pure: used by the audit pages of the ward and the city.
 */
import type { Locale } from './index';

type Pair = readonly [vi: string, en: string];

const ENTITIES: Record<string, Pair> = {
	facility: ['Cơ sở', 'Facility'],
	building: ['Nhà', 'Building'],
	room: ['Phòng', 'Room'],
	survey: ['Khảo sát tình trạng', 'Condition survey'],
	photo: ['Ảnh', 'Photo'],
	'site-photo': ['Ảnh khu đất', 'Site photo'],
	import: ['Nhập dữ liệu', 'Import'],
	'org-unit': ['Đơn vị', 'Unit'],
	'org-unit-positions': ['Vị trí việc làm của đơn vị', 'Positions of a unit'],
	position: ['Vị trí việc làm', 'Position'],
	'specialised-room': ['Phòng chuyên dùng', 'Specialised room'],
	'norm-set': ['Bộ định mức', 'Norm set'],
	'norm-item': ['Định mức', 'Norm'],
	scenario: ['Phương án bố trí', 'Arrangement scenario'],
	assignment: ['Bố trí chỗ làm việc', 'Seating'],
	site: ['Khu đất', 'Site'],
	criterion: ['Tiêu chí', 'Criterion'],
	weighting: ['Bộ trọng số', 'Weights'],
	judgment: ['Đánh giá so sánh cặp', 'Pairwise judgements'],
	'ahp-invite': ['Lời mời đánh giá', 'Judgement invitation'],
	'scoring-run': ['Lần chấm điểm', 'Scoring run'],
	proposal: ['Hồ sơ đề xuất', 'Proposal'],
	'proposal-version': ['Phiên bản hồ sơ', 'Proposal version'],
	comment: ['Ý kiến', 'Comment'],
	'review-comment': ['Ý kiến thẩm định', 'Review comment'],
	decision: ['Quyết định', 'Decision'],
	'legal-reference': ['Văn bản pháp lý', 'Legal reference'],
	'investment-rate': ['Suất vốn đầu tư', 'Investment rate'],
	'staffing-support': ['Tăng cường cán bộ', 'Staffing support'],
	user: ['Người dùng', 'User'],
	session: ['Phiên đăng nhập', 'Session'],
	token: ['Khóa API', 'API token'],
	ward: ['Phường', 'Ward'],
	setting: ['Thiết lập', 'Setting'],
	backup: ['Sao lưu', 'Backup']
};

const FIELDS: Record<string, Pair> = {
	name: ['Tên', 'Name'],
	code: ['Mã', 'Code'],
	kind: ['Loại', 'Kind'],
	type: ['Loại', 'Type'],
	address: ['Địa chỉ', 'Address'],
	lat: ['Vĩ độ', 'Latitude'],
	lng: ['Kinh độ', 'Longitude'],
	notes: ['Ghi chú', 'Notes'],
	note: ['Ghi chú', 'Note'],
	areaM2: ['Diện tích (m²)', 'Area (m²)'],
	landAreaM2: ['Diện tích đất (m²)', 'Land area (m²)'],
	grossFloorAreaM2: ['Diện tích sàn (m²)', 'Gross floor area (m²)'],
	areaKm2: ['Diện tích (km²)', 'Area (km²)'],
	level: ['Tầng', 'Level'],
	levelsAboveGround: ['Số tầng nổi', 'Storeys above ground'],
	yearBuilt: ['Năm xây dựng', 'Year built'],
	buildingId: ['Nhà', 'Building'],
	facilityId: ['Cơ sở', 'Facility'],
	roomId: ['Phòng', 'Room'],
	orgUnitId: ['Đơn vị', 'Unit'],
	unitId: ['Đơn vị', 'Unit'],
	unit: ['Đơn vị', 'Unit'],
	siteId: ['Khu đất', 'Site'],
	scenarioId: ['Phương án', 'Scenario'],
	proposalId: ['Hồ sơ', 'Proposal'],
	wardId: ['Phường', 'Ward'],
	userId: ['Người dùng', 'User'],
	occupants: ['Số người làm việc', 'Occupants'],
	persons: ['Số người', 'Persons'],
	usable: ['Sử dụng được', 'Usable'],
	publicFacing: ['Phục vụ người dân', 'Public-facing'],
	roomType: ['Công năng', 'Room use'],
	dangerLevel: ['Cấp nguy hiểm', 'Danger level'],
	derivedDangerLevel: ['Cấp nguy hiểm suy ra', 'Derived danger level'],
	overrideReason: ['Lý do điều chỉnh cấp', 'Reason for the override'],
	surveyedOn: ['Ngày khảo sát', 'Surveyed on'],
	surveyor: ['Người khảo sát', 'Surveyor'],
	assessorOrg: ['Đơn vị kiểm định', 'Assessing organisation'],
	assessorQualification: ['Năng lực đơn vị kiểm định', 'Qualification'],
	assessmentKind: ['Hình thức đánh giá', 'Kind of assessment'],
	reportNumber: ['Số báo cáo', 'Report number'],
	foundation: ['Móng', 'Foundation'],
	structure: ['Kết cấu chịu lực', 'Load-bearing structure'],
	roof: ['Mái', 'Roof'],
	wallsFinishes: ['Tường và hoàn thiện', 'Walls and finishes'],
	electrical: ['Điện', 'Electrical'],
	waterSanitation: ['Cấp thoát nước, vệ sinh', 'Water and sanitation'],
	fireSafety: ['Phòng cháy chữa cháy', 'Fire safety'],
	accessibility: ['Tiếp cận cho người khuyết tật', 'Accessibility'],
	title: ['Tiêu đề', 'Title'],
	titleKey: ['Chức danh', 'Title'],
	positionKey: ['Chức danh', 'Title'],
	rank: ['Ngạch', 'Rank'],
	concurrentTitleKeys: ['Chức danh kiêm nhiệm', 'Concurrent titles'],
	approved: ['Biên chế được giao', 'Approved'],
	filled: ['Đã có', 'Filled'],
	plannedNextYear: ['Dự kiến năm sau', 'Planned next year'],
	field: ['Lĩnh vực', 'Field'],
	m2PerPerson: ['Định mức (m²/người)', 'Norm (m²/person)'],
	legalBasis: ['Căn cứ pháp lý', 'Legal basis'],
	basis: ['Căn cứ', 'Basis'],
	verify: ['Cần kiểm tra lại', 'To verify'],
	verifyNote: ['Ghi chú kiểm tra', 'Verification note'],
	commonAreaRatio: ['Tỷ lệ diện tích dùng chung', 'Common-area ratio'],
	status: ['Trạng thái', 'Status'],
	method: ['Phương pháp', 'Method'],
	participant: ['Người đánh giá', 'Participant'],
	keys: ['Tiêu chí', 'Criteria'],
	matrix: ['Ma trận so sánh cặp', 'Pairwise matrix'],
	cr: ['Tỷ số nhất quán (CR)', 'Consistency ratio (CR)'],
	groupWeights: ['Trọng số của nhóm', 'Group weights'],
	weights: ['Trọng số', 'Weights'],
	weight: ['Trọng số', 'Weight'],
	defaultWeight: ['Trọng số mặc định', 'Default weight'],
	active: ['Đang dùng', 'In use'],
	source: ['Nguồn', 'Source'],
	labelVi: ['Tên tiếng Việt', 'Vietnamese name'],
	labelEn: ['Tên tiếng Anh', 'English name'],
	legalStatus: ['Tình trạng pháp lý đất', 'Legal status of the land'],
	currentUse: ['Hiện trạng sử dụng', 'Current use'],
	householdsToRelocate: ['Số hộ phải di dời', 'Households to relocate'],
	landCostVnd: ['Chi phí đất (đồng)', 'Land cost (VND)'],
	clearanceCostVnd: ['Chi phí giải phóng mặt bằng (đồng)', 'Clearance cost (VND)'],
	floodRisk: ['Nguy cơ ngập', 'Flood risk'],
	planFit: ['Phù hợp quy hoạch', 'Fit with planning'],
	roadAccess: ['Giao thông tiếp cận', 'Road access'],
	isCurrentHeadquarters: ['Là trụ sở hiện hữu', 'Current headquarters'],
	polygonGeojson: ['Ranh giới khu đất', 'Site boundary'],
	boundaryGeojson: ['Ranh giới phường', 'Ward boundary'],
	settingsJson: ['Thiết lập', 'Settings'],
	objective: ['Giá trị hàm mục tiêu', 'Objective value'],
	appliedAt: ['Thời điểm áp dụng', 'Applied at'],
	sha256: ['Mã kiểm tra (SHA-256)', 'Checksum (SHA-256)'],
	version: ['Phiên bản', 'Version'],
	section: ['Mục', 'Section'],
	body: ['Nội dung', 'Text'],
	message: ['Nội dung', 'Message'],
	outcome: ['Kết quả', 'Outcome'],
	officerName: ['Cán bộ được cử', 'Officer'],
	workingGroup: ['Tổ công tác', 'Working group'],
	fromDate: ['Từ ngày', 'From'],
	toDate: ['Đến ngày', 'To'],
	number: ['Số', 'Number'],
	issuer: ['Cơ quan ban hành', 'Issued by'],
	issuedOn: ['Ngày ban hành', 'Issued on'],
	inForceFrom: ['Hiệu lực từ', 'In force from'],
	inForceTo: ['Hiệu lực đến', 'In force to'],
	year: ['Năm', 'Year'],
	vndPerM2: ['Đơn giá (đồng/m²)', 'Rate (VND/m²)'],
	storeysFrom: ['Từ số tầng', 'From storeys'],
	storeysTo: ['Đến số tầng', 'To storeys'],
	username: ['Tên đăng nhập', 'Username'],
	passwordReset: ['Đặt lại mật khẩu', 'Password reset'],
	passwordChangedAt: ['Đổi mật khẩu lúc', 'Password changed at'],
	displayName: ['Họ tên', 'Full name'],
	role: ['Vai trò', 'Role'],
	disabled: ['Đã khóa', 'Disabled'],
	locale: ['Ngôn ngữ', 'Language'],
	expiresAt: ['Hết hạn', 'Expires'],
	caption: ['Chú thích', 'Caption'],
	rows: ['Số dòng', 'Rows'],
	count: ['Số lượng', 'Count'],
	id: ['Số hiệu', 'Number'],
	headcount: ['Số người', 'Headcount'],
	priority: ['Mức ưu tiên', 'Priority'],
	seats: ['Số chỗ ngồi', 'Seats'],
	populationCount: ['Dân số', 'Population'],
	adminCode: ['Mã đơn vị hành chính', 'Administrative code'],
	isSample: ['Dữ liệu mẫu', 'Sample data']
};

/** English words that make up the remaining field names, for a readable fallback. */
const WORDS: Record<string, Pair> = {
	area: ['diện tích', 'area'],
	m2: ['(m²)', '(m²)'],
	vnd: ['(đồng)', '(VND)'],
	count: ['số', 'count'],
	date: ['ngày', 'date'],
	at: ['thời điểm', 'at'],
	by: ['người', 'by'],
	name: ['tên', 'name'],
	json: ['', ''],
	id: ['', ''],
	ward: ['phường', 'ward'],
	unit: ['đơn vị', 'unit'],
	site: ['khu đất', 'site'],
	room: ['phòng', 'room'],
	building: ['nhà', 'building'],
	total: ['tổng', 'total'],
	cost: ['chi phí', 'cost'],
	year: ['năm', 'year'],
	note: ['ghi chú', 'note']
};

const pick = (p: Pair, locale: Locale) => (locale === 'en' ? p[1] : p[0]);

/** "scoring-run" → "Lần chấm điểm"; an unknown kind is written in words ("Scoring run"). */
export function entityLabel(entity: string, locale: Locale): string {
	const known = ENTITIES[entity];
	if (known) return pick(known, locale);
	const words = entity.split(/[-_]/).filter(Boolean).join(' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * "areaM2" → "Diện tích (m²)"; a dotted path names its last part ("weights.land-area" →
 * "Trọng số: land-area" keeps the key of a map entry after the field's own label).
 */
export function fieldLabel(field: string, locale: Locale): string {
	const parts = field.split('.');
	for (let k = parts.length - 1; k >= 0; k--) {
		const known = FIELDS[parts[k]];
		if (known) {
			const rest = parts.slice(k + 1).join('.');
			return rest ? `${pick(known, locale)}: ${rest}` : pick(known, locale);
		}
	}
	const last = parts[parts.length - 1];
	const words = last
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[\s_-]+/)
		.map((w) => {
			const known = WORDS[w.toLowerCase()];
			return known ? pick(known, locale) : w.toLowerCase();
		})
		.filter(Boolean)
		.join(' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
	let f = dateTimeFormats.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
			day: '2-digit',
			month: '2-digit',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			timeZone: 'Asia/Ho_Chi_Minh'
		});
		dateTimeFormats.set(locale, f);
	}
	return f;
}

/**
 * A logged value as text for the reader: numbers in the locale ("29.5" → "29,5"), yes/no for
 * booleans, a dash for nothing; text as it was.
 */
export function auditValue(field: string, value: string | null, locale: Locale): string {
	if (value === null || value === 'null' || value === '') return '—';
	const last = field.split('.').pop()!;
	if ((last === 'at' || /[a-z]At$/.test(last)) && /^\d{11,14}$/.test(value)) {
		return dateTimeFormat(locale).format(new Date(Number(value)));
	}
	if (value === 'true') return locale === 'en' ? 'yes' : 'có';
	if (value === 'false') return locale === 'en' ? 'no' : 'không';
	if (/^-?\d+(\.\d+)?$/.test(value) && value.length <= 16) {
		let f = numberFormats.get(locale);
		if (!f) {
			f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
				maximumFractionDigits: 6
			});
			numberFormats.set(locale, f);
		}
		return f.format(Number(value));
	}
	return value;
}
