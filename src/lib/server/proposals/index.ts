/**
 * Proposals to the city (tờ trình + báo cáo đề xuất chủ trương đầu tư): assembling the packet
 * from the ward's data, the recompute check, and the workflow draft → submitted → in-review →
 * returned (comments per section) → submitted again (a new version) → approved / rejected.
 * A submitted version (snapshot JSON, its SHA-256 and the generated files) never changes.
 * Every step writes its audit row and its notifications in the same transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { METRO_STATIONS } from '../../geo';
import {
	SECTION_KEYS,
	buildSnapshot,
	changedNumbers,
	defaultDraft,
	diffSnapshots,
	type Cell,
	type NumberChange,
	type PacketDraft,
	type PacketInput,
	type PacketSnapshot,
	type PacketDocuments,
	vnToday,
	type PageSnapshot,
	type SectionKey,
	fieldLabel,
	type SettingValue,
	type SnapshotDiff
} from '../../packet';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import {
	buildings,
	conditionSurveys,
	decisions,
	facilities,
	orgUnits,
	photos,
	proposalVersions,
	proposals,
	reviewComments,
	rooms,
	scenarios,
	settings,
	users,
	wards
} from '../db/schema';
import { dossierForDraft } from './dossier';
import {
	justificationForWard,
	needsForWard,
	staffingGapsForWard,
	vacanciesByPosition
} from '../needs';
import { notify, reviewerIds, wardUserIds } from './notifications';
import { uploadDir } from '../inventory/photos';
import { appliedArrangementByUnit, getScenario } from '../plans';
import {
	buildDecision,
	getScoringRun,
	listScoringRuns,
	runResult,
	type ScoringMethod,
	type ScoringRunResult
} from '../sites/scoring';
import { allSites } from '../sites';

export type ProposalStatus = (typeof proposals.$inferSelect)['status'];
export type DecisionOutcome = 'returned' | 'approved' | 'rejected';

/** A workflow step refused for a reason the user can understand. */
export class ProposalError extends Error {
	constructor(
		public readonly code:
			| 'not-found'
			| 'not-editable'
			| 'not-submitted'
			| 'bad-section'
			| 'final'
			| 'no-version'
			| 'live-exists'
			| 'comment-too-long'
			| 'no-justification'
	) {
		super(code);
	}
}

/** What proposals.draft_json holds: the editable draft and the last assembled snapshot. */
export interface DraftState {
	draft: PacketDraft;
	assembled: PacketSnapshot | null;
}

export const EDITABLE: readonly ProposalStatus[] = ['draft', 'returned'];
export const DECIDABLE: readonly ProposalStatus[] = ['submitted', 'in-review'];
/**
 * One live proposal per ward. Live = draft, submitted, in-review or returned. Creating a new
 * proposal while one is with the city (submitted, in-review) is refused: the city reviews one
 * dossier of a ward at a time and the ward waits for its decision or its return. A live one
 * still in the ward's hands (a draft, or returned for changes) is superseded by the new one in
 * the same transaction: status superseded, superseded_by = the new one (its submitted versions
 * stay readable and unchanged; the city's reviewers are told when one of theirs is replaced).
 */
export const LIVE: readonly ProposalStatus[] = ['draft', 'submitted', 'in-review', 'returned'];
/** Live statuses that block a new proposal (the city holds the dossier). */
export const WITH_CITY: readonly ProposalStatus[] = ['submitted', 'in-review'];

// ------------------------------------------------------------------ assembling the packet

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

const pctVi = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const pctEn = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const intVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const intEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
// Areas with the policy's one decimal (i18n DECIMALS: m² 1).
const areaVi = new Intl.NumberFormat('vi-VN', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});
const areaEn = new Intl.NumberFormat('en-GB', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});

/**
 * The justification criteria (needs page), the applied arrangement by unit (plans) and the
 * vacancies by position under the city's fields, in words for the documents.
 */
