/** The shapes of the sample data and the helpers its tables are written with. */
import type { RoomType } from '../../../../constants';

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

export interface SampleSite {
	code: string;
	name: string;
	lat: number;
	lng: number;
	/** Half-sizes of a rectangular plot in metres, for a polygon; absent = point only. */
	plotM?: [number, number];
	landAreaM2: number;
	legalStatus: 'state-ready' | 'state-occupied' | 'to-acquire' | 'mixed';
	currentUse: string;
	householdsToRelocate: number;
	landCostVnd: number;
	clearanceCostVnd: number;
	floodRisk: number;
	planFit: number;
	roadAccess: number;
	isCurrentHeadquarters?: boolean;
	notes: string;
}

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

/** Builds a level of office rooms in a repeatable pattern. */
export function level(
	levelNo: number,
	specs: [type: RoomType, name: string, areaM2: number, unit?: string, occupants?: number][]
): SampleRoomPlan[] {
	return specs.map(([type, name, areaM2, unit, occupants]) => ({
		level: levelNo,
		type,
		name,
		areaM2,
		unit,
		occupants
	}));
}

/** Toilet, corridor and store rows that every level of an old office building has. */
export function services(levelNo: number, corridorM2: number): SampleRoomPlan[] {
	return level(levelNo, [
		['toilet', `WC tầng ${levelNo}`, 12],
		['corridor', `Hành lang tầng ${levelNo}`, corridorM2],
		['store', `Kho tầng ${levelNo}`, 8]
	]);
}

export const survey = (
	dangerLevel: 'A' | 'B' | 'C' | 'D',
	ratings: [number, number, number, number, number, number, number],
	surveyedOn: string,
	notes: string
) => ({
	surveyedOn,
	surveyor: 'Nguyễn Văn Khảo (Văn phòng HĐND-UBND)',
	dangerLevel,
	// The foundations are rated one step better than the structure (at most 4): the structure
	// governs, as in the notes (cracked beams, rotten roof purlins, leaning walls).
	foundation: Math.min(4, ratings[0] + 1),
	ratings,
	notes
});
