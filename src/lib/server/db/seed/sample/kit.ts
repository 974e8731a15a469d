/**
 * The shapes of the sample data and the reader of its files: each sample ward is a JSON file
 * beside this one (binh-trung.json, an-khanh.json), one row per room and per position, checked
 * when loaded (a wrong value stops the seed with the file and the place named).
 */
import { z } from 'zod';
import {
	DANGER_LEVELS,
	FACILITY_KINDS,
	LEGAL_STATUSES,
	ROOM_TYPES,
	UNIT_KINDS,
	type RoomType
} from '../../../../constants';

export interface SampleRoomPlan {
	level: number;
	type: RoomType;
	name: string;
	areaM2: number;
	unit?: string;
	occupants?: number;
}

export interface SampleBuilding {
	code: string;
	name: string;
	levels: number;
	yearBuilt: number;
	structure: string;
	rooms: SampleRoomPlan[];
	survey: {
		surveyedOn: string;
		surveyor: string;
		dangerLevel: 'A' | 'B' | 'C' | 'D';
		/** Foundation rating (1-5); with the structure rating it derives `dangerLevel`. */
		foundation: number;
		/** structure, roof, walls, electrical, water, fire safety, accessibility (1-5). */
		ratings: [number, number, number, number, number, number, number];
		notes: string;
	};
}

export interface SampleFacility {
	code: string;
	name: string;
	kind: 'headquarters' | 'party-office' | 'committee-office' | 'cultural-house' | 'annex' | 'other';
	originWard: string;
	address: string;
	lat: number;
	lng: number;
	landAreaM2: number;
	legalStatus: 'certificate' | 'allocated' | 'leased' | 'pending' | 'disputed' | 'unknown';
	yearBuilt: number;
	buildings: SampleBuilding[];
}

export interface SampleUnit {
	code: string;
	name: string;
	kind: 'party' | 'council' | 'committee' | 'service-centre' | 'front' | 'mass-org' | 'other';
	publicFacing: boolean;
	positions: {
		title: string;
		titleKey: string;
		field: string | null;
		approved: number;
		filled: number;
		planned: number;
		/** Civil-service rank (ngạch) of the post holders; absent = none. */
		rank?: 'specialist' | 'principal-specialist' | 'senior-specialist';
		/** Title keys held concurrently (kiêm nhiệm); the highest norm applies. */
		concurrent?: string[];
	}[];
}

/** A candidate site, as in the file. */
export type SampleSite = z.infer<typeof site>;

export interface SampleWard {
	code: string;
	name: string;
	adminCode: string;
	centre: [number, number];
	extent: [number, number, number, number];
	populationCentre: [number, number];
	population: number;
	areaKm2: number;
	facilities: SampleFacility[];
	units: SampleUnit[];
	sites: SampleSite[];
}

/** Who surveyed every sample building. */
const SURVEYOR = 'Nguyễn Văn Khảo (Văn phòng HĐND-UBND)';

/** Civil-service ranks (ngạch) by their usual abbreviation: CV, CVC, CVCC. */
const RANKS = {
	CV: 'specialist',
	CVC: 'principal-specialist',
	CVCC: 'senior-specialist'
} as const;

const count = z.number().int().nonnegative();
const area = z.number().positive();
const rating = z.number().int().min(1).max(5);
const latLng = z.tuple([z.number(), z.number()]);

/** A room: [type, name, area m², unit code or null, occupants]. */
const roomRow = z.tuple([
	z.enum(ROOM_TYPES),
	z.string().min(1),
	area,
	z.string().nullable().optional(),
	count.optional()
]);

/** A position: [title, title key, field or null, approved, filled, planned, rank or null, concurrent title keys]. */
const positionRow = z.tuple([
	z.string().min(1),
	z.string().min(1),
	z.string().nullable(),
	count,
	count,
	count,
	z
		.enum(Object.keys(RANKS) as (keyof typeof RANKS)[])
		.nullable()
		.optional(),
	z.array(z.string().min(1)).optional()
]);

const building = z.strictObject({
	code: z.string().min(1),
	name: z.string().min(1),
	levels: z.number().int().positive(),
	yearBuilt: z.number().int(),
	structure: z.string(),
	/** Level 1 first; each level ends with its toilet, corridor (corridorM2) and store. */
	floors: z.array(z.strictObject({ corridorM2: area, rooms: z.array(roomRow) })),
	survey: z.strictObject({
		level: z.enum(DANGER_LEVELS),
		/** structure, roof, walls, electrical, water, fire safety, accessibility. */
		ratings: z.tuple([rating, rating, rating, rating, rating, rating, rating]),
		on: z.iso.date(),
		notes: z.string()
	})
});