function documentsInput(
	db: Db,
	wardId: number
): Omit<PacketDocuments, 'reportNumber' | 'letterNumber'> {
	const out: Omit<PacketDocuments, 'reportNumber' | 'letterNumber'> = {
		justification: [],
		arrangement: [],
		vacancies: []
	};
	try {
		const j = justificationForWard(db, wardId);
		const a = j.workingArea.allSites;
		const ratio = a.ratio ?? 0;
		out.justification.push({
			met: j.workingArea.met,
			text: {
				vi: `Diện tích làm việc đang sử dụng tại tất cả các cơ sở là ${areaVi.format(a.inUseM2)} m², bằng ${pctVi.format(ratio)} định mức ${areaVi.format(a.normM2)} m² (ngưỡng ${pctVi.format(j.threshold)}).`,
				en: `Working area in use at all sites: ${areaEn.format(a.inUseM2)} m², ${pctEn.format(ratio)} of the ${areaEn.format(a.normM2)} m² norm (threshold ${pctEn.format(j.threshold)}).`
			}
		});
		const u = j.unsafeBuildings;
		const inUse = u.buildings.filter((b) => b.inUse);
		out.justification.push({
			met: u.met,
			text: {
				vi: u.buildings.length
					? `Có ${u.buildings.length} nhà cấp nguy hiểm C hoặc D theo TCVN 9381:2012 (${u.buildings.map((b) => b.name).join(', ')}), trong đó ${inUse.length} nhà đang sử dụng.`
					: 'Không có nhà nào được đánh giá cấp nguy hiểm C hoặc D theo TCVN 9381:2012.',
				en: u.buildings.length
					? `${u.buildings.length} buildings at danger level C or D under TCVN 9381:2012 (${u.buildings.map((b) => b.name).join(', ')}), ${inUse.length} of them in use.`
					: 'No building at danger level C or D under TCVN 9381:2012.'
			}
		});
		const dsp = j.dispersion;
		out.justification.push({
			met: dsp.met,
			text: {
				vi: `Cơ quan đang làm việc tại ${dsp.siteCount} cơ sở; hai cơ sở xa nhau nhất cách nhau ${intVi.format(dsp.maxDistanceM)} m (tiêu chí phân tán: từ ${dsp.minSites} cơ sở, cách nhau từ ${intVi.format(dsp.minDistanceM)} m).`,
				en: `The offices use ${dsp.siteCount} sites; the two farthest apart are ${intEn.format(dsp.maxDistanceM)} m apart (scattered: ${dsp.minSites} sites or more, ${intEn.format(dsp.minDistanceM)} m or more apart).`
			}
		});
	} catch {
		// No current norm set: the criteria are left out (the necessity figures still show).
	}
	const arr = appliedArrangementByUnit(db, wardId);
	if (arr) {
		const names = new Map(
			db
				.select({ id: orgUnits.id, name: orgUnits.name })
				.from(orgUnits)
				.where(eq(orgUnits.wardId, wardId))
				.all()
				.map((r) => [r.id, r.name])
		);
		out.arrangement = arr.units.map((x) => ({
			unit: names.get(x.unitId) ?? '—',
			headcount: x.headcount,
			seated: x.seated,
			areaM2: x.areaGivenM2,
			normM2: x.normAreaM2
		}));
	}
	const v = vacanciesByPosition(db, wardId);
	for (const g of v.groups) {
		for (const r of g.rows) {
			if (r.missing > 0) {
				out.vacancies.push({
					field:
						g.key === 'leadership'
							? { vi: 'Lãnh đạo, quản lý', en: 'Leadership' }
							: fieldLabel(r.field),
					position: { vi: r.title, en: v.titleLabels[r.titleKey]?.en ?? r.title },
					unit: r.unitName,
					approved: r.approved,
					filled: r.filled,
					vacant: r.missing
				});
			}
		}
	}
	return out;
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

/** Rows of each section table a proposal page shows until the reader asks for all of them. */
export const PAGE_TABLE_ROWS = 5;

/** Which sections' tables a page shows in full: `?all=<section>[,<section>…]`, `?print=1` all. */
export function expandedSections(url: URL): SectionKey[] | 'all' {
	if (url.searchParams.get('print') === '1') return 'all';
	const asked = url.searchParams
		.getAll('all')
		.flatMap((v) => v.split(','))
		.map((v) => v.trim());
	if (asked.includes('*')) return 'all';
	return SECTION_KEYS.filter((k) => asked.includes(k));
}

const round4 = (c: Cell): Cell =>
	typeof c === 'number' && !Number.isInteger(c) ? Math.round(c * 1e4) / 1e4 : c;

/**
 * The snapshot as the proposal pages show it (PacketView: the submission and the sections):
 * without the map layers, the chart data and the photo list that only the packet files use, each
 * section table cut to its first PAGE_TABLE_ROWS rows unless its section is expanded, and the
 * numbers in the table cells rounded to the 4 decimals the page shows. With 200 sites the score,
 * SMAA and site tables are most of a page otherwise; the packet files and the API keep them all.
 */
export function pageSnapshot(s: PacketSnapshot, expand: SectionKey[] | 'all' = []): PageSnapshot {
	return {
		...s,
		map: { extent: s.map.extent, sites: [], stations: [], facilities: [] },
		charts: { units: [], contributions: null, smaa: null },
		photos: [],
		pageRows: PAGE_TABLE_ROWS,
		sections: s.sections.map((sec) => {
			const expanded = expand === 'all' || expand.includes(sec.key);
			return {
				...sec,
				expanded,
				tables: sec.tables.map((tb) => ({
					...tb,
					total: tb.rows.length,
					rows: (expanded ? tb.rows : tb.rows.slice(0, PAGE_TABLE_ROWS)).map((r) => r.map(round4))
				}))
			};
		})
	};
}

export const sha256 = (data: string | Uint8Array) =>
	createHash('sha256').update(data).digest('hex');

// ------------------------------------------------------------------ reading

export type ProposalRow = typeof proposals.$inferSelect;

export interface ProposalListRow {
	id: number;
	title: string;
	status: ProposalStatus;
	versions: number;
	updatedAt: number;
	createdAt: number;
}

function parseState(json: string): DraftState {
	return JSON.parse(json) as DraftState;
}

export function listProposals(
	db: DbLike,
	wardId: number,
	opts: { includeDrafts?: boolean } = {}
): ProposalListRow[] {
	const rows = db
		.select({
			id: proposals.id,
			title: proposals.title,
			status: proposals.status,
			updatedAt: proposals.updatedAt,
			createdAt: proposals.createdAt,
			// Spelled out: drizzle writes a bare "id" here, which the subquery reads as v.id.
			versions: sql<number>`(select count(*) from proposal_versions v where v.proposal_id = "proposals"."id")`
		})
		.from(proposals)
		.where(
			opts.includeDrafts === false
				? and(eq(proposals.wardId, wardId), ne(proposals.status, 'draft'))
				: eq(proposals.wardId, wardId)
		)
		.orderBy(desc(proposals.updatedAt), desc(proposals.id))
		.all();
	return rows;
}

/** A proposal of the ward (or of any ward with wardId null), or undefined. */
export function getProposal(db: DbLike, wardId: number | null, id: number) {
	const row = db
		.select()
		.from(proposals)
		.where(
			wardId === null
				? eq(proposals.id, id)
				: and(eq(proposals.id, id), eq(proposals.wardId, wardId))
		)
		.get();
	if (!row) return undefined;
	return { ...row, state: parseState(row.draftJson) };
}

export interface VersionRow {
	id: number;
	number: number;
	sha256: string;
	files: PacketFile[];
	submittedAt: number;
	submittedBy: string | null;
}

export interface PacketFile {
	name: string;
	path: string;
	sha256: string;
	size: number;
}

export function listVersions(db: DbLike, proposalId: number): VersionRow[] {
	return db
		.select({
			id: proposalVersions.id,
			number: proposalVersions.number,
			sha256: proposalVersions.sha256,
			filesJson: proposalVersions.filesJson,
			submittedAt: proposalVersions.submittedAt,
			submittedBy: users.displayName
		})
		.from(proposalVersions)
		.leftJoin(users, eq(users.id, proposalVersions.submittedBy))
		.where(eq(proposalVersions.proposalId, proposalId))
		.orderBy(asc(proposalVersions.number))
		.all()
		.map(({ filesJson, ...v }) => ({ ...v, files: JSON.parse(filesJson) as PacketFile[] }));
}

export function getVersion(db: DbLike, proposalId: number, n: number) {
	const row = db
		.select()
		.from(proposalVersions)
		.where(and(eq(proposalVersions.proposalId, proposalId), eq(proposalVersions.number, n)))
		.get();
	if (!row) return undefined;
	return {
		id: row.id,
		number: row.number,
		sha256: row.sha256,
		snapshotJson: row.snapshotJson,
		snapshot: JSON.parse(row.snapshotJson) as PacketSnapshot,
		files: JSON.parse(row.filesJson) as PacketFile[],
		submittedAt: row.submittedAt
	};
}

export interface CommentRow {
	id: number;
	versionNumber: number;
	section: string;
	body: string;
	author: string | null;
	createdAt: number;
}

export function listComments(db: DbLike, proposalId: number): CommentRow[] {
	return db
		.select({
			id: reviewComments.id,
			versionNumber: proposalVersions.number,
			section: reviewComments.section,
			body: reviewComments.body,
			author: users.displayName,
			createdAt: reviewComments.createdAt
		})
		.from(reviewComments)
		.innerJoin(proposalVersions, eq(proposalVersions.id, reviewComments.versionId))
		.leftJoin(users, eq(users.id, reviewComments.authorId))
		.where(eq(proposalVersions.proposalId, proposalId))
		.orderBy(asc(reviewComments.createdAt), asc(reviewComments.id))
		.all();
}

export function listDecisions(db: DbLike, proposalId: number) {
	return db
		.select({
			id: decisions.id,
			outcome: decisions.outcome,
			note: decisions.note,
			versionNumber: proposalVersions.number,
			decidedBy: users.displayName,
			createdAt: decisions.createdAt
		})
		.from(decisions)
		.leftJoin(proposalVersions, eq(proposalVersions.id, decisions.versionId))
		.leftJoin(users, eq(users.id, decisions.decidedBy))
		.where(eq(decisions.proposalId, proposalId))
		.orderBy(asc(decisions.createdAt), asc(decisions.id))
		.all();
}

/** Numbers whose source changed since the draft was assembled (empty when none). */
export function recomputeCheck(db: Db, wardId: number, state: DraftState): NumberChange[] {
	if (!state.assembled) return [];
	const fresh = assemble(db, wardId, state.draft);
	return changedNumbers(state.assembled, fresh);
}

/** The diff between the last two versions (null with fewer than two). */
export function lastVersionDiff(db: DbLike, proposalId: number): SnapshotDiff | null {
	const vs = db
		.select({ n: proposalVersions.number, json: proposalVersions.snapshotJson })
		.from(proposalVersions)
		.where(eq(proposalVersions.proposalId, proposalId))
		.orderBy(desc(proposalVersions.number))
		.limit(2)
		.all();
	if (vs.length < 2) return null;
	return diffSnapshots(
		JSON.parse(vs[1].json) as PacketSnapshot,
		JSON.parse(vs[0].json) as PacketSnapshot
	);
}

// ------------------------------------------------------------------ writing (ward side)

/** Today in Viet Nam's time (the tờ trình's date). */
const today = (at = new Date()) => vnToday(at);
const wardLink = (wardCode: string, id: number) => `/w/${wardCode}/proposals/${id}`;
const reviewLink = (id: number) => `/review/proposals/${id}`;

function wardOf(db: DbLike, wardId: number) {
	const w = db
		.select({ code: wards.code, name: wards.name, city: wards.city })
		.from(wards)
		.where(eq(wards.id, wardId))
		.get();
	if (!w) throw new ProposalError('not-found');
	return w;
}

/** Creates a draft proposal with the default draft and its first assembled snapshot. */
export function createProposal(
	db: Db,
	actor: Actor,
	wardId: number,
	title: string,
	at = new Date()
): number {
	const w = wardOf(db, wardId);
	const draft = defaultDraft(w.name, today(at), w.city);
	const assembled = assemble(db, wardId, draft, at);
	// Immediate: the check of the ward's live proposals and the insert hold the write lock
	// together, so two creations racing (two tabs, two processes) cannot both pass the check.
	return db.transaction(
		(tx) => {
			const live = liveProposals(tx, wardId);
			const held = live.find((p) => WITH_CITY.includes(p.status));
			if (held) throw new ProposalError('live-exists');
			const row = tx
				.insert(proposals)
				.values({
					wardId,
					title,
					status: 'draft',
					draftJson: JSON.stringify({ draft, assembled } satisfies DraftState),
					createdBy: actor.userId
				})
				.returning({ id: proposals.id })
				.get();
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'proposal',
				entityId: row.id,
				action: 'create',
				after: { title, status: 'draft', supersedes: live.map((p) => p.id) }
			});
			for (const old of live) {
				tx.update(proposals)
					.set({ status: 'superseded', supersededBy: row.id, updatedAt: at.getTime() })
					.where(eq(proposals.id, old.id))
					.run();
				writeAudit(tx, {
					actor,
					wardId,
					entity: 'proposal',
					entityId: old.id,
					action: 'update',
					before: { status: old.status },
					after: { status: 'superseded', supersededBy: row.id }
				});
				// A returned dossier was the city's: its reviewer learns that it is replaced.
				if (old.status === 'returned') {
					notify(
						tx,
						old.reviewerId ? [old.reviewerId] : reviewerIds(tx),
						{ key: 'review.notify.superseded', params: { ward: w.name, title: old.title } },
						reviewLink(old.id)
					);
				}
			}
			return row.id;
		},
		{ behavior: 'immediate' }
	);
}

