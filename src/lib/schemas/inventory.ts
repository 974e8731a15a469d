/** One validation schema per inventory form (facility, building, room, survey). */
import { z } from 'zod';
import { DANGER_LEVELS, FACILITY_KINDS, LEGAL_STATUSES, ROOM_TYPES } from '../constants';
import {
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

export const surveySchema = z.object({
	surveyedOn: isoDate(),
	surveyor: text(200),
	dangerLevel: z.enum(DANGER_LEVELS),
	structure: rating(),
	roof: rating(),
	wallsFinishes: rating(),
	electrical: rating(),
	waterSanitation: rating(),
	fireSafety: rating(),
	accessibility: rating(),
	notes: optionalText(4000)
});
export type SurveyInput = z.infer<typeof surveySchema>;

/** The component rating fields of a survey, in display order. */
export const SURVEY_COMPONENTS = [
	'structure',
	'roof',
	'wallsFinishes',
	'electrical',
	'waterSanitation',
	'fireSafety',
	'accessibility'
] as const;
