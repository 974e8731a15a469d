/**
 * Building components rated 1-5 in a condition survey (khảo sát hiện trạng). The ratings are
 * evidence; the load-bearing ones govern the danger level (./grading.ts).
 */

/** Key of a rated building component. */
export type ComponentKey =
	| 'foundation'
	| 'structure'
	| 'roof'
	| 'walls-finishes'
	| 'electrical'
	| 'water-sanitation'
	| 'fire-safety'
	| 'accessibility';

/** Name of the matching column in a survey row / form (camelCase, see `schemas/inventory.ts`). */
export type SurveyField =
	| 'foundation'
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
	/**
	 * A load-bearing part (nền móng, kết cấu chịu lực chính): its rating governs the derived
	 * danger level (see `deriveDangerLevel`). The other components are evidence only.
	 */
	loadBearing: boolean;
}

/**
 * The rated components in display order, load-bearing parts first (DOMAIN.md, "Building
 * condition"). Ratings are evidence: they are never averaged into an index.
 *
 * @example
 * COMPONENTS.filter((c) => c.loadBearing).map((c) => c.key); // ['foundation', 'structure']
 */
export const COMPONENTS: readonly ComponentInfo[] = Object.freeze([
	{
		key: 'foundation',
		surveyField: 'foundation',
		labelVi: 'Nền móng',
		labelEn: 'Foundation',
		loadBearing: true
	},
	{
		key: 'structure',
		surveyField: 'structure',
		labelVi: 'Kết cấu chịu lực chính',
		labelEn: 'Main load-bearing structure',
		loadBearing: true
	},
	{ key: 'roof', surveyField: 'roof', labelVi: 'Mái', labelEn: 'Roof', loadBearing: false },
	{
		key: 'walls-finishes',
		surveyField: 'wallsFinishes',
		labelVi: 'Tường và hoàn thiện',
		labelEn: 'Walls and finishes',
		loadBearing: false
	},
	{
		key: 'electrical',
		surveyField: 'electrical',
		labelVi: 'Hệ thống điện',
		labelEn: 'Electrical',
		loadBearing: false
	},
	{
		key: 'water-sanitation',
		surveyField: 'waterSanitation',
		labelVi: 'Cấp thoát nước và vệ sinh',
		labelEn: 'Water and sanitation',
		loadBearing: false
	},
	{
		key: 'fire-safety',
		surveyField: 'fireSafety',
		labelVi: 'Phòng cháy chữa cháy',
		labelEn: 'Fire safety',
		loadBearing: false
	},
	{
		key: 'accessibility',
		surveyField: 'accessibility',
		labelVi: 'Tiếp cận cho người khuyết tật',
		labelEn: 'Accessibility',
		loadBearing: false
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

/** The component of a key, or undefined. */
export function componentInfo(key: string): ComponentInfo | undefined {
	return COMPONENTS.find((c) => c.key === key);
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
