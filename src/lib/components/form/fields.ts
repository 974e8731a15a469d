/**
 * A form's fields written as data: each field a {@link FieldSpec}, the list rendered by
 * `FieldList.svelte` (through `Field.svelte` and `Check.svelte`) with the values typed last and
 * their errors. Pure helpers only (no Svelte), so pages and tests can share them.
 */
import type { Snippet } from 'svelte';
import type { FullAutoFill } from 'svelte/elements';

/** One choice of a select. */
export interface Option {
	value: string;
	label: string;
}

/** One field of a form. */
export interface FieldSpec {
	/** The form field's name (the key of its value and its error). */
	name: string;
	label: string;
	/** `text` by default; `textarea`, `checkbox`, `date`, `password`, … (`options` makes a select). */
	type?: 'text' | 'textarea' | 'checkbox' | 'date' | 'password' | 'email' | 'number' | 'search';
	/** A select's choices. */
	options?: readonly Option[];
	/** Shown when the values have nothing for the field (null or undefined). */
	fallback?: unknown;
	hint?: string;
	required?: boolean;
	inputmode?: 'decimal' | 'numeric' | 'text';
	rows?: number;
	autocomplete?: FullAutoFill;
	/** The id of a datalist offering suggestions. */
	list?: string;
	/** The id: a suffix after the list's prefix (`{prefix}-{id}`), else the whole id. */
	id?: string;
	/**
	 * Full width, outside the grid (default: textareas and checkboxes are wide, the rest
	 * narrow). Only the grid layout looks at it.
	 */
	wide?: boolean;
	/** A checkbox's `value` attribute (absent: the browser sends `on`). */
	value?: string;
	/** Told the text typed into a text input (the value itself still comes from the values). */
	oninput?: (value: string) => void;
	/** A checkbox's state when it is not read from the values. */
	checked?: boolean;
	/** Markup of its own in the list's place (a group of checkboxes, …); the rest is ignored. */
	render?: Snippet;
}

/**
 * The id of a field: `{prefix}-{id ?? name}` in a list with a prefix (row forms repeated on one
 * page), else the field's own id, else `f-{name}` (what `Field.svelte` has always used).
 */
export function fieldId(spec: Pick<FieldSpec, 'name' | 'id'>, prefix?: string): string {
	if (prefix) return `${prefix}-${spec.id ?? spec.name}`;
	return spec.id ?? `f-${spec.name}`;
}

/** A checkbox's state from a form value: stored `true`, or what a browser posts (`on`). */
export function isChecked(value: unknown): boolean {
	return value === true || value === 'on' || value === 'true';
}

/** What a field shows: the value typed last (or stored), else its fallback, else nothing. */
export function shownValue(values: Record<string, unknown>, spec: FieldSpec): unknown {
	const value = values[spec.name];
	return value === undefined || value === null ? (spec.fallback ?? '') : value;
}

/** Whether a field stands alone, full width, in the grid layout. */
export function isWide(spec: FieldSpec): boolean {
	return spec.wide ?? (spec.type === 'textarea' || spec.type === 'checkbox');
}

/** A run of fields rendered together: narrow ones in one grid, a wide one alone. */
export interface FieldGroup {
	grid: boolean;
	fields: FieldSpec[];
}

/**
 * The groups of the grid layout, in order: consecutive narrow fields share one grid, each wide
 * field stands between them (e.g. four numbers in a grid, then a textarea, then a checkbox).
 * The column layout is one group without a grid.
 */
export function groupFields(
	fields: readonly (FieldSpec | false | null | undefined)[],
	layout: 'grid' | 'column'
): FieldGroup[] {
	const shown = fields.filter((f): f is FieldSpec => Boolean(f));
	if (layout === 'column') return shown.length ? [{ grid: false, fields: shown }] : [];
	const groups: FieldGroup[] = [];
	for (const spec of shown) {
		const grid = !isWide(spec);
		const last = groups.at(-1);
		if (grid && last?.grid) last.fields.push(spec);
		else groups.push({ grid, fields: [spec] });
	}
	return groups;
}

/** The choices of a list of keys, each labelled by `label` (e.g. a catalogue message). */
export function optionsOf<K extends string>(
	keys: readonly K[],
	label: (key: K) => string
): Option[] {
	return keys.map((key) => ({ value: key, label: label(key) }));
}

/** The same choices after a first, empty one (`value: ''`: "none", "not rated", …). */
export function withNone(noneLabel: string, options: readonly Option[]): Option[] {
	return [{ value: '', label: noneLabel }, ...options];
}

/** The ratings 1 to 5 (flood risk, plan fit, a survey's component ratings). */
export const SCORE_OPTIONS: readonly Option[] = [1, 2, 3, 4, 5].map((n) => ({
	value: String(n),
	label: String(n)
}));
