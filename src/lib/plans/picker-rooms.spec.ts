import { describe, expect, it } from 'vitest';
import { PICKER_ROOM_LIMIT, pickerRooms } from './picker-rooms';

/** `n` rooms spread over buildings of `perBuilding` rooms: r0…, b0…; room 5 reserved. */
function ward(n: number, perBuilding: number) {
	return Array.from({ length: n }, (_, i) => ({
		key: `r${i}`,
		buildingKey: `b${Math.floor(i / perBuilding)}`,
		lockedUnitKey: i === 5 ? 'u1' : null
	}));
}

describe('pickerRooms', () => {
	it('lists every room of a ward up to the limit, in order', () => {
		const rooms = ward(PICKER_ROOM_LIMIT, 30);
		const picked = pickerRooms(rooms, { buildingKey: 'b3', roomKeys: [] });
		expect(picked.partial).toBe(false);
		expect(picked.rooms.map((r) => r.key)).toEqual(rooms.map((r) => r.key));
	});

	it('above the limit keeps the building shown, the rooms named and the reserved ones', () => {
		// 400 rooms in 4 buildings of 100; b2 shown; the plan seats people in r7 and r399.
		const picked = pickerRooms(ward(400, 100), { buildingKey: 'b2', roomKeys: ['r7', 'r399'] });
		expect(picked.partial).toBe(true);
		const keys = picked.rooms.map((r) => r.key);
		expect(keys).toHaveLength(100 + 3);
		expect(keys.slice(0, 3)).toEqual(['r5', 'r7', 'r200']);
		expect(keys.at(-2)).toBe('r299');
		expect(keys.at(-1)).toBe('r399');
	});

	it('a ward without a building shown keeps only the rooms named and reserved', () => {
		const picked = pickerRooms(ward(1000, 100), { buildingKey: null, roomKeys: new Set(['r42']) });
		expect(picked.rooms.map((r) => r.key)).toEqual(['r5', 'r42']);
	});
});
