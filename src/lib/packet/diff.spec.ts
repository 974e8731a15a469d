import { describe, expect, it } from 'vitest';
import { diffSnapshots, tableDiff, wordDiff, type WordOp } from './diff';
import type { PacketSnapshot, PacketTable } from './types';

const before = (ops: WordOp[]) =>
	ops
		.filter((o) => o.op !== 'ins')
		.map((o) => o.text)
		.join('');
const after = (ops: WordOp[]) =>
	ops
		.filter((o) => o.op !== 'del')
		.map((o) => o.text)
		.join('');

describe('wordDiff', () => {
	it('marks the changed words of a sentence and keeps the rest', () => {
		const a = 'Trụ sở hiện nay chật hẹp, cán bộ phải làm việc tại nhiều cơ sở cũ.';
		const b = 'Trụ sở hiện nay xuống cấp và chật hẹp, cán bộ làm việc tại ba cơ sở cũ.';
		const ops = wordDiff(a, b);
		expect(before(ops)).toBe(a);
		expect(after(ops)).toBe(b);
		expect(ops.filter((o) => o.op === 'del').map((o) => o.text.trim())).toEqual(['phải', 'nhiều']);
		expect(ops.filter((o) => o.op === 'ins').map((o) => o.text.trim())).toEqual([
			'xuống cấp và',
			'ba'
		]);
		expect(ops[0]).toEqual({ op: 'same', text: 'Trụ sở hiện nay ' });
	});

	it('equal texts are one kept run; an empty side is all inserted or deleted', () => {
		expect(wordDiff('a b', 'a b')).toEqual([{ op: 'same', text: 'a b' }]);
		expect(wordDiff('', 'mới')).toEqual([{ op: 'ins', text: 'mới' }]);
		expect(wordDiff('cũ', '')).toEqual([{ op: 'del', text: 'cũ' }]);
	});

	it('a very long rewrite is replaced as a whole (bounded work)', () => {
		const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
		const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
		const ops = wordDiff(a, b);
		expect(ops).toEqual([
			{ op: 'del', text: a },
			{ op: 'ins', text: b }
		]);
	});
});

const table = (rows: (string | number | null)[][]): PacketTable => ({
	key: 'units',
	titleVi: 'Nhu cầu theo đơn vị',
	titleEn: 'Needs by unit',
	headVi: ['Mã', 'Đơn vị', 'Biên chế'],
	headEn: ['Code', 'Unit', 'Staff'],
	rows
});

describe('tableDiff', () => {
	it('lists added, removed and changed rows with the changed cells', () => {
		const d = tableDiff(
			table([
				['VP', 'Văn phòng', 12],
				['KT', 'Phòng Kinh tế', 8],
				['YT', 'Trạm y tế', 5]
			]),
			table([
				['VP', 'Văn phòng', 14],
				['KT', 'Phòng Kinh tế', 8],
				['VH', 'Phòng Văn hóa', 6]
			])
		)!;
		expect(d.added).toEqual([['VH', 'Phòng Văn hóa', 6]]);
		expect(d.removed).toEqual([['YT', 'Trạm y tế', 5]]);
		expect(d.changed).toEqual([
			{ row: ['VP', 'Văn phòng', 14], cells: [{ col: 2, before: 12, after: 14 }] }
		]);
		expect(tableDiff(table([['A', 'x', 1]]), table([['A', 'x', 1]]))).toBeNull();
	});
});

describe('diffSnapshots', () => {
	const snap = (narrative: string, request: string, units: number): PacketSnapshot =>
		({
			format: 'truso-packet/1',
			ward: { id: 1, code: 'w', name: 'Phường W', city: 'TP', isSample: true },
			assembledAt: '2026-12-01T00:00:00.000Z',
			submission: {
				number: '1/TTr-UBND',
				place: 'TP',
				date: '2026-12-01',
				summary: 'Đề xuất',
				request,
				signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
				signerTitle: 'CHỦ TỊCH',
				signerName: '',
				recipients: ['Như trên']
			},
			sections: [
				{
					key: 'necessity',
					numbers: {
						headcount: { value: units, unit: 'người', source: { kind: 'needs', field: 'x' } }
					},
					narrative,
					tables: [table([['VP', 'Văn phòng', units]])]
				}
			],
			map: { extent: null, sites: [], stations: [], facilities: [] },
			charts: { units: [], contributions: null, smaa: null },
			photos: []
		}) as PacketSnapshot;

	it('a changed sentence of a narrative shows word by word, with the table row and the tờ trình field', () => {
		const a = snap('Cán bộ làm việc tại 4 cơ sở.', 'Đề nghị phê duyệt địa điểm.', 12);
		const b = snap('Cán bộ làm việc tại 5 cơ sở cũ.', 'Đề nghị phê duyệt địa điểm S03.', 14);
		const d = diffSnapshots(a, b);
		const nec = d.sections.find((s) => s.key === 'necessity')!;
		expect(nec.narrativeChanged).toBe(true);
		expect(before(nec.narrative!)).toBe('Cán bộ làm việc tại 4 cơ sở.');
		expect(after(nec.narrative!)).toBe('Cán bộ làm việc tại 5 cơ sở cũ.');
		expect(nec.narrative!.filter((o) => o.op === 'del').map((o) => o.text)).toEqual(['4', 'sở.']);
		expect(nec.narrative!.filter((o) => o.op === 'ins').map((o) => o.text)).toEqual([
			'5',
			'sở cũ.'
		]);
		expect(nec.numbers.map((n) => [n.key, n.before?.value, n.after?.value])).toEqual([
			['headcount', 12, 14]
		]);
		expect(nec.tableChanges[0].changed[0].cells).toEqual([{ col: 2, before: 12, after: 14 }]);
		expect(d.submission).toEqual(['request']);
		const req = d.submissionChanges[0].words!;
		expect(req.filter((o) => o.op === 'del').map((o) => o.text)).toEqual(['điểm.']);
		expect(req.filter((o) => o.op === 'ins').map((o) => o.text)).toEqual(['điểm S03.']);
	});
});