/** The ward's live proposals (see LIVE), newest first. */
export function liveProposals(db: DbLike, wardId: number) {
	return db
		.select({
			id: proposals.id,
			title: proposals.title,
			status: proposals.status,
			reviewerId: proposals.reviewerId
		})
		.from(proposals)
		.where(and(eq(proposals.wardId, wardId), inArray(proposals.status, [...LIVE])))
		.orderBy(desc(proposals.updatedAt), desc(proposals.id))
		.all();
}

function editable(db: DbLike, wardId: number, id: number) {
	const p = getProposal(db, wardId, id);
	if (!p) throw new ProposalError('not-found');
	if (!EDITABLE.includes(p.status)) throw new ProposalError('not-editable');
	return p;
}

/** Saves the editable draft (title, tờ trình fields, narratives, schedule, site choice). */
export function saveDraft(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	input: { title: string; draft: PacketDraft },
	/** The version the form was loaded with (null = not checked); stale → ConflictError. */
	expectedVersion?: number | null
): void {
	db.transaction((tx) => {
		const p = editable(tx, wardId, id);
		checkVersion('proposal', p, expectedVersion);
		const state: DraftState = { ...p.state, draft: input.draft };
		versionedUpdate(tx, proposals, 'proposal', id, expectedVersion, {
			title: input.title,
			draftJson: JSON.stringify(state),
			updatedAt: Date.now()
		});
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'proposal',
			entityId: id,
			action: 'update',
			before: { title: p.title, draft: p.state.draft },
			after: { title: input.title, draft: input.draft }
		});
	});
}

