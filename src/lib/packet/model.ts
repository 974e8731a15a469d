/**
 * Builds the proposal packet (tờ trình + báo cáo đề xuất chủ trương đầu tư) from plain data:
 * every generated number carries its source; narratives come from the editable draft.
 */
import type {
	Cell,
	NumberSource,
	PacketDraft,
	PacketMap,
	PacketPhoto,
	PacketSection,
	PacketSnapshot,
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
				conditionIndex: number | null;
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
	staffing: {
		rows: {
			field: string | null;
			approved: number;
			filled: number;
			vacant: number;
			planned: number;
		}[];
		totals: { approved: number; filled: number; vacant: number; planned: number };
	};
}

const num = (
	value: number | null,
	unit: string,
	kind: SourceKind,
	field: string,
	extra: Omit<NumberSource, 'kind' | 'field'> = {}
): TracedNumber => ({ value, unit, source: { kind, field, ...extra } });

const r1 = (x: number) => Math.round(x * 10) / 10;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** The preliminary investment estimate (khái toán sơ bộ tổng mức đầu tư). */
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
 * total = construction + land + contingency. Money rounded to whole đồng.
 *
 * @example
 * investmentEstimate({ usableM2: 1000, grossToUsableRatio: 1.35, unitCostVndPerM2: 11e6,
 *   landCostVnd: 5e9, clearanceCostVnd: 1e9, contingencyRatio: 0.1 });
 * // gross 1,350 m²; construction 14,850,000,000; land 6,000,000,000;
 * // contingency 2,085,000,000; total 22,935,000,000
 */
