/**
 * Thrown when condition input is invalid (a rating outside 1-5, an unknown danger level, an
 * override without its reason). `path` names the offending item, so a form can point at it.
 *
 * @example
 * try {
 * 	gradeSurvey({ ratings: { structure: 3 }, override: 'C', overrideReason: null });
 * } catch (e) {
 * 	if (e instanceof ConditionInputError) console.log(e.path); // 'overrideReason'
 * }
 */
export class ConditionInputError extends Error {
	readonly path: string;

	constructor(message: string, path: string) {
		super(message);
		this.name = 'ConditionInputError';
		this.path = path;
	}
}
