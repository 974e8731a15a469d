/**
 * "Áp dụng phương án": the ward's current arrangement (who sits where), recorded from a solved
 * scenario, and read back for the needs page and the proposal.
 */
import { desc, eq } from 'drizzle-orm';
import { checkAllocation } from '../../allocation/evaluate';
import type { Locale } from '../../i18n';
import { applyConsequences, type ApplyConsequences } from '../../plans/consequences';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import { checkVersion, versionedUpdate } from '../core/concurrency';
import type { Db, DbLike } from '../db';
import { arrangements, scenarios } from '../db/schema';
import { PlansError } from './errors';
import { buildInstance, dbId, inputFingerprint } from './instance';
import { normalisePlan, violationText } from './metrics';
import { currentFingerprint, getScenario, scenarioRow } from './scenarios';
import type { ScenarioSettings } from './settings';

/** One unit's line of the applied arrangement. */
export interface ArrangementUnit {
	unitId: number;
	headcount: number;
	seated: number;
	areaGivenM2: number;
	normAreaM2: number;
	shortfallM2: number;
	shortfallShare: number;
}

/** The ward's current arrangement as {@link appliedArrangementByUnit} returns it. */
export interface AppliedArrangement {
	scenarioId: number;
	scenarioName: string;
	appliedAt: number;
	stale: boolean;
	units: ArrangementUnit[];
}

/**
 * "Áp dụng phương án": records the scenario's plan as the ward's current arrangement (who sits
 * where), in ONE transaction: a row of `arrangements` with the seats and the per-unit figures,
 * `applied_at` on the scenario and an `apply` audit row with the consequences. Rooms are NOT
 * rewritten: the needs page keeps comparing the inventory (entitled area against the usable
 * area of the facilities), so a temporary arrangement never changes the ward's case.
 *
 * Refused with {@link PlansError}: `not-solved` for a draft, `stale` when the inputs changed
 * since the solve (solve again first), `infeasible` (with the rules named) when the plan breaks
 * a rule of today's instance.
 */
export function applyScenario(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	locale: Locale = 'vi',
	/** The version the page was loaded with (null = not checked): the plan confirmed is the
	 * plan applied; a plan edited meanwhile → ConflictError, nothing recorded. */
	expectedVersion?: number | null
): ApplyConsequences {
	const checked = checkApply(db, wardId, id, locale, expectedVersion);
	return saveApply(db, actor, wardId, id, checked, expectedVersion);
}

/** A scenario checked for applying: the arrangement row to record and the audit's figures. */
export interface CheckedApply {
	/** The scenario's version the check read. */
	version: number;
	name: string;
	inputHash: string;
	seatsJson: string;
	unitsJson: string;
	objective: number;
	seated: number;
	consequences: ApplyConsequences;
}

/**
 * The reading half of {@link applyScenario}: the refusals (`not-solved`, `stale`, `infeasible`)
 * and what saving records. Only reads: it may run on a worker thread's read-only connection
 * (see `./view-worker`), {@link saveApply} then writes.
 */
export function checkApply(
	db: DbLike,
	wardId: number,
	id: number,
	locale: Locale = 'vi',
	expectedVersion?: number | null
): CheckedApply {
	const row = scenarioRow(db, wardId, id);
	checkVersion('scenario', row, expectedVersion);
	const detail = getScenario(db, wardId, id, locale);
	if (!detail) throw new PlansError('not-found');
	if (detail.status === 'draft') throw new PlansError('not-solved');
	if (detail.stale) throw new PlansError('stale');
	const fresh = buildInstance(db, wardId, detail.settings);
	const plan = normalisePlan(detail.plan);
	const check = checkAllocation(fresh.instance, plan);
	if (!check.feasible) {
		throw new PlansError(
			'infeasible',
			check.violations.map((v) => violationText(locale, v, fresh))
		);
	}
	const units: ArrangementUnit[] = detail.metrics.units.map((u) => ({
		unitId: u.id,
		headcount: u.headcount,
		seated: u.seated,
		areaGivenM2: u.areaGivenM2,
		normAreaM2: u.normAreaM2,
		shortfallM2: u.shortfallM2,
		shortfallShare: u.shortfallShare
	}));
	return {
		version: row.version,
		name: detail.name,
		inputHash: inputFingerprint(fresh),
		seatsJson: JSON.stringify(
			plan.map((a) => ({
				unitId: dbId(a.unitId),
				roomId: dbId(a.roomId),
				persons: a.persons,
				areaM2: a.areaM2
			}))
		),
		unitsJson: JSON.stringify({ settings: detail.settings, units }),
		objective: check.evaluation.objective,
		seated: detail.metrics.seated,
		consequences: applyConsequences(detail.metrics)
	};
}

