/** Parsing of coordinates as users type or paste them (decimal, decimal comma, DMS). */
import { GeoInputError } from './errors';
import type { LatLng } from './types';

/** A parsed coordinate and how it was written. */
export interface ParsedCoordinate extends LatLng {
	/** 'dms' when minutes or seconds were given, otherwise 'decimal'. */
	format: 'decimal' | 'dms';
	/** True when the pair was read as longitude first (the first number exceeded 90). */
	swapped: boolean;
}

const NUM = String.raw`\d+(?:[.,]\d+)?`;
const COMPONENT = new RegExp(
	String.raw`([+-]?)(${NUM})(?:\s*°(?:\s*(${NUM})\s*')?(?:\s*(${NUM})\s*")?)?`,
	'g'
);

interface Component {
	start: number;
	end: number;
	value: number;
	dms: boolean;
}

const toNumber = (s: string) => Number(s.replace(',', '.'));

function normalise(text: string): string {
	return text
		.replace(/[º˚]/g, '°')
		.replace(/''/g, '"')
		.replace(/[′’‘ʹ`´]/g, "'")
		.replace(/[″”“ʺ]/g, '"')
		.toUpperCase();
}

function fail(message: string): never {
	throw new GeoInputError('text', message);
}

function readComponent(m: RegExpExecArray): Component {
	const [whole, sign, degText, minText, secText] = m;
	const degrees = toNumber(degText);
	const minutes = minText === undefined ? 0 : toNumber(minText);
	const seconds = secText === undefined ? 0 : toNumber(secText);
	const dms = minText !== undefined || secText !== undefined;
	if (dms && !Number.isInteger(degrees)) {
		fail(`"${whole.trim()}": degrees must be whole when minutes or seconds follow`);
	}
	if (secText !== undefined && minText !== undefined && !Number.isInteger(minutes)) {
		fail(`"${whole.trim()}": minutes must be whole when seconds follow`);
	}
	if (minutes >= 60) fail(`"${whole.trim()}": minutes must be below 60, got ${minutes}`);
	if (seconds >= 60) fail(`"${whole.trim()}": seconds must be below 60, got ${seconds}`);
	const value = (degrees + minutes / 60 + seconds / 3600) * (sign === '-' ? -1 : 1);
	return { start: m.index, end: m.index + whole.length, value, dms };
}

/**
 * Parses a latitude/longitude pair as typed or pasted, returning WGS84 degrees:
 * - decimal degrees, "10.8021, 106.7423", "10.8021 106.7423" or "10.8021;106.7423";
 * - decimal commas, "10,8021 106,7423" or "10,8021, 106,7423" (a comma followed by a digit is
 *   a decimal mark, a comma followed by a space separates);
 * - degrees-minutes-seconds, 10°48'07.7"N 106°44'32.4"E (also ′ ″ º, spaces, decimal minutes,
 *   hemisphere letters N/S/E/W before or after; S and W make the value negative).
 *
 * Without hemisphere letters the first number is the latitude, unless it exceeds 90 and the
 * second does not: then the pair is read as longitude, latitude and `swapped` is true.
 * Throws {@link GeoInputError} (path 'text') with a reason for anything else.
 *
 * @example
 * parseCoordinate('10.8021, 106.7423'); // { lat: 10.8021, lng: 106.7423, format: 'decimal', swapped: false }
 * parseCoordinate('10,8021 106,7423'); // same point
 * parseCoordinate(`10°48'07.7"N 106°44'32.4"E`);
 * // 10 + 48/60 + 7.7/3600 = 10.802139, 106 + 44/60 + 32.4/3600 = 106.742333, format 'dms'
 * parseCoordinate('106.7423, 10.8021'); // { lat: 10.8021, lng: 106.7423, swapped: true, … }
 */
export function parseCoordinate(text: string): ParsedCoordinate {
	if (typeof text !== 'string' || text.trim() === '') fail('enter a latitude and a longitude');
	const s = normalise(text.trim());
	const components: Component[] = [];
	const covered = new Array<boolean>(s.length).fill(false);
	for (const m of s.matchAll(COMPONENT)) {
		const c = readComponent(m);
		components.push(c);
		for (let i = c.start; i < c.end; i++) covered[i] = true;
	}
	const letters: { letter: string; pos: number }[] = [];
	for (let i = 0; i < s.length; i++) {
		if (covered[i]) continue;
		const ch = s[i];
		if ('NSEW'.includes(ch)) letters.push({ letter: ch, pos: i });
		else if (!/[\s,;]/.test(ch)) fail(`unexpected "${ch}" in "${text.trim()}"`);
	}
	if (components.length !== 2) {
		fail(
			`expected two numbers (latitude and longitude), found ${components.length} in "${text.trim()}"`
		);
	}
	const format = components.some((c) => c.dms) ? 'dms' : 'decimal';
	let lat: number;
	let lng: number;
	let swapped = false;
	if (letters.length > 0) {
		if (letters.length !== 2) {
			fail('give a hemisphere letter (N/S, E/W) for both values or for none');
		}
		letters.forEach(({ pos }, i) => {
			const c = components[i];
			const between = pos < c.start ? s.slice(pos + 1, c.start) : s.slice(c.end, pos);
			if (between.trim() !== '') fail('each hemisphere letter must sit right next to its value');
		});
		const values: { lat?: number; lng?: number } = {};
		letters.forEach(({ letter }, i) => {
			const v = Math.abs(components[i].value);
			if (letter === 'N' || letter === 'S') {
				if (values.lat !== undefined) fail('two latitudes given (N/S twice)');
				values.lat = letter === 'S' ? -v : v;
			} else {
				if (values.lng !== undefined) fail('two longitudes given (E/W twice)');
				values.lng = letter === 'W' ? -v : v;
			}
		});
		lat = values.lat as number;
		lng = values.lng as number;
	} else {
		[lat, lng] = [components[0].value, components[1].value];
		if (Math.abs(lat) > 90 && Math.abs(lng) <= 90) {
			[lat, lng] = [lng, lat];
			swapped = true;
		}
	}
	if (lat < -90 || lat > 90) fail(`latitude must be in [-90, 90], got ${lat}`);
	if (lng < -180 || lng > 180) fail(`longitude must be in [-180, 180], got ${lng}`);
	return { lat, lng, format, swapped };
}

/**
 * Like {@link parseCoordinate} but returns `null` instead of throwing.
 *
 * @example
 * tryParseCoordinate('10.8021, 106.7423'); // { lat: 10.8021, lng: 106.7423, … }
 * tryParseCoordinate('somewhere'); // null
 */
export function tryParseCoordinate(text: string): ParsedCoordinate | null {
	try {
		return parseCoordinate(text);
	} catch (e) {
		if (e instanceof GeoInputError) return null;
		throw e;
	}
}