export function investmentEstimate(i: EstimateInput): Estimate {
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
export function defaultDraft(wardName: string, today: string): PacketDraft {
	const year = Number(today.slice(0, 4)) || new Date().getUTCFullYear();
	const short = wardName.replace(/^Phường\s+/i, '');
	return {
		submission: {
			number: '…/TTr-UBND',
			place: short,
			date: today,
			summary: `Về việc đề xuất chủ trương đầu tư xây dựng trụ sở làm việc ${wardName}`,
			request: `Ủy ban nhân dân ${wardName} kính trình Ủy ban nhân dân Thành phố xem xét, chấp thuận chủ trương đầu tư xây dựng trụ sở làm việc mới của phường tại địa điểm đề xuất, với quy mô và khái toán nêu trong Báo cáo kèm theo.`,
			signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
			signerTitle: 'CHỦ TỊCH',
			signerName: '',
			recipients: [
				'Như trên;',
				'Sở Xây dựng;',
				'Sở Quy hoạch - Kiến trúc;',
				'Sở Tài chính;',
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

/** Assembles the snapshot. Pure: the same input and draft give the same snapshot. */
export function buildSnapshot(input: PacketInput, draft: PacketDraft): PacketSnapshot {
	const n = input.needs;
	const ns = { id: n.normSet.id, version: n.normSet.version, note: n.normSet.legalBasis };
	const narrative = (k: SectionKey) => draft.narratives[k] ?? '';
	const sections: Record<SectionKey, PacketSection> = Object.fromEntries(
		SECTION_KEYS.map((k) => [k, { key: k, numbers: {}, narrative: narrative(k), tables: [] }])
	) as unknown as Record<SectionKey, PacketSection>;

	// Necessity: needs against norms, the 70 % rule, condition, staff shortage.
	const inv = input.inventory;
	const allBuildings = inv.facilities.flatMap((f) => f.buildings);
	const indices = allBuildings.map((b) => b.conditionIndex).filter((x): x is number => x !== null);
	const poor = allBuildings.filter((b) => b.dangerLevel === 'C' || b.dangerLevel === 'D').length;
	sections.necessity.numbers = {
		headcount: num(n.headcount, 'người', 'positions', 'Σ approved'),
		entitledWorkAreaM2: num(r1(n.workAreaM2), 'm²', 'needs', 'workAreaM2', ns),
		occupiedWorkAreaM2: num(r1(n.occupiedWorkAreaM2), 'm²', 'needs', 'occupiedWorkAreaM2', ns),
		shortfallM2: num(
			r1(Math.max(0, n.workAreaM2 - n.occupiedWorkAreaM2)),
			'm²',
			'needs',
			'workAreaM2 − occupiedWorkAreaM2',
			ns
		),
		ratioToNorm: num(r4(n.ratioToNorm), '%', 'needs', 'ratioToNorm', ns),
		threshold: num(n.threshold, '%', 'norm-set', 'justification threshold (70 %)', ns),
		facilityCount: num(n.siteCount, 'cơ sở', 'inventory', 'count(facilities)'),
		buildingsCorD: num(poor, 'nhà', 'inventory', 'count(buildings with danger level C or D)'),
		meanConditionIndex: num(
			indices.length ? r1(indices.reduce((s, x) => s + x, 0) / indices.length) : null,
			'/100',
			'inventory',
			'mean(condition index of latest surveys)'
		),
		vacantPosts: num(
			input.staffing.totals.vacant,
			'người',
			'positions',
			'Σ max(0, approved − filled)'
		)
	};
	sections.necessity.tables.push(
		table(
			'units',
			'Nhu cầu diện tích làm việc theo đơn vị',
			'Working area needs by unit',
			[
				['Đơn vị', 'Unit'],
				['Biên chế', 'Headcount'],
				['Định mức (m²)', 'Entitled (m²)'],
				['Đang sử dụng (m²)', 'Occupied (m²)'],
				['Chênh lệch (m²)', 'Gap (m²)']
			],
			n.units.map((u) => [u.name, u.headcount, r1(u.workAreaM2), r1(u.occupiedAreaM2), r1(u.gapM2)])
		)
	);

	// Current facilities.
	sections.facilities.numbers = {
		facilities: num(inv.facilities.length, 'cơ sở', 'inventory', 'count(facilities)'),
		buildings: num(allBuildings.length, 'nhà', 'inventory', 'count(buildings)'),
		rooms: num(
			allBuildings.reduce((s, b) => s + b.roomCount, 0),
			'phòng',
			'inventory',
			'count(rooms)'
		),
		roomsAreaM2: num(
			r1(allBuildings.reduce((s, b) => s + b.roomsAreaM2, 0)),
			'm²',
			'inventory',
			'Σ rooms.area_m2'
		),
		photos: num(inv.photos.length, 'ảnh', 'inventory', 'count(photos)')
	};
	sections.facilities.tables.push(
		table(
			'buildings',
			'Hiện trạng cơ sở vật chất',
			'Current facilities',
			[
				['Cơ sở', 'Facility'],
				['Nhà', 'Building'],
				['Năm XD', 'Built'],
				['Số phòng', 'Rooms'],
				['Diện tích phòng (m²)', 'Room area (m²)'],
				['Cấp nguy hiểm', 'Danger level'],
				['Chỉ số tình trạng', 'Condition index']
			],
			inv.facilities.flatMap((f) =>
				f.buildings.map((b) => [
					`${f.code} ${f.name}`,
					`${b.code} ${b.name}`,
					b.yearBuilt === null ? null : String(b.yearBuilt),
					b.roomCount,
					r1(b.roomsAreaM2),
					b.dangerLevel ?? '—',
					b.conditionIndex === null ? null : r1(b.conditionIndex)
				])
			)
		)
	);

	// Short-term arrangement.
	const sc = input.scenario;
	if (sc) {
		const src = (field: string) => ({ id: sc.id, version: sc.appliedAt, field });
		const s = (v: number | null, unit: string, field: string): TracedNumber => ({
			value: v,
			unit,
			source: { kind: 'scenario', ...src(field) }
		});
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
	if (scoring) {
		const runSrc = (field: string) => ({
			kind: 'scoring-run' as const,
			id: scoring.runId ?? undefined,
			version: scoring.createdAt,
			field
		});
		sections.sites.numbers = {
			candidates: {
				value: input.sites.length,
				unit: 'địa điểm',
				source: { kind: 'site', field: 'count(sites)' }
			},
			eligible: {
				value: scoring.results[scoring.method]?.length ?? 0,
				unit: 'địa điểm',
				source: runSrc('eligible')
			},
			cr: {
				value: scoring.weights.cr === null ? null : r4(scoring.weights.cr),
				unit: '',
				source: runSrc('weights.cr')
			}
		};
		sections.sites.tables.push(
			table(
				'criteria',
				'Tiêu chí và trọng số',
				'Criteria and weights',
				[
					['Tiêu chí', 'Criterion'],
					['Loại', 'Type'],
					['Đơn vị', 'Unit'],
					['Trọng số', 'Weight'],
					['Căn cứ', 'Basis']
				],
				scoring.criteria.map((c) => [c.labelVi, c.type, c.unit, r4(c.weight), c.basis ?? ''])
			)
		);
		const methods = Object.keys(scoring.results);
		const codes = input.sites.map((s) => s.code);
		sections.sites.tables.push(
			table(
				'scores',
				'Điểm theo phương pháp',
				'Scores by method',
				[['Địa điểm', 'Site'], ...methods.map((m) => [m, m] as [string, string])],
				codes
					.filter((c) => methods.some((m) => scoring.results[m].some((r) => r.code === c)))
					.map((c) => [
						c,
						...methods.map((m) => {
							const r = scoring.results[m].find((x) => x.code === c);
							return r ? `${r4(r.score)} (#${r.rank})` : '—';
						})
					])
			)
		);
		sections.sites.tables.push(
			table(
				'sensitivity',
				'Độ nhạy: trọng số làm thay đổi vị trí thứ nhất',
				'Sensitivity: weights that change the first place',
				[
					['Tiêu chí', 'Criterion'],
					['Trọng số hiện tại', 'Current weight'],
					['Thay đổi', 'Switches']
				],
				scoring.sensitivity.map((s) => [
					s.criterion,
					r4(s.baseWeight),
					s.switches.map((w) => `${r4(w.weight)}: ${w.from} → ${w.to}`).join('; ') || '—'
				])
			)
		);
		if (scoring.smaa) {
			const sm = scoring.smaa;
			sections.sites.tables.push(
				table(
					'smaa',
					'SMAA: khả năng đạt hạng 1',
					'SMAA: acceptability of rank 1',
					[
						['Địa điểm', 'Site'],
						['Hạng 1 (%)', 'Rank 1 (%)']
					],
					sm.eligible.map((c, i) => [c, r1((sm.rankAcceptability[i]?.[0] ?? 0) * 100)])
				)
			);
		}
		if (scoring.screenedOut.length) {
			sections.sites.tables.push(
				table(
					'screened',
					'Địa điểm bị loại',
					'Sites screened out',
					[
						['Địa điểm', 'Site'],
						['Lý do', 'Reasons']
					],
					scoring.screenedOut.map((s) => [`${s.code} ${s.name}`, s.reasons.join(', ')])
				)
			);
		}
	}

	// Recommended site.
	const rec = recommendedSite(input, draft);
	if (rec) {
		const site = rec.site;
		const siteSrc = (field: string): NumberSource => ({ kind: 'site', id: site.id, field });
		const ranked = scoring?.results[scoring.method]?.find((r) => r.code === site.code);
		sections.recommended.numbers = {
			landAreaM2: { value: site.landAreaM2, unit: 'm²', source: siteSrc('land_area_m2') },
			households: {
				value: site.householdsToRelocate,
				unit: 'hộ',
				source: siteSrc('households_to_relocate')
			},
			score: {
				value: ranked ? r4(ranked.score) : null,
				unit: '',
				source: {
					kind: 'scoring-run',
					id: scoring?.runId ?? undefined,
					version: scoring?.createdAt,
					field: `results.${scoring?.method ?? ''}.score`
				}
			},
			rank: {
				value: ranked ? ranked.rank : null,
				unit: '',
				source: {
					kind: 'scoring-run',
					id: scoring?.runId ?? undefined,
					version: scoring?.createdAt,
					field: `results.${scoring?.method ?? ''}.rank`
				}
			}
		};
		sections.recommended.tables.push(
			table(
				'site',
				'Địa điểm đề xuất',
				'Recommended site',
				[
					['Mã', 'Code'],
					['Tên', 'Name'],
					['Vĩ độ', 'Latitude'],
					['Kinh độ', 'Longitude'],
					['Pháp lý đất', 'Legal status']
				],
				[[site.code, site.name, site.lat, site.lng, site.legalStatus]]
			)
		);
	}

	// Scale.
	const set = input.settings;
	const settingSrc = (s: typeof set.unitCost, field = 'value'): NumberSource => ({
		kind: 'setting',
		id: s.id ?? s.key,
		version: s.year ?? undefined,
		field: `${s.key}.${field}`,
		note: s.source
	});
	const est = investmentEstimate({
		usableM2: n.totalUsableM2,
		grossToUsableRatio: set.grossToUsable.value,
		unitCostVndPerM2: set.unitCost.value,
		landCostVnd: rec?.site.landCostVnd ?? 0,
		clearanceCostVnd: rec?.site.clearanceCostVnd ?? 0,
		contingencyRatio: set.contingency.value
	});
	sections.scale.numbers = {
		workAreaM2: num(r1(n.workAreaM2), 'm²', 'needs', 'workAreaM2', ns),
		commonAreaM2: num(r1(n.commonAreaM2), 'm²', 'needs', 'commonAreaM2', ns),
		specialisedAreaM2: num(r1(n.specialisedAreaM2), 'm²', 'needs', 'specialisedAreaM2', ns),
		usableM2: num(r1(n.totalUsableM2), 'm²', 'needs', 'totalUsableM2', ns),
		grossToUsableRatio: {
			value: set.grossToUsable.value,
			unit: '',
			source: settingSrc(set.grossToUsable)
		},
		grossFloorAreaM2: num(
			est.grossFloorAreaM2,
			'm²',
			'needs',
			'totalUsableM2 × investment.grossToUsableRatio',
			ns
		)
	};

	// Estimate.
	const siteField = (field: string): NumberSource =>
		rec ? { kind: 'site', id: rec.site.id, field } : { kind: 'site', field: `${field} (no site)` };
	sections.estimate.numbers = {
		grossFloorAreaM2: num(
			est.grossFloorAreaM2,
			'm²',
			'needs',
			'totalUsableM2 × investment.grossToUsableRatio',
			ns
		),
		unitCostVndPerM2: {
			value: set.unitCost.value,
			unit: 'đồng/m²',
			source: settingSrc(set.unitCost)
		},
		constructionVnd: {
			value: est.constructionVnd,
			unit: 'đồng',
			source: {
				...settingSrc(set.unitCost),
				field: 'grossFloorAreaM2 × investment.unitCostVndPerM2'
			}
		},
		landCostVnd: {
			value: rec?.site.landCostVnd ?? 0,
			unit: 'đồng',
			source: siteField('land_cost_vnd')
		},
		clearanceCostVnd: {
			value: rec?.site.clearanceCostVnd ?? 0,
			unit: 'đồng',
			source: siteField('clearance_cost_vnd')
		},
		contingencyRatio: {
			value: set.contingency.value,
			unit: '',
			source: settingSrc(set.contingency)
		},
		contingencyVnd: {
			value: est.contingencyVnd,
			unit: 'đồng',
			source: { ...settingSrc(set.contingency), field: 'contingencyRatio × (construction + land)' }
		},
		totalVnd: {
			value: est.totalVnd,
			unit: 'đồng',
			source: { kind: 'setting', field: 'construction + land + contingency' }
		}
	};

	// Schedule.
	sections.schedule.numbers = {
		startYear: {
			value: draft.schedule.startYear,
			unit: '',
			source: { kind: 'setting', field: 'draft.schedule.startYear' }
		},
		endYear: {
			value: draft.schedule.endYear,
			unit: '',
			source: { kind: 'setting', field: 'draft.schedule.endYear' }
		}
	};

	// Staffing support by field.
	const st = input.staffing;
	sections.staffing.numbers = {
		approved: num(st.totals.approved, 'người', 'positions', 'Σ approved'),
		filled: num(st.totals.filled, 'người', 'positions', 'Σ filled'),
		vacant: num(st.totals.vacant, 'người', 'positions', 'Σ max(0, approved − filled)')
	};
	for (const r of st.rows) {
		if (r.vacant > 0)
			sections.staffing.numbers[`vacant.${r.field ?? 'unspecified'}`] = num(
				r.vacant,
				'người',
				'positions',
				`vacant where field = ${r.field ?? 'null'}`
			);
	}
	sections.staffing.tables.push(
		table(
			'fields',
			'Nhu cầu bổ sung cán bộ theo lĩnh vực',
			'Staffing support requested by field',
			[
				['Lĩnh vực', 'Field'],
				['Biên chế được giao', 'Approved'],
				['Hiện có', 'Filled'],
				['Còn thiếu', 'Vacant'],
				['Kế hoạch năm sau', 'Planned next year']
			],
			st.rows.map((r) => [r.field ?? '—', r.approved, r.filled, r.vacant, r.planned])
		)
	);

	// Appendices: the data tables.
	sections.appendices.tables.push(
		table(
			'sites',
			'Danh sách địa điểm ứng viên',
			'Candidate sites',
			[
				['Mã', 'Code'],
				['Tên', 'Name'],
				['Diện tích đất (m²)', 'Land area (m²)'],
				['Pháp lý', 'Legal status'],
				['Số hộ di dời', 'Households'],
				['Chi phí đất (đồng)', 'Land cost (VND)'],
				['Chi phí GPMB (đồng)', 'Clearance (VND)']
			],
			input.sites.map((s) => [
				s.code,
				s.name,
				s.landAreaM2,
				s.legalStatus,
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
		submission: draft.submission,
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
		photos: inv.photos
	};
}

/** Every number of a snapshot keyed `${section}.${key}`. */
export function flattenNumbers(s: PacketSnapshot): Map<string, TracedNumber> {
	const out = new Map<string, TracedNumber>();
	for (const sec of s.sections)
		for (const [k, v] of Object.entries(sec.numbers)) out.set(`${sec.key}.${k}`, v);
	return out;
}

export function section(s: PacketSnapshot, key: SectionKey): PacketSection {
	return s.sections.find((x) => x.key === key) as PacketSection;
}
