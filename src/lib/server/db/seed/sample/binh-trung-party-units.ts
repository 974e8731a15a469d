/** Phường Bình Trưng (sample): the leaders, the Party bodies and the council, with their positions. */
import { type SampleUnit } from './kit';

export const BINH_TRUNG_PARTY_UNITS: SampleUnit[] = [
	{
		code: 'TT-LD',
		name: 'Thường trực Đảng ủy, HĐND, UBND',
		kind: 'party',
		publicFacing: false,
		positions: [
			{
				title: 'Bí thư Đảng ủy kiêm Chủ tịch HĐND',
				titleKey: 'party-secretary',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				concurrent: ['chair-deputy']
			},
			{
				title: 'Phó Bí thư Thường trực Đảng ủy',
				titleKey: 'chair-deputy',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1
			},
			{
				title: 'Phó Bí thư Đảng ủy kiêm Chủ tịch UBND',
				titleKey: 'chair-deputy',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				concurrent: ['chair-deputy']
			},
			{
				title: 'Phó Chủ tịch UBND kiêm Giám đốc Trung tâm Phục vụ hành chính công',
				titleKey: 'chair-deputy',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				concurrent: ['division-head']
			},
			{
				title: 'Phó Chủ tịch UBND',
				titleKey: 'chair-deputy',
				field: null,
				approved: 2,
				filled: 1,
				planned: 2
			},
			{
				title: 'Phó Chủ tịch HĐND',
				titleKey: 'chair-deputy',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1
			}
		]
	},
	{
		code: 'VP-DU',
		name: 'Văn phòng Đảng ủy',
		kind: 'party',
		publicFacing: false,
		positions: [
			{
				title: 'Chánh Văn phòng',
				titleKey: 'division-head',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				rank: 'principal-specialist'
			},
			{
				title: 'Phó Chánh Văn phòng',
				titleKey: 'division-head',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên chính tổng hợp',
				titleKey: 'specialist',
				field: 'general',
				approved: 1,
				filled: 1,
				planned: 1,
				rank: 'principal-specialist'
			},
			{
				title: 'Chuyên viên tổng hợp',
				titleKey: 'specialist',
				field: 'general',
				approved: 3,
				filled: 2,
				planned: 3,
				rank: 'specialist'
			},
			{
				title: 'Kế toán Đảng ủy',
				titleKey: 'specialist',
				field: 'accounting',
				approved: 1,
				filled: 0,
				planned: 1,
				rank: 'specialist'
			}
		]
	},
	{
		code: 'BXDD',
		name: 'Ban Xây dựng Đảng',
		kind: 'party',
		publicFacing: false,
		positions: [
			{
				title: 'Trưởng ban',
				titleKey: 'division-head',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				rank: 'principal-specialist'
			},
			{
				title: 'Phó Trưởng ban',
				titleKey: 'division-head',
				field: null,
				approved: 2,
				filled: 1,
				planned: 2,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên',
				titleKey: 'specialist',
				field: 'general',
				approved: 5,
				filled: 4,
				planned: 5,
				rank: 'specialist'
			}
		]
	},
	{
		code: 'UBKT',
		name: 'Ủy ban Kiểm tra Đảng ủy',
		kind: 'party',
		publicFacing: false,
		positions: [
			{
				title: 'Phó Chủ nhiệm',
				titleKey: 'division-head',
				field: null,
				approved: 2,
				filled: 2,
				planned: 2,
				rank: 'specialist'
			},
			{
				title: 'Kiểm tra viên',
				titleKey: 'specialist',
				field: 'legal',
				approved: 4,
				filled: 3,
				planned: 4,
				rank: 'specialist'
			}
		]
	},
	{
		code: 'HDND',
		name: 'Các Ban HĐND phường',
		kind: 'council',
		publicFacing: false,
		positions: [
			{
				title: 'Trưởng Ban Pháp chế',
				titleKey: 'division-head',
				field: 'legal',
				approved: 1,
				filled: 1,
				planned: 1
			},
			{
				title: 'Trưởng Ban Kinh tế - Ngân sách',
				titleKey: 'division-head',
				field: 'finance',
				approved: 1,
				filled: 1,
				planned: 1
			},
			{
				title: 'Phó Trưởng ban',
				titleKey: 'division-head',
				field: null,
				approved: 2,
				filled: 1,
				planned: 2
			}
		]
	}
];
