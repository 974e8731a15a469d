/**
 * Built-in norm sets for commune-level (cấp xã) offices and the specialised room types.
 * Sources and confidence: /work/shared/reference/domain-research.md §1. Every figure marked
 * `verify` is kept as an editable setting in the product, shown with its legal basis.
 */
import type { NormSet, SpecialisedRoom, TitleKey, TitleNorm } from './types';

/** A title's norm with its labels and basis. */
export interface TitleNormDefinition extends TitleNorm {
	key: TitleKey;
	labelVi: string;
	labelEn: string;
	/** Who the title covers, in Vietnamese, as the decree words it. */
	coversVi: string;
	legalBasis: string;
	/** True when the figure is not confirmed against the legal text. */
	verify: boolean;
	note?: string;
}

/** A built-in norm set: usable as `normSet` of {@link computeSpaceNeeds} as it is. */
export interface NormSetDefinition extends NormSet {
	key: '155/2025' | '152/2017';
	labelVi: string;
	labelEn: string;
	legalBasis: string;
	/** ISO date the decree took effect. */
	effectiveFrom: string;
	/** ISO date of the last day in force, when replaced. */
	effectiveUntil?: string;
	titles: readonly TitleNormDefinition[];
	commonAreaRatioVerify: boolean;
	commonAreaRatioBasis: string;
	/** Empty: specialised area is set per ward by the province (see SPECIALISED_ROOM_TYPES). */
	specialisedRooms: readonly SpecialisedRoom[];
}

/**
 * The title keys in order of seniority (highest norm first in both built-in sets).
 *
 * @example
 * TITLE_KEYS[0]; // 'party-secretary'
 */
export const TITLE_KEYS: readonly TitleKey[] = Object.freeze([
	'party-secretary',
	'chair-deputy',
	'division-head',
	'specialist',
	'non-professional',
	'rank-principal-specialist',
	'rank-senior-specialist'
] satisfies TitleKey[]);

const BASIS_155 =
	'Nghị định 155/2025/NĐ-CP, Phụ lục II (cấp xã); figures from a press report of the appendix (Lao Động), to check against the decree text';
const BASIS_152 = 'Nghị định 152/2017/NĐ-CP (cấp xã), as reported by lawnet.vn';

function deepFreeze<T extends NormSetDefinition>(set: T): Readonly<T> {
	set.titles.forEach((t) => Object.freeze(t));
	Object.freeze(set.titles);
	Object.freeze(set.specialisedRooms);
	return Object.freeze(set);
}

/**
 * Decree 155/2025/NĐ-CP (in force 1 July 2025, replaces 152/2017): commune-level maximum
 * working area per person 30 / 20 / 18 / 15 m², and 20 m² for the ranks chuyên viên chính and
 * chuyên viên cao cấp (same row of Appendix II). Every figure comes from a press report of the
 * appendix and is marked `verify`. Common-use area ratio 0.7 is carried over from 152/2017 and
 * marked `commonAreaRatioVerify`. The non-professional category ends with the 2025 reform and
 * has no title here (it stays in 152/2017 for comparison).
 *
 * @example
 * computeSpaceNeeds({
 * 	normSet: NORM_SET_155_2025,
 * 	positions: [{ unitId: 'ubnd', titleKey: 'chair-deputy', count: 3 }]
 * }).workAreaM2; // 3 × 20 = 60
 */
