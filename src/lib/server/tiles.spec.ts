import { describe, expect, it, vi } from 'vitest';

vi.mock('$env/dynamic/private', () => ({ env: { TILE_URL: 'https://env/{z}/{x}/{y}.png' } }));

const { DEFAULT_TILE_URL, tileUrl } = await import('./tiles');

describe('tileUrl', () => {
	it('reads TILE_URL from the environment by default', () => {
		expect(tileUrl()).toBe('https://env/{z}/{x}/{y}.png');
	});
	it('"none" turns tiles off; empty falls back to OpenStreetMap', () => {
		expect(tileUrl('none')).toBeNull();
		expect(tileUrl('')).toBe(DEFAULT_TILE_URL);
		expect(DEFAULT_TILE_URL).toBe('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png');
	});
});
