/**
 * Danger levels of building structures per TCVN 9381:2012 (Nhà ở và công trình - Hướng dẫn
 * đánh giá mức độ nguy hiểm kết cấu nhà / assessing the danger level of building structures).
 */
import { ConditionInputError } from './errors';

/** A TCVN 9381:2012 danger level (cấp nguy hiểm), from A (safe) to D (whole building dangerous). */
export type DangerLevel = 'A' | 'B' | 'C' | 'D';

/** One row of {@link DANGER_LEVELS}. */
export interface DangerLevelInfo {
	level: DangerLevel;
	/** 0 for A … 3 for D; a higher rank is worse. */
	rank: number;
	/** Whether rooms in a building of this level may be used when reallocating space. */
	usable: boolean;
	labelVi: string;
	labelEn: string;
	descriptionVi: string;
	descriptionEn: string;
}

/**
 * The four danger levels of TCVN 9381:2012, best first. Levels C and D are not usable for
 * reallocation (DOMAIN.md, "Building condition").
 *
 * @example
 * DANGER_LEVELS.map((d) => d.level); // ['A', 'B', 'C', 'D']
 * DANGER_LEVELS[2].labelVi; // 'Cấp C - nguy hiểm cục bộ'
 */
export const DANGER_LEVELS: readonly DangerLevelInfo[] = Object.freeze([
	{
		level: 'A',
		rank: 0,
		usable: true,
		labelVi: 'Cấp A - an toàn',
		labelEn: 'Level A - safe',
		descriptionVi:
			'Không có cấu kiện nguy hiểm; kết cấu chịu lực đáp ứng yêu cầu sử dụng bình thường.',
		descriptionEn: 'No dangerous members; the structure is safe in normal use.'
	},
	{
		level: 'B',
		rank: 1,
		usable: true,
		labelVi: 'Cấp B - có cấu kiện nguy hiểm',
		labelEn: 'Level B - some dangerous members',
		descriptionVi:
			'Một số cấu kiện nguy hiểm nhưng kết cấu chịu lực tổng thể vẫn đáp ứng yêu cầu sử dụng bình thường.',
		descriptionEn:
			'Some members are dangerous, but the structure as a whole still meets normal use.'
	},
	{
		level: 'C',
		rank: 2,
		usable: false,
		labelVi: 'Cấp C - nguy hiểm cục bộ',
		labelEn: 'Level C - partly dangerous',
		descriptionVi: 'Một phần kết cấu chịu lực ở trạng thái nguy hiểm (nguy hiểm cục bộ).',
		descriptionEn: 'Part of the load-bearing structure is dangerous.'
	},
	{
		level: 'D',
		rank: 3,
		usable: false,
		labelVi: 'Cấp D - nguy hiểm tổng thể',
		labelEn: 'Level D - whole building dangerous',
		descriptionVi: 'Toàn bộ kết cấu chịu lực của công trình ở trạng thái nguy hiểm.',
		descriptionEn: 'The whole building is dangerous.'
	}
] satisfies DangerLevelInfo[]);

const BY_LEVEL = new Map<string, DangerLevelInfo>(DANGER_LEVELS.map((d) => [d.level, d]));

/**
 * True when `value` is one of 'A', 'B', 'C', 'D' (upper case, as stored).
 *
 * @example
 * isDangerLevel('C'); // true
 * isDangerLevel('c'); // false
 */
export function isDangerLevel(value: unknown): value is DangerLevel {
	return typeof value === 'string' && BY_LEVEL.has(value);
}

function infoOf(level: DangerLevel, where: string): DangerLevelInfo {
	const info = BY_LEVEL.get(level);
	if (!info) {
		throw new ConditionInputError(
			`${where}: unknown danger level ${JSON.stringify(level)} (expected A, B, C or D)`,
			where
		);
	}
	return info;
}

/**
 * Whether rooms in a building of this danger level can be used for reallocation: A and B are,
 * C and D are not. Throws {@link ConditionInputError} for anything but 'A'-'D'.
 *
 * @example
 * isUsableDangerLevel('B'); // true
 * isUsableDangerLevel('C'); // false
 */
export function isUsableDangerLevel(level: DangerLevel): boolean {
	return infoOf(level, 'dangerLevel').usable;
}

/**
 * Orders danger levels from best to worst, for `Array.prototype.sort`.
 *
 * @example
 * (['D', 'A', 'C'] as DangerLevel[]).sort(compareDangerLevels); // ['A', 'C', 'D']
 */
export function compareDangerLevels(a: DangerLevel, b: DangerLevel): number {
	return infoOf(a, 'a').rank - infoOf(b, 'b').rank;
}

/**
 * The worst (most dangerous) level among the buildings' levels; `null` and `undefined`
 * entries (not yet surveyed) are skipped, and `null` is returned when nothing is left.
 *
 * @example
 * worstDangerLevel(['A', 'C', 'B']); // 'C'
 * worstDangerLevel([null, 'B']); // 'B'
 * worstDangerLevel([]); // null
 */
export function worstDangerLevel(
	levels: Iterable<DangerLevel | null | undefined>
): DangerLevel | null {
	let worst: DangerLevelInfo | null = null;
	let index = 0;
	for (const level of levels) {
		if (level !== null && level !== undefined) {
			const info = infoOf(level, `levels[${index}]`);
			if (worst === null || info.rank > worst.rank) worst = info;
		}
		index++;
	}
	return worst ? worst.level : null;
}