/** Assembles the packet again from the ward's current data. */
export function reassemble(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	at = new Date()
): void {
	const p = editable(db, wardId, id);
	const assembled = assemble(db, wardId, p.state.draft, at);
	const changes = p.state.assembled ? changedNumbers(p.state.assembled, assembled) : [];
	db.transaction((tx) => {
		editable(tx, wardId, id);
		tx.update(proposals)
			.set({
				draftJson: JSON.stringify({ draft: p.state.draft, assembled } satisfies DraftState),
				updatedAt: Date.now()
			})
			.where(eq(proposals.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'proposal',
			entityId: id,
			action: 'update',
			before: {
				changedNumbers: changes.map((c) => ({ key: c.key, value: c.before?.value ?? null }))
			},
			after: {
				assembledAt: assembled.assembledAt,
				changedNumbers: changes.map((c) => ({ key: c.key, value: c.after?.value ?? null }))
			}
		});
	});
}

/** Generates the packet files of a snapshot (injected so tests and routes share one path). */
export type PacketGenerator = (
	snapshot: PacketSnapshot,
	meta: { proposalId: number; version: number; sha256: string; submittedAt: Date }
) => Promise<{ name: string; bytes: Uint8Array }[]>;

/**
 * The folder of one submission attempt's files, `packets/<proposal>/v<n>-<random>`: unique, so
 * that two submissions racing for the same version number (a double click) never write over each
 * other's files. The version row records each file's path.
 */
