/** Types shared by the norms functions. */

/** The title keys of the built-in norm sets (a custom norm set may use other keys). */
export type TitleKey =
	'party-secretary' | 'chair-deputy' | 'division-head' | 'specialist' | 'non-professional';

/** Maximum working area per person for one title (định mức diện tích làm việc). */
export interface TitleNorm {
	key: string;
	m2PerPerson: number;
}

/** A specialised room entered for the ward (diện tích chuyên dùng): `count` rooms of `areaM2`. */
export interface SpecialisedRoom {
	key: string;
	areaM2: number;
	count: number;
}

/** What {@link computeSpaceNeeds} needs from a norm set. */
export interface NormSet {
	titles: readonly TitleNorm[];
	/** Common-use area as a share of the working area (0.7 = 70 %). */
	commonAreaRatio: number;
	specialisedRooms: readonly SpecialisedRoom[];
}

/** Approved staffing: `count` people with title `titleKey` in unit `unitId`. */
export interface PositionCount {
	unitId: string;
	titleKey: string;
	count: number;
}

/** Input of {@link computeSpaceNeeds}. */
export interface SpaceNeedsInput {
	normSet: NormSet;
	positions: readonly PositionCount[];
	/** Working area each unit occupies today (m², clear area); missing units count as 0. */
	occupiedAreaM2ByUnit?: Readonly<Record<string, number>>;
}

/** One unit's entitlement against what it occupies. */
export interface UnitSpaceNeeds {
	unitId: string;
	headcount: number;
	workAreaM2: number;
	occupiedAreaM2: number;
	/** Occupied − entitled working area; negative = shortfall. */
	gapM2: number;
}

/** One step of the calculation, for printing how each number was obtained. */
export interface TraceStep {
	step: string;
	formula: string;
	valueM2: number;
}

/** Result of {@link computeSpaceNeeds}; no value is rounded. */
export interface SpaceNeedsResult {
	byUnit: UnitSpaceNeeds[];
	workAreaM2: number;
	commonAreaM2: number;
	specialisedAreaM2: number;
	totalUsableM2: number;
	occupiedWorkAreaM2: number;
	/** Occupied ÷ entitled working area (0 when the entitled working area is 0). */
	ratioToNorm: number;
	trace: TraceStep[];
}
