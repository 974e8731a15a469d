/**
 * Building components rated 1-5 in a condition survey (khảo sát hiện trạng), the condition index
 * computed from them and its bands.
 */
import { ConditionInputError } from './errors';

/** Key of a rated building component. */
export type ComponentKey =
	| 'structure'
	| 'roof'
	| 'walls-finishes'
	| 'electrical'
	| 'water-sanitation'
	| 'fire-safety'
	| 'accessibility';

/** Name of the matching column in a survey row / form (camelCase, see `schemas/inventory.ts`). */
export type SurveyField =
	| 'structure'
	| 'roof'
	| 'wallsFinishes'
	| 'electrical'
	| 'waterSanitation'
	| 'fireSafety'
	| 'accessibility';

/** One row of {@link COMPONENTS}. */
export interface ComponentInfo {
	key: ComponentKey;
	surveyField: SurveyField;
	labelVi: string;
	labelEn: string;
	/** Default weight in the condition index; the weights sum to 1. */
	weight: number;
}

/**
 * Where the default component weights come from: no standard sets them, they are the product's
 * own assumption and a ward may pass its own to {@link conditionIndex}.
 *
 * @example
 * COMPONENT_WEIGHTS_BASIS; // shown next to the weights in the settings page
 */
export const COMPONENT_WEIGHTS_BASIS =
	'Product assumption (no published weighting exists); editable per ward.' as const;

/**
 * The rated components in display order, with default weights (a product assumption, see
 * {@link COMPONENT_WEIGHTS_BASIS}): structure 0.3, roof 0.15, walls and finishes 0.1,
 * electrical 0.15, water and sanitation 0.1, fire safety 0.1, accessibility 0.1.
 *
 * @example
 * COMPONENTS.find((c) => c.key === 'roof')?.weight; // 0.15
 * COMPONENTS.reduce((s, c) => s + c.weight, 0); // 1 (up to floating point)
 */
export const COMPONENTS: readonly ComponentInfo[] = Object.freeze([
	{
		key: 'structure',
		surveyField: 'structure',
		labelVi: 'Kết cấu chịu lực',
		labelEn: 'Structure',
		weight: 0.3
	},
	{ key: 'roof', surveyField: 'roof', labelVi: 'Mái', labelEn: 'Roof', weight: 0.15 },
	{
		key: 'walls-finishes',
		surveyField: 'wallsFinishes',
		labelVi: 'Tường và hoàn thiện',
		labelEn: 'Walls and finishes',
		weight: 0.1
	},
	{
		key: 'electrical',
		surveyField: 'electrical',
		labelVi: 'Hệ thống điện',
		labelEn: 'Electrical',
		weight: 0.15
	},
	{
		key: 'water-sanitation',
		surveyField: 'waterSanitation',
		labelVi: 'Cấp thoát nước và vệ sinh',
		labelEn: 'Water and sanitation',
		weight: 0.1
	},
	{
		key: 'fire-safety',
		surveyField: 'fireSafety',
		labelVi: 'Phòng cháy chữa cháy',
		labelEn: 'Fire safety',
		weight: 0.1
	},
	{
		key: 'accessibility',
		surveyField: 'accessibility',
		labelVi: 'Tiếp cận cho người khuyết tật',
		labelEn: 'Accessibility',
		weight: 0.1
	}
] satisfies ComponentInfo[]);

/**
 * Labels of the 1-5 rating scale (1 = very poor … 5 = good).
 *
 * @example
 * RATING_LABELS[3].labelVi; // 'Trung bình'
 */
export const RATING_LABELS: Readonly<
	Record<1 | 2 | 3 | 4 | 5, { labelVi: string; labelEn: string }>
> = Object.freeze({
	1: { labelVi: 'Rất kém', labelEn: 'Very poor' },
	2: { labelVi: 'Kém', labelEn: 'Poor' },
	3: { labelVi: 'Trung bình', labelEn: 'Fair' },
	4: { labelVi: 'Khá', labelEn: 'Fairly good' },
	5: { labelVi: 'Tốt', labelEn: 'Good' }
});

/** Ratings by component; a missing, `null` or `undefined` entry means "not rated". */
export type ComponentRatings = Partial<Record<ComponentKey, number | null | undefined>>;

/** Weights by component, replacing the defaults of {@link COMPONENTS} for the keys given. */
export type ComponentWeights = Partial<Record<ComponentKey, number>>;

const BY_KEY = new Map<string, ComponentInfo>(COMPONENTS.map((c) => [c.key, c]));