export function packetDir(proposalId: number, version: number): string {
	return path.join('packets', String(proposalId), `v${version}-${randomBytes(4).toString('hex')}`);
}

/** Reads a stored packet file of a version (null when missing). */
export async function readPacketFile(file: PacketFile): Promise<Uint8Array | null> {
	const root = uploadDir();
	const full = path.resolve(root, file.path);
	if (!full.startsWith(root + path.sep)) return null;
	try {
		return new Uint8Array(await readFile(full));
	} catch {
		return null;
	}
}

/**
 * Submits (or resubmits after a return): assembles the packet from the current data, freezes it
 * as version n + 1 (snapshot, SHA-256, the generated files stored under UPLOAD_DIR/packets),
 * sets the status to submitted and notifies the city's reviewers.
 */
export async function submitProposal(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	generate: PacketGenerator,
	at = new Date()
): Promise<{ version: number; sha256: string }> {
	const p = editable(db, wardId, id);
	const w = wardOf(db, wardId);
	const snapshot = assemble(db, wardId, p.state.draft, at);
	// A site other than the top-ranked one needs its written justification (issue 15).
	if (snapshot.dossier?.problems.some((x) => x.code === 'justification-missing')) {
		throw new ProposalError('no-justification');
	}
	const json = JSON.stringify(snapshot);
	const hash = sha256(json);
	const last =
		db
			.select({ n: sql<number>`max(${proposalVersions.number})` })
			.from(proposalVersions)
			.where(eq(proposalVersions.proposalId, id))
			.get()?.n ?? 0;
	const number = last + 1;
	const generated = await generate(snapshot, {
		proposalId: id,
		version: number,
		sha256: hash,
		submittedAt: at
	});
	const dir = packetDir(id, number);
	try {
		await mkdir(path.join(uploadDir(), dir), { recursive: true });
		const files: PacketFile[] = [];
		for (const f of generated) {
			const rel = path.join(dir, f.name);
			await writeFile(path.join(uploadDir(), rel), f.bytes);
			files.push({ name: f.name, path: rel, sha256: sha256(f.bytes), size: f.bytes.byteLength });
		}
		recordSubmission(db, actor, {
			wardId,
			id,
			number,
			snapshot,
			json,
			hash,
			files,
			wardName: w.name,
			at
		});
	} catch (e) {
		// Nothing refers to this attempt's files unless its transaction committed. (A failed
		// clean-up only leaves an unreferenced folder; the submission's own error is what counts.)
		await rm(path.join(uploadDir(), dir), { recursive: true, force: true }).catch(() => {});
		throw e;
	}
	return { version: number, sha256: hash };
}

