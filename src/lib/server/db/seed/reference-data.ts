/**
 * Reference data seeded into every database: norm sets with their legal basis, the default
 * specialised rooms, the siting criteria and the settings with their sources. Values marked
 * `verify` are kept editable and shown with their basis (see shared/DOMAIN.md).
 */
import type { InvestmentRate } from '../../../packet/dossier-types';

export interface NormSeed {
	key: string;
	name: string;
	legalBasis: string;
	effectiveFrom: string;
	commonAreaRatio: number;
	commonAreaRatioVerify: boolean;
	titles: {
		titleKey: string;
		labelVi: string;
		labelEn: string;
		m2PerPerson: number;
		legalBasis: string;
		verify: boolean;
	}[];
}

const APPENDIX_155 = 'Nghị định 155/2025/NĐ-CP, Phụ lục II (cấp xã)';
const DECREE_152 = 'Nghị định 152/2017/NĐ-CP, Điều 6 (cấp xã)';

export const NORM_SEEDS: NormSeed[] = [
	{
		key: 'nd-155-2025',
		name: 'Nghị định 155/2025/NĐ-CP',
		legalBasis: 'Nghị định 155/2025/NĐ-CP quy định tiêu chuẩn, định mức sử dụng trụ sở làm việc',
		effectiveFrom: '2025-07-01',
		commonAreaRatio: 0.7,
		commonAreaRatioVerify: true,
		titles: [
			{
				titleKey: 'party-secretary',
				labelVi: 'Bí thư Đảng ủy và tương đương',
				labelEn: 'Party Secretary and equivalent',
				m2PerPerson: 30,
				legalBasis: APPENDIX_155,
				verify: true
			},
			{
				titleKey: 'chair-deputy',
				labelVi:
					'Phó Bí thư; Chủ tịch, Phó Chủ tịch HĐND, UBND; Chủ tịch UBMTTQ; chuyên viên cao cấp, chuyên viên chính',
				labelEn:
					'Deputy Secretary; Chair and Vice-Chairs of the Council and Committee; Front Chair; principal specialists',
				m2PerPerson: 20,
				legalBasis: APPENDIX_155,
				verify: true
			},
			{
				titleKey: 'division-head',
				labelVi: 'Trưởng phòng, Phó Trưởng phòng và tương đương',
				labelEn: 'Division head, deputy head and equivalent',
				m2PerPerson: 18,
				legalBasis: APPENDIX_155,
				verify: true
			},
			{
				titleKey: 'specialist',
				labelVi: 'Chuyên viên và tương đương, công chức cấp xã',
				labelEn: 'Specialist and equivalent, commune civil servant',
				m2PerPerson: 15,
				legalBasis: APPENDIX_155,
				verify: true
			},
			{
				titleKey: 'rank-principal-specialist',
				labelVi: 'Ngạch chuyên viên chính và tương đương',
				labelEn: 'Principal specialist rank and equivalent',
				m2PerPerson: 20,
				legalBasis: `${APPENDIX_155}: chuyên viên cao cấp, chuyên viên chính 20 m²`,
				verify: true
			},
			{
				titleKey: 'rank-senior-specialist',
				labelVi: 'Ngạch chuyên viên cao cấp và tương đương',
				labelEn: 'Senior specialist rank and equivalent',
				m2PerPerson: 20,
				legalBasis: `${APPENDIX_155}: chuyên viên cao cấp, chuyên viên chính 20 m²`,
				verify: true
			}
		]
	},
	{
		key: 'nd-152-2017',
		name: 'Nghị định 152/2017/NĐ-CP (đã thay thế)',
		legalBasis:
			'Nghị định 152/2017/NĐ-CP, thay thế bởi Nghị định 155/2025/NĐ-CP từ 01/7/2025; chỉ để so sánh',
		effectiveFrom: '2018-01-15',
		commonAreaRatio: 0.7,
		commonAreaRatioVerify: false,
		titles: [
			{
				titleKey: 'party-secretary',
				labelVi: 'Bí thư, Chủ tịch HĐND, Chủ tịch UBND',
				labelEn: 'Party Secretary, Council and Committee Chairs',
				m2PerPerson: 15,
				legalBasis: DECREE_152,
				verify: false
			},
			{
				titleKey: 'chair-deputy',
				labelVi: 'Phó Bí thư, Phó Chủ tịch HĐND, UBND, Chủ tịch UBMTTQ',
				labelEn: 'Deputy Secretary, Vice-Chairs, Front Chair',
				m2PerPerson: 12,
				legalBasis: DECREE_152,
				verify: false
			},
			{
				titleKey: 'division-head',
				labelVi: 'Công chức cấp xã (không có cấp phòng)',
				labelEn: 'Commune civil servant (no division level)',
				m2PerPerson: 10,
				legalBasis: DECREE_152,
				verify: false
			},
			{
				titleKey: 'specialist',
				labelVi: 'Công chức cấp xã',
				labelEn: 'Commune civil servant',
				m2PerPerson: 10,
				legalBasis: DECREE_152,
				verify: false
			},
			{
				titleKey: 'non-professional',
				labelVi: 'Người hoạt động không chuyên trách',
				labelEn: 'Non-professional staff',
				m2PerPerson: 5,
				legalBasis: DECREE_152,
				verify: false
			},
			{
				titleKey: 'rank-principal-specialist',
				labelVi: 'Ngạch chuyên viên chính (quy đổi: công chức cấp xã)',
				labelEn: 'Principal specialist rank (mapped to commune civil servants)',
				m2PerPerson: 10,
				legalBasis: `${DECREE_152}: không phân biệt ngạch, áp dụng mức công chức cấp xã`,
				verify: true
			},
			{
				titleKey: 'rank-senior-specialist',
				labelVi: 'Ngạch chuyên viên cao cấp (quy đổi: công chức cấp xã)',
				labelEn: 'Senior specialist rank (mapped to commune civil servants)',
				m2PerPerson: 10,
				legalBasis: `${DECREE_152}: không phân biệt ngạch, áp dụng mức công chức cấp xã`,
				verify: true
			}
		]
	}
];