export const NORM_SET_155_2025: Readonly<NormSetDefinition> = deepFreeze({
	key: '155/2025',
	labelVi: 'Nghị định 155/2025/NĐ-CP (cấp xã)',
	labelEn: 'Decree 155/2025/ND-CP (commune level)',
	legalBasis: BASIS_155,
	effectiveFrom: '2025-07-01',
	titles: [
		{
			key: 'party-secretary',
			m2PerPerson: 30,
			labelVi: 'Bí thư Đảng ủy và tương đương',
			labelEn: 'Party Committee Secretary and equivalent',
			coversVi: 'Bí thư Đảng ủy cấp xã và các chức danh tương đương',
			legalBasis: BASIS_155,
			verify: true
		},
		{
			key: 'chair-deputy',
			m2PerPerson: 20,
			labelVi: 'Phó Bí thư; Chủ tịch, Phó Chủ tịch HĐND, UBND; Chủ tịch UBMTTQ; chuyên viên chính',
			labelEn:
				'Deputy Secretary; People’s Council and Committee chairs and vice-chairs; Fatherland Front chair; principal specialists',
			coversVi:
				'Phó Bí thư Đảng ủy; Chủ tịch, Phó Chủ tịch HĐND; Chủ tịch, Phó Chủ tịch UBND; Chủ tịch UBMTTQ cấp xã; chuyên viên cao cấp, chuyên viên chính và tương đương',
			legalBasis: BASIS_155,
			verify: true
		},
		{
			key: 'division-head',
			m2PerPerson: 18,
			labelVi: 'Trưởng phòng, Phó Trưởng phòng và tương đương',
			labelEn: 'Head or deputy head of division and equivalent',
			coversVi: 'Trưởng phòng, Phó Trưởng phòng và các chức danh tương đương cấp xã',
			legalBasis: BASIS_155,
			verify: true
		},
		{
			key: 'specialist',
			m2PerPerson: 15,
			labelVi: 'Chuyên viên và tương đương, công chức cấp xã',
			labelEn: 'Specialist and equivalent, commune civil servants',
			coversVi: 'Chuyên viên và các chức danh tương đương, bao gồm công chức cấp xã',
			legalBasis: BASIS_155,
			verify: true
		},
		{
			key: 'rank-principal-specialist',
			m2PerPerson: 20,
			labelVi: 'Ngạch chuyên viên chính và tương đương',
			labelEn: 'Principal specialist rank and equivalent',
			coversVi: 'Công chức giữ ngạch chuyên viên chính và tương đương',
			legalBasis: BASIS_155,
			verify: true
		},
		{
			key: 'rank-senior-specialist',
			m2PerPerson: 20,
			labelVi: 'Ngạch chuyên viên cao cấp và tương đương',
			labelEn: 'Senior specialist rank and equivalent',
			coversVi: 'Công chức giữ ngạch chuyên viên cao cấp và tương đương',
			legalBasis: BASIS_155,
			verify: true
		}
	],
	commonAreaRatio: 0.7,
	commonAreaRatioVerify: true,
	commonAreaRatioBasis:
		'Not found in 155/2025; 152/2017 capped common-use area at 70 % of working area for commune-level agencies. A setting, default 0.7.',
	specialisedRooms: []
});

/**
 * Decree 152/2017/NĐ-CP (replaced on 1 July 2025), kept for comparison. Commune level:
 * Party Secretary, People's Council and Committee chairs 15 m²; deputies and Fatherland Front
 * chair 12; civil servants (công chức) 10; non-professional staff 5; common-use area ≤ 70 %.
 *
 * The title keys follow 155/2025, so the mapping is approximate (marked `verify`):
 * `chair-deputy` gets 12 m², although chairs of the People's Council and Committee had 15 under
 * 152/2017; `division-head` gets the civil-servant value 10, as communes had no divisions then.
 *
 * @example
 * NORM_SET_152_2017.titles.map((t) => t.m2PerPerson); // [15, 12, 10, 10, 5, 10, 10]
 */
export const NORM_SET_152_2017: Readonly<NormSetDefinition> = deepFreeze({
	key: '152/2017',
	labelVi: 'Nghị định 152/2017/NĐ-CP (cấp xã, đã thay thế)',
	labelEn: 'Decree 152/2017/ND-CP (commune level, replaced)',
	legalBasis: BASIS_152,
	effectiveFrom: '2018-02-10',
	effectiveUntil: '2025-06-30',
	titles: [
		{
			key: 'party-secretary',
			m2PerPerson: 15,
			labelVi: 'Bí thư Đảng ủy, Chủ tịch HĐND, Chủ tịch UBND',
			labelEn: 'Party Secretary, People’s Council and Committee chairs',
			coversVi: 'Bí thư Đảng ủy, Chủ tịch HĐND, Chủ tịch UBND cấp xã',
			legalBasis: BASIS_152,
			verify: false
		},
		{
			key: 'chair-deputy',
			m2PerPerson: 12,
			labelVi: 'Phó Bí thư, Phó Chủ tịch HĐND, UBND, Chủ tịch UBMTTQ',
			labelEn: 'Deputy Secretary, vice-chairs, Fatherland Front chair',
			coversVi: 'Phó Bí thư Đảng ủy, Phó Chủ tịch HĐND, Phó Chủ tịch UBND, Chủ tịch UBMTTQ cấp xã',
			legalBasis: BASIS_152,
			verify: true,
			note: 'Under 152/2017 the chairs of the People’s Council and Committee had 15 m² (with the Party Secretary); this key groups them with the deputies, so the comparison understates chairs by 3 m² each.'
		},
		{
			key: 'division-head',
			m2PerPerson: 10,
			labelVi: 'Trưởng, Phó Trưởng phòng (quy đổi: công chức)',
			labelEn: 'Division heads (mapped to civil servants)',
			coversVi: 'Không có chức danh tương ứng ở cấp xã theo 152/2017; áp dụng mức công chức',
			legalBasis: BASIS_152,
			verify: true,
			note: 'Communes had no divisions under 152/2017; the civil-servant value (10 m²) is used.'
		},
		{
			key: 'specialist',
			m2PerPerson: 10,
			labelVi: 'Công chức cấp xã',
			labelEn: 'Commune civil servants',
			coversVi: 'Công chức cấp xã',
			legalBasis: BASIS_152,
			verify: false
		},
		{
			key: 'non-professional',
			m2PerPerson: 5,
			labelVi: 'Người hoạt động không chuyên trách',
			labelEn: 'Non-professional (part-time) staff',
			coversVi: 'Người hoạt động không chuyên trách ở cấp xã',
			legalBasis: BASIS_152,
			verify: false
		},
		{
			key: 'rank-principal-specialist',
			m2PerPerson: 10,
			labelVi: 'Ngạch chuyên viên chính (quy đổi: công chức cấp xã)',
			labelEn: 'Principal specialist rank (mapped to commune civil servants)',
			coversVi: 'Không phân biệt ngạch ở cấp xã theo 152/2017; áp dụng mức công chức',
			legalBasis: BASIS_152,
			verify: true
		},
		{
			key: 'rank-senior-specialist',
			m2PerPerson: 10,
			labelVi: 'Ngạch chuyên viên cao cấp (quy đổi: công chức cấp xã)',
			labelEn: 'Senior specialist rank (mapped to commune civil servants)',
			coversVi: 'Không phân biệt ngạch ở cấp xã theo 152/2017; áp dụng mức công chức',
			legalBasis: BASIS_152,
			verify: true
		}
	],
	commonAreaRatio: 0.7,
	commonAreaRatioVerify: false,
	commonAreaRatioBasis:
		'152/2017: common-use area ≤ 50 % of working area, ≤ 70 % for commune-level agencies.',
	specialisedRooms: []
});