/** The database side of a submission, in one transaction (the files are already written). */
function recordSubmission(
	db: Db,
	actor: Actor,
	s: {
		wardId: number;
		id: number;
		number: number;
		snapshot: PacketSnapshot;
		json: string;
		hash: string;
		files: PacketFile[];
		wardName: string;
		at: Date;
	}
): void {
	const { wardId, id, number, snapshot, json, hash, files, at } = s;
	db.transaction((tx) => {
		const cur = editable(tx, wardId, id);
		// One live proposal per ward (see LIVE): older data may hold two drafts of a ward.
		const other = liveProposals(tx, wardId).find(
			(p) => p.id !== id && WITH_CITY.includes(p.status)
		);
		if (other) throw new ProposalError('live-exists');
		const v = tx
			.insert(proposalVersions)
			.values({
				proposalId: id,
				number,
				snapshotJson: json,
				sha256: hash,
				filesJson: JSON.stringify(files),
				submittedBy: actor.userId,
				submittedAt: at.getTime()
			})
			.returning({ id: proposalVersions.id })
			.get();
		tx.update(proposals)
			.set({
				status: 'submitted',
				draftJson: JSON.stringify({
					draft: cur.state.draft,
					assembled: snapshot
				} satisfies DraftState),
				updatedAt: at.getTime()
			})
			.where(eq(proposals.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'proposal_version',
			entityId: v.id,
			action: 'submit',
			before: { status: cur.status },
			after: { proposalId: id, number, sha256: hash, files: files.map((f) => f.name) }
		});
		const targets = cur.reviewerId ? [cur.reviewerId] : reviewerIds(tx);
		notify(
			tx,
			targets,
			{
				key: number > 1 ? 'proposals.notify.resubmitted' : 'proposals.notify.submitted',
				params: { ward: s.wardName, title: cur.title, version: String(number) }
			},
			reviewLink(id)
		);
	});
}

// ------------------------------------------------------------------ writing (city side)

function forReview(db: DbLike, id: number) {
	const p = getProposal(db, null, id);
	if (!p || p.status === 'draft') throw new ProposalError('not-found');
	return p;
}

/** A proposal the city may see: submitted at least once (not a draft, nor a replaced draft). */
const SEEN_BY_CITY = sql`exists (select 1 from proposal_versions v where v.proposal_id = ${proposals.id})`;

function latestVersionId(db: DbLike, id: number): number {
	const v = db
		.select({ id: proposalVersions.id })
		.from(proposalVersions)
		.where(eq(proposalVersions.proposalId, id))
		.orderBy(desc(proposalVersions.number))
		.get();
	if (!v) throw new ProposalError('no-version');
	return v.id;
}

function claimIn(tx: DbLike, actor: Actor, p: NonNullable<ReturnType<typeof getProposal>>) {
	tx.update(proposals)
		.set({ status: 'in-review', reviewerId: actor.userId, updatedAt: Date.now() })
		.where(eq(proposals.id, p.id))
		.run();
	writeAudit(tx, {
		actor,
		wardId: p.wardId,
		entity: 'proposal',
		entityId: p.id,
		action: 'update',
		before: { status: p.status, reviewerId: p.reviewerId },
		after: { status: 'in-review', reviewerId: actor.userId }
	});
	const w = wardOf(tx, p.wardId);
	notify(
		tx,
		wardUserIds(tx, p.wardId),
		{ key: 'proposals.notify.inReview', params: { title: p.title, reviewer: actor.username } },
		wardLink(w.code, p.id)
	);
}