function describe(value: unknown): string {
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Maps a survey row or form (camelCase fields such as `wallsFinishes`) to ratings keyed by
 * component. Other fields of the row are ignored.
 *
 * @example
 * ratingsFromSurvey({ structure: 4, wallsFinishes: 3, roof: null });
 * // { structure: 4, 'walls-finishes': 3, roof: null }
 */
export function ratingsFromSurvey(
	survey: Partial<Record<SurveyField, number | null | undefined>>
): ComponentRatings {
	const ratings: ComponentRatings = {};
	for (const c of COMPONENTS) {
		if (c.surveyField in survey) ratings[c.key] = survey[c.surveyField];
	}
	return ratings;
}

/**
 * Condition index (chỉ số tình trạng) from 0 (every rated component very poor) to 100 (every
 * rated component good): the weighted mean of (rating − 1) / 4 over the rated components, times
 * 100, with the weights renormalised over the components present. Returns `null` when no
 * component is rated (or all rated ones weigh 0). The result is not rounded for display; only
 * floating-point noise beyond 12 significant digits is trimmed.
 *
 * Throws {@link ConditionInputError} naming the component when a rating is not an integer from
 * 1 to 5, when a key is not a known component, or when a weight is negative or not finite.
 *
 * @example
 * // structure 3 → 0.5, roof 2 → 0.25, electrical 5 → 1; weights 0.3, 0.15, 0.15 (sum 0.6)
 * // (0.3 × 0.5 + 0.15 × 0.25 + 0.15 × 1) / 0.6 = 0.3375 / 0.6 = 0.5625
 * conditionIndex({ structure: 3, roof: 2, electrical: 5 }); // 56.25
 * conditionIndex({}); // null
 */
export function conditionIndex(
	ratings: ComponentRatings,
	weights: ComponentWeights = {}
): number | null {
	for (const key of Object.keys(weights)) {
		const w = (weights as Record<string, unknown>)[key];
		if (!BY_KEY.has(key)) {
			throw new ConditionInputError(`weights: unknown component '${key}'`, `weights.${key}`);
		}
		if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
			throw new ConditionInputError(
				`weight for component '${key}' must be a finite number ≥ 0, got ${describe(w)}`,
				`weights.${key}`
			);
		}
	}
	let weighted = 0;
	let weightSum = 0;
	for (const key of Object.keys(ratings)) {
		const info = BY_KEY.get(key);
		if (!info) {
			throw new ConditionInputError(`ratings: unknown component '${key}'`, `ratings.${key}`);
		}
		const rating = (ratings as Record<string, unknown>)[key];
		if (rating === null || rating === undefined) continue;
		if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
			throw new ConditionInputError(
				`rating for component '${key}' must be an integer from 1 to 5, got ${describe(rating)}`,
				`ratings.${key}`
			);
		}
		const w = weights[info.key] ?? info.weight;
		weighted += w * ((rating - 1) / 4);
		weightSum += w;
	}
	if (weightSum === 0) return null;
	// Trim floating-point noise (12 significant digits) so that, e.g., every component rated 4
	// gives exactly 75 and lands in the 'good' band rather than at 74.99999999999999.
	return Number(((100 * weighted) / weightSum).toPrecision(12));
}

/** Band of a condition index. */
export type ConditionBand = 'good' | 'fair' | 'poor' | 'very-poor';

/**
 * Lower bounds of the bands (inclusive): good ≥ 75, fair ≥ 50, poor ≥ 25, very poor below 25.
 * They match a uniform rating of 4, 3 and 2: all components rated 4 give exactly 75, and so on.
 * A product choice, not a standard.
 *
 * @example
 * CONDITION_BAND_THRESHOLDS.good; // 75 (= every component rated 4)
 */
export const CONDITION_BAND_THRESHOLDS = Object.freeze({ good: 75, fair: 50, poor: 25 });

/**
 * Labels of the bands.
 *
 * @example
 * CONDITION_BANDS['very-poor'].labelVi; // 'Rất kém'
 */
export const CONDITION_BANDS: Readonly<
	Record<ConditionBand, { labelVi: string; labelEn: string }>
> = Object.freeze({
	good: { labelVi: 'Tốt', labelEn: 'Good' },
	fair: { labelVi: 'Trung bình', labelEn: 'Fair' },
	poor: { labelVi: 'Kém', labelEn: 'Poor' },
	'very-poor': { labelVi: 'Rất kém', labelEn: 'Very poor' }
});

/**
 * The band of a condition index, using {@link CONDITION_BAND_THRESHOLDS} (good ≥ 75,
 * fair ≥ 50, poor ≥ 25, otherwise very poor); `null` in, `null` out. Throws
 * {@link ConditionInputError} for a number outside 0-100 or not finite.
 *
 * @example
 * conditionBand(75); // 'good'
 * conditionBand(56.25); // 'fair'
 * conditionBand(24.9); // 'very-poor'
 * conditionBand(null); // null
 */
export function conditionBand(index: number | null): ConditionBand | null {
	if (index === null) return null;
	if (!Number.isFinite(index) || index < 0 || index > 100) {
		throw new ConditionInputError(
			`condition index must be a number from 0 to 100, got ${String(index)}`,
			'index'
		);
	}
	if (index >= CONDITION_BAND_THRESHOLDS.good) return 'good';
	if (index >= CONDITION_BAND_THRESHOLDS.fair) return 'fair';
	if (index >= CONDITION_BAND_THRESHOLDS.poor) return 'poor';
	return 'very-poor';
}
