/**
 * Condition surveys of buildings (graded by src/lib/condition) with their photos.
 */
import { and, eq } from 'drizzle-orm';
import { ConditionInputError, gradeSurvey, ratingsFromSurvey } from '../../condition';
import type { Actor } from '../audit';
import type { Db, DbLike } from '../db';
import { buildings, conditionSurveys, facilities, photos } from '../db/schema';
import { createRecord, deleteRecord } from '../core/records';
import type { SurveyInput } from '../../schemas/inventory';
import { InventoryError, inventoryRecord } from './errors';
import { getBuilding, type Photo, type Survey } from './queries';

export interface StoredPhoto {
	path: string;
	thumbPath: string;
	contentType: string;
	sizeBytes: number;
	width: number | null;
	height: number | null;
	originalName: string | null;
}

/**
 * The stored columns of a survey: the governing level (derived from the load-bearing ratings,
 * or the override with its reason; src/lib/condition/grading.ts). Throws InventoryError 'grade'
 * (field and message key) when there is no level or an override lacks its reason.
 */
export function surveyValues(
	input: SurveyInput
): Omit<typeof conditionSurveys.$inferInsert, 'buildingId'> {
	let grade;
	try {
		grade = gradeSurvey({
			ratings: ratingsFromSurvey(input),
			override: input.dangerLevelOverride,
			overrideReason: input.overrideReason
		});
	} catch (e) {
		if (e instanceof ConditionInputError && e.path === 'override') {
			throw new InventoryError('grade', 'dangerLevelOverride', 'err.levelUndetermined');
		}
		if (e instanceof ConditionInputError && e.path === 'overrideReason') {
			throw new InventoryError('grade', 'overrideReason', 'err.overrideReason');
		}
		throw e;
	}
	const { dangerLevelOverride: _override, overrideReason: _reason, ...rest } = input;
	const assessed = input.assessmentKind === 'assessed';
	return {
		...rest,
		assessorOrg: assessed ? input.assessorOrg : null,
		assessorQualification: assessed ? input.assessorQualification : null,
		reportNumber: assessed ? input.reportNumber : null,
		dangerLevel: grade.level,
		derivedDangerLevel: grade.derived?.level ?? null,
		overrideReason: grade.reason
	};
}

/** Records a survey and its (already stored) photos in one transaction. */
export function createSurvey(
	db: Db,
	actor: Actor,
	wardId: number,
	buildingId: number,
	input: SurveyInput,
	storedPhotos: StoredPhoto[] = []
): Survey {
	const values = surveyValues(input);
	return db.transaction((tx) => {
		const row = createRecord(
			tx,
			conditionSurveys,
			inventoryRecord(actor, wardId, 'survey'),
			{ ...values, buildingId },
			{
				guard: (t) => {
					if (!getBuilding(t, wardId, buildingId)) throw new InventoryError('not-found');
				},
				auditAfter: (r) => ({ ...r, photos: storedPhotos.map((p) => p.path) })
			}
		);
		for (const p of storedPhotos) {
			tx.insert(photos)
				.values({ ...p, wardId, surveyId: row.id })
				.run();
		}
		return row;
	});
}

/** A survey of the ward (through its building and facility), or undefined. */
function getSurvey(db: DbLike, wardId: number, surveyId: number): Survey | undefined {
	return db
		.select({ s: conditionSurveys })
		.from(conditionSurveys)
		.innerJoin(buildings, eq(buildings.id, conditionSurveys.buildingId))
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
		.where(and(eq(conditionSurveys.id, surveyId), eq(facilities.wardId, wardId)))
		.get()?.s;
}

/** Deletes a survey with its photo rows; returns the photos (their files are the caller's). */
export function deleteSurvey(db: Db, actor: Actor, wardId: number, surveyId: number): Photo[] {
	let ps: Photo[] = [];
	deleteRecord(db, conditionSurveys, inventoryRecord(actor, wardId, 'survey'), surveyId, {
		load: (tx) => getSurvey(tx, wardId, surveyId),
		guard: (tx) => {
			ps = tx.select().from(photos).where(eq(photos.surveyId, surveyId)).all();
		}
	});
	return ps;
}
