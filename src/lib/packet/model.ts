/**
 * Builds the proposal packet (tờ trình + báo cáo đề xuất chủ trương đầu tư) from plain data:
 * every generated number carries its source; narratives come from the editable draft.
 */
import type { DossierInputs } from './dossier-types';
import { translate, type MessageKey } from '../i18n';
import { documentDate } from './labels';
import type {
	Bilingual,
	Cell,
	NumberSource,
	PacketDraft,
	PacketMap,
	PacketPhoto,
	PacketSection,
	PacketSnapshot,
	PacketDocuments,
	PacketTable,
	SectionKey,
	SourceKind,
	TracedNumber
} from './types';
import { SECTION_KEYS } from './types';

/** A setting with its source and the year it was set. */
export interface SettingValue {
	id: number | null;
	key: string;
	value: number;
	source: string;
	year: number | null;
}

export interface PacketInput {
	ward: {
		id: number;
		code: string;
		name: string;
		city: string;
		isSample: boolean;
		extent: [number, number, number, number] | null;
	};
	assembledAt: string;
	needs: {
		normSet: { id: number; key: string; version: number; name: string; legalBasis: string };
		commonAreaRatio: number;
		headcount: number;
		workAreaM2: number;
		commonAreaM2: number;
		specialisedAreaM2: number;
		totalUsableM2: number;
		occupiedWorkAreaM2: number;
		ratioToNorm: number;
		threshold: number;
		justified: boolean;
		reasons: string[];
		worstDangerLevel: string | null;
		siteCount: number;
		units: {
			code: string;
			name: string;
			headcount: number;
			workAreaM2: number;
			occupiedAreaM2: number;
			gapM2: number;
		}[];
	};
	inventory: {
		facilities: {
			id: number;
			code: string;
			name: string;
			kind: string;
			originWard: string | null;
			lat: number;
			lng: number;
			landAreaM2: number | null;
			buildings: {
				id: number;
				code: string;
				name: string;
				levels: number;
				yearBuilt: number | null;
				roomCount: number;
				roomsAreaM2: number;
				dangerLevel: string | null;
				surveyedOn: string | null;
			}[];
		}[];
		photos: PacketPhoto[];
	};
	scenario: {
		id: number;
		name: string;
		appliedAt: string;
		headcount: number;
		placed: number;
		unplaced: number;
		moved: number;
		areaPerPersonM2: number | null;
		normM2PerPerson: number;
	} | null;
	scoring: {
		runId: number | null;
		name: string;
		createdAt: string;
		method: string;
		criteria: {
			key: string;
			labelVi: string;
			labelEn: string;
			type: string;
			unit: string;
			weight: number;
			basis: string | null;
		}[];
		weights: { source: string; setBy: string[]; cr: number | null };
		results: Record<string, { code: string; score: number; rank: number }[]>;
		firstPlaceAgreement: boolean;
		sensitivity: {
			criterion: string;
			baseWeight: number;
			switches: { weight: number; from: string; to: string }[];
		}[];
		smaa: { eligible: string[]; rankAcceptability: number[][] } | null;
		contributions: { code: string; values: Record<string, number> }[];
		screenedOut: { code: string; name: string; reasons: string[] }[];
	} | null;
	sites: {
		id: number;
		code: string;
		name: string;
		lat: number;
		lng: number;
		polygon: [number, number][] | null;
		landAreaM2: number | null;
		legalStatus: string;
		householdsToRelocate: number;
		landCostVnd: number;
		clearanceCostVnd: number;
	}[];
	stations: { code: string; name: string; lat: number; lng: number; future: boolean }[];
	settings: { unitCost: SettingValue; contingency: SettingValue; grossToUsable: SettingValue };
	/** The dossier's inputs (legal bases, site, scale, estimate, funding …), when known. */
	dossier?: DossierInputs | null;
	/** Justification criteria, arrangement by unit and vacancies by position, when known. */
	documents?: Omit<PacketDocuments, 'reportNumber' | 'letterNumber'>;
	staffing: {
		rows: {
			field: string | null;
			/** The field's name in both languages (the catalogue of the needs page). */
			fieldLabel?: Bilingual;
			approved: number;
			filled: number;
			vacant: number;
			planned: number;
		}[];
		totals: { approved: number; filled: number; vacant: number; planned: number };
	};
}

const W = (vi: string, en: string): Bilingual => ({ vi, en });

const num = (
	value: number | null,
	unit: string,
	kind: SourceKind,
	field: string,
	words: Bilingual,
	extra: Omit<NumberSource, 'kind' | 'field' | 'words'> = {}
): TracedNumber => ({ value, unit, source: { kind, field, ...extra, words } });