const site = z.strictObject({
	code: z.string().min(1),
	name: z.string().min(1),
	lat: z.number(),
	lng: z.number(),
	/** Half-sizes of a rectangular plot in metres, for a polygon; absent = point only. */
	plotM: z.tuple([area, area]).optional(),
	landAreaM2: area,
	legalStatus: z.enum(['state-ready', 'state-occupied', 'to-acquire', 'mixed']),
	currentUse: z.string(),
	householdsToRelocate: count,
	landCostVnd: count,
	clearanceCostVnd: count,
	floodRisk: rating,
	planFit: rating,
	roadAccess: rating,
	isCurrentHeadquarters: z.boolean().optional(),
	notes: z.string()
});

const wardFile = z.strictObject({
	code: z.string().min(1),
	name: z.string().min(1),
	adminCode: z.string().min(1),
	centre: latLng,
	extent: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	populationCentre: latLng,
	population: count,
	areaKm2: area,
	facilities: z.array(
		z.strictObject({
			code: z.string().min(1),
			name: z.string().min(1),
			kind: z.enum(FACILITY_KINDS),
			originWard: z.string(),
			address: z.string(),
			lat: z.number(),
			lng: z.number(),
			landAreaM2: area,
			legalStatus: z.enum(LEGAL_STATUSES),
			yearBuilt: z.number().int(),
			buildings: z.array(building)
		})
	),
	units: z.array(
		z.strictObject({
			code: z.string().min(1),
			name: z.string().min(1),
			kind: z.enum(UNIT_KINDS),
			publicFacing: z.boolean(),
			positions: z.array(positionRow)
		})
	),
	sites: z.array(site)
});

type Floor = z.infer<typeof building>['floors'][number];

/** The rooms of a building, level by level, each level closed by its toilet, corridor and store. */
function roomsOf(floors: Floor[]): SampleRoomPlan[] {
	return floors.flatMap(({ corridorM2, rooms }, i) => {
		const level = i + 1;
		const row = (
			type: RoomType,
			name: string,
			areaM2: number,
			unit?: string,
			occupants?: number
		): SampleRoomPlan => ({ level, type, name, areaM2, unit, occupants });
		return [
			...rooms.map(([type, name, areaM2, unit, occupants]) =>
				row(type, name, areaM2, unit ?? undefined, occupants)
			),
			row('toilet', `WC tầng ${level}`, 12),
			row('corridor', `Hành lang tầng ${level}`, corridorM2),
			row('store', `Kho tầng ${level}`, 8)
		];
	});
}

/**
 * Reads a sample ward file: checks every row and that each room's unit is one of the ward's,
 * and expands the rows into the sample shapes. Throws naming the file and the place.
 */
export function sampleWard(json: unknown, file: string): SampleWard {
	const parsed = wardFile.safeParse(json);
	if (!parsed.success) {
		throw new Error(`Sample ward ${file}: ${z.prettifyError(parsed.error)}`);
	}
	const { facilities, units, sites, ...ward } = parsed.data;
	const unitCodes = new Set(units.map((u) => u.code));
	const result: SampleWard = {
		...ward,
		facilities: facilities.map((f) => ({
			...f,
			buildings: f.buildings.map(({ floors, survey, ...building }) => ({
				...building,
				rooms: roomsOf(floors),
				survey: {
					surveyedOn: survey.on,
					surveyor: SURVEYOR,
					dangerLevel: survey.level,
					// The foundations are rated one step better than the structure (at most 4): the
					// structure governs, as in the notes (cracked beams, rotten roof purlins, leaning walls).
					foundation: Math.min(4, survey.ratings[0] + 1),
					ratings: survey.ratings,
					notes: survey.notes
				}
			}))
		})),
		units: units.map((u) => ({
			...u,
			positions: u.positions.map(
				([title, titleKey, field, approved, filled, planned, rank, concurrent]) => ({
					title,
					titleKey,
					field,
					approved,
					filled,
					planned,
					...(rank ? { rank: RANKS[rank] } : {}),
					...(concurrent ? { concurrent } : {})
				})
			)
		})),
		sites
	};
	for (const f of result.facilities) {
		for (const b of f.buildings) {
			const stray = b.rooms.find((r) => r.unit !== undefined && !unitCodes.has(r.unit));
			if (stray) {
				throw new Error(
					`Sample ward ${file}: room "${stray.name}" of ${f.code}/${b.code} names unknown unit ${stray.unit}`
				);
			}
		}
	}
	return result;
}
