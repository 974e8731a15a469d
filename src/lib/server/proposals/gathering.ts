/**
 * Assembling the packet: everything it needs read from the ward's data (needs, inventory,
 * the applied scenario, the scoring run, sites, stations, settings, staffing, documents),
 * then the snapshot with the draft and the dossier.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { METRO_STATIONS } from '../../geo';
import {
	buildSnapshot,
	fieldLabel,
	type PacketDraft,
	type PacketInput,
	type PacketSnapshot,
	type SettingValue
} from '../../packet';
import type { Db, DbLike } from '../db';
import {
	buildings,
	conditionSurveys,
	facilities,
	photos,
	rooms,
	scenarios,
	settings,
	wards
} from '../db/schema';
import { dossierForDraft } from './dossier';
import { documentsInput } from './documents-input';
import { needsForWard, staffingGapsForWard } from '../needs';
import { getScenario } from '../plans';
import {
	buildDecision,
	getScoringRun,
	listScoringRuns,
	runResult,
	type ScoringMethod,
	type ScoringRunResult
} from '../sites/scoring';
import { allSites } from '../sites';
import { ProposalError } from './status';

function settingValue(db: DbLike, wardId: number, key: string, fallback: number): SettingValue {
	const rows = db.select().from(settings).where(eq(settings.key, key)).all();
	const row = rows.find((r) => r.wardId === wardId) ?? rows.find((r) => r.wardId === null);
	let value = fallback;
	if (row) {
		try {
			const v = JSON.parse(row.valueJson) as unknown;
			if (typeof v === 'number' && Number.isFinite(v)) value = v;
		} catch {
			// keep the fallback
		}
	}
	return {
		id: row?.id ?? null,
		key,
		value,
		source: row?.source ?? 'Giá trị mặc định của sản phẩm',
		year: row ? new Date(row.updatedAt).getUTCFullYear() : null
	};
}

const iso = (ms: number) => new Date(ms).toISOString();

function scoringInput(db: Db, wardId: number): PacketInput['scoring'] {
	const last = listScoringRuns(db, wardId)[0];
	let runId: number | null = null;
	let name = '';
	let createdAt = iso(Date.now());
	let result: ScoringRunResult | null = null;
	if (last) {
		const run = getScoringRun(db, wardId, last.id);
		if (run) {
			runId = run.id;
			name = run.name;
			createdAt = iso(run.createdAt);
			result = run.result;
		}
	}
	if (!result) {
		const decision = buildDecision(db, wardId);
		if (decision.eligible.length === 0 || decision.criteria.length === 0) return null;
		result = runResult(db, wardId, decision, 'weighted-sum');
		name = 'live';
		createdAt = iso(result.computedAt);
	}
	const r = result;
	return {
		runId,
		name,
		createdAt,
		method: r.method,
		criteria: r.criteria.map((c) => ({
			key: c.key,
			labelVi: c.labelVi,
			labelEn: c.labelEn,
			type: c.type,
			unit: c.unit,
			weight: c.weight,
			basis: c.basis
		})),
		weights: { source: r.weights.source, setBy: r.weights.setBy, cr: r.weights.cr },
		results: r.results as Record<ScoringMethod, { code: string; score: number; rank: number }[]>,
		firstPlaceAgreement: r.comparison.firstPlaceAgreement,
		sensitivity: r.sensitivity.map((s) => ({
			criterion: s.criterion,
			baseWeight: s.baseWeight,
			switches: s.switches
		})),
		smaa: r.smaa ? { eligible: r.eligible, rankAcceptability: r.smaa.rankAcceptability } : null,
		contributions: r.contributions,
		screenedOut: r.screenedOut.map((s) => ({
			code: s.code,
			name: s.name,
			reasons: s.reasons.map((x) => x.code)
		}))
	};
}

/** Reads everything the packet needs from the ward's data. */
export function gatherInput(db: Db, wardId: number, at = new Date()): PacketInput {
	const w = db.select().from(wards).where(eq(wards.id, wardId)).get();
	if (!w) throw new ProposalError('not-found');
	const needs = needsForWard(db, wardId);
	const res = needs.result;

	const facs = db
		.select()
		.from(facilities)
		.where(eq(facilities.wardId, wardId))
		.orderBy(asc(facilities.code))
		.all();
	const facIds = facs.map((f) => f.id);
	const blds = facIds.length
		? db
				.select()
				.from(buildings)
				.where(inArray(buildings.facilityId, facIds))
				.orderBy(asc(buildings.code))
				.all()
		: [];
	const bIds = blds.map((b) => b.id);
	const roomAgg = bIds.length
		? db
				.select({
					buildingId: rooms.buildingId,
					n: sql<number>`count(*)`,
					area: sql<number>`coalesce(sum(${rooms.areaM2}), 0)`
				})
				.from(rooms)
				.where(inArray(rooms.buildingId, bIds))
				.groupBy(rooms.buildingId)
				.all()
		: [];
	const surveys = bIds.length
		? db
				.select()
				.from(conditionSurveys)
				.where(inArray(conditionSurveys.buildingId, bIds))
				.orderBy(desc(conditionSurveys.surveyedOn), desc(conditionSurveys.id))
				.all()
		: [];
	const latest = new Map<number, (typeof surveys)[number]>();
	for (const s of surveys) if (!latest.has(s.buildingId)) latest.set(s.buildingId, s);
	const photoRows = db
		.select({
			id: photos.id,
			path: photos.path,
			contentType: photos.contentType,
			caption: photos.caption,
			surveyId: photos.surveyId
		})
		.from(photos)
		.where(and(eq(photos.wardId, wardId), isNotNull(photos.surveyId)))
		.orderBy(asc(photos.id))
		.all();
	const surveyBuilding = new Map(surveys.map((s) => [s.id, s.buildingId]));
	const bName = new Map(blds.map((b) => [b.id, `${b.code} ${b.name}`]));

	// The latest applied reallocation scenario.
	const applied = db
		.select({ id: scenarios.id })
		.from(scenarios)
		.where(and(eq(scenarios.wardId, wardId), isNotNull(scenarios.appliedAt)))
		.orderBy(desc(scenarios.appliedAt), desc(scenarios.id))
		.get();
	const sc = applied ? getScenario(db, wardId, applied.id) : undefined;

	const siteRows = allSites(db, wardId);
	const staffing = staffingGapsForWard(db, wardId);
	const documents = documentsInput(db, wardId);
	return {
		ward: {
			id: w.id,
			code: w.code,
			name: w.name,
			city: w.city,
			isSample: w.isSample,
			extent: w.extentJson ? (JSON.parse(w.extentJson) as [number, number, number, number]) : null
		},
		assembledAt: at.toISOString(),
		needs: {
			normSet: {
				id: needs.normSet.id,
				key: needs.normSet.key,
				version: needs.normSet.version,
				name: needs.normSet.name,
				legalBasis: needs.normSet.legalBasis
			},
			commonAreaRatio: needs.normSet.commonAreaRatio,
			headcount: res.byUnit.reduce((s, u) => s + u.headcount, 0),
			workAreaM2: res.workAreaM2,
			commonAreaM2: res.commonAreaM2,
			specialisedAreaM2: res.specialisedAreaM2,
			totalUsableM2: res.totalUsableM2,
			occupiedWorkAreaM2: res.occupiedWorkAreaM2,
			ratioToNorm: res.ratioToNorm,
			threshold: needs.justification.threshold,
			justified: needs.justification.justified,
			reasons: needs.justification.reasons.map(String),
			worstDangerLevel: needs.justification.worstDangerLevel,
			siteCount: needs.justification.siteCount,
			units: needs.units.map((u) => ({
				code: u.code,
				name: u.name,
				headcount: u.headcount,
				workAreaM2: u.workAreaM2,
				occupiedAreaM2: u.occupiedAreaM2,
				gapM2: u.gapM2
			}))
		},
		inventory: {
			facilities: facs.map((f) => ({
				id: f.id,
				code: f.code,
				name: f.name,
				kind: f.kind,
				originWard: f.originWard,
				lat: f.lat,
				lng: f.lng,
				landAreaM2: f.landAreaM2,
				buildings: blds
					.filter((b) => b.facilityId === f.id)
					.map((b) => {
						const agg = roomAgg.find((r) => r.buildingId === b.id);
						const s = latest.get(b.id);
						return {
							id: b.id,
							code: b.code,
							name: b.name,
							levels: b.levelsAboveGround,
							yearBuilt: b.yearBuilt,
							roomCount: agg?.n ?? 0,
							roomsAreaM2: agg?.area ?? 0,
							dangerLevel: s?.dangerLevel ?? null,
							surveyedOn: s?.surveyedOn ?? null
						};
					})
			})),
			photos: photoRows.map((p) => ({
				id: p.id,
				path: p.path,
				contentType: p.contentType,
				caption: p.caption ?? bName.get(surveyBuilding.get(p.surveyId ?? -1) ?? -1) ?? `#${p.id}`
			}))
		},
		scenario:
			sc && sc.appliedAt !== null
				? {
						id: sc.id,
						name: sc.name,
						appliedAt: iso(sc.appliedAt),
						headcount: sc.metrics.headcount,
						placed: sc.metrics.placed,
						unplaced: sc.metrics.unplaced,
						moved: sc.metrics.moved,
						areaPerPersonM2: sc.metrics.areaPerPersonM2,
						normM2PerPerson: sc.metrics.normM2PerPerson
					}
				: null,
		scoring: scoringInput(db, wardId),
		sites: siteRows.map((s) => {
			let polygon: [number, number][] | null = null;
			if (s.polygonGeojson) {
				try {
					const g = JSON.parse(s.polygonGeojson) as { coordinates?: [number, number][][] };
					polygon = g.coordinates?.[0] ?? null;
				} catch {
					polygon = null;
				}
			}
			return {
				id: s.id,
				code: s.code,
				name: s.name,
				lat: s.lat,
				lng: s.lng,
				polygon,
				landAreaM2: s.landAreaM2,
				legalStatus: s.legalStatus,
				householdsToRelocate: s.householdsToRelocate,
				landCostVnd: s.landCostVnd,
				clearanceCostVnd: s.clearanceCostVnd
			};
		}),
		stations: METRO_STATIONS.map((s) => ({
			code: s.id,
			name: s.name,
			lat: s.lat,
			lng: s.lng,
			future: s.future === true
		})),
		settings: {
			unitCost: settingValue(db, wardId, 'investment.unitCostVndPerM2', 11_000_000),
			contingency: settingValue(db, wardId, 'investment.contingencyRatio', 0.1),
			grossToUsable: settingValue(db, wardId, 'investment.grossToUsableRatio', 1.35)
		},
		staffing: {
			rows: staffing.rows.map((r) => ({
				field: r.field,
				fieldLabel: fieldLabel(r.field),
				approved: r.approved,
				filled: r.filled,
				vacant: r.vacant,
				planned: r.planned
			})),
			totals: {
				approved: staffing.totals.approved,
				filled: staffing.totals.filled,
				vacant: staffing.totals.vacant,
				planned: staffing.totals.planned
			}
		},
		documents
	};
}

/** The packet of the ward now, with the given draft. */
export function assemble(
	db: Db,
	wardId: number,
	draft: PacketDraft,
	at = new Date()
): PacketSnapshot {
	const input = gatherInput(db, wardId, at);
	// The dossier's inputs (site, scale, estimate, căn cứ …): the model prints them from
	// PacketInput.dossier and they are frozen with the snapshot (PacketSnapshot.dossier).
	const dossier = dossierForDraft(db, wardId, draft, null, input);
	return { ...buildSnapshot(Object.assign(input, { dossier }), draft), dossier };
}
