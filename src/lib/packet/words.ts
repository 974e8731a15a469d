/**
 * Amounts of money in Vietnamese words ("bằng chữ"), as official documents write them:
 * "Một trăm hai mươi lăm tỷ, bốn trăm triệu đồng".
 *
 * Conventions applied (đọc số tiếng Việt):
 * - scale words "nghìn", "triệu", "tỷ"; above a thousand billion the multiplier of "tỷ" is read
 *   as a number ("một nghìn hai trăm tỷ"); a comma follows "tỷ", "triệu" and "nghìn" when
 *   something non-zero comes after them; a group that is all zeros is not read;
 * - a group after the first is read with its hundreds even when zero ("một triệu, không trăm
 *   linh năm");
 * - a zero tens digit before a non-zero unit reads "linh" (or "lẻ", by option): "một trăm
 *   linh năm", "một trăm linh một", "một trăm linh bốn";
 * - the unit after a tens digit: 5 reads "lăm" ("mười lăm", "hai mươi lăm"); 1 reads "mốt"
 *   after "mươi" ("hai mươi mốt") but "một" after "mười" ("mười một"); 4 reads "tư" after "mươi"
 *   ("hai mươi tư") and "bốn" elsewhere ("mười bốn", "linh bốn");
 * - ten is "mười", twenty upwards "… mươi";
 * - the first letter is capitalised and the text ends with "đồng"; zero is "Không đồng".
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

export interface WordsOptions {
	/** Word for a zero tens digit before a unit: "linh" (default, the usual written form) or "lẻ". */
	zeroTens?: 'linh' | 'lẻ';
}

/** Reads 0 < n < 1000; `full` reads the hundreds even when zero (a group after the first). */
function readGroup(n: number, full: boolean, zeroTens: string): string {
	const h = Math.floor(n / 100);
	const t = Math.floor((n % 100) / 10);
	const u = n % 10;
	const words: string[] = [];
	const hundredsRead = h > 0 || full;
	if (hundredsRead) words.push(DIGITS[h], 'trăm');
	if (t === 0) {
		if (u > 0) {
			if (hundredsRead) words.push(zeroTens);
			words.push(DIGITS[u]);
		}
	} else if (t === 1) {
		words.push('mười');
		if (u === 5) words.push('lăm');
		else if (u > 0) words.push(DIGITS[u]);
	} else {
		words.push(DIGITS[t], 'mươi');
		if (u === 1) words.push('mốt');
		else if (u === 4) words.push('tư');
		else if (u === 5) words.push('lăm');
		else if (u > 0) words.push(DIGITS[u]);
	}
	return words.join(' ');
}

const SCALES = ['', 'nghìn', 'triệu'];

/** Reads 0 < n < 10⁹; `leading` = nothing was read before it. */
function readBelowBillion(n: number, leading: boolean, commas: boolean, zeroTens: string): string {
	const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
	const parts: string[] = [];
	let first = leading;
	for (let i = 0; i < 3; i++) {
		const g = groups[i];
		if (g === 0) continue;
		const scale = SCALES[2 - i];
		parts.push(readGroup(g, !first, zeroTens) + (scale ? ' ' + scale : ''));
		first = false;
	}
	return parts.join(commas ? ', ' : ' ');
}

/** Reads n > 0 (a safe integer) in lower-case words, without "đồng". */
function readPositive(n: number, leading: boolean, commas: boolean, zeroTens: string): string {
	if (n < 1_000_000_000) return readBelowBillion(n, leading, commas, zeroTens);
	const billions = Math.floor(n / 1_000_000_000);
	const rest = n % 1_000_000_000;
	// The multiplier of "tỷ" is read as one number, without commas inside it.
	const head = readPositive(billions, leading, false, zeroTens) + ' tỷ';
	if (rest === 0) return head;
	return head + (commas ? ', ' : ' ') + readBelowBillion(rest, false, commas, zeroTens);
}

/** A non-negative safe integer in lower-case Vietnamese words ("mười lăm", "không"). */
export function numberInWords(n: number, opts: WordsOptions = {}): string {
	if (!Number.isSafeInteger(n) || n < 0) {
		throw new RangeError(`numberInWords: ${n} is not a non-negative safe integer`);
	}
	if (n === 0) return DIGITS[0];
	return readPositive(n, true, true, opts.zeroTens ?? 'linh');
}

/**
 * An amount of VND in words as official documents write it: capitalised, ending "đồng".
 * amountInWords(125_400_000_000) === "Một trăm hai mươi lăm tỷ, bốn trăm triệu đồng".
 * Throws a RangeError for a negative, fractional or unsafe amount.
 */
export function amountInWords(vnd: number, opts: WordsOptions = {}): string {
	const words = numberInWords(vnd, opts);
	return words.charAt(0).toUpperCase() + words.slice(1) + ' đồng';
}