/** Specialised rooms per ward: set by the province; defaults are the product's assumption. */
export const SPECIALISED_ROOM_SEEDS = [
	{
		key: 'one-stop-counter',
		areaM2: 12,
		count: 12,
		basis: 'Giả định của sản phẩm; Nghị định 118/2025/NĐ-CP (số quầy theo khối lượng hồ sơ)'
	},
	{
		key: 'citizen-reception',
		areaM2: 24,
		count: 1,
		basis: 'Giả định của sản phẩm; do UBND Thành phố quy định'
	},
	{ key: 'hall-100', areaM2: 150, count: 1, basis: 'Giả định của sản phẩm (hội trường ≥ 100 chỗ)' },
	{ key: 'archive', areaM2: 60, count: 1, basis: 'Giả định của sản phẩm' },
	{ key: 'it-room', areaM2: 20, count: 1, basis: 'Giả định của sản phẩm' }
];

/** Siting criteria (TCVN 4601:2012 §6 and local criteria); default weights are an assumption. */
export const CRITERIA_SEEDS = [
	{
		key: 'land-area',
		labelVi: 'Diện tích khu đất',
		labelEn: 'Land area',
		type: 'benefit' as const,
		unit: 'm²',
		source: 'attribute:landAreaM2',
		basis: 'TCVN 4601:2012 §6 (đủ diện tích, có khả năng mở rộng)',
		defaultWeight: 0.12
	},
	{
		key: 'legal-status',
		labelVi: 'Tình trạng pháp lý đất',
		labelEn: 'Legal status of the land',
		type: 'benefit' as const,
		unit: 'điểm 1-5',
		source: 'attribute:legalStatus',
		basis: 'Tiêu chí địa phương',
		defaultWeight: 0.12
	},
	{
		key: 'households',
		labelVi: 'Số hộ phải di dời',
		labelEn: 'Households to relocate',
		type: 'cost' as const,
		unit: 'hộ',
		source: 'attribute:householdsToRelocate',
		basis: 'Tiêu chí địa phương',
		defaultWeight: 0.08
	},
	{
		key: 'land-cost',
		labelVi: 'Chi phí đất và giải phóng mặt bằng',
		labelEn: 'Land and clearance cost',
		type: 'cost' as const,
		unit: 'tỷ đồng',
		source: 'attribute:landAndClearanceCost',
		basis: 'Tiêu chí địa phương',
		defaultWeight: 0.14
	},
	{
		key: 'flood-risk',
		labelVi: 'Nguy cơ ngập',
		labelEn: 'Flood risk',
		type: 'cost' as const,
		unit: 'điểm 1-5',
		source: 'attribute:floodRisk',
		basis: 'Tiêu chí địa phương (TP.HCM)',
		defaultWeight: 0.1
	},
	{
		key: 'plan-fit',
		labelVi: 'Phù hợp quy hoạch',
		labelEn: 'Fit with the approved plan',
		type: 'benefit' as const,
		unit: 'điểm 1-5',
		source: 'attribute:planFit',
		basis: 'TCVN 4601:2012 §6',
		defaultWeight: 0.12
	},
	{
		key: 'road-access',
		labelVi: 'Giao thông tiếp cận',
		labelEn: 'Road access',
		type: 'benefit' as const,
		unit: 'điểm 1-5',
		source: 'attribute:roadAccess',
		basis: 'TCVN 4601:2012 §6',
		defaultWeight: 0.08
	},
	{
		key: 'metro-distance',
		labelVi: 'Khoảng cách đến ga metro',
		labelEn: 'Distance to a metro station',
		type: 'cost' as const,
		unit: 'm',
		source: 'computed:metroDistanceM',
		basis: 'Nghị quyết 188/2025/QH15 (TOD)',
		defaultWeight: 0.1
	},
	{
		key: 'population-distance',
		labelVi: 'Khoảng cách đến trung tâm dân cư',
		labelEn: 'Distance to the population centre',
		type: 'cost' as const,
		unit: 'm',
		source: 'computed:populationDistanceM',
		basis: 'TCVN 4601:2012 §6 (thuận tiện cho người dân)',
		defaultWeight: 0.14
	}
];

