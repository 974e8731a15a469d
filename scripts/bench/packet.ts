/**
 * Benchmark of the proposal packet: on a fresh in-memory sample database, assembles the
 * snapshot of Bình Trưng and generates every file of the packet (DOCX ×2, PDF, XLSX, charts,
 * map, GeoJSON, photos, manifest, ZIP). Target: under 5 s per packet.
 *
 * `cold` includes loading the fonts and libraries on first use; `warm` runs are repeated.
 * Run directly: `npx tsx scripts/bench/packet.ts` prints the JSON report.
 */
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../src/lib/server/db/test-db';
import { seedSample } from '../../src/lib/server/db/seed/index';
import { wards } from '../../src/lib/server/db/schema';
import { defaultDraft } from '../../src/lib/packet/index';
import { todayInVietnam } from '../../src/lib/i18n/vn-date';
import { assemble } from '../../src/lib/server/proposals';
import { generatePacket } from '../../src/lib/server/export/zip';

export async function benchPacket(): Promise<Record<string, unknown>> {
	const db = createTestDb();
	seedSample(db);
	const ward = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get();
	if (!ward) throw new Error('sample ward missing');
	const draft = defaultDraft(ward.name, todayInVietnam());
	const once = async () => {
		const t0 = performance.now();
		const snapshot = assemble(db, ward.id, draft);
		const t1 = performance.now();
		const g = await generatePacket(snapshot, 'vi');
		const t2 = performance.now();
		return {
			assembleMs: t1 - t0,
			generateMs: t2 - t1,
			totalMs: t2 - t0,
			zipBytes: g.zip.byteLength,
			files: g.manifest.files.length
		};
	};
	const cold = await once();
	const warm = [];
	for (let i = 0; i < 3; i++) warm.push(await once());
	const round = (x: number) => Math.round(x);
	const worstWarm = Math.max(...warm.map((w) => w.totalMs));
	return {
		ward: ward.code,
		cold: {
			...cold,
			assembleMs: round(cold.assembleMs),
			generateMs: round(cold.generateMs),
			totalMs: round(cold.totalMs)
		},
		warmMs: warm.map((w) => round(w.totalMs)),
		targetMs: 5000,
		withinTarget: cold.totalMs < 5000 && worstWarm < 5000
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(JSON.stringify(await benchPacket(), null, 2));
}
