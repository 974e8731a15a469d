/**
 * Thrown when condition input is invalid (a rating outside 1-5, an unknown component or danger
 * level). `path` names the offending item, e.g. `ratings.roof`, so a form can point at it.
 *
 * @example
 * try {
 * 	conditionIndex({ roof: 7 });
 * } catch (e) {
 * 	if (e instanceof ConditionInputError) console.log(e.path); // 'ratings.roof'
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
