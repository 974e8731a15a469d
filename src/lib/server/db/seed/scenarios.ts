/**
 * The sample wards' default reallocation scenario: a draft "Phương án mặc định" with the ward's
 * default settings (least area 6 m² per person, the product's assumption; at most 2 units per
 * room; priorities leaders 3, one-stop centre 2, others 1; public-facing units on the ground
 * floor; the leaders' offices reserved for the leaders; default weights). Not solved here (the
 * seed stays synchronous); the user opens it and presses "Giải".
 */
import { eq } from 'drizzle-orm';
import type { DbLike } from '../connection';
import { scenarios, wards } from '../schema';
import { defaultSettings } from '../../plans';
import { SAMPLE_WARDS } from './sample-data';

/** Name of the default scenario of each sample ward. */
export const DEFAULT_SCENARIO_NAME = 'Phương án mặc định';

export function seedDefaultScenarios(tx: DbLike): void {
	for (const sample of SAMPLE_WARDS) {
		const ward = tx.select({ id: wards.id }).from(wards).where(eq(wards.code, sample.code)).get();
		if (!ward) continue;
		const settings = defaultSettings(tx, ward.id);
		tx.insert(scenarios)
			.values({
				wardId: ward.id,
				name: DEFAULT_SCENARIO_NAME,
				weightsJson: JSON.stringify(settings.weights),
				settingsJson: JSON.stringify(settings),
				instanceJson: '',
				resultJson: null,
				status: 'draft',
				objective: null,
				inputHash: null
			})
			.run();
	}
}
