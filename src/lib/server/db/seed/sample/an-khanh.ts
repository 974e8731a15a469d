/** Phường An Khánh (sample): facilities, units and sites. */
import { level, services, survey, type SampleWard } from './kit';

export const AN_KHANH: SampleWard = {
	code: 'an-khanh',
	name: 'Phường An Khánh',
	adminCode: '27094',
	centre: [10.7868, 106.7276],
	extent: [10.765, 106.705, 10.805, 106.745],
	populationCentre: [10.7891, 106.7302],
	population: 63000,
	areaKm2: 15.33,
	facilities: [
		{
			code: 'TS-01',
			name: 'Trụ sở UBND phường An Khánh',
			kind: 'headquarters',
			originWard: 'An Khánh',
			address: '12 Trần Não, phường An Khánh',
			lat: 10.79265,
			lng: 106.73112,
			landAreaM2: 980,
			legalStatus: 'certificate',
			yearBuilt: 2006,
			buildings: [
				{
					code: 'A',
					name: 'Nhà làm việc',
					levels: 3,
					yearBuilt: 2006,
					structure: 'Khung bê tông cốt thép',
					rooms: [
						...level(1, [
							['one-stop', 'Bộ phận một cửa', 70, 'TTPVHCC', 6],
							['office', 'Phòng 1.02', 24, 'VP', 3]
						]),
						...services(1, 24),
						...level(2, [
							['office', 'Phòng 2.01', 30, 'VP', 3],
							['office', 'Phòng 2.02', 30, 'KT', 4]
						]),
						...services(2, 20)
					],
					survey: survey('B', [3, 3, 3, 3, 3, 3, 2], '2025-10-02', 'Cần sửa chữa chống thấm.')
				}
			]
		},
		{
			code: 'CS-TT-UB',
			name: 'Nguyên trụ sở UBND phường Thủ Thiêm',
			kind: 'committee-office',
			originWard: 'Thủ Thiêm',
			address: '5 Lương Định Của, phường An Khánh',
			lat: 10.78402,
			lng: 106.72415,
			landAreaM2: 760,
			legalStatus: 'allocated',
			yearBuilt: 2003,
			buildings: [
				{
					code: 'A',
					name: 'Nhà làm việc 2 tầng',
					levels: 2,
					yearBuilt: 2003,
					structure: 'Tường gạch chịu lực',
					rooms: [
						...level(1, [
							['office', 'Phòng 1.01', 26, 'VHXH', 3],
							['office', 'Phòng 1.02', 22]
						]),
						...services(1, 14),
						...level(2, [['meeting', 'Phòng họp', 36]]),
						...services(2, 12)
					],
					survey: survey('B', [3, 2, 3, 3, 3, 2, 2], '2025-10-03', 'Mái cũ.')
				}
			]
		}
	],
	units: [
		{
			code: 'VP',
			name: 'Văn phòng HĐND và UBND',
			kind: 'committee',
			publicFacing: false,
			positions: [
				{
					title: 'Chủ tịch UBND',
					titleKey: 'chair-deputy',
					field: null,
					approved: 1,
					filled: 1,
					planned: 1
				},
				{
					title: 'Chuyên viên',
					titleKey: 'specialist',
					field: 'general',
					approved: 6,
					filled: 5,
					planned: 6
				}
			]
		},
		{
			code: 'KT',
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
					planned: 1
				},
				{
					title: 'Chuyên viên đất đai',
					titleKey: 'specialist',
					field: 'land',
					approved: 4,
					filled: 2,
					planned: 4
				}
			]
		},
		{
			code: 'VHXH',
			name: 'Phòng Văn hóa - Xã hội',
			kind: 'committee',
			publicFacing: false,
			positions: [
				{
					title: 'Chuyên viên',
					titleKey: 'specialist',
					field: 'social',
					approved: 4,
					filled: 3,
					planned: 4
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
					title: 'Chuyên viên tiếp nhận hồ sơ',
					titleKey: 'specialist',
					field: 'legal',
					approved: 6,
					filled: 6,
					planned: 6
				}
			]
		}
	],
	sites: [
		{
			code: 'P1',
			name: 'Cải tạo trụ sở hiện hữu (12 Trần Não)',
			lat: 10.79265,
			lng: 106.73112,
			plotM: [18, 27],
			landAreaM2: 1950,
			legalStatus: 'mixed',
			currentUse: 'Trụ sở UBND phường',
			householdsToRelocate: 4,
			landCostVnd: 0,
			clearanceCostVnd: 36_000_000_000,
			floodRisk: 2,
			planFit: 3,
			roadAccess: 5,
			isCurrentHeadquarters: true,
			notes: 'Cải tạo tại chỗ.'
		},
		{
			code: 'P2',
			name: 'Khu đất công gần ga Thảo Điền',
			lat: 10.79912,
			lng: 106.73502,
			plotM: [30, 30],
			landAreaM2: 3600,
			legalStatus: 'state-ready',
			currentUse: 'Đất trống',
			householdsToRelocate: 0,
			landCostVnd: 0,
			clearanceCostVnd: 1_500_000_000,
			floodRisk: 2,
			planFit: 5,
			roadAccess: 4,
			notes: 'Trong bán kính TOD ga Thảo Điền.'
		}
	]
};
