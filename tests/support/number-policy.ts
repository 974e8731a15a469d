/**
 * Finds numbers written against the one decimals policy (DECIMALS in $lib/i18n: areas in m²
 * with 1 decimal, scores and weights with 3, consistency ratios with 3) and doubled units
 * ("Diện tích sàn (m²): 607 m²") in a page's HTML or a document's text (Vietnamese numbers:
 * "." groups thousands, "," marks the decimal).
 *
 * What counts as a number of a kind (a deliberately narrow reading, so every finding is a real
 * fault):
 * - area: a number directly followed by "m²" (not "m²/…", a rate such as m²/người), and every
 *   number in a table column whose header ends in "(m²)";
 * - cr: a number after "CR" (optionally "=" or ":"), and every number in a column headed "CR";
 * - score: a number directly followed by "(hạng N)", as the packet's score table writes it.
 */

export interface Finding {
	kind: 'area' | 'cr' | 'score' | 'doubled-unit';
	text: string;
	context: string;
}

const DIGITS = { area: 1, cr: 3, score: 3 } as const;

/** A Vietnamese number: 1.234,5 or 12 or 0,620 (a leading minus allowed). */
const NUM = String.raw`-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?`;

function decimalsOf(num: string): number {
	const i = num.indexOf(',');
	return i < 0 ? 0 : num.length - i - 1;
}

const decode = (s: string) =>
	s
		.replace(/&nbsp;|&#160;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'");

/** The visible text of an HTML fragment, cells and blocks separated by " | ". */
export function visibleText(html: string): string {
	return decode(
		html
			.replace(/<script[\s\S]*?<\/script>/gi, ' ')
			.replace(/<style[\s\S]*?<\/style>/gi, ' ')
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/<\/(td|th|dt|dd|li|p|div|h\d|tr|option|label|span)>/gi, ' | ')
			.replace(/<[^>]+>/g, '')
	)
		.replace(/\s+/g, ' ')
		.trim();
}

const around = (s: string, i: number, n: number) =>
	s.slice(Math.max(0, i - 40), Math.min(s.length, i + n + 40));

/** Findings in running text (a page's visible text or a document's text). */
export function scanText(text: string): Finding[] {
	const out: Finding[] = [];
	const t = text.replace(/\s+/g, ' ');
	// A label that states the unit followed by a value that states it again.
	const doubled = new RegExp(
		String.raw`\((m²|%|người|tỷ đồng|đồng)\)\s*[:|]?\s*(?:\|\s*)?(?:${NUM})\s*\1(?![\w/])`,
		'gu'
	);
	for (const m of t.matchAll(doubled)) {
		out.push({ kind: 'doubled-unit', text: m[0], context: around(t, m.index, m[0].length) });
	}
	const area = new RegExp(String.raw`(?<![\d.,\w])(${NUM}) ?m²(?!\s*/)`, 'gu');
	for (const m of t.matchAll(area)) {
		if (decimalsOf(m[1]) !== DIGITS.area) {
			out.push({ kind: 'area', text: m[0], context: around(t, m.index, m[0].length) });
		}
	}
	const cr = new RegExp(String.raw`\bCR\s*[=:]?\s*(${NUM})`, 'gu');
	for (const m of t.matchAll(cr)) {
		if (decimalsOf(m[1]) !== DIGITS.cr) {
			out.push({ kind: 'cr', text: m[0], context: around(t, m.index, m[0].length) });
		}
	}
	const score = new RegExp(String.raw`(?<![\d.,])(${NUM}) \(hạng \d+\)`, 'gu');
	for (const m of t.matchAll(score)) {
		if (decimalsOf(m[1]) !== DIGITS.score) {
			out.push({ kind: 'score', text: m[0], context: around(t, m.index, m[0].length) });
		}
	}
	return out;
}

/** Findings in the tables of an HTML page: columns of areas (header "(m²)") and of CR. */
export function scanTables(html: string): Finding[] {
	const out: Finding[] = [];
	for (const table of html.match(/<table[\s\S]*?<\/table>/gi) ?? []) {
		const rows = table.match(/<tr[\s\S]*?<\/tr>/gi) ?? [];
		if (rows.length < 2) continue;
		const cells = (row: string) =>
			(row.match(/<t[hd][\s>][\s\S]*?<\/t[hd]>/gi) ?? []).map((c) => visibleText(c));
		const head = cells(rows[0] ?? '');
		const kinds = head.map((h) =>
			/\(m²\)\s*$/.test(h.replace(/\|/g, '').trim())
				? ('area' as const)
				: /^CR$/.test(h.replace(/\|/g, '').trim())
					? ('cr' as const)
					: null
		);
		if (!kinds.some(Boolean)) continue;
		for (const row of rows.slice(1)) {
			// A row whose first cell spans columns (a group heading) does not align with the header.
			if (/colspan/i.test(row)) continue;
			const cs = cells(row);
			if (cs.length !== head.length) continue;
			cs.forEach((c, i) => {
				const kind = kinds[i];
				if (!kind) return;
				const v = c.replace(/\|/g, '').trim();
				if (!new RegExp(String.raw`^(?:${NUM})$`, 'u').test(v)) return;
				if (decimalsOf(v) !== DIGITS[kind]) {
					out.push({ kind, text: v, context: `${head[i]}: ${v} (${cs.join(' ')})`.slice(0, 200) });
				}
			});
		}
	}
	return out;
}

/** Every finding of an HTML page. */
export function scanPage(html: string): Finding[] {
	return [...scanTables(html), ...scanText(visibleText(html))];
}
