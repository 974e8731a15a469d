/** Small writers of CPLEX LP text shared by `buildModel` and `originalLp` (internal). */

/** Formats a finite number for the LP file (plain decimal, no exponent for ordinary values). */
export function num(v: number): string {
	if (Number.isInteger(v)) return String(v);
	const s = String(v);
	return s.includes('e') ? v.toFixed(12) : s;
}

/** Joins signed terms, breaking long expressions over several lines. */
export function expr(terms: string[]): string {
	const out: string[] = [];
	terms.forEach((term, i) => {
		const t = term.startsWith('-') ? `- ${term.slice(1)}` : `+ ${term}`;
		out.push(i === 0 ? term : t);
	});
	const lines: string[] = [];
	for (let i = 0; i < out.length; i += 8) lines.push(out.slice(i, i + 8).join(' '));
	return lines.join('\n   ');
}

/** Column names, 16 to a line (Generals, Binaries). */
export function chunk(names: string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < names.length; i += 16) out.push(' ' + names.slice(i, i + 16).join(' '));
	return out;
}
