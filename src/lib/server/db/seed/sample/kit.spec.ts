import { describe, expect, it } from 'vitest';
import anKhanh from './an-khanh.json';
import { sampleWard } from './kit';
import { AN_KHANH, BINH_TRUNG } from '../sample-data';

/** A deep copy of An Khánh's file to spoil in one place. */
const copy = () => structuredClone(anKhanh) as typeof anKhanh & Record<string, unknown>;

describe('sample ward files', () => {
	it('expands An Khánh: each level closed by WC 12, corridor and store 8 m²', () => {
		const rooms = AN_KHANH.facilities.flatMap((f) => f.buildings.flatMap((b) => b.rooms));
		// TS-01/A: 70+24+12+24+8 = 138 and 30+30+12+20+8 = 100; CS-TT-UB/A: 26+22+12+14+8 = 82
		// and 36+12+12+8 = 68; 388 m² in 19 rooms.
		expect(rooms).toHaveLength(19);
		expect(rooms.reduce((s, r) => s + r.areaM2, 0)).toBe(388);
		const [first] = AN_KHANH.facilities[1].buildings;
		expect(first.rooms.map((r) => `${r.level} ${r.name} ${r.areaM2}`)).toEqual([
			'1 Phòng 1.01 26',
			'1 Phòng 1.02 22',
			'1 WC tầng 1 12',
			'1 Hành lang tầng 1 14',
			'1 Kho tầng 1 8',
			'2 Phòng họp 36',
			'2 WC tầng 2 12',
			'2 Hành lang tầng 2 12',
			'2 Kho tầng 2 8'
		]);
		expect(first.rooms[0]).toMatchObject({ type: 'office', unit: 'VHXH', occupants: 3 });
		expect(first.rooms[1].unit).toBeUndefined();
		// survey B [3, 2, …]: foundation one step better than the structure
		expect(first.survey).toMatchObject({
			dangerLevel: 'B',
			foundation: 4,
			surveyedOn: '2025-10-03'
		});
	});

	it('reads positions with their rank abbreviation and concurrent posts', () => {
		// approved posts: VP 1 + 6, KT 1 + 4, VHXH 4, TTPVHCC 6 = 22
		const posts = AN_KHANH.units.flatMap((u) => u.positions);
		expect(posts.reduce((s, p) => s + p.approved, 0)).toBe(22);
		const vpdu = BINH_TRUNG.units.find((u) => u.code === 'VP-DU')!;
		expect(vpdu.positions[0]).toEqual({
			title: 'Chánh Văn phòng',
			titleKey: 'division-head',
			field: null,
			approved: 1,
			filled: 1,
			planned: 1,
			rank: 'principal-specialist'
		});
		const leaders = BINH_TRUNG.units.find((u) => u.code === 'TT-LD')!;
		expect(leaders.positions[0].concurrent).toEqual(['chair-deputy']);
		expect('rank' in leaders.positions[0]).toBe(false);
	});

	it('refuses a wrong row, naming the file and the place', () => {
		const badType = copy();
		badType.facilities[0].buildings[0].floors[0].rooms[1][0] = 'kitchen';
		expect(() => sampleWard(badType, 'x.json')).toThrow(
			/x\.json[\s\S]*facilities\[0\]\.buildings\[0\]\.floors\[0\]\.rooms\[1\]\[0\]/
		);
		const badRating = copy();
		badRating.facilities[0].buildings[0].survey.ratings[2] = 6;
		expect(() => sampleWard(badRating, 'x.json')).toThrow(/survey\.ratings\[2\]/);
		const badRank = copy();
		(badRank.units[0].positions[0] as unknown[]).push('CVX');
		expect(() => sampleWard(badRank, 'x.json')).toThrow(/units\[0\]\.positions\[0\]\[6\]/);
	});

	it('refuses a room of a unit the ward does not have', () => {
		const stray = copy();
		stray.facilities[0].buildings[0].floors[0].rooms[1][3] = 'KHONG-CO';
		expect(() => sampleWard(stray, 'x.json')).toThrow(
			'Sample ward x.json: room "Phòng 1.02" of TS-01/A names unknown unit KHONG-CO'
		);
	});
});