export const SETTING_SEEDS = [
	{
		key: 'investment.unitCostVndPerM2',
		value: 11_000_000,
		source:
			'Suất vốn đầu tư xây dựng công trình trụ sở cơ quan (Bộ Xây dựng, công bố hằng năm) — giá trị mẫu, cần cập nhật'
	},
	{
		key: 'investment.contingencyRatio',
		value: 0.1,
		source: 'Dự phòng phí — giả định của sản phẩm'
	},
	{
		key: 'investment.grossToUsableRatio',
		value: 1.35,
		source: 'Hệ số diện tích sàn xây dựng / diện tích sử dụng — giả định của sản phẩm'
	}
];

/** A legal reference of the căn cứ catalogue (version 1 of its key). */
export interface LegalRefSeed {
	key: string;
	kind:
		| 'law'
		| 'assembly-resolution'
		| 'standing-committee-resolution'
		| 'decree'
		| 'pm-decision'
		| 'circular'
		| 'city-resolution'
		| 'city-decision'
		| 'other';
	number: string;
	issuedOn: string;
	issuer: string;
	title: string;
	inForceFrom: string;
	inForceTo: string | null;
	verify: boolean;
	verifyNote: string;
	sortOrder: number;
}

const CHECK_TEXT =
	'Cần đối chiếu số hiệu, ngày ban hành, ngày hiệu lực và văn bản sửa đổi với bản gốc (Công báo).';

