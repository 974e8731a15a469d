/** Phường Bình Trưng (sample): the committee's offices, the service centre and the front, with their positions. */
import { type SampleUnit } from './kit';

export const BINH_TRUNG_COMMITTEE_UNITS: SampleUnit[] = [
	{
		code: 'VP-HDND-UBND',
		name: 'Văn phòng HĐND và UBND',
		kind: 'committee',
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
				approved: 2,
				filled: 2,
				planned: 2,
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
				approved: 5,
				filled: 4,
				planned: 5,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên tư pháp',
				titleKey: 'specialist',
				field: 'legal',
				approved: 2,
				filled: 1,
				planned: 2,
				rank: 'specialist'
			},
			{
				title: 'Kế toán ngân sách',
				titleKey: 'specialist',
				field: 'accounting',
				approved: 3,
				filled: 1,
				planned: 3,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên công nghệ thông tin',
				titleKey: 'specialist',
				field: 'it',
				approved: 2,
				filled: 1,
				planned: 2,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên ngoại vụ',
				titleKey: 'specialist',
				field: 'foreign-affairs',
				approved: 1,
				filled: 0,
				planned: 1,
				rank: 'specialist'
			}
		]
	},
	{
		code: 'P-KTHTDT',
		name: 'Phòng Kinh tế - Hạ tầng và Đô thị',
		kind: 'committee',
		publicFacing: false,
		positions: [
			{
				title: 'Trưởng phòng',
				titleKey: 'division-head',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				rank: 'principal-specialist'
			},
			{
				title: 'Phó Trưởng phòng',
				titleKey: 'division-head',
				field: null,
				approved: 2,
				filled: 2,
				planned: 2,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên chính địa chính - đất đai',
				titleKey: 'specialist',
				field: 'land',
				approved: 1,
				filled: 1,
				planned: 1,
				rank: 'principal-specialist'
			},
			{
				title: 'Chuyên viên địa chính - đất đai',
				titleKey: 'specialist',
				field: 'land',
				approved: 5,
				filled: 2,
				planned: 5,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên xây dựng - đô thị',
				titleKey: 'specialist',
				field: 'construction',
				approved: 5,
				filled: 2,
				planned: 5,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên tài chính - kế hoạch',
				titleKey: 'specialist',
				field: 'finance',
				approved: 3,
				filled: 1,
				planned: 3,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên môi trường',
				titleKey: 'specialist',
				field: 'environment',
				approved: 2,
				filled: 2,
				planned: 2,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên kinh tế',
				titleKey: 'specialist',
				field: 'economy',
				approved: 2,
				filled: 2,
				planned: 2,
				rank: 'specialist'
			}
		]
	},
	{
		code: 'P-VHXH',
		name: 'Phòng Văn hóa - Xã hội',
		kind: 'committee',
		publicFacing: false,
		positions: [
			{
				title: 'Trưởng phòng',
				titleKey: 'division-head',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				rank: 'principal-specialist'
			},
			{
				title: 'Phó Trưởng phòng',
				titleKey: 'division-head',
				field: null,
				approved: 2,
				filled: 1,
				planned: 2,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên văn hóa - thông tin',
				titleKey: 'specialist',
				field: 'culture',
				approved: 3,
				filled: 3,
				planned: 3,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên lao động - xã hội',
				titleKey: 'specialist',
				field: 'social',
				approved: 4,
				filled: 3,
				planned: 4,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên giáo dục - y tế',
				titleKey: 'specialist',
				field: 'education-health',
				approved: 2,
				filled: 2,
				planned: 2,
				rank: 'specialist'
			}
		]
	},
	{
		code: 'TTPVHCC',
		name: 'Trung tâm Phục vụ hành chính công phường',
		kind: 'service-centre',
		publicFacing: true,
		positions: [
			{
				title: 'Phó Giám đốc',
				titleKey: 'division-head',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên tiếp nhận hồ sơ đất đai',
				titleKey: 'specialist',
				field: 'land',
				approved: 6,
				filled: 4,
				planned: 6,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên tiếp nhận hồ sơ xây dựng',
				titleKey: 'specialist',
				field: 'construction',
				approved: 3,
				filled: 2,
				planned: 3,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên hộ tịch - chứng thực',
				titleKey: 'specialist',
				field: 'legal',
				approved: 6,
				filled: 6,
				planned: 6,
				rank: 'specialist'
			},
			{
				title: 'Chuyên viên tổng hợp',
				titleKey: 'specialist',
				field: 'general',
				approved: 4,
				filled: 4,
				planned: 4,
				rank: 'specialist'
			}
		]
	},
	{
		code: 'MTTQ',
		name: 'Ủy ban MTTQ Việt Nam phường',
		kind: 'front',
		publicFacing: false,
		positions: [
			{
				title: 'Chủ tịch UBMTTQ',
				titleKey: 'chair-deputy',
				field: null,
				approved: 1,
				filled: 1,
				planned: 1
			},
			{
				title: 'Phó Chủ tịch UBMTTQ (chuyên trách)',
				titleKey: 'division-head',
				field: null,
				approved: 2,
				filled: 2,
				planned: 2
			},
			{
				title:
					'Phó Chủ tịch UBMTTQ kiêm người đứng đầu tổ chức chính trị - xã hội (Hội LHPN, Đoàn TNCS, Hội CCB, Hội Nông dân)',
				titleKey: 'division-head',
				field: null,
				approved: 4,
				filled: 4,
				planned: 4
			},
			{
				title: 'Chuyên viên',
				titleKey: 'specialist',
				field: 'general',
				approved: 3,
				filled: 2,
				planned: 3,
				rank: 'specialist'
			}
		]
	}
];
