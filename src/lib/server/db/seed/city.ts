/**
 * A synthetic city for benchmarks: by default 168 wards with 20,000 rooms and 2,000 candidate
 * sites in total, generated from a seeded PRNG so every run measures the same data.
 *
 * Every ward gets the organisation of the sample ward (units, positions, specialised rooms,
 * criteria), 3-6 facilities with 1-2 buildings each (a condition survey per building), its
 * share of the rooms (office rooms used by the units) and of the sites, and an editor and a
 * viewer account. Every `extrasEvery`-th ward also gets a scoring run, a reallocation plan and a
 * proposal (statuses cycling through submitted, in review, returned, approved and draft), so the
 * plans, proposals and review pages have data. One transaction per ward, prepared statements.
 *
 * Example: `await seedCity(db)` adds wards `city-001` … `city-168` in about ten seconds.
 */
import { SYSTEM_ACTOR, writeAudit, type Actor } from '../../audit';
import { hashPassword } from '../../auth/password';
import { fillAreas } from '../../../allocation/areas';
import { checkAllocation } from '../../../allocation/evaluate';
import type { Assignment } from '../../../allocation/types';
import { defaultDraft } from '../../../packet';
import { buildInstance, saveScenario } from '../../plans';
import { assemble, sha256, type DraftState } from '../../proposals';
import { saveScoringRun } from '../../sites/scoring';
import { ROOM_TYPES, type RoomType } from '../../../constants';
import type { Db } from '../connection';
import { rectangleAround } from './geometry';
import { DEMO_PASSWORD } from './accounts';
import { SAMPLE_WARDS } from './sample-data';
import { seedReference, seedWard } from './index';
import { mulberry32 } from '../../../random';
import { todayInVietnam } from '../../../i18n/vn-date';

export interface CityOptions {
	/** Number of wards (default 168). */
	wards?: number;
	/** Rooms over the whole city (default 20,000). */
	rooms?: number;
	/** Candidate sites over the whole city (default 2,000). */
	sites?: number;
	/** Ward code prefix (default "city"): codes are `city-001`, `city-002`, … */
	prefix?: string;
	/** Every n-th ward gets a scoring run, a plan and a proposal (default 4; 0 = none). */
	extrasEvery?: number;
	seed?: number;
}

export interface CityResult {
	wardIds: number[];
	codes: string[];
	rooms: number;
	sites: number;
	/** Wards that got a scoring run, a plan and a proposal. */
	withExtras: string[];
	ms: number;
}

/** Weighted room types of an old ward office (offices dominate). */
const TYPE_WEIGHTS: [RoomType, number][] = [
	['office', 50],
	['meeting', 8],
	['reception', 3],
	['one-stop', 3],
	['hall', 2],
	['archive', 5],
	['it', 2],
	['store', 7],
	['toilet', 10],
	['corridor', 8],
	['other', 2]
];
const TYPE_TOTAL = TYPE_WEIGHTS.reduce((s, [, w]) => s + w, 0);

function pickType(rnd: () => number): RoomType {
	let x = rnd() * TYPE_TOTAL;
	for (const [t, w] of TYPE_WEIGHTS) {
		x -= w;
		if (x < 0) return t;
	}
	return ROOM_TYPES[0];
}

/** Splits `total` into `parts` whole numbers differing by at most one. */
function share(total: number, parts: number, i: number): number {
	return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}

const FACILITY_KINDS_CYCLE = [
	'party-office',
	'committee-office',
	'cultural-house',
	'annex'
] as const;
const LEGAL = ['certificate', 'allocated', 'leased', 'pending', 'unknown'] as const;
const SITE_LEGAL = ['state-ready', 'state-occupied', 'to-acquire', 'mixed', 'unavailable'] as const;
const DANGER = ['A', 'A', 'B', 'B', 'B', 'B', 'C', 'D'] as const;
const PROPOSAL_CYCLE = ['in-review', 'submitted', 'returned', 'approved', 'draft'] as const;

/**
 * Adds the synthetic city (replacing nothing: the ward codes must be free). Returns the ids and
 * codes of the wards. Async only to hash the accounts' password once.
 */