/**
 * The built-in norm sets, current first.
 *
 * @example
 * NORM_SETS.map((s) => s.key); // ['155/2025', '152/2017']
 */
export const NORM_SETS: readonly Readonly<NormSetDefinition>[] = Object.freeze([
	NORM_SET_155_2025,
	NORM_SET_152_2017
]);

/** Key of a specialised room type. */
export type SpecialisedRoomKey =
	'one-stop-counter' | 'citizen-reception' | 'hall-100' | 'archive' | 'it-room';

/** A specialised room type with a suggested default area. */
export interface SpecialisedRoomType {
	key: SpecialisedRoomKey;
	labelVi: string;
	labelEn: string;
	/** Suggested area of one room or counter (m²): the product's assumption, not a norm. */
	defaultAreaM2: number;
	/** What one unit of `count` is. */
	unitVi: string;
	unitEn: string;
}

/**
 * Where the default areas come from: specialised area norms are set by the provincial People's
 * Committee (152/2017 Art. 3; not found for 155/2025), so the defaults are only the product's
 * suggestion, to be replaced with the ward's approved figures and basis.
 *
 * @example
 * SPECIALISED_ROOM_DEFAULTS_BASIS; // printed under the specialised-room table
 */
export const SPECIALISED_ROOM_DEFAULTS_BASIS =
	"Product assumption; the province sets specialised area norms. Replace with the ward's approved figures." as const;

/**
 * Specialised room types (diện tích chuyên dùng) with suggested default areas (see
 * {@link SPECIALISED_ROOM_DEFAULTS_BASIS}).
 *
 * @example
 * const counter = SPECIALISED_ROOM_TYPES.find((r) => r.key === 'one-stop-counter')!;
 * const room = { key: counter.key, areaM2: counter.defaultAreaM2, count: 6 }; // 6 counters
 */
export const SPECIALISED_ROOM_TYPES: readonly SpecialisedRoomType[] = Object.freeze(
	(
		[
			{
				key: 'one-stop-counter',
				labelVi: 'Quầy tiếp nhận và trả kết quả (Trung tâm Phục vụ hành chính công)',
				labelEn: 'One-stop reception and return counter (public service centre)',
				defaultAreaM2: 12,
				unitVi: 'quầy',
				unitEn: 'counter'
			},
			{
				key: 'citizen-reception',
				labelVi: 'Phòng tiếp công dân',
				labelEn: 'Citizen reception room',
				defaultAreaM2: 18,
				unitVi: 'phòng',
				unitEn: 'room'
			},
			{
				key: 'hall-100',
				labelVi: 'Hội trường từ 100 chỗ',
				labelEn: 'Hall of 100 seats or more',
				defaultAreaM2: 150,
				unitVi: 'hội trường',
				unitEn: 'hall'
			},
			{
				key: 'archive',
				labelVi: 'Kho lưu trữ chuyên dụng',
				labelEn: 'Specialised archive',
				defaultAreaM2: 30,
				unitVi: 'kho',
				unitEn: 'store'
			},
			{
				key: 'it-room',
				labelVi: 'Phòng máy chủ, công nghệ thông tin',
				labelEn: 'Server and IT room',
				defaultAreaM2: 15,
				unitVi: 'phòng',
				unitEn: 'room'
			}
		] satisfies SpecialisedRoomType[]
	).map((r) => Object.freeze(r))
);