/** A reviewer takes a submitted proposal: status in-review, reviewer set. */
export function claimProposal(db: Db, actor: Actor, id: number): void {
	db.transaction((tx) => {
		const p = forReview(tx, id);
		if (p.status !== 'submitted') throw new ProposalError('not-submitted');
		claimIn(tx, actor, p);
	});
}

/** A reviewer's comment on one section of the latest version (claims it when submitted). */
export function addComment(
	db: Db,
	actor: Actor,
	id: number,
	input: { section: string; body: string }
): number {
	if (!(SECTION_KEYS as readonly string[]).includes(input.section) && input.section !== 'general') {
		throw new ProposalError('bad-section');
	}
	if (input.body.trim().length === 0 || input.body.length > 4000) {
		throw new ProposalError('comment-too-long');
	}
	return db.transaction((tx) => {
		const p = forReview(tx, id);
		if (!DECIDABLE.includes(p.status)) throw new ProposalError('not-submitted');
		if (p.status === 'submitted') claimIn(tx, actor, p);
		const versionId = latestVersionId(tx, id);
		const row = tx
			.insert(reviewComments)
			.values({ versionId, section: input.section, body: input.body, authorId: actor.userId })
			.returning({ id: reviewComments.id })
			.get();
		writeAudit(tx, {
			actor,
			wardId: p.wardId,
			entity: 'review_comment',
			entityId: row.id,
			action: 'create',
			after: { proposalId: id, versionId, section: input.section, body: input.body }
		});
		return row.id;
	});
}

/** Returns, approves or rejects the latest version with a decision note. */
export function decideProposal(
	db: Db,
	actor: Actor,
	id: number,
	input: { outcome: DecisionOutcome; note: string }
): void {
	db.transaction((tx) => {
		const p = forReview(tx, id);
		if (!DECIDABLE.includes(p.status)) {
			throw new ProposalError(p.status === 'returned' ? 'not-submitted' : 'final');
		}
		const versionId = latestVersionId(tx, id);
		const d = tx
			.insert(decisions)
			.values({
				proposalId: id,
				versionId,
				outcome: input.outcome,
				note: input.note,
				decidedBy: actor.userId
			})
			.returning({ id: decisions.id })
			.get();
		tx.update(proposals)
			.set({
				status: input.outcome,
				reviewerId: p.reviewerId ?? actor.userId,
				updatedAt: Date.now()
			})
			.where(eq(proposals.id, id))
			.run();
		writeAudit(tx, {
			actor,
			wardId: p.wardId,
			entity: 'decision',
			entityId: d.id,
			action: 'decide',
			before: { status: p.status },
			after: { proposalId: id, versionId, outcome: input.outcome, note: input.note }
		});
		const w = wardOf(tx, p.wardId);
		notify(
			tx,
			wardUserIds(tx, p.wardId),
			{ key: `proposals.notify.${input.outcome}`, params: { title: p.title } },
			wardLink(w.code, id)
		);
	});
}

// ------------------------------------------------------------------ the city's views

export interface QueueRow {
	id: number;
	title: string;
	status: ProposalStatus;
	wardCode: string;
	wardName: string;
	reviewer: string | null;
	versions: number;
	lastSubmittedAt: number | null;
}

/** Every ward's proposals that are not drafts, oldest submission first. */
export function reviewQueue(db: DbLike): QueueRow[] {
	return db
		.select({
			id: proposals.id,
			title: proposals.title,
			status: proposals.status,
			wardCode: wards.code,
			wardName: wards.name,
			reviewer: users.displayName,
			versions: sql<number>`(select count(*) from proposal_versions v where v.proposal_id = ${proposals.id})`,
			lastSubmittedAt: sql<
				number | null
			>`(select max(v.submitted_at) from proposal_versions v where v.proposal_id = ${proposals.id})`
		})
		.from(proposals)
		.innerJoin(wards, eq(wards.id, proposals.wardId))
		.leftJoin(users, eq(users.id, proposals.reviewerId))
		.where(and(ne(proposals.status, 'draft'), SEEN_BY_CITY))
		.orderBy(asc(proposals.id))
		.all()
		.sort((a, b) => (a.lastSubmittedAt ?? 0) - (b.lastSubmittedAt ?? 0));
}

