/**
 * The one number reader for forms and imports: it reads numbers the way Vietnamese users write
 * them, and refuses what it cannot read one way only. Pure (runs in the browser too).
 *
 * Rules (after trimming; a leading '+', '-' or '−' is a sign):
 * - Digits only: an integer ("12", "1000").
 * - A dot before a group of exactly three digits is a thousands separator: "1.000" = 1000,
 *   "1.234.567" = 1234567, "1.234,5" = 1234.5. The first group has 1-3 digits and does not
 *   start with 0; every later group has exactly 3. Spaces may group thousands the same way
 *   ("1 000", "1 234,5").
 * - A comma is the decimal mark: "12,5" = 12.5, "0,125" = 0.125, "1234,567" = 1234.567.
 * - A single dot followed by 1, 2 or 4+ digits cannot be a thousands separator, so it is read as
 *   a decimal point: "1.5" = 1.5, "10.80215" = 10.80215 (spreadsheets and exports write this).
 * Coordinates are read with {@link ReadOptions.coordinate}: one '.' or ',' is the decimal mark.
 * Refused, with a message that shows the readings (never silently reinterpreted):
 * - ambiguous: "1,000" and "12,500" (1-3 digits, not starting with 0, a comma, exactly three
 *   digits: 1 or 1000? 12.5 or 12500?); "0.500" and "1234.567" (a dot before exactly three
 *   digits that cannot be a thousands group: 500 / 1234567 or 0.5 / 1234.567?).
 * - mixed: separators used inconsistently, e.g. the English "1,234.5", "1.234.5", "1,2,3",
 *   "1.23,5" (a dot group that is not three digits).
 * - not a number: letters, exponents, a lone separator, "Infinity" …
 *
 * {@link machineNumber} writes a number so that this reader gives it back exactly (used by the
 * CSV/XLSX exports and when an XLSX numeric cell is read).
 */

/** The outcome of reading one entry. */
export type NumberReading =
	| { ok: true; value: number }
	| { ok: false; reason: 'blank' }
	| { ok: false; reason: 'not-a-number'; input: string }
	/** Two readings are possible; both are given (vi-VN formatted in messages). */
	| { ok: false; reason: 'ambiguous'; input: string; readings: [number, number] }
	/** Separators used inconsistently; `english` is the value if it is a valid English form. */
	| { ok: false; reason: 'mixed'; input: string; english: number | null };

