/** One validation schema per inventory form (facility, building, room, survey). */
import { z } from 'zod';
import { deriveDangerLevel, MIN_OVERRIDE_REASON_LENGTH, ratingsFromSurvey } from '../condition';
import { todayInVietnam } from '../i18n/vn-date';
import { DANGER_LEVELS, FACILITY_KINDS, LEGAL_STATUSES, ROOM_TYPES } from '../constants';
import {
	addKeyedIssue,
	code,
	coordinate,
	integer,
	isoDate,
	number,
	optionalInteger,
	optionalNumber,
	optionalText,
	text
} from './fields';

export { DANGER_LEVELS, FACILITY_KINDS, LEGAL_STATUSES, ROOM_TYPES };

export const facilitySchema = z.object({
	code: code(),
	name: text(200),
	kind: z.enum(FACILITY_KINDS),
	originWard: optionalText(100),
	address: optionalText(300),
	lat: coordinate(-90, 90),
	lng: coordinate(-180, 180),
	landAreaM2: optionalNumber(0, 10_000_000),
	legalStatus: z.enum(LEGAL_STATUSES),
	yearBuilt: optionalInteger(1800, 2100),
	notes: optionalText(2000)
});
export type FacilityInput = z.infer<typeof facilitySchema>;

export const buildingSchema = z.object({
	code: code(),
	name: text(200),
	levelsAboveGround: integer(1, 60),
	yearBuilt: optionalInteger(1800, 2100),
	structure: optionalText(200),
	grossFloorAreaM2: optionalNumber(0, 1_000_000),
	notes: optionalText(2000)
});
export type BuildingInput = z.infer<typeof buildingSchema>;

export const roomSchema = z.object({
	code: code(),
	name: text(200),
	level: integer(-5, 60),
	type: z.enum(ROOM_TYPES),
	areaM2: number(0.5, 100_000),
	orgUnitId: optionalInteger(1, Number.MAX_SAFE_INTEGER),
	occupants: integer(0, 10_000),
	notes: optionalText(2000)
});
export type RoomInput = z.infer<typeof roomSchema>;

const rating = () => optionalInteger(1, 5);

/** The basis of a survey: visual screening by ward staff, or a qualified organisation's report. */
export const ASSESSMENT_KINDS = ['visual', 'assessed'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** dd/mm/yyyy of an ISO date, for messages. */
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * A condition survey. No grade is preselected: the danger level is derived from the
 * foundation and main-structure ratings (src/lib/condition/grading.ts) unless an override is
 * chosen with a written reason; a survey with neither is refused. A survey cannot be dated after
 * today in Viet Nam. An organisation's assessment names the organisation and the report.
 */
export const surveySchema = z
	.object({
		surveyedOn: isoDate(),
		surveyor: text(200),
		assessmentKind: z.preprocess(
			(v) => (v === undefined || v === null || v === '' ? 'visual' : v),
			z.enum(ASSESSMENT_KINDS)
		),
		assessorOrg: optionalText(200),
		assessorQualification: optionalText(200),
		reportNumber: optionalText(100),
		foundation: rating(),
		structure: rating(),
		roof: rating(),
		wallsFinishes: rating(),
		electrical: rating(),
		waterSanitation: rating(),
		fireSafety: rating(),
		accessibility: rating(),
		dangerLevelOverride: z.preprocess(blankToNull, z.enum(DANGER_LEVELS).nullable().default(null)),
		overrideReason: optionalText(2000),
		notes: optionalText(4000)
	})
	.superRefine((d, ctx) => {
		const today = todayInVietnam();
		if (d.surveyedOn > today) {
			const values = { date: ddmmyyyy(d.surveyedOn), today: ddmmyyyy(today) };
			addKeyedIssue(ctx, { key: 'err.dateInFuture', values }, ['surveyedOn']);
		}
		if (d.assessmentKind === 'assessed') {
			if (!d.assessorOrg) addKeyedIssue(ctx, { key: 'err.assessorRequired' }, ['assessorOrg']);
			if (!d.reportNumber) addKeyedIssue(ctx, { key: 'err.reportRequired' }, ['reportNumber']);
		}
		// The object refinement may run while a rating field has its own issue: derive only
		// from well-formed ratings (1-5), the bad field is already reported.
		const ok = (v: unknown) =>
			v === null || v === undefined || (Number.isInteger(v) && Number(v) >= 1 && Number(v) <= 5);
		if (!ok(d.foundation) || !ok(d.structure)) return;
		const derived = deriveDangerLevel(ratingsFromSurvey(d));
		const override = d.dangerLevelOverride;
		if (!derived && !override) {
			addKeyedIssue(ctx, { key: 'err.levelUndetermined' }, ['dangerLevelOverride']);
		} else if (
			override &&
			override !== derived?.level &&
			(d.overrideReason ?? '').trim().length < MIN_OVERRIDE_REASON_LENGTH
		) {
			addKeyedIssue(ctx, { key: 'err.overrideReason' }, ['overrideReason']);
		}
	});
export type SurveyInput = z.infer<typeof surveySchema>;

/** The component rating fields of a survey, in display order. */
export const SURVEY_COMPONENTS = [
	'foundation',
	'structure',
	'roof',
	'wallsFinishes',
	'electrical',
	'waterSanitation',
	'fireSafety',
	'accessibility'
] as const;
