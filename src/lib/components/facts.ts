/** Pure helpers of Facts (a definition list of label → value). */
import type { Quantity } from '$lib/i18n';

export interface Fact {
	label: string;
	/** Text as is; a number is formatted in the page's language (vi-VN by default). */
	value: string | number | null | undefined;
	/** A quantity of the decimals policy (area: 1 decimal, always shown; count: none; …). */
	quantity?: Quantity;
	/** Otherwise at most this many decimals (default 1). */
	digits?: number;
	/** Written after a number, e.g. "m²". */
	unit?: string;
	/** The value links here. */
	href?: string;
}

export interface NumberFormats {
	n: (x: number, digits?: number) => string;
	q: (kind: Quantity, x: number) => string;
}

/** The displayed value of a fact: a dash when missing, a formatted number with its unit. */
export function factText(fact: Fact, fmt: NumberFormats): string {
	const v = fact.value;
	if (v === null || v === undefined || v === '') return '—';
	if (typeof v === 'string') return v;
	const text = fact.quantity ? fmt.q(fact.quantity, v) : fmt.n(v, fact.digits ?? 1);
	return fact.unit ? `${text} ${fact.unit}` : text;
}