/** How to read an entry. */
export interface ReadOptions {
	/**
	 * A coordinate (latitude, longitude, VN-2000 northing/easting): GPS devices and maps write
	 * them with one decimal dot and never group thousands, so a single '.' or ',' is always the
	 * decimal mark ("10.787" = 10.787, "106,761" = 106.761). Several dots still group thousands
	 * ("1.193.456,78"); mixed forms are still refused.
	 */
	coordinate?: boolean;
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const GROUPED_SPACES = /^\d{1,3}([\s\u00a0\u202f\u2009]\d{3})+(,\d+)?$/;

function signed(sign: number, value: number): number {
	return sign < 0 && value !== 0 ? -value : value;
}

/**
 * Reads one entry (a form field or an import cell). A finite JavaScript number is returned as
 * it is; blank text gives `{ ok: false, reason: 'blank' }`.
 *
 * @example
 * readNumber('1.000'); // { ok: true, value: 1000 }
 * readNumber('1.234,5'); // { ok: true, value: 1234.5 }
 * readNumber('12,5'); // { ok: true, value: 12.5 }
 * readNumber('1,000'); // { ok: false, reason: 'ambiguous', input: '1,000', readings: [1, 1000] }
 * readNumber('1,234.5'); // { ok: false, reason: 'mixed', input: '1,234.5', english: 1234.5 }
 * readNumber('abc'); // { ok: false, reason: 'not-a-number', input: 'abc' }
 */
export function readNumber(raw: unknown, options: ReadOptions = {}): NumberReading {
	if (typeof raw === 'number') {
		return Number.isFinite(raw)
			? { ok: true, value: raw }
			: { ok: false, reason: 'not-a-number', input: String(raw) };
	}
	if (raw === null || raw === undefined) return { ok: false, reason: 'blank' };
	if (typeof raw !== 'string') return { ok: false, reason: 'not-a-number', input: String(raw) };
	const input = raw.trim();
	if (input === '') return { ok: false, reason: 'blank' };
	let body = input;
	let sign = 1;
	if (/^[+\-−]/.test(body)) {
		sign = body[0] === '+' ? 1 : -1;
		body = body.slice(1).trimStart();
	}
	if (GROUPED_SPACES.test(body)) body = body.replace(SPACES, '');
	const fail = (): NumberReading => ({ ok: false, reason: 'not-a-number', input });
	if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return fail();

	// Digits only.
	if (/^\d+$/.test(body)) return { ok: true, value: signed(sign, Number(body)) };

	// Coordinates: one dot or one comma is the decimal mark, whatever the digits after it.
	if (options.coordinate) {
		const one = /^(\d+)[.,](\d+)$/.exec(body);
		if (one) return { ok: true, value: signed(sign, Number(`${one[1]}.${one[2]}`)) };
	}

	// Dots as thousands separators, optionally a decimal comma.
	const grouped = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/.exec(body);
	if (grouped) {
		const int = grouped[1].replace(/\./g, '');
		const value = Number(grouped[2] === undefined ? int : `${int}.${grouped[2]}`);
		return { ok: true, value: signed(sign, value) };
	}

	// One decimal comma.
	const comma = /^(\d+),(\d+)$/.exec(body);
	if (comma) {
		const vi = Number(`${comma[1]}.${comma[2]}`);
		if (/^[1-9]\d{0,2}$/.test(comma[1]) && comma[2].length === 3) {
			const en = Number(comma[1] + comma[2]);
			return {
				ok: false,
				reason: 'ambiguous',
				input,
				readings: [signed(sign, vi), signed(sign, en)]
			};
		}
		return { ok: true, value: signed(sign, vi) };
	}

	// One dot that is not a valid thousands separator.
	const dot = /^(\d+)\.(\d+)$/.exec(body);
	if (dot) {
		const decimal = Number(`${dot[1]}.${dot[2]}`);
		if (dot[2].length === 3) {
			return {
				ok: false,
				reason: 'ambiguous',
				input,
				readings: [signed(sign, Number(dot[1] + dot[2])), signed(sign, decimal)]
			};
		}
		return { ok: true, value: signed(sign, decimal) };
	}

	if (/^\d[\d.,]*\d$/.test(body)) {
		const english = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(body)
			? signed(sign, Number(body.replace(/,/g, '')))
			: null;
		return { ok: false, reason: 'mixed', input, english };
	}
	return fail();
}

/**
 * A number written so that {@link readNumber} reads it back exactly: a '.' decimal point, no
 * grouping, no exponent, and never exactly three decimals (a trailing 0 is added: 106.745 →
 * "106.7450", which cannot be a thousands group).
 *
 * @example
 * machineNumber(1000); // '1000'
 * machineNumber(12.5); // '12.5'
 * machineNumber(106.745); // '106.7450'
 */
export function machineNumber(n: number): string {
	if (!Number.isFinite(n)) return '';
	let s = String(n);
	const e = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
	if (e) {
		// Expand the exponent exactly (toFixed would round): 1.5e-7 → 0.00000015.
		const digits = e[2] + (e[3] ?? '');
		const point = 1 + Number(e[4]);
		s =
			e[1] +
			(point <= 0
				? `0.${'0'.repeat(-point)}${digits}`
				: point >= digits.length
					? digits + '0'.repeat(point - digits.length)
					: `${digits.slice(0, point)}.${digits.slice(point)}`);
	}
	const m = /\.(\d+)$/.exec(s);
	if (m && m[1].length === 3) s += '0';
	return s;
}

const viFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 10 });

/**
 * A number as a Vietnamese reader writes it (vi-VN, up to 10 decimals), for messages that
 * say how an entry was read.
 *
 * @example
 * formatReading(1234.5); // '1.234,5'
 */
export function formatReading(n: number): string {
	return viFormat.format(n);
}
