/**
 * What the plan page's components share: the page's data and action answer, names and colours
 * of units and rooms, and the values and errors of a refused form.
 */
import { unitColour } from '$lib/charts/plans';
import type { ActionData, PageData } from './$types';

export type PlanData = PageData;
export type PlanForm = ActionData;

/** Lookups by instance key (`u12`, `r345`) for the page's components. */
export function planLookups(data: Pick<PlanData, 'units' | 'rooms'>) {
	const unitIndex = new Map(data.units.map((u, i) => [u.key, i]));
	const unitByKey = new Map(data.units.map((u) => [u.key, u]));
	const roomByKey = new Map(data.rooms.map((r) => [r.key, r]));
	return {
		unitByKey,
		roomByKey,
		/** The unit's colour in the stack plan, its legend and the move form. */
		colour: (key: string) => unitColour(unitIndex.get(key) ?? 0),
		unitName: (key: string) => unitByKey.get(key)?.name ?? key,
		unitCode: (key: string) => unitByKey.get(key)?.code ?? key,
		roomName: (key: string) => roomByKey.get(key)?.label ?? key
	};
}
export type PlanLookups = ReturnType<typeof planLookups>;

/** The values a refused form `name` sent back, or null when the answer is another form's. */
export function formValues(form: PlanForm, name: string): Record<string, string> | null {
	return form?.form === name ? (form.values as Record<string, string>) : null;
}

/** The field errors of a refused form `name` (empty for another form's answer). */
export function formErrors(form: PlanForm, name: string): Record<string, string> {
	return form?.form === name ? (form.errors as Record<string, string>) : {};
}

/** The message and the broken rules of a refused form `name`, or null. */
export function formRefusal(
	form: PlanForm,
	name: string
): { message: string; violations: string[] } | null {
	if (form?.form !== name || !('message' in form) || !form.message) return null;
	const violations = 'violations' in form && Array.isArray(form.violations) ? form.violations : [];
	return { message: String(form.message), violations: violations.map(String) };
}
