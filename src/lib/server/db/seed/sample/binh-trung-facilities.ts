/** Phường Bình Trưng (sample): its facilities, buildings, rooms and surveys. */
import { level, services, survey, type SampleFacility } from './kit';

export const BINH_TRUNG_FACILITIES: SampleFacility[] = [
	{
		code: 'TS-01',
		name: 'Trụ sở UBND phường Bình Trưng (nguyên UBND phường Bình Trưng Tây)',
		kind: 'headquarters',
		originWard: 'Bình Trưng Tây',
		address: '146 Nguyễn Duy Trinh, phường Bình Trưng',
		lat: 10.78712,
		lng: 106.75742,
		landAreaM2: 1450,
		legalStatus: 'certificate',
		yearBuilt: 2004,
		buildings: [
			{
				code: 'A',
				name: 'Nhà làm việc chính',
				levels: 3,
				yearBuilt: 2004,
				structure: 'Khung bê tông cốt thép',
				rooms: [
					...level(1, [
						['one-stop', 'Bộ phận một cửa', 96, 'TTPVHCC', 8],
						['reception', 'Phòng tiếp công dân', 24, 'VP-HDND-UBND', 1],
						['office', 'Phòng Chủ tịch UBND', 24, 'TT-LD', 1],
						['office', 'Phòng làm việc 1.04', 30, 'VP-HDND-UBND', 2]
					]),
					...services(1, 40),
					...level(2, [
						['office', 'Phòng Phó Chủ tịch UBND 1', 18, 'TT-LD', 1],
						['office', 'Phòng Phó Chủ tịch UBND 2', 18, 'TT-LD', 1],
						['office', 'Phòng Kinh tế - Hạ tầng 2.03', 36, 'P-KTHTDT', 4],
						['office', 'Phòng Kinh tế - Hạ tầng 2.04', 36, 'P-KTHTDT', 4],
						['meeting', 'Phòng họp nhỏ', 40]
					]),
					...services(2, 32),
					...level(3, [
						['hall', 'Hội trường', 120],
						['archive', 'Phòng lưu trữ', 30, 'VP-HDND-UBND', 0],
						['it', 'Phòng máy chủ', 12]
					]),
					...services(3, 30)
				],
				survey: survey(
					'B',
					[3, 3, 3, 2, 3, 2, 2],
					'2025-09-12',
					'Thấm dột mái tầng 3; tủ điện quá tải.'
				)
			},
			{
				code: 'B',
				name: 'Khối nhà phụ',
				levels: 2,
				yearBuilt: 1998,
				structure: 'Tường gạch chịu lực, sàn bê tông',
				rooms: [
					...level(1, [
						['office', 'Phòng Văn hóa - Xã hội 1.01', 28, 'P-VHXH', 3],
						['office', 'Phòng Văn hóa - Xã hội 1.02', 28, 'P-VHXH', 3],
						['store', 'Kho hồ sơ', 16]
					]),
					...services(1, 20),
					...level(2, [
						['office', 'Phòng làm việc 2.01', 26, 'VP-HDND-UBND', 3],
						['office', 'Phòng làm việc 2.02', 26, 'P-KTHTDT', 3],
						['office', 'Phòng làm việc 2.03', 20]
					]),
					...services(2, 18)
				],
				survey: survey(
					'B',
					[3, 2, 2, 3, 3, 2, 1],
					'2025-09-12',
					'Nứt tường ngăn tầng 2; không có lối cho xe lăn.'
				)
			}
		]
	},
	{
		code: 'CS-BTD-UB',
		name: 'Nguyên trụ sở UBND phường Bình Trưng Đông',
		kind: 'committee-office',
		originWard: 'Bình Trưng Đông',
		address: '502 Nguyễn Duy Trinh, phường Bình Trưng',
		lat: 10.78935,
		lng: 106.77105,
		landAreaM2: 1180,
		legalStatus: 'certificate',
		yearBuilt: 2008,
		buildings: [
			{
				code: 'A',
				name: 'Nhà làm việc 3 tầng',
				levels: 3,
				yearBuilt: 2008,
				structure: 'Khung bê tông cốt thép',
				rooms: [
					...level(1, [
						['one-stop', 'Điểm tiếp nhận hồ sơ số 2', 60, 'TTPVHCC', 5],
						['reception', 'Phòng chờ', 30],
						['office', 'Phòng 1.03', 24, 'TTPVHCC', 2]
					]),
					...services(1, 30),
					...level(2, [
						['office', 'Phòng 2.01', 30, 'P-KTHTDT', 3],
						['office', 'Phòng 2.02', 30, 'P-KTHTDT', 3],
						['office', 'Phòng 2.03', 22, 'P-VHXH', 2],
						['meeting', 'Phòng họp tầng 2', 45]
					]),
					...services(2, 28),
					...level(3, [
						['office', 'Phòng 3.01', 30, 'P-VHXH', 3],
						['office', 'Phòng 3.02', 30],
						['archive', 'Kho lưu trữ tầng 3', 36]
					]),
					...services(3, 28)
				],
				survey: survey('A', [4, 4, 4, 4, 3, 3, 3], '2025-09-15', 'Kết cấu tốt; cần sơn lại.')
			},
			{
				code: 'B',
				name: 'Nhà cấp 4 phía sau',
				levels: 1,
				yearBuilt: 1995,
				structure: 'Tường gạch, mái tôn',
				rooms: [
					...level(1, [
						['office', 'Phòng sau 1', 20],
						['office', 'Phòng sau 2', 20],
						['store', 'Kho vật tư', 25]
					]),
					...services(1, 12)
				],
				survey: survey(
					'C',
					[2, 1, 2, 2, 2, 1, 2],
					'2025-09-15',
					'Xà gồ mái mục, võng; cấm sử dụng phòng sau 2.'
				)
			}
		]
	},
	{
		code: 'CS-BTD-DU',
		name: 'Nguyên trụ sở Đảng ủy phường Bình Trưng Đông',
		kind: 'party-office',
		originWard: 'Bình Trưng Đông',
		address: '15 đường số 5, phường Bình Trưng',
		lat: 10.79102,
		lng: 106.76881,
		landAreaM2: 620,
		legalStatus: 'allocated',
		yearBuilt: 2010,
		buildings: [
			{
				code: 'A',
				name: 'Nhà làm việc Đảng ủy',
				levels: 2,
				yearBuilt: 2010,
				structure: 'Khung bê tông cốt thép',
				rooms: [
					...level(1, [
						['office', 'Văn phòng Đảng ủy 1', 32, 'VP-DU', 4],
						['office', 'Văn phòng Đảng ủy 2', 24, 'VP-DU', 2],
						['reception', 'Phòng tiếp khách', 20]
					]),
					...services(1, 18),
					...level(2, [
						['office', 'Phòng Bí thư Đảng ủy', 30, 'TT-LD', 1],
						['office', 'Phòng Phó Bí thư', 20, 'TT-LD', 1],
						['office', 'Ban Xây dựng Đảng', 34, 'BXDD', 4],
						['meeting', 'Phòng họp Đảng ủy', 40]
					]),
					...services(2, 16)
				],
				survey: survey('A', [4, 4, 3, 4, 4, 3, 2], '2025-09-16', 'Tình trạng tốt.')
			}
		]
	},
	{
		code: 'CS-BTT-DU',
		name: 'Nguyên trụ sở Đảng ủy phường Bình Trưng Tây',
		kind: 'party-office',
		originWard: 'Bình Trưng Tây',
		address: '88 Nguyễn Tuyển, phường Bình Trưng',
		lat: 10.78451,
		lng: 106.75902,
		landAreaM2: 540,
		legalStatus: 'allocated',
		yearBuilt: 1999,
		buildings: [
			{
				code: 'A',
				name: 'Nhà làm việc 2 tầng',
				levels: 2,
				yearBuilt: 1999,
				structure: 'Tường gạch chịu lực',
				rooms: [
					...level(1, [
						['office', 'Ủy ban Kiểm tra 1', 28, 'UBKT', 3],
						['office', 'Ủy ban Kiểm tra 2', 22, 'UBKT', 2],
						['office', 'Phòng 1.03', 18]
					]),
					...services(1, 16),
					...level(2, [
						['office', 'Phòng 2.01', 26, 'BXDD', 2],
						['office', 'Phòng 2.02', 26],
						['meeting', 'Phòng họp', 36]
					]),
					...services(2, 14)
				],
				survey: survey(
					'C',
					[2, 2, 2, 1, 2, 1, 1],
					'2025-09-18',
					'Dầm sàn tầng 2 nứt, lộ thép; hệ thống điện cũ.'
				)
			}
		]
	},
	{
		code: 'CS-AP-UB',
		name: 'Nguyên trụ sở UBND phường An Phú',
		kind: 'committee-office',
		originWard: 'An Phú',
		address: '1 đường Lương Định Của, phường Bình Trưng',
		lat: 10.79688,
		lng: 106.74915,
		landAreaM2: 1320,
		legalStatus: 'certificate',
		yearBuilt: 2012,
		buildings: [
			{
				code: 'A',
				name: 'Nhà làm việc chính',
				levels: 3,
				yearBuilt: 2012,
				structure: 'Khung bê tông cốt thép',
				rooms: [
					...level(1, [
						['one-stop', 'Điểm tiếp nhận hồ sơ An Phú', 54, 'TTPVHCC', 4],
						['office', 'Phòng 1.02', 24, 'MTTQ', 3],
						['office', 'Phòng 1.03', 24, 'MTTQ', 2]
					]),
					...services(1, 28),
					...level(2, [
						['office', 'Phòng 2.01', 32, 'HDND', 2],
						['office', 'Phòng 2.02', 28, 'HDND', 2],
						['office', 'Phòng 2.03', 28, 'MTTQ', 4],
						['meeting', 'Phòng họp 2.04', 48]
					]),
					...services(2, 26),
					...level(3, [
						['office', 'Phòng 3.01', 30],
						['office', 'Phòng 3.02', 30],
						['hall', 'Hội trường nhỏ', 90]
					]),
					...services(3, 26)
				],
				survey: survey('A', [4, 3, 4, 4, 4, 4, 3], '2025-09-20', 'Tốt; thang máy chưa có.')
			},
			{
				code: 'B',
				name: 'Nhà bảo vệ và kho',
				levels: 1,
				yearBuilt: 2012,
				structure: 'Tường gạch, mái bê tông',
				rooms: [
					...level(1, [
						['office', 'Phòng bảo vệ', 12],
						['store', 'Kho 1', 20],
						['store', 'Kho 2', 20],
						['office', 'Phòng trực', 16]
					]),
					...services(1, 8)
				],
				survey: survey('B', [3, 3, 3, 3, 3, 2, 2], '2025-09-20', 'Ẩm mốc tường kho.')
			}
		]
	},
	{
		code: 'NVH-01',
		name: 'Nhà văn hóa khu phố 3 (nguyên Nhà văn hóa phường Bình Trưng Tây)',
		kind: 'cultural-house',
		originWard: 'Bình Trưng Tây',
		address: '22 đường số 35, phường Bình Trưng',
		lat: 10.79318,
		lng: 106.76302,
		landAreaM2: 900,
		legalStatus: 'allocated',
		yearBuilt: 2001,
		buildings: [
			{
				code: 'A',
				name: 'Nhà văn hóa',
				levels: 2,
				yearBuilt: 2001,
				structure: 'Khung bê tông cốt thép, mái tôn',
				rooms: [
					...level(1, [
						['hall', 'Hội trường nhà văn hóa', 180],
						['office', 'Phòng sinh hoạt 1', 30],
						['office', 'Phòng sinh hoạt 2', 30]
					]),
					...services(1, 24),
					...level(2, [
						['office', 'Phòng thư viện', 40],
						['office', 'Phòng 2.02', 26],
						['office', 'Phòng 2.03', 26]
					]),
					...services(2, 20)
				],
				survey: survey('B', [3, 2, 3, 3, 3, 3, 2], '2025-09-22', 'Mái tôn rỉ sét; cần chống thấm.')
			}
		]
	},
	{
		code: 'NP-01',
		name: 'Nhà phụ khu phố 5 (nguyên trụ sở Ban điều hành khu phố)',
		kind: 'annex',
		originWard: 'Bình Trưng Đông',
		address: '7 đường số 42, phường Bình Trưng',
		lat: 10.78203,
		lng: 106.76588,
		landAreaM2: 310,
		legalStatus: 'pending',
		yearBuilt: 1993,
		buildings: [
			{
				code: 'A',
				name: 'Nhà phụ',
				levels: 2,
				yearBuilt: 1993,
				structure: 'Tường gạch chịu lực, sàn gỗ',
				rooms: [
					...level(1, [
						['office', 'Phòng 1', 18],
						['office', 'Phòng 2', 18],
						['office', 'Phòng 3', 16]
					]),
					...services(1, 10),
					...level(2, [
						['office', 'Phòng 4', 18],
						['office', 'Phòng 5', 18]
					]),
					...services(2, 10)
				],
				survey: survey(
					'D',
					[1, 1, 2, 1, 1, 1, 1],
					'2025-09-25',
					'Sàn gỗ mục, tường nghiêng; nguy hiểm toàn bộ, ngừng sử dụng.'
				)
			}
		]
	}
];