export async function seedCity(db: Db, options: CityOptions = {}): Promise<CityResult> {
	const started = performance.now();
	const nWards = options.wards ?? 168;
	const nRooms = options.rooms ?? 20_000;
	const nSites = options.sites ?? 2_000;
	const prefix = options.prefix ?? 'city';
	const extrasEvery = options.extrasEvery ?? 4;
	const rnd = mulberry32(options.seed ?? 2025);
	const sqlite = db.$client;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	db.transaction((tx) => seedReference(tx));

	const insFacility = sqlite.prepare(
		`insert into facilities (ward_id, code, name, kind, origin_ward, address, lat, lng, land_area_m2, legal_status, year_built)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insBuilding = sqlite.prepare(
		`insert into buildings (facility_id, code, name, levels_above_ground, year_built, structure, gross_floor_area_m2)
		 values (?, ?, ?, ?, ?, ?, ?)`
	);
	const insRoom = sqlite.prepare(
		`insert into rooms (building_id, code, name, level, type, area_m2, org_unit_id, occupants)
		 values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insSurvey = sqlite.prepare(
		`insert into condition_surveys (building_id, surveyed_on, surveyor, danger_level, structure, roof,
		  walls_finishes, electrical, water_sanitation, fire_safety, accessibility)
		 values (?, ?, 'Tổng hợp', ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insSite = sqlite.prepare(
		`insert into sites (ward_id, code, name, lat, lng, polygon_geojson, land_area_m2, legal_status,
		  current_use, households_to_relocate, land_cost_vnd, clearance_cost_vnd, flood_risk, plan_fit, road_access)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insUser = sqlite.prepare(
		`insert or ignore into users (username, display_name, password_hash, role, ward_id) values (?, ?, ?, ?, ?)`
	);
	const unitsOf = sqlite.prepare('select id from org_units where ward_id = ? order by sort_order');

	const template = SAMPLE_WARDS[0];
	const cols = Math.ceil(Math.sqrt(nWards * 1.2));
	// Ho Chi Minh City, roughly 10.65-10.95 N, 106.55-106.85 E.
	const cell = 0.3 / cols;
	const result: CityResult = {
		wardIds: [],
		codes: [],
		rooms: 0,
		sites: 0,
		withExtras: [],
		ms: 0
	};
	for (let w = 0; w < nWards; w++) {
		const code = `${prefix}-${String(w + 1).padStart(3, '0')}`;
		const south = 10.65 + Math.floor(w / cols) * cell;
		const west = 106.55 + (w % cols) * cell;
		const [north, east] = [south + cell * 0.95, west + cell * 0.95];
		const lat = (f: number) => south + f * (north - south);
		const lng = (f: number) => west + f * (east - west);
		const roomsHere = share(nRooms, nWards, w);
		const sitesHere = share(nSites, nWards, w);
		const wardId = db.transaction((tx) => {
			const id = seedWard(
				tx,
				{
					...template,
					code,
					name: `Phường Tổng hợp ${String(w + 1).padStart(3, '0')}`,
					adminCode: String(27000 + w),
					centre: [lat(0.5), lng(0.5)],
					extent: [south, west, north, east],
					populationCentre: [lat(0.3 + rnd() * 0.4), lng(0.3 + rnd() * 0.4)],
					population: 40_000 + Math.round(rnd() * 100_000),
					areaKm2: Math.round((2 + rnd() * 15) * 100) / 100,
					facilities: [],
					sites: []
				},
				true
			);
			const units = (unitsOf.all(id) as { id: number }[]).map((u) => u.id);
			const nFacilities = 3 + (w % 4);
			let roomNo = 0;
			for (let f = 0; f < nFacilities; f++) {
				const fid = Number(
					insFacility.run(
						id,
						f === 0 ? 'TS-01' : `CS-${String(f).padStart(2, '0')}`,
						f === 0 ? `Trụ sở UBND ${code}` : `Cơ sở ${f} (${code})`,
						f === 0 ? 'headquarters' : FACILITY_KINDS_CYCLE[f % FACILITY_KINDS_CYCLE.length],
						`Phường cũ ${1 + (f % 3)}`,
						`${10 + f * 7} đường Tổng hợp ${w + 1}`,
						lat(0.1 + rnd() * 0.8),
						lng(0.1 + rnd() * 0.8),
						400 + Math.round(rnd() * 2500),
						LEGAL[Math.floor(rnd() * LEGAL.length)],
						1975 + Math.floor(rnd() * 45)
					).lastInsertRowid
				);
				const roomsOfFacility = share(roomsHere, nFacilities, f);
				const nBuildings = roomsOfFacility > 12 && rnd() < 0.6 ? 2 : 1;
				for (let b = 0; b < nBuildings; b++) {
					const n = share(roomsOfFacility, nBuildings, b);
					const levels = 2 + Math.floor(rnd() * 4);
					const areas: number[] = [];
					const rows: [string, string, number, RoomType, number, number | null, number][] = [];
					const perLevel = Math.ceil(n / levels);
					for (let r = 0; r < n; r++) {
						const level = 1 + Math.floor(r / perLevel);
						const type = pickType(rnd);
						const area = Math.round(((type === 'hall' ? 80 : 9) + rnd() * 50) * 10) / 10;
						const unit =
							type === 'office' && units.length > 0 ? units[(roomNo + r) % units.length] : null;
						areas.push(area);
						rows.push([
							`${level}.${String((r % perLevel) + 1).padStart(2, '0')}`,
							`Phòng ${level}.${(r % perLevel) + 1}`,
							level,
							type,
							area,
							unit,
							unit ? 1 + Math.floor(rnd() * 4) : 0
						]);
					}
					roomNo += n;
					const gross = Math.round(areas.reduce((s, a) => s + a, 0) * 1.15);
					const bid = Number(
						insBuilding.run(
							fid,
							b === 0 ? 'A' : 'B',
							b === 0 ? 'Nhà A' : 'Nhà B',
							levels,
							1975 + Math.floor(rnd() * 45),
							'Khung bê tông cốt thép',
							gross
						).lastInsertRowid
					);
					for (const row of rows) insRoom.run(bid, ...row);
					const rating = () => 1 + Math.floor(rnd() * 5);
					insSurvey.run(
						bid,
						`2025-${String(1 + Math.floor(rnd() * 10)).padStart(2, '0')}-15`,
						DANGER[Math.floor(rnd() * DANGER.length)],
						rating(),
						rating(),
						rating(),
						rating(),
						rating(),
						rating(),
						rating()
					);
				}
			}
			for (let s = 0; s < sitesHere; s++) {
				const sLat = lat(0.05 + rnd() * 0.9);
				const sLng = lng(0.05 + rnd() * 0.9);
				const wM = 30 + Math.round(rnd() * 60);
				const hM = 30 + Math.round(rnd() * 60);
				insSite.run(
					id,
					`KD-${String(s + 1).padStart(2, '0')}`,
					`Khu đất ${s + 1} (${code})`,
					sLat,
					sLng,
					s % 2 === 0 ? JSON.stringify(rectangleAround(sLat, sLng, wM, hM)) : null,
					wM * hM,
					SITE_LEGAL[Math.floor(rnd() * (SITE_LEGAL.length - (s < 3 ? 1 : 0)))],
					s % 3 === 0 ? 'Đất trống' : 'Cơ sở cũ',
					Math.floor(rnd() * 15),
					Math.round(rnd() * 150) * 1_000_000_000,
					Math.round(rnd() * 40) * 1_000_000_000,
					1 + Math.floor(rnd() * 5),
					1 + Math.floor(rnd() * 5),
					1 + Math.floor(rnd() * 5)
				);
			}
			insUser.run(`${code}.editor`, `Cán bộ Văn phòng (${code})`, passwordHash, 'ward_editor', id);
			insUser.run(`${code}.viewer`, `Lãnh đạo xem (${code})`, passwordHash, 'ward_viewer', id);
			return id;
		});
		result.wardIds.push(wardId);
		result.codes.push(code);
		result.rooms += roomsHere;
		result.sites += sitesHere;
		if (extrasEvery > 0 && w % extrasEvery === 0) {
			const status = PROPOSAL_CYCLE[(w / extrasEvery) % PROPOSAL_CYCLE.length];
			seedWardExtras(db, wardId, {
				proposalStatus: status,
				date: new Date(Date.UTC(2026, 9, 1) + w * 3_600_000)
			});
			result.withExtras.push(code);
		}
	}
	result.ms = Math.round(performance.now() - started);
	return result;
}

/**
 * A greedy plan (no solver): each unit keeps as many people as fit (at the least area per
 * person) in its usable current rooms, then takes other allowed rooms (usable, ground floor for
 * ground-floor units, not reserved for another unit, at most maxUnitsPerRoom units) until seated;
 * the areas are then shared out by `fillAreas`.
 */
function greedyPlan(instance: ReturnType<typeof buildInstance>['instance']): Assignment[] {
	const minArea = instance.settings?.minAreaPerPersonM2 ?? 6;
	const maxUnits = instance.settings?.maxUnitsPerRoom ?? 2;
	const left = new Map(instance.rooms.map((r) => [r.id, r.usable ? r.areaM2 : 0]));
	const unitsIn = new Map<string, number>();
	const rooms = new Map(instance.rooms.map((r) => [r.id, r]));
	const persons: { unitId: string; roomId: string; persons: number }[] = [];
	for (const u of instance.units) {
		let need = u.headcount;
		let areaLeft = u.normM2 * u.headcount;
		const take = (roomId: string) => {
			const room = rooms.get(roomId);
			if (!room || need <= 0) return;
			if (u.groundFloorOnly && room.level !== 1) return;
			if (room.lockedUnitId && room.lockedUnitId !== u.id) return;
			if ((unitsIn.get(roomId) ?? 0) >= maxUnits) return;
			const fit = Math.min(
				need,
				Math.floor((left.get(roomId) ?? 0) / minArea),
				Math.floor(areaLeft / minArea)
			);
			if (fit <= 0) return;
			persons.push({ unitId: u.id, roomId, persons: fit });
			left.set(roomId, (left.get(roomId) ?? 0) - fit * minArea);
			unitsIn.set(roomId, (unitsIn.get(roomId) ?? 0) + 1);
			areaLeft -= fit * minArea;
			need -= fit;
		};
		for (const r of u.currentRoomIds ?? []) take(r);
		for (const r of instance.rooms) {
			if (need > 0 && !(u.currentRoomIds ?? []).includes(r.id)) take(r.id);
		}
	}
	return fillAreas(instance, persons);
}

/**
 * Adds to one ward a scoring run (TOPSIS), a reallocation plan (a greedy plan, not solved, so
 * the seed stays fast and synchronous) and a proposal with the given status; a submitted one has
 * a version with the assembled snapshot, plus a review comment and a decision where the status
 * implies them.
 */
export function seedWardExtras(
	db: Db,
	wardId: number,
	options: { proposalStatus: (typeof PROPOSAL_CYCLE)[number]; date?: Date; actor?: Actor }
): void {
	const actor = options.actor ?? SYSTEM_ACTOR;
	const date = options.date ?? new Date(Date.UTC(2026, 9, 1));
	saveScoringRun(db, actor, wardId, { name: 'Đánh giá tổng hợp (TOPSIS)', method: 'topsis' });
	const built = buildInstance(db, wardId);
	const plan = greedyPlan(built.instance);
	const check = checkAllocation(built.instance, plan);
	saveScenario(db, actor, wardId, 'PA tổng hợp (giữ chỗ hiện tại)', built, {
		status: 'feasible',
		objective: check.evaluation.objective,
		worstShortfallRatio: check.evaluation.worstShortfallRatio,
		assignments: plan,
		unseated: check.evaluation.unseated,
		terms: check.evaluation.terms,
		units: check.evaluation.units,
		solveTimeMs: 0,
		message: 'Synthetic greedy plan (benchmark data), not solved by HiGHS'
	});
	const sqlite = db.$client;
	const ward = sqlite.prepare('select name from wards where id = ?').get(wardId) as {
		name: string;
	};
	const reviewer = sqlite.prepare(`select id from users where username = 'city.reviewer'`).get() as
		{ id: number } | undefined;
	const status = options.proposalStatus;
	const draft = defaultDraft(ward.name, todayInVietnam(date));
	const snapshot = assemble(db, wardId, draft, date);
	db.transaction((tx) => {
		const t = date.getTime();
		const pid = Number(
			sqlite
				.prepare(
					`insert into proposals (ward_id, title, status, draft_json, reviewer_id, created_at, updated_at)
					 values (?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					wardId,
					`Đề xuất chủ trương đầu tư xây dựng trụ sở ${ward.name}`,
					status,
					JSON.stringify({ draft, assembled: snapshot } satisfies DraftState),
					status === 'draft' || status === 'submitted' ? null : (reviewer?.id ?? null),
					t,
					t
				).lastInsertRowid
		);
		if (status === 'draft') return;
		const json = JSON.stringify(snapshot);
		const vid = Number(
			sqlite
				.prepare(
					`insert into proposal_versions (proposal_id, number, snapshot_json, sha256, files_json, submitted_at)
					 values (?, 1, ?, ?, '[]', ?)`
				)
				.run(pid, json, sha256(json), t).lastInsertRowid
		);
		if (status !== 'submitted') {
			sqlite
				.prepare(
					`insert into review_comments (version_id, section, body, author_id, created_at) values (?, 'estimate', ?, ?, ?)`
				)
				.run(vid, 'Đề nghị nêu rõ nguồn vốn dự kiến.', reviewer?.id ?? null, t + 86_400_000);
		}
		if (status === 'returned' || status === 'approved') {
			sqlite
				.prepare(
					`insert into decisions (proposal_id, version_id, outcome, note, decided_by, created_at) values (?, ?, ?, ?, ?, ?)`
				)
				.run(
					pid,
					vid,
					status,
					'Ý kiến thẩm định (dữ liệu tổng hợp).',
					reviewer?.id ?? null,
					t + 2 * 86_400_000
				);
		}
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'proposal_version',
			entityId: vid,
			action: 'submit',
			after: { proposalId: pid, number: 1, sha256: sha256(json), synthetic: true }
		});
	});
}