export interface PortfolioRow {
	wardCode: string;
	wardName: string;
	proposalId: number | null;
	status: ProposalStatus | null;
	version: number | null;
	shortfallM2: number | null;
	ratioToNorm: number | null;
	totalVnd: number | null;
	siteCode: string | null;
	siteName: string | null;
	siteLat: number | null;
	siteLng: number | null;
	siteScore: number | null;
	buildingsCorD: number | null;
	meanConditionIndex: number | null;
}

/**
 * One row per ward: the figures of its latest submitted version (nulls when none), with three
 * queries for the whole city (not two per ward).
 */
export function portfolio(db: DbLike): PortfolioRow[] {
	const ws = db
		.select({ id: wards.id, code: wards.code, name: wards.name })
		.from(wards)
		.orderBy(asc(wards.name))
		.all();
	// The latest non-draft proposal of each ward (the first by updatedAt desc, id desc).
	const latest = new Map<number, { id: number; status: ProposalStatus }>();
	for (const p of db
		.select({ id: proposals.id, wardId: proposals.wardId, status: proposals.status })
		.from(proposals)
		.where(and(ne(proposals.status, 'draft'), ne(proposals.status, 'superseded')))
		.orderBy(desc(proposals.updatedAt), desc(proposals.id))
		.all()) {
		if (!latest.has(p.wardId)) latest.set(p.wardId, { id: p.id, status: p.status });
	}
	// The latest version of each of those proposals.
	const ids = [...latest.values()].map((p) => p.id);
	const versions = new Map<number, { number: number; json: string }>();
	if (ids.length) {
		for (const v of db
			.select({
				proposalId: proposalVersions.proposalId,
				number: proposalVersions.number,
				json: proposalVersions.snapshotJson
			})
			.from(proposalVersions)
			.where(
				and(
					inArray(proposalVersions.proposalId, ids),
					sql`${proposalVersions.number} = (select max(v2.number) from proposal_versions v2 where v2.proposal_id = ${proposalVersions.proposalId})`
				)
			)
			.all()) {
			versions.set(v.proposalId, { number: v.number, json: v.json });
		}
	}
	return ws.map((w) => {
		const p = latest.get(w.id);
		const v = p ? versions.get(p.id) : undefined;
		const empty: PortfolioRow = {
			wardCode: w.code,
			wardName: w.name,
			proposalId: p?.id ?? null,
			status: p?.status ?? null,
			version: null,
			shortfallM2: null,
			ratioToNorm: null,
			totalVnd: null,
			siteCode: null,
			siteName: null,
			siteLat: null,
			siteLng: null,
			siteScore: null,
			buildingsCorD: null,
			meanConditionIndex: null
		};
		if (!v) return empty;
		const s = JSON.parse(v.json) as PacketSnapshot;
		const sec = (k: SectionKey) => s.sections.find((x) => x.key === k)?.numbers ?? {};
		const site = s.map.sites.find((x) => x.recommended);
		return {
			...empty,
			version: v.number,
			shortfallM2: sec('necessity').shortfallM2?.value ?? null,
			ratioToNorm: sec('necessity').ratioToNorm?.value ?? null,
			totalVnd: sec('estimate').totalVnd?.value ?? null,
			siteCode: site?.code ?? null,
			siteName: site?.name ?? null,
			siteLat: site?.lat ?? null,
			siteLng: site?.lng ?? null,
			siteScore: sec('recommended').score?.value ?? null,
			buildingsCorD: sec('necessity').buildingsCorD?.value ?? null,
			meanConditionIndex: sec('necessity').meanConditionIndex?.value ?? null
		};
	});
}

/** The ward's proposals for the JSON API (drafts hidden when asked). */
export function proposalsForApi(db: DbLike, wardId: number, includeDrafts: boolean) {
	return listProposals(db, wardId, { includeDrafts }).map((p) => ({
		id: p.id,
		title: p.title,
		status: p.status,
		versions: listVersions(db, p.id).map((v) => ({
			number: v.number,
			sha256: v.sha256,
			submittedAt: new Date(v.submittedAt).toISOString(),
			snapshot: `/api/v1/proposals/${p.id}/versions/${v.number}`,
			files: {
				zip: `/api/v1/proposals/${p.id}/versions/${v.number}/packet.zip`,
				docx: `/api/v1/proposals/${p.id}/versions/${v.number}/packet.docx`,
				pdf: `/api/v1/proposals/${p.id}/versions/${v.number}/packet.pdf`
			}
		})),
		createdAt: new Date(p.createdAt).toISOString(),
		updatedAt: new Date(p.updatedAt).toISOString()
	}));
}
