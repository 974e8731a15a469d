import { describe, expect, it } from 'vitest';
import { GeoInputError, parseCoordinate, tryParseCoordinate } from './index';

// 10°48'07.7" = 10 + 48/60 + 7.7/3600 = 10.802138888…; 106°44'32.4" = 106 + 44/60 + 32.4/3600 = 106.742333…
const DMS_LAT = 10 + 48 / 60 + 7.7 / 3600;
const DMS_LNG = 106 + 44 / 60 + 32.4 / 3600;

describe('parseCoordinate', () => {
	it.each([
		['10.8021, 106.7423', 10.8021, 106.7423],
		['10.8021,106.7423', 10.8021, 106.7423],
		['10.8021 106.7423', 10.8021, 106.7423],
		['  10.8021 ;  106.7423 ', 10.8021, 106.7423],
		['10,8021 106,7423', 10.8021, 106.7423],
		['10,8021, 106,7423', 10.8021, 106.7423],
		['10,8021; 106,7423', 10.8021, 106.7423],
		['10, 106', 10, 106],
		['-33.8688, 151.2093', -33.8688, 151.2093],
		['+10.5 -75.25', 10.5, -75.25]
	])('decimal %j', (text, lat, lng) => {
		expect(parseCoordinate(text)).toEqual({ lat, lng, format: 'decimal', swapped: false });
	});

	it.each([
		`10°48'07.7"N 106°44'32.4"E`,
		`10°48'07.7"N, 106°44'32.4"E`,
		`10° 48' 07.7" N  106° 44' 32.4" E`,
		`N 10°48'07.7" E 106°44'32.4"`,
		`10°48′07.7″N 106°44′32.4″E`,
		`10º48'07,7"N 106º44'32,4"E`,
		`10°48'07.7''N 106°44'32.4''E`,
		`106°44'32.4"E 10°48'07.7"N`,
		`10°48'07.7"n 106°44'32.4"e`
	])('DMS %s', (text) => {
		const p = parseCoordinate(text);
		expect(p.format).toBe('dms');
		expect(p.swapped).toBe(false);
		expect(p.lat).toBeCloseTo(DMS_LAT, 12);
		expect(p.lng).toBeCloseTo(DMS_LNG, 12);
	});

	it('decimal minutes and degrees with a symbol', () => {
		// 10°48.128' = 10 + 48.128 / 60 = 10.802133…
		expect(parseCoordinate(`10°48.128'N 106°44.54'E`)).toMatchObject({ format: 'dms' });
		expect(parseCoordinate(`10°48.128'N 106°44.54'E`).lat).toBeCloseTo(10 + 48.128 / 60, 12);
		expect(parseCoordinate('10.8021° N, 106.7423° E')).toEqual({
			lat: 10.8021,
			lng: 106.7423,
			format: 'decimal',
			swapped: false
		});
	});

	it('south and west hemispheres are negative', () => {
		const p = parseCoordinate(`33°52'07.7"S 151°12'33.5"W`);
		expect(p.lat).toBeCloseTo(-(33 + 52 / 60 + 7.7 / 3600), 12);
		expect(p.lng).toBeCloseTo(-(151 + 12 / 60 + 33.5 / 3600), 12);
	});

	it('reads a longitude-first pair and says so', () => {
		expect(parseCoordinate('106.7423, 10.8021')).toEqual({
			lat: 10.8021,
			lng: 106.7423,
			format: 'decimal',
			swapped: true
		});
	});

	it.each([
		['', /enter a latitude and a longitude/],
		['10.8021', /expected two numbers.*found 1/],
		['10.8021, 106.7423, 5', /found 3/],
		['1194749.97, 608321.11', /latitude must be in \[-90, 90\]/],
		['10.8, 200', /longitude must be in \[-180, 180\]/],
		['somewhere near 10.8, 106.7', /unexpected "O"/],
		[`10°61'00"N 106°00'00"E`, /minutes must be below 60/],
		[`10°48'75"N 106°00'00"E`, /seconds must be below 60/],
		[`10.5°30'N 106°E`, /degrees must be whole/],
		[`10°48'N 106°44'`, /hemisphere letter .* for both values or for none/],
		[`10°N 106°N`, /two latitudes/]
	])('rejects %j', (text, message) => {
		expect(() => parseCoordinate(text)).toThrow(GeoInputError);
		expect(() => parseCoordinate(text)).toThrow(message);
	});

	it('tryParseCoordinate returns null instead of throwing', () => {
		expect(tryParseCoordinate('10.8021, 106.7423')).toMatchObject({ lat: 10.8021, lng: 106.7423 });
		expect(tryParseCoordinate('somewhere')).toBeNull();
	});
});
