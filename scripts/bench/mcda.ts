/**
 * Benchmark of the MCDA engine (src/lib/mcda).
 *
 * Times, with performance.now() and the best of 3 runs after one warm-up run:
 * - TOPSIS on 1,000 sites × 15 criteria;
 * - SMAA-2 (weighted-sum value model) with 10,000 samples on 200 sites × 12 criteria, also
 *   reported as ns per multiply-add (samples × sites × criteria);
 * - AHP (principal eigenvector) on a 15 × 15 pairwise comparison matrix.
 * All data come from a seeded PRNG, so every run measures the same work.
 *
 * Run directly with `npx tsx scripts/bench/mcda.ts` to print the JSON report.
 */
import { pathToFileURL } from 'node:url';
import { ahp, smaa, topsis, type CriterionType } from '../../src/lib/mcda/index';

/** Targets the engine must meet on one core. */
export const MCDA_TARGETS = { smaaMs: 1500 } as const;

/** mulberry32: a small seeded PRNG for benchmark data (uniform in [0, 1)). */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function decisionMatrix(rows: number, cols: number, seed: number): number[][] {
	const rnd = mulberry32(seed);
	return Array.from({ length: rows }, () =>
		Array.from({ length: cols }, () => 1 + Math.round(rnd() * 9999) / 100)
	);
}

function criterionTypes(cols: number): CriterionType[] {
	return Array.from({ length: cols }, (_, j) => (j % 3 === 2 ? 'cost' : 'benefit'));
}

/** A near-consistent 15 × 15 reciprocal matrix: a_ij = w_i / w_j · perturbation, snapped. */
function pairwiseMatrix(n: number, seed: number): number[][] {
	const rnd = mulberry32(seed);
	const w = Array.from({ length: n }, () => 0.5 + rnd() * 4);
	const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const v = Math.min(9, Math.max(1 / 9, (w[i] / w[j]) * Math.exp((rnd() - 0.5) * 0.6)));
			a[i][j] = v;
			a[j][i] = 1 / v;
		}
	}
	return a;
}

function bestOf3(run: () => void): number {
	run(); // warm-up
	let best = Infinity;
	for (let k = 0; k < 3; k++) {
		const t0 = performance.now();
		run();
		const ms = performance.now() - t0;
		if (ms < best) best = ms;
	}
	return best;
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

export async function benchMcda(): Promise<Record<string, unknown>> {
	// TOPSIS: 1,000 sites × 15 criteria.
	const topsisRows = 1000;
	const topsisCols = 15;
	const topsisMatrix = decisionMatrix(topsisRows, topsisCols, 1);
	const topsisWeights = Array.from({ length: topsisCols }, (_, j) => 1 + (j % 4));
	const topsisTypes = criterionTypes(topsisCols);
	const topsisMs = bestOf3(() => {
		topsis(topsisMatrix, topsisWeights, topsisTypes);
	});

	// SMAA-2: 10,000 samples × 200 sites × 12 criteria.
	const smaaRows = 200;
	const smaaCols = 12;
	const samples = 10_000;
	const smaaMatrix = decisionMatrix(smaaRows, smaaCols, 2);
	const smaaTypes = criterionTypes(smaaCols);
	const smaaMs = bestOf3(() => {
		smaa(smaaMatrix, smaaTypes, { method: 'weighted-sum', samples, seed: 42 });
	});
	const multiplyAdds = samples * smaaRows * smaaCols;

	// AHP: 15 × 15.
	const ahpMatrix = pairwiseMatrix(15, 3);
	const ahpMs = bestOf3(() => {
		ahp(ahpMatrix);
	});

	return {
		node: process.version,
		topsis: { sites: topsisRows, criteria: topsisCols, ms: round(topsisMs) },
		smaa: {
			method: 'weighted-sum',
			samples,
			sites: smaaRows,
			criteria: smaaCols,
			ms: round(smaaMs),
			multiplyAdds,
			nsPerMultiplyAdd: round((smaaMs * 1e6) / multiplyAdds, 2)
		},
		ahp: { size: 15, ms: round(ahpMs, 4) },
		targets: { smaaMs: MCDA_TARGETS.smaaMs },
		pass: { smaa: smaaMs < MCDA_TARGETS.smaaMs }
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.log(JSON.stringify(await benchMcda(), null, 2));
}
