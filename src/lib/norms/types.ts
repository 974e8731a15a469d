/** Types shared by the norms functions. */
import type { RankKey } from './positions';

/** The title keys of the built-in norm sets (a custom norm set may use other keys). */
export type TitleKey =
	| 'party-secretary'
	| 'chair-deputy'
	| 'division-head'
	| 'specialist'
	| 'non-professional'
	| 'rank-principal-specialist'
	| 'rank-senior-specialist';

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

/**
 * Approved staffing: `count` people with title `titleKey` in unit `unitId`, optionally with a
 * rank (ngạch) and titles held concurrently (kiêm nhiệm): the highest norm applies.
 */
export interface PositionCount {
	unitId: string;
	titleKey: string;
	count: number;
	rank?: RankKey | null;
	concurrentTitleKeys?: readonly string[] | null;
}

/** Input of {@link computeSpaceNeeds}. */
export interface SpaceNeedsInput {
	normSet: NormSet;
	positions: readonly PositionCount[];
	/**
	 * Working-room area each unit occupies today (offices only, m², clear area); missing units
	 * count as 0.
	 */
	occupiedAreaM2ByUnit?: Readonly<Record<string, number>>;
	/** Common-use rooms each unit holds (m²); missing units count as 0. */
	commonInUseM2ByUnit?: Readonly<Record<string, number>>;
	/** Specialised rooms each unit holds (m²); missing units count as 0. */
	specialisedInUseM2ByUnit?: Readonly<Record<string, number>>;
	/**
	 * Ward-wide common-use and specialised area in use, including rooms no unit holds (corridors,
	 * toilets, halls); default: the sum over units.
	 */
	wardInUseM2?: { common?: number; specialised?: number };
}

/** One needs class (working, common-use or specialised) against its own allowance. */
export interface NeedsLine {
	inUseM2: number;
	/** null: no allowance at this level (the specialised programme is set for the ward). */
	allowanceM2: number | null;
	/** In use − allowance (negative = shortfall); null without an allowance. */
	gapM2: number | null;
	/** In use ÷ allowance; null without an allowance or when it is 0. */
	ratio: number | null;
}

/** The three like-for-like lines. */
export interface NeedsLines {
	working: NeedsLine;
	common: NeedsLine;
	specialised: NeedsLine;
}

/** How one position row was priced (after ranks and concurrent titles). */
export interface PricedPosition {
	unitId: string;
	titleKey: string;
	count: number;
	/** The norm item that governs and its m² per person. */
	governingKey: string;
	m2PerPerson: number;
	governedBy: 'title' | 'rank' | 'concurrent';
}

/** One unit's entitlement against what it occupies. */
export interface UnitSpaceNeeds {
	unitId: string;
	headcount: number;
	workAreaM2: number;
	occupiedAreaM2: number;
	/** Occupied − entitled working area; negative = shortfall. */
	gapM2: number;
	/** Working, common-use and specialised area against their own allowances. */
	lines: NeedsLines;
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
	/** The ward's three lines (working, common-use, specialised) against their allowances. */
	lines: NeedsLines;
	/** Each position row with the norm that governs it. */
	pricedPositions: PricedPosition[];
	trace: TraceStep[];
}