/** The sample căn cứ of a ward's tờ trình; each marked "verify" until someone checks it. */
export const LEGAL_REF_SEEDS: LegalRefSeed[] = [
	{
		key: 'luat-to-chuc-chinh-quyen-dia-phuong-2025',
		kind: 'law',
		number: '72/2025/QH15',
		issuedOn: '2025-06-16',
		issuer: 'Quốc hội',
		title: 'Luật Tổ chức chính quyền địa phương',
		inForceFrom: '2025-06-16',
		inForceTo: null,
		verify: true,
		verifyNote: 'Số hiệu 72/2025/QH15 cần kiểm tra. ' + CHECK_TEXT,
		sortOrder: 1
	},
	{
		key: 'luat-dau-tu-cong-2024',
		kind: 'law',
		number: '58/2024/QH15',
		issuedOn: '2024-11-29',
		issuer: 'Quốc hội',
		title: 'Luật Đầu tư công',
		inForceFrom: '2025-01-01',
		inForceTo: null,
		verify: true,
		verifyNote: 'Đã được sửa đổi, bổ sung bởi Luật số 90/2025/QH15. ' + CHECK_TEXT,
		sortOrder: 2
	},
	{
		key: 'nq-ubtvqh-1685-2025',
		kind: 'standing-committee-resolution',
		number: '1685/NQ-UBTVQH15',
		issuedOn: '2025-06-16',
		issuer: 'Ủy ban Thường vụ Quốc hội',
		title: 'về việc sắp xếp các đơn vị hành chính cấp xã của Thành phố Hồ Chí Minh năm 2025',
		inForceFrom: '2025-07-01',
		inForceTo: null,
		verify: true,
		verifyNote: CHECK_TEXT,
		sortOrder: 1
	},
	{
		key: 'nd-85-2025',
		kind: 'decree',
		number: '85/2025/NĐ-CP',
		issuedOn: '2025-04-08',
		issuer: 'Chính phủ',
		title: 'quy định chi tiết một số điều của Luật Đầu tư công',
		inForceFrom: '2025-04-08',
		inForceTo: null,
		verify: true,
		verifyNote: 'Đã được sửa đổi, bổ sung bởi Nghị định số 275/2025/NĐ-CP. ' + CHECK_TEXT,
		sortOrder: 1
	},
	{
		key: 'nd-155-2025',
		kind: 'decree',
		number: '155/2025/NĐ-CP',
		issuedOn: '2025-06-16',
		issuer: 'Chính phủ',
		title: 'quy định tiêu chuẩn, định mức sử dụng trụ sở làm việc, cơ sở hoạt động sự nghiệp',
		inForceFrom: '2025-07-01',
		inForceTo: null,
		verify: true,
		verifyNote: CHECK_TEXT,
		sortOrder: 2
	}
];

/** A unit investment rate for office buildings of a storey band (version 1 of its key). */
export type InvestmentRateSeed = Omit<InvestmentRate, 'id' | 'version'>;

const RATE_SOURCE =
	'Bộ Xây dựng, Suất vốn đầu tư xây dựng công trình năm 2024, công trình trụ sở cơ quan, văn phòng làm việc (số quyết định công bố cần kiểm tra)';
const RATE_NOTE =
	'Giá trị mẫu hợp lý, cần đối chiếu với bản công bố. Suất vốn gồm chi phí xây dựng, thiết bị, quản lý dự án, tư vấn, chi phí khác và thuế giá trị gia tăng; chưa gồm bồi thường, hỗ trợ, tái định cư và dự phòng.';

/** Sample rates (VND per m² of gross floor area), each marked "verify". */
export const INVESTMENT_RATE_SEEDS: InvestmentRateSeed[] = [
	{
		key: 'office-1-5',
		storeysFrom: 1,
		storeysTo: 5,
		vndPerM2: 9_800_000,
		source: RATE_SOURCE,
		year: 2024,
		verify: true,
		note: RATE_NOTE
	},
	{
		key: 'office-6-10',
		storeysFrom: 6,
		storeysTo: 10,
		vndPerM2: 12_100_000,
		source: RATE_SOURCE,
		year: 2024,
		verify: true,
		note: RATE_NOTE
	},
	{
		key: 'office-11-15',
		storeysFrom: 11,
		storeysTo: 15,
		vndPerM2: 13_500_000,
		source: RATE_SOURCE,
		year: 2024,
		verify: true,
		note: RATE_NOTE
	},
	{
		key: 'office-16-20',
		storeysFrom: 16,
		storeysTo: 20,
		vndPerM2: 14_800_000,
		source: RATE_SOURCE,
		year: 2024,
		verify: true,
		note: RATE_NOTE
	}
];