const r1 = (x: number) => Math.round(x * 10) / 10;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** Label of a message key in both languages (the app's catalogue), or the fallback. */
function label(key: string, fallback: string): Bilingual {
	const k = key as MessageKey;
	const vi = translate('vi', k);
	const en = translate('en', k);
	return { vi: vi === key ? fallback : vi, en: en === key ? fallback : en };
}

/** A field of expertise (KNOWN_FIELDS) in both languages. */
export function fieldLabel(field: string | null): Bilingual {
	return label(`needs.field.${field ?? 'none'}`, field ?? '—');
}

/** The scoring methods as the documents name them. */
export const METHOD_LABELS: Record<string, Bilingual> = {
	'weighted-sum': W('Tổng có trọng số', 'Weighted sum'),
	topsis: W('TOPSIS', 'TOPSIS'),
	promethee2: W('PROMETHEE II', 'PROMETHEE II')
};
const methodLabel = (m: string) => METHOD_LABELS[m] ?? W(m, m);

/** The settings-based estimate of snapshots without dossier inputs. */
export interface EstimateInput {
	usableM2: number;
	grossToUsableRatio: number;
	unitCostVndPerM2: number;
	landCostVnd: number;
	clearanceCostVnd: number;
	contingencyRatio: number;
}

export interface Estimate {
	grossFloorAreaM2: number;
	constructionVnd: number;
	landVnd: number;
	contingencyVnd: number;
	totalVnd: number;
}

/**
 * gross floor area = usable × gross/usable (rounded to 0.1 m²); construction = gross × unit
 * cost; land = land + clearance of the site; contingency = ratio × (construction + land);
 * total = construction + land + contingency. Money rounded to whole đồng. Used when the draft
 * has no dossier inputs yet (the dossier's estimate, from the rate table, replaces it).
 *
 * @example
 * settingsEstimate({ usableM2: 1000, grossToUsableRatio: 1.35, unitCostVndPerM2: 11e6,
 *   landCostVnd: 5e9, clearanceCostVnd: 1e9, contingencyRatio: 0.1 });
 * // gross 1,350 m²; construction 14,850,000,000; land 6,000,000,000;
 * // contingency 2,085,000,000; total 22,935,000,000
 */
export function settingsEstimate(i: EstimateInput): Estimate {
	const grossFloorAreaM2 = r1(i.usableM2 * i.grossToUsableRatio);
	const constructionVnd = Math.round(grossFloorAreaM2 * i.unitCostVndPerM2);
	const landVnd = Math.round(i.landCostVnd + i.clearanceCostVnd);
	const contingencyVnd = Math.round(i.contingencyRatio * (constructionVnd + landVnd));
	return {
		grossFloorAreaM2,
		constructionVnd,
		landVnd,
		contingencyVnd,
		totalVnd: constructionVnd + landVnd + contingencyVnd
	};
}

/** The draft a new proposal starts from (Vietnamese defaults the ward edits). */
export function defaultDraft(
	wardName: string,
	today: string,
	city = 'Thành phố Hồ Chí Minh'
): PacketDraft {
	const year = Number(today.slice(0, 4)) || new Date().getUTCFullYear();
	const lower = wardName.replace(/^Phường\s+/i, 'phường ');
	return {
		submission: {
			number: '…/TTr-UBND',
			place: city,
			date: today,
			summary: `Về việc đề xuất chủ trương đầu tư xây dựng trụ sở làm việc ${lower}`,
			request: '',
			signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
			signerTitle: 'CHỦ TỊCH',
			signerName: '',
			recipients: [
				'Như trên;',
				'Sở Tài chính;',
				'Sở Xây dựng;',
				'Sở Quy hoạch - Kiến trúc;',
				'Sở Nội vụ;',
				'Thường trực Đảng ủy phường;',
				'Lưu: VT.'
			]
		},
		narratives: {},
		schedule: { startYear: year + 1, endYear: year + 3 },
		recommendedSiteCode: null
	};
}

function table(
	key: string,
	titleVi: string,
	titleEn: string,
	head: [string, string][],
	rows: Cell[][]
): PacketTable {
	return {
		key,
		titleVi,
		titleEn,
		headVi: head.map((h) => h[0]),
		headEn: head.map((h) => h[1]),
		rows
	};
}

/** The site the packet recommends: the draft's choice, else the first of the scoring. */
export function recommendedSite(input: PacketInput, draft: PacketDraft) {
	const chosen = draft.recommendedSiteCode
		? input.sites.find((s) => s.code === draft.recommendedSiteCode)
		: undefined;
	if (chosen) return { site: chosen, by: 'draft' as const };
	const first = input.scoring?.results[input.scoring.method]?.find((r) => r.rank === 1);
	const site = first ? input.sites.find((s) => s.code === first.code) : undefined;
	return site ? { site, by: 'scoring' as const } : null;
}

/** "số 3/TTr-UBND" → "3/BC-UBND": the báo cáo and the letter share the tờ trình's number part. */
function siblingNumber(ttr: string, symbol: string): string {
	const m = /^(.*?)\/TTr-(.*)$/.exec(ttr.trim());
	return m ? `${m[1]}/${symbol}-${m[2]}` : `…/${symbol}-UBND`;
}

/** Assembles the snapshot. Pure: the same input and draft give the same snapshot. */
export function buildSnapshot(input: PacketInput, draft: PacketDraft): PacketSnapshot {
	const n = input.needs;
	const ns = { id: n.normSet.id, version: n.normSet.version, note: n.normSet.legalBasis };
	const normWords = `${n.normSet.legalBasis} (bộ định mức “${n.normSet.name}”, phiên bản ${n.normSet.version})`;
	const normWordsEn = `${n.normSet.legalBasis} (norm set “${n.normSet.name}”, version ${n.normSet.version})`;
	const asOfVi = documentDate(input.assembledAt, 'vi');
	const asOfEn = documentDate(input.assembledAt, 'en');
	const narrative = (k: SectionKey) => draft.narratives[k] ?? '';
	const sections: Record<SectionKey, PacketSection> = Object.fromEntries(
		SECTION_KEYS.map((k) => [k, { key: k, numbers: {}, narrative: narrative(k), tables: [] }])
	) as unknown as Record<SectionKey, PacketSection>;

	// Necessity: needs against norms, the 70 % rule, condition, staff shortage.
	const inv = input.inventory;
	const allBuildings = inv.facilities.flatMap((f) => f.buildings);
	const poor = allBuildings.filter((b) => b.dangerLevel === 'C' || b.dangerLevel === 'D').length;
	const staffWords = W(
		`Tổng biên chế được giao của các đơn vị theo danh mục vị trí việc làm của phường, số liệu ${asOfVi}.`,
		`Total approved staff of the units in the ward's list of positions, as of ${asOfEn}.`
	);
	const inventoryWords = W(
		`Số liệu kiểm kê cơ sở vật chất của phường (cơ sở, nhà, phòng), ${asOfVi}.`,
		`The ward's inventory of facilities, buildings and rooms, as of ${asOfEn}.`
	);
	sections.necessity.numbers = {
		headcount: num(n.headcount, 'người', 'positions', 'Σ approved', staffWords),
		entitledWorkAreaM2: num(
			r1(n.workAreaM2),
			'm²',
			'needs',
			'workAreaM2',
			W(
				`Diện tích định mức: ${normWords}, nhân với biên chế được giao của từng chức danh.`,
				`Entitled area: ${normWordsEn}, times the approved staff of each title.`
			),
			ns
		),
		occupiedWorkAreaM2: num(
			r1(n.occupiedWorkAreaM2),
			'm²',
			'needs',
			'occupiedWorkAreaM2',
			W(
				`Tổng diện tích các phòng làm việc đang được các đơn vị sử dụng theo số liệu kiểm kê, ${asOfVi}.`,
				`Sum of the working rooms the units occupy in the inventory, as of ${asOfEn}.`
			),
			ns
		),
		shortfallM2: num(
			r1(Math.max(0, n.workAreaM2 - n.occupiedWorkAreaM2)),
			'm²',
			'needs',
			'workAreaM2 − occupiedWorkAreaM2',
			W(
				'Hiệu số giữa diện tích làm việc theo định mức và diện tích đang sử dụng.',
				'Entitled working area less the area occupied.'
			),
			ns
		),
		ratioToNorm: num(
			r4(n.ratioToNorm),
			'%',
			'needs',
			'ratioToNorm',
			W(
				'Tỷ lệ giữa diện tích làm việc đang sử dụng và diện tích làm việc theo định mức.',
				'Working area occupied divided by the entitled working area.'
			),
			ns
		),
		threshold: num(
			n.threshold,
			'%',
			'norm-set',
			'justification threshold',
			W(
				'Ngưỡng 70 % định mức theo chủ trương của Thủ tướng Chính phủ năm 2017 về sắp xếp, bố trí trụ sở làm việc (cần đối chiếu văn bản gốc).',
				'The 70 % of the norm threshold of the Prime Minister’s 2017 policy on arranging office buildings (to verify against the official text).'
			)
		),
		facilityCount: num(n.siteCount, 'cơ sở', 'inventory', 'count(facilities)', inventoryWords),
		buildingsCorD: num(
			poor,
			'nhà',
			'inventory',
			'count(buildings with danger level C or D)',
			W(
				'Số nhà có kết quả khảo sát gần nhất xếp cấp nguy hiểm C hoặc D theo TCVN 9381:2012.',
				'Buildings whose latest survey grades them at danger level C or D under TCVN 9381:2012.'
			)
		),
		vacantPosts: num(
			input.staffing.totals.vacant,
			'người',
			'positions',
			'Σ max(0, approved − filled)',
			W(
				`Tổng số biên chế được giao chưa có người đảm nhiệm theo danh mục vị trí việc làm, ${asOfVi}.`,
				`Approved posts not filled in the list of positions, as of ${asOfEn}.`
			)
		)
	};
	sections.necessity.tables.push(
		table(
			'units',
			'Nhu cầu diện tích làm việc theo đơn vị',
			'Working area needs by unit',
			[
				['Đơn vị', 'Unit'],
				['Biên chế', 'Staff'],
				['Định mức (m²)', 'Entitled (m²)'],
				['Đang sử dụng (m²)', 'Occupied (m²)'],
				['Chênh lệch (m²)', 'Gap (m²)']
			],
			n.units.map((u) => [u.name, u.headcount, r1(u.workAreaM2), r1(u.occupiedAreaM2), r1(u.gapM2)])
		)
	);

	// Current facilities.
	sections.facilities.numbers = {
		facilities: num(
			inv.facilities.length,
			'cơ sở',
			'inventory',
			'count(facilities)',
			inventoryWords
		),
		buildings: num(allBuildings.length, 'nhà', 'inventory', 'count(buildings)', inventoryWords),
		rooms: num(
			allBuildings.reduce((s, b) => s + b.roomCount, 0),
			'phòng',
			'inventory',
			'count(rooms)',
			inventoryWords
		),
		roomsAreaM2: num(
			r1(allBuildings.reduce((s, b) => s + b.roomsAreaM2, 0)),
			'm²',
			'inventory',
			'Σ rooms.area_m2',
			inventoryWords
		),
		photos: num(
			inv.photos.length,
			'ảnh',
			'inventory',
			'count(photos)',
			W('Ảnh chụp kèm các phiếu khảo sát hiện trạng.', 'Photos attached to the condition surveys.')
		)
	};
	sections.facilities.tables.push(
		table(
			'buildings',
			'Hiện trạng cơ sở vật chất',
			'Current facilities',
			[
				['Cơ sở', 'Facility'],
				['Nhà', 'Building'],
				['Năm xây dựng', 'Built'],
				['Số phòng', 'Rooms'],
				['Diện tích phòng (m²)', 'Room area (m²)'],
				['Cấp nguy hiểm', 'Danger level']
			],
			inv.facilities.flatMap((f) =>
				f.buildings.map((b) => [
					f.name,
					b.name,
					b.yearBuilt === null ? null : String(b.yearBuilt),
					b.roomCount,
					r1(b.roomsAreaM2),
					b.dangerLevel ?? '—'
				])
			)
		)
	);

	// Short-term arrangement.
	const sc = input.scenario;
	if (sc) {
		const words = W(
			`Phương án bố trí “${sc.name}” được phường áp dụng ${documentDate(sc.appliedAt, 'vi')}.`,
			`Arrangement “${sc.name}” applied by the ward on ${documentDate(sc.appliedAt, 'en')}.`
		);
		const s = (v: number | null, unit: string, field: string): TracedNumber =>
			num(v, unit, 'scenario', field, words, { id: sc.id, version: sc.appliedAt });
		sections.arrangement.numbers = {
			headcount: s(sc.headcount, 'người', 'metrics.headcount'),
			placed: s(sc.placed, 'người', 'metrics.placed'),
			unplaced: s(sc.unplaced, 'người', 'metrics.unplaced'),
			moved: s(sc.moved, 'người', 'metrics.moved'),
			areaPerPersonM2: s(
				sc.areaPerPersonM2 === null ? null : r1(sc.areaPerPersonM2),
				'm²/người',
				'metrics.areaPerPersonM2'
			),
			normM2PerPerson: s(r1(sc.normM2PerPerson), 'm²/người', 'metrics.normM2PerPerson')
		};
	}

	// Site alternatives.
	const scoring = input.scoring;
	const siteName = new Map(input.sites.map((s) => [s.code, s.name]));
	const nameOf = (code: string) => siteName.get(code) ?? code;
	const criterionLabel = new Map(scoring?.criteria.map((c) => [c.key, c]) ?? []);
	if (scoring) {
		const runWords = W(
			`Kết quả chấm điểm đa tiêu chí “${scoring.name === 'live' ? 'hiện hành' : scoring.name}”, ${documentDate(scoring.createdAt, 'vi')}.`,
			`Multi-criteria scoring “${scoring.name === 'live' ? 'current' : scoring.name}” of ${documentDate(scoring.createdAt, 'en')}.`
		);
		const runSrc = { id: scoring.runId ?? undefined, version: scoring.createdAt };
		sections.sites.numbers = {
			candidates: num(
				input.sites.length,
				'địa điểm',
				'site',
				'count(sites)',
				W('Danh mục các khu đất ứng viên do phường lập.', 'The ward’s register of candidate sites.')
			),
			eligible: num(
				scoring.results[scoring.method]?.length ?? 0,
				'địa điểm',
				'scoring-run',
				'eligible',
				runWords,
				runSrc
			)
		};
		if (scoring.weights.cr !== null) {
			sections.sites.numbers.cr = num(
				r4(scoring.weights.cr),
				'',
				'scoring-run',
				'weights.cr',
				W(
					'Tỷ số nhất quán của ma trận so sánh cặp các tiêu chí (phương pháp AHP).',
					'Consistency ratio of the pairwise comparison matrix of the criteria (AHP).'
				),
				runSrc
			);
		}
		sections.sites.tables.push(
			table(
				'criteria',
				'Tiêu chí và trọng số',
				'Criteria and weights',
				[
					['Tiêu chí', 'Criterion'],
					['Chiều đánh giá', 'Direction'],
					['Đơn vị', 'Unit'],
					['Trọng số (%)', 'Weight (%)'],
					['Căn cứ', 'Basis']
				],
				scoring.criteria.map((c) => [
					c.labelVi,
					c.type === 'cost' ? 'Càng nhỏ càng tốt' : 'Càng lớn càng tốt',
					c.unit === 'VND' ? 'đồng' : c.unit,
					r1(c.weight * 100),
					c.basis ?? ''
				])
			)
		);
		const methods = Object.keys(scoring.results);
		const codes = input.sites.map((s) => s.code);
		sections.sites.tables.push(
			table(
				'scores',
				'Điểm và thứ hạng theo từng phương pháp',
				'Scores and ranks by method',
				[
					['Địa điểm', 'Site'],
					...methods.map((m) => [methodLabel(m).vi, methodLabel(m).en] as [string, string])
				],
				codes
					.filter((c) => methods.some((m) => scoring.results[m].some((r) => r.code === c)))
					.map((c) => [
						nameOf(c),
						...methods.map((m) => {
							const r = scoring.results[m].find((x) => x.code === c);
							return r ? `${formatDecimal(r.score, 3)} (hạng ${r.rank})` : '—';
						})
					])
			)
		);
		sections.sites.tables.push(
			table(
				'sensitivity',
				'Độ nhạy: trọng số làm thay đổi địa điểm xếp thứ nhất',
				'Sensitivity: weights that change the first place',
				[
					['Tiêu chí', 'Criterion'],
					['Trọng số hiện tại (%)', 'Current weight (%)'],
					['Khi trọng số bằng', 'When the weight reaches']
				],
				scoring.sensitivity.map((s) => [
					criterionLabel.get(s.criterion)?.labelVi ?? s.criterion,
					r1(s.baseWeight * 100),
					s.switches
						.map(
							(w) =>
								`${formatDecimal(w.weight * 100, 1)} %: ${nameOf(w.to)} thay ${nameOf(w.from)} ở vị trí thứ nhất`
						)
						.join('; ') || 'Không đổi địa điểm thứ nhất'
				])
			)
		);
		if (scoring.smaa) {
			const sm = scoring.smaa;
			sections.sites.tables.push(
				table(
					'smaa',
					'Phân tích SMAA: khả năng xếp thứ nhất khi trọng số thay đổi ngẫu nhiên',
					'SMAA: acceptability of the first rank under random weights',
					[
						['Địa điểm', 'Site'],
						['Khả năng xếp thứ nhất (%)', 'First rank (%)']
					],
					sm.eligible.map((c, i) => [nameOf(c), r1((sm.rankAcceptability[i]?.[0] ?? 0) * 100)])
				)
			);
		}
		if (scoring.screenedOut.length) {
			sections.sites.tables.push(
				table(
					'screened',
					'Địa điểm bị loại trước khi chấm điểm',
					'Sites screened out',
					[
						['Địa điểm', 'Site'],
						['Lý do', 'Reasons']
					],
					scoring.screenedOut.map((s) => [
						s.name,
						s.reasons
							.map((r) => label(`screen.reason.${r}`, r).vi.replace(/\s*\(?\{\w+\}[^)]*\)?/g, ''))
							.join('; ')
					])
				)
			);
		}
	}

	// Recommended site.
	const rec = recommendedSite(input, draft);
	if (rec) {
		const site = rec.site;
		const siteWords = W(
			`Hồ sơ khu đất “${site.name}” trong danh mục địa điểm ứng viên của phường.`,
			`The record of the site “${site.name}” in the ward’s register of candidate sites.`
		);
		const ranked = scoring?.results[scoring.method]?.find((r) => r.code === site.code);
		const runWords = W(
			`Kết quả chấm điểm theo phương pháp ${methodLabel(scoring?.method ?? '').vi.toLocaleLowerCase('vi-VN')}, ${documentDate(scoring?.createdAt ?? input.assembledAt, 'vi')}.`,
			`Scoring by the ${methodLabel(scoring?.method ?? '').en.toLowerCase()} method of ${documentDate(scoring?.createdAt ?? input.assembledAt, 'en')}.`
		);
		const runSrc = { id: scoring?.runId ?? undefined, version: scoring?.createdAt };
		sections.recommended.numbers = {
			landAreaM2: num(site.landAreaM2, 'm²', 'site', 'land_area_m2', siteWords, { id: site.id }),
			households: num(
				site.householdsToRelocate,
				'hộ',
				'site',
				'households_to_relocate',
				siteWords,
				{
					id: site.id
				}
			),
			score: num(ranked ? r4(ranked.score) : null, '', 'scoring-run', 'score', runWords, runSrc),
			rank: num(ranked ? ranked.rank : null, '', 'scoring-run', 'rank', runWords, runSrc)
		};
		sections.recommended.tables.push(
			table(
				'site',
				'Địa điểm đề xuất',
				'Recommended site',
				[
					['Tên', 'Name'],
					['Địa chỉ', 'Address'],
					['Diện tích đất (m²)', 'Land area (m²)'],
					['Tình trạng pháp lý đất', 'Legal status of the land']
				],
				[
					[
						site.name,
						input.dossier?.site?.code === site.code ? input.dossier.site.address : '',
						site.landAreaM2,
						label(`siteLegal.${site.legalStatus}`, site.legalStatus).vi
					]
				]
			)
		);
	}

	// Scale and estimate: from the dossier inputs when the draft has them, else from settings.
	const d = input.dossier ?? null;
	const set = input.settings;
	const settingWords = (s: SettingValue, what: string, whatEn: string) =>
		W(
			`${what}: ${s.source}${s.year ? `, năm ${s.year}` : ''}.`,
			`${whatEn}: ${s.source}${s.year ? `, ${s.year}` : ''}.`
		);
	const settingSrc = (s: SettingValue) => ({
		id: s.id ?? s.key,
		version: s.year ?? undefined,
		note: s.source
	});
	const est = settingsEstimate({
		usableM2: n.totalUsableM2,
		grossToUsableRatio: set.grossToUsable.value,
		unitCostVndPerM2: set.unitCost.value,
		landCostVnd: rec?.site.landCostVnd ?? 0,
		clearanceCostVnd: rec?.site.clearanceCostVnd ?? 0,
		contingencyRatio: set.contingency.value
	});
	const gfaWords = d?.scale.grossFloorAreaM2
		? W(
				'Tổng diện tích sàn xây dựng do phường xác định trong hồ sơ đề xuất, trên cơ sở tổng diện tích sử dụng theo định mức.',
				'Gross floor area set by the ward in the dossier, from the usable area under the norms.'
			)
		: W(
				`Tổng diện tích sử dụng theo định mức nhân hệ số diện tích sàn xây dựng trên diện tích sử dụng (${set.grossToUsable.source}).`,
				`Usable area under the norms times the gross-to-usable ratio (${set.grossToUsable.source}).`
			);
	const gfa = d?.scale.grossFloorAreaM2 ?? est.grossFloorAreaM2;
	sections.scale.numbers = {
		workAreaM2: num(
			r1(n.workAreaM2),
			'm²',
			'needs',
			'workAreaM2',
			W(
				`Diện tích làm việc theo định mức: ${normWords}.`,
				`Entitled working area: ${normWordsEn}.`
			),
			ns
		),
		commonAreaM2: num(
			r1(n.commonAreaM2),
			'm²',
			'needs',
			'commonAreaM2',
			W(
				`Diện tích sử dụng chung bằng ${formatDecimal(n.commonAreaRatio * 100, 1)} % diện tích làm việc theo ${n.normSet.legalBasis} (tỷ lệ cần đối chiếu văn bản gốc).`,
				`Common-use area at ${n.commonAreaRatio * 100} % of the working area under ${n.normSet.legalBasis} (ratio to verify).`
			),
			ns
		),
		specialisedAreaM2: num(
			r1(n.specialisedAreaM2),
			'm²',
			'needs',
			'specialisedAreaM2',
			W(
				'Diện tích chuyên dùng do phường kê khai theo quy định của Thành phố.',
				'Specialised area entered by the ward under the city’s rules.'
			),
			ns
		),
		usableM2: num(
			r1(n.totalUsableM2),
			'm²',
			'needs',
			'totalUsableM2',
			W(
				'Tổng của diện tích làm việc, diện tích sử dụng chung và diện tích chuyên dùng.',
				'Sum of the working, common-use and specialised areas.'
			),
			ns
		),
		grossFloorAreaM2: num(
			gfa,
			'm²',
			d?.scale.grossFloorAreaM2 ? 'setting' : 'needs',
			'grossFloorAreaM2',
			gfaWords
		)
	};
	if (!d?.scale.grossFloorAreaM2) {
		sections.scale.numbers.grossToUsableRatio = num(
			set.grossToUsable.value,
			'',
			'setting',
			set.grossToUsable.key,
			settingWords(
				set.grossToUsable,
				'Hệ số diện tích sàn xây dựng trên diện tích sử dụng',
				'Gross-to-usable ratio'
			),
			settingSrc(set.grossToUsable)
		);
	}
	if (d?.scale.storeys) {
		sections.scale.numbers.storeys = num(
			d.scale.storeys,
			'tầng',
			'setting',
			'storeys',
			W(
				'Số tầng nổi do phường xác định trong hồ sơ đề xuất.',
				'Storeys above ground set by the ward in the dossier.'
			)
		);
	}

	const e = d?.estimate ?? null;
	if (e) {
		const rateWords = W(
			`Suất vốn đầu tư xây dựng trụ sở cơ quan ${e.storeys} tầng: ${e.rate?.source ?? 'bảng suất vốn đầu tư'}${e.rate ? `, mặt bằng giá năm ${e.rate.year}` : ''}${e.rate?.verify ? ' (cần đối chiếu văn bản gốc)' : ''}.`,
			`Unit investment cost of an office building of ${e.storeys} storeys: ${e.rate?.source ?? 'rate table'}${e.rate ? `, price level ${e.rate.year}` : ''}${e.rate?.verify ? ' (to verify)' : ''}.`
		);
		const dossierWords = W(
			'Số liệu do phường xác định trong hồ sơ đề xuất.',
			'Figure set by the ward in the dossier.'
		);
		sections.estimate.numbers = {
			grossFloorAreaM2: num(e.gfaM2, 'm²', 'setting', 'gfaM2', gfaWords),
			unitCostVndPerM2: num(e.rateVndPerM2, 'đồng/m²', 'setting', 'rateVndPerM2', rateWords),
			constructionVnd: num(
				e.constructionVnd,
				'đồng',
				'setting',
				'constructionVnd',
				W(
					'Tổng diện tích sàn xây dựng nhân suất vốn đầu tư, làm tròn đến triệu đồng.',
					'Gross floor area times the unit cost, rounded to a million đồng.'
				)
			),
			landCostVnd: num(
				e.landAndClearanceVnd,
				'đồng',
				'site',
				'landAndClearanceVnd',
				rec
					? W(
							`Chi phí bồi thường, hỗ trợ, tái định cư và giải phóng mặt bằng của khu đất “${rec.site.name}”, do phường xác định trong hồ sơ đề xuất.`,
							`Compensation, resettlement and clearance cost of the site “${rec.site.name}”, set by the ward in the dossier.`
						)
					: dossierWords
			),
			contingencyRatio: num(e.contingencyShare, '%', 'setting', 'contingencyShare', dossierWords),
			contingencyVnd: num(
				e.contingencyVnd,
				'đồng',
				'setting',
				'contingencyVnd',
				W(
					'Tỷ lệ dự phòng nhân tổng chi phí xây dựng và chi phí đất, giải phóng mặt bằng.',
					'Contingency share times construction plus land and clearance.'
				)
			),
			totalVnd: num(
				e.totalVnd,
				'đồng',
				'setting',
				'totalVnd',
				W(
					'Tổng chi phí xây dựng, chi phí đất và giải phóng mặt bằng, chi phí dự phòng.',
					'Construction plus land and clearance plus contingency.'
				)
			)
		};
	} else {
		const siteWords = rec
			? W(
					`Hồ sơ khu đất “${rec.site.name}” trong danh mục địa điểm ứng viên của phường.`,
					`The record of the site “${rec.site.name}”.`
				)
			: W('Chưa chọn địa điểm.', 'No site chosen.');
		sections.estimate.numbers = {
			grossFloorAreaM2: num(est.grossFloorAreaM2, 'm²', 'needs', 'grossFloorAreaM2', gfaWords),
			unitCostVndPerM2: num(
				set.unitCost.value,
				'đồng/m²',
				'setting',
				set.unitCost.key,
				settingWords(set.unitCost, 'Suất vốn đầu tư', 'Unit investment cost'),
				settingSrc(set.unitCost)
			),
			constructionVnd: num(
				est.constructionVnd,
				'đồng',
				'setting',
				'constructionVnd',
				W(
					'Tổng diện tích sàn xây dựng nhân suất vốn đầu tư.',
					'Gross floor area times the unit cost.'
				)
			),
			landCostVnd: num(
				(rec?.site.landCostVnd ?? 0) + (rec?.site.clearanceCostVnd ?? 0),
				'đồng',
				'site',
				'landCostVnd',
				siteWords
			),
			contingencyRatio: num(
				set.contingency.value,
				'%',
				'setting',
				set.contingency.key,
				settingWords(set.contingency, 'Tỷ lệ dự phòng', 'Contingency share'),
				settingSrc(set.contingency)
			),
			contingencyVnd: num(
				est.contingencyVnd,
				'đồng',
				'setting',
				'contingencyVnd',
				W(
					'Tỷ lệ dự phòng nhân tổng chi phí xây dựng và chi phí đất, giải phóng mặt bằng.',
					'Contingency share times construction plus land and clearance.'
				)
			),
			totalVnd: num(
				est.totalVnd,
				'đồng',
				'setting',
				'totalVnd',
				W(
					'Tổng chi phí xây dựng, chi phí đất và giải phóng mặt bằng, chi phí dự phòng.',
					'Construction plus land and clearance plus contingency.'
				)
			)
		};
	}

	// Funding and yearly split.
	if (d) {
		const splitWords = W(
			'Kế hoạch vốn theo năm do phường đề xuất trong hồ sơ.',
			'Yearly capital plan proposed by the ward in the dossier.'
		);
		for (const y of d.yearlySplit) {
			sections.funding.numbers[`y${y.year}`] = num(
				y.amountVnd,
				'đồng',
				'setting',
				`yearlySplit.${y.year}`,
				splitWords
			);
		}
		sections.funding.tables.push(
			table(
				'yearly',
				'Phân kỳ vốn đầu tư theo năm',
				'Capital by year',
				[
					['Năm', 'Year'],
					['Số vốn (đồng)', 'Amount (VND)']
				],
				d.yearlySplit.map((y) => [String(y.year), y.amountVnd])
			)
		);
		if (d.operatingCostVndPerYear !== null) {
			sections.operating.numbers.perYear = num(
				d.operatingCostVndPerYear,
				'đồng',
				'setting',
				'operatingCostVndPerYear',
				W(
					'Chi phí vận hành, bảo trì hằng năm do phường ước tính trong hồ sơ đề xuất.',
					'Yearly operating and maintenance cost estimated by the ward in the dossier.'
				)
			);
		}
	}

	// Schedule.
	const schedule = d?.schedule ?? draft.schedule;
	const scheduleWords = W(
		'Tiến độ do phường đề xuất trong hồ sơ.',
		'Schedule proposed by the ward in the dossier.'
	);
	sections.schedule.numbers = {
		startYear: num(schedule.startYear, '', 'setting', 'schedule.startYear', scheduleWords),
		endYear: num(schedule.endYear, '', 'setting', 'schedule.endYear', scheduleWords)
	};

	// Old facilities and what happens to them.
	if (d?.facilities.length) {
		sections.arrangement.tables.push(
			table(
				'fates',
				'Phương án xử lý các cơ sở cũ sau khi có trụ sở mới',
				'What happens to each old facility',
				[
					['Cơ sở', 'Facility'],
					['Địa chỉ', 'Address'],
					['Phương án', 'Plan'],
					['Ghi chú', 'Note']
				],
				d.facilities.map((f) => [
					f.name,
					f.address ?? '',
					f.fate ? f.fateLabelVi : 'Chưa xác định',
					f.note
				])
			)
		);
	}
	const docs = input.documents;
	if (docs?.arrangement.length) {
		sections.arrangement.tables.unshift(
			table(
				'units',
				'Bố trí trước mắt theo đơn vị',
				'Short-term seating by unit',
				[
					['Đơn vị', 'Unit'],
					['Biên chế', 'Staff'],
					['Đã bố trí chỗ', 'Seated'],
					['Diện tích bố trí (m²)', 'Area given (m²)'],
					['Định mức (m²)', 'Norm (m²)']
				],
				docs.arrangement.map((a) => [a.unit, a.headcount, a.seated, r1(a.areaM2), r1(a.normM2)])
			)
		);
	}

	// Staffing support by field.
	const st = input.staffing;
	sections.staffing.numbers = {
		approved: num(st.totals.approved, 'người', 'positions', 'Σ approved', staffWords),
		filled: num(
			st.totals.filled,
			'người',
			'positions',
			'Σ filled',
			W(
				`Số người đang làm việc theo danh mục vị trí việc làm, ${asOfVi}.`,
				`People in post in the list of positions, as of ${asOfEn}.`
			)
		),
		vacant: num(
			st.totals.vacant,
			'người',
			'positions',
			'Σ max(0, approved − filled)',
			W(
				`Tổng số biên chế được giao chưa có người đảm nhiệm, ${asOfVi}.`,
				`Approved posts not filled, as of ${asOfEn}.`
			)
		)
	};
	sections.staffing.tables.push(
		table(
			'fields',
			'Biên chế và số còn thiếu theo lĩnh vực',
			'Staff and vacancies by field',
			[
				['Lĩnh vực', 'Field'],
				['Biên chế được giao', 'Approved'],
				['Hiện có', 'Filled'],
				['Còn thiếu', 'Vacant'],
				['Dự kiến năm sau', 'Planned next year']
			],
			st.rows.map((r) => [
				(r.fieldLabel ?? fieldLabel(r.field)).vi,
				r.approved,
				r.filled,
				r.vacant,
				r.planned
			])
		)
	);
	if (d?.staffingSupport.length) {
		sections.staffing.tables.push(
			table(
				'support',
				'Nhân sự đề nghị Thành phố hỗ trợ',
				'Staff support asked of the city',
				[
					['Lĩnh vực', 'Field'],
					['Số người', 'Persons'],
					['Thời gian (tháng)', 'Duration (months)']
				],
				d.staffingSupport.map((x) => [x.fieldLabelVi, x.persons, x.durationMonths])
			)
		);
	}

	// Appendices: the data tables.
	sections.appendices.tables.push(
		table(
			'sites',
			'Danh sách địa điểm ứng viên',
			'Candidate sites',
			[
				['Tên', 'Name'],
				['Diện tích đất (m²)', 'Land area (m²)'],
				['Tình trạng pháp lý đất', 'Legal status'],
				['Số hộ di dời', 'Households'],
				['Chi phí đất (đồng)', 'Land cost (VND)'],
				['Chi phí giải phóng mặt bằng (đồng)', 'Clearance (VND)']
			],
			input.sites.map((s) => [
				s.name,
				s.landAreaM2,
				label(`siteLegal.${s.legalStatus}`, s.legalStatus).vi,
				s.householdsToRelocate,
				s.landCostVnd,
				s.clearanceCostVnd
			])
		)
	);

	const map: PacketMap = {
		extent: input.ward.extent,
		sites: input.sites.map((s) => ({
			code: s.code,
			name: s.name,
			lat: s.lat,
			lng: s.lng,
			polygon: s.polygon,
			recommended: rec?.site.code === s.code
		})),
		stations: input.stations,
		facilities: inv.facilities.map((f) => ({ code: f.code, name: f.name, lat: f.lat, lng: f.lng }))
	};

	const criteriaKeys = scoring?.criteria.map((c) => c.key) ?? [];
	const documents: PacketDocuments = {
		reportNumber: siblingNumber(draft.submission.number, 'BC'),
		letterNumber: siblingNumber(draft.submission.number, 'UBND-NV').replace(
			'UBND-NV-UBND',
			'UBND-NV'
		),
		justification: docs?.justification ?? [],
		arrangement: docs?.arrangement ?? [],
		vacancies: docs?.vacancies ?? []
	};
	return {
		format: 'truso-packet/1',
		ward: {
			id: input.ward.id,
			code: input.ward.code,
			name: input.ward.name,
			city: input.ward.city,
			isSample: input.ward.isSample
		},
		assembledAt: input.assembledAt,
		submission: { ...draft.submission, place: draft.submission.place || input.ward.city },
		sections: SECTION_KEYS.map((k) => sections[k]),
		map,
		charts: {
			units: n.units.map((u) => ({
				unit: u.code,
				entitledM2: r1(u.workAreaM2),
				occupiedM2: r1(u.occupiedAreaM2)
			})),
			contributions:
				scoring && scoring.contributions.length
					? {
							sites: scoring.contributions.map((c) => c.code),
							criteria: scoring.criteria.map((c) => c.labelVi),
							values: scoring.contributions.map((c) => criteriaKeys.map((k) => c.values[k] ?? 0))
						}
					: null,
			smaa: scoring?.smaa
				? { sites: scoring.smaa.eligible, rankAcceptability: scoring.smaa.rankAcceptability }
				: null
		},
		photos: inv.photos,
		...(d ? { dossier: d } : {}),
		documents
	};
}

const DECIMALS = new Map<number, Intl.NumberFormat>();
/**
 * A decimal with a comma and always `digits` decimals ("0,812", "0,620"), as Vietnamese
 * documents write it; `digits` follows the one policy (DECIMALS in $lib/i18n).
 */
export function formatDecimal(x: number, digits: number): string {
	let f = DECIMALS.get(digits);
	if (!f) {
		f = new Intl.NumberFormat('vi-VN', {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		DECIMALS.set(digits, f);
	}
	return f.format(x);
}

/** Every number of a snapshot keyed `${section}.${key}`. */
export function flattenNumbers(s: PacketSnapshot): Map<string, TracedNumber> {
	const out = new Map<string, TracedNumber>();
	for (const sec of s.sections) {
		for (const [k, v] of Object.entries(sec.numbers)) out.set(`${sec.key}.${k}`, v);
	}
	return out;
}

export function section(s: PacketSnapshot, key: SectionKey): PacketSection {
	return s.sections.find((x) => x.key === key) as PacketSection;
}