/**
 * The writing half of {@link applyScenario}, in ONE transaction: the arrangement row, `applied_at`
 * and the audit row. Refused (ConflictError, nothing recorded) when the scenario is not at
 * `expectedVersion` or changed since it was checked.
 */
export function saveApply(
	db: Db,
	actor: Actor,
	wardId: number,
	id: number,
	checked: CheckedApply,
	expectedVersion?: number | null
): ApplyConsequences {
	return db.transaction((tx) => {
		const row = scenarioRow(tx, wardId, id);
		checkVersion('scenario', row, expectedVersion);
		checkVersion('scenario', row, checked.version);
		const now = Date.now();
		tx.insert(arrangements)
			.values({
				wardId,
				scenarioId: id,
				scenarioName: checked.name,
				inputHash: checked.inputHash,
				seatsJson: checked.seatsJson,
				unitsJson: checked.unitsJson,
				appliedBy: actor.userId,
				appliedAt: now
			})
			.run();
		versionedUpdate(tx, scenarios, 'scenario', id, checked.version, { appliedAt: now });
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'scenario',
			entityId: id,
			action: 'apply',
			after: {
				name: checked.name,
				objective: checked.objective,
				seated: checked.seated,
				...checked.consequences
			},
			at: now
		});
		return checked.consequences;
	});
}

/**
 * The ward's current arrangement (the latest applied scenario) per unit, for the needs page and
 * the proposal; null when nothing was ever applied. `stale` is true when the inputs of that plan
 * changed since (rooms, units, positions, surveys, norms): the arrangement then describes a
 * situation that no longer exists. Figures are those of the plan when it was applied.
 *
 * Example (sample ward, default scenario applied): 11 units, Σ seated 119 = Σ headcount,
 * Σ areaGivenM2 ≤ the usable area, each shortfallM2 = normAreaM2 − areaGivenM2 (≥ 0).
 */
export function appliedArrangementByUnit(db: DbLike, wardId: number): AppliedArrangement | null {
	const row = db
		.select()
		.from(arrangements)
		.where(eq(arrangements.wardId, wardId))
		.orderBy(desc(arrangements.appliedAt), desc(arrangements.id))
		.get();
	if (!row) return null;
	const stored = JSON.parse(row.unitsJson) as {
		settings: ScenarioSettings;
		units: ArrangementUnit[];
	};
	const stale = currentFingerprint(db, wardId, stored.settings) !== row.inputHash;
	return {
		scenarioId: row.scenarioId,
		scenarioName: row.scenarioName,
		appliedAt: row.appliedAt,
		stale,
		units: stored.units
	};
}

/** The seats of the ward's current arrangement (database ids), or null when none. */
export function appliedSeats(
	db: DbLike,
	wardId: number
): { unitId: number; roomId: number; persons: number; areaM2: number }[] | null {
	const row = db
		.select({ seatsJson: arrangements.seatsJson })
		.from(arrangements)
		.where(eq(arrangements.wardId, wardId))
		.orderBy(desc(arrangements.appliedAt), desc(arrangements.id))
		.get();
	return row ? JSON.parse(row.seatsJson) : null;
}
