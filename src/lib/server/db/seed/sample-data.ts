/**
 * Illustrative sample data for phường Bình Trưng and phường An Khánh (Ho Chi Minh City).
 * Names follow the 2025 reform; coordinates fall inside the ward's working extent
 * (an estimate, not the legal boundary); areas, counts and costs are invented but plausible.
 * Every page that shows this data says "Dữ liệu mẫu".
 */
import type { RoomType } from '../../../constants';
import type { DossierFields } from '../../../packet/dossier-types';

export interface SampleRoomPlan {
	level: number;
	type: RoomType;
	name: string;
	areaM2: number;
	unit?: string;
	occupants?: number;
}

export interface SampleBuilding {
	code: string;
	name: string;
	levels: number;
	yearBuilt: number;
	structure: string;
	rooms: SampleRoomPlan[];
	survey: {
		surveyedOn: string;
		surveyor: string;
		dangerLevel: 'A' | 'B' | 'C' | 'D';
		/** Foundation rating (1-5); with the structure rating it derives `dangerLevel`. */
		foundation: number;
		/** structure, roof, walls, electrical, water, fire safety, accessibility (1-5). */
		ratings: [number, number, number, number, number, number, number];
		notes: string;
	};
}

export interface SampleFacility {
	code: string;
	name: string;
	kind: 'headquarters' | 'party-office' | 'committee-office' | 'cultural-house' | 'annex' | 'other';
	originWard: string;
	address: string;
	lat: number;
	lng: number;
	landAreaM2: number;
	legalStatus: 'certificate' | 'allocated' | 'leased' | 'pending' | 'disputed' | 'unknown';
	yearBuilt: number;
	buildings: SampleBuilding[];
}

export interface SampleUnit {
	code: string;
	name: string;
	kind: 'party' | 'council' | 'committee' | 'service-centre' | 'front' | 'mass-org' | 'other';
	publicFacing: boolean;
	positions: {
		title: string;
		titleKey: string;
		field: string | null;
		approved: number;
		filled: number;
		planned: number;
		/** Civil-service rank (ngạch) of the post holders; absent = none. */
		rank?: 'specialist' | 'principal-specialist' | 'senior-specialist';
		/** Title keys held concurrently (kiêm nhiệm); the highest norm applies. */
		concurrent?: string[];
	}[];
}

export interface SampleSite {
	code: string;
	name: string;
	lat: number;
	lng: number;
	/** Half-sizes of a rectangular plot in metres, for a polygon; absent = point only. */
	plotM?: [number, number];
	landAreaM2: number;
	legalStatus: 'state-ready' | 'state-occupied' | 'to-acquire' | 'mixed';
	currentUse: string;
	householdsToRelocate: number;
	landCostVnd: number;
	clearanceCostVnd: number;
	floodRisk: number;
	planFit: number;
	roadAccess: number;
	isCurrentHeadquarters?: boolean;
	notes: string;
}

export interface SampleWard {
	code: string;
	name: string;
	adminCode: string;
	centre: [number, number];
	extent: [number, number, number, number];
	populationCentre: [number, number];
	population: number;
	areaKm2: number;
	facilities: SampleFacility[];
	units: SampleUnit[];
	sites: SampleSite[];
}

/** Builds a level of office rooms in a repeatable pattern. */
function level(
	levelNo: number,
	specs: [type: RoomType, name: string, areaM2: number, unit?: string, occupants?: number][]
): SampleRoomPlan[] {
	return specs.map(([type, name, areaM2, unit, occupants]) => ({
		level: levelNo,
		type,
		name,
		areaM2,
		unit,
		occupants
	}));
}

/** Toilet, corridor and store rows that every level of an old office building has. */
function services(levelNo: number, corridorM2: number): SampleRoomPlan[] {
	return level(levelNo, [
		['toilet', `WC tầng ${levelNo}`, 12],
		['corridor', `Hành lang tầng ${levelNo}`, corridorM2],
		['store', `Kho tầng ${levelNo}`, 8]
	]);
}

const survey = (
	dangerLevel: 'A' | 'B' | 'C' | 'D',
	ratings: [number, number, number, number, number, number, number],
	surveyedOn: string,
	notes: string
) => ({
	surveyedOn,
	surveyor: 'Nguyễn Văn Khảo (Văn phòng HĐND-UBND)',
	dangerLevel,
	// The foundations are rated one step better than the structure (at most 4): the structure
	// governs, as in the notes (cracked beams, rotten roof purlins, leaning walls).
	foundation: Math.min(4, ratings[0] + 1),
	ratings,
	notes
});

export const BINH_TRUNG: SampleWard = {
	code: 'binh-trung',
	name: 'Phường Bình Trưng',
	adminCode: '27097',
	centre: [10.7905, 106.7622],
	extent: [10.77, 106.74, 10.81, 106.79],
	populationCentre: [10.7872, 106.7641],
	population: 121382,
	areaKm2: 14.82,
	facilities: [
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
					survey: survey(
						'B',
						[3, 2, 3, 3, 3, 3, 2],
						'2025-09-22',
						'Mái tôn rỉ sét; cần chống thấm.'
					)
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
	],
	units: [
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
		},
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
	],
	sites: [
		{
			code: 'P1',
			name: 'Cải tạo, mở rộng trụ sở hiện hữu (146 Nguyễn Duy Trinh)',
			lat: 10.78712,
			lng: 106.75742,
			plotM: [22, 33],
			landAreaM2: 2900,
			legalStatus: 'mixed',
			currentUse: 'Trụ sở UBND phường và 6 hộ dân liền kề',
			householdsToRelocate: 6,
			landCostVnd: 0,
			clearanceCostVnd: 54_000_000_000,
			floodRisk: 3,
			planFit: 3,
			roadAccess: 4,
			isCurrentHeadquarters: true,
			notes: 'Phương án "cải tạo tại chỗ": giữ vị trí quen thuộc, phải thu hồi đất liền kề.'
		},
		{
			code: 'P2',
			name: 'Khu đất công gần ga Rạch Chiếc',
			lat: 10.80412,
			lng: 106.75402,
			plotM: [35, 40],
			landAreaM2: 5600,
			legalStatus: 'state-ready',
			currentUse: 'Đất trống do Nhà nước quản lý',
			householdsToRelocate: 0,
			landCostVnd: 0,
			clearanceCostVnd: 2_000_000_000,
			floodRisk: 2,
			planFit: 5,
			roadAccess: 4,
			notes: 'Trong khu vực TOD ga Rạch Chiếc; quy hoạch đất công trình công cộng.'
		},
		{
			code: 'P3',
			name: 'Khu đất đường Nguyễn Duy Trinh (nguyên xí nghiệp)',
			lat: 10.78991,
			lng: 106.77612,
			plotM: [30, 35],
			landAreaM2: 4200,
			legalStatus: 'state-occupied',
			currentUse: 'Nhà xưởng cũ của doanh nghiệp nhà nước',
			householdsToRelocate: 0,
			landCostVnd: 0,
			clearanceCostVnd: 18_000_000_000,
			floodRisk: 3,
			planFit: 4,
			roadAccess: 5,
			notes: 'Cần thỏa thuận di dời doanh nghiệp.'
		},
		{
			code: 'P4',
			name: 'Khu đất gần ga An Phú (Lương Định Của)',
			lat: 10.79801,
			lng: 106.74588,
			plotM: [25, 30],
			landAreaM2: 3000,
			legalStatus: 'to-acquire',
			currentUse: 'Nhà ở và kho bãi',
			householdsToRelocate: 14,
			landCostVnd: 240_000_000_000,
			clearanceCostVnd: 65_000_000_000,
			floodRisk: 2,
			planFit: 4,
			roadAccess: 4,
			notes: 'Vị trí đẹp, chi phí thu hồi cao.'
		},
		{
			code: 'P5',
			name: 'Xây mới tại nguyên trụ sở UBND Bình Trưng Đông',
			lat: 10.78935,
			lng: 106.77105,
			plotM: [17, 35],
			landAreaM2: 2380,
			legalStatus: 'state-ready',
			currentUse: 'Cơ sở cũ của phường',
			householdsToRelocate: 0,
			landCostVnd: 0,
			clearanceCostVnd: 3_000_000_000,
			floodRisk: 4,
			planFit: 4,
			roadAccess: 4,
			notes: 'Đất sạch của phường; vùng trũng, ngập khi triều cường.'
		},
		{
			code: 'P6',
			name: 'Khu đất trống đường Đồng Văn Cống',
			lat: 10.77695,
			lng: 106.76521,
			plotM: [40, 40],
			landAreaM2: 6400,
			legalStatus: 'state-ready',
			currentUse: 'Đất nông nghiệp xen kẹt do phường quản lý',
			householdsToRelocate: 2,
			landCostVnd: 0,
			clearanceCostVnd: 9_000_000_000,
			floodRisk: 5,
			planFit: 3,
			roadAccess: 3,
			notes: 'Xa trung tâm dân cư; nguy cơ ngập cao.'
		},
		{
			code: 'P7',
			name: 'Khu đất đường số 35 (cạnh Nhà văn hóa)',
			lat: 10.79402,
			lng: 106.76388,
			plotM: [24, 28],
			landAreaM2: 2700,
			legalStatus: 'mixed',
			currentUse: 'Nhà văn hóa và đất trống',
			householdsToRelocate: 3,
			landCostVnd: 45_000_000_000,
			clearanceCostVnd: 12_000_000_000,
			floodRisk: 3,
			planFit: 4,
			roadAccess: 3,
			notes: 'Gần trung tâm dân cư; diện tích hạn chế.'
		}
	]
};

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

export const SAMPLE_WARDS: SampleWard[] = [BINH_TRUNG, AN_KHANH];

/**
 * The dossier fields of Bình Trưng's sample proposal (issue 15). Hand check of the estimate
 * (sample rate for 1-5 storeys: 9 800 000 đồng/m², marked "verify"):
 *   construction 4 700 m² × 9 800 000 = 46 060 000 000
 *   land and clearance (site P2: land 0 + clearance 2 000 000 000) = 2 000 000 000
 *   contingency 10 % × 48 060 000 000 = 4 806 000 000
 *   total 52 866 000 000 đồng = 8 000 000 000 (2027) + 26 000 000 000 (2028) + 18 866 000 000 (2029)
 */
export const BINH_TRUNG_DOSSIER: DossierFields = {
	siteAddress: 'Khu đất công cạnh ga Rạch Chiếc, Xa lộ Hà Nội, phường Bình Trưng',
	grossFloorAreaM2: 4700,
	storeys: 5,
	landAndClearanceVnd: 2_000_000_000,
	contingencyShare: 0.1,
	fundingSource: 'Ngân sách Thành phố (kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030)',
	investor: 'Ủy ban nhân dân phường Bình Trưng',
	investmentForm: 'new-build',
	yearlySplit: [
		{ year: 2027, amountVnd: 8_000_000_000 },
		{ year: 2028, amountVnd: 26_000_000_000 },
		{ year: 2029, amountVnd: 18_866_000_000 }
	],
	operatingCostVndPerYear: 1_450_000_000,
	facilityFates: [
		{
			facilityCode: 'CS-AP-UB',
			fate: 'keep',
			note: 'Giữ làm điểm tiếp nhận hồ sơ của khu vực An Phú'
		},
		{
			facilityCode: 'CS-BTD-DU',
			fate: 'return',
			note: 'Bàn giao Thành phố xử lý theo quy định về sắp xếp lại, xử lý tài sản công'
		},
		{
			facilityCode: 'CS-BTD-UB',
			fate: 'return',
			note: 'Bàn giao Thành phố xử lý theo quy định về sắp xếp lại, xử lý tài sản công'
		},
		{
			facilityCode: 'CS-BTT-DU',
			fate: 'public-use',
			note: 'Bàn giao làm nhà văn hóa khu phố'
		},
		{ facilityCode: 'NP-01', fate: 'return', note: '' },
		{
			facilityCode: 'NVH-01',
			fate: 'keep',
			note: 'Tiếp tục sử dụng làm nhà văn hóa khu phố 3'
		},
		{
			facilityCode: 'TS-01',
			fate: 'public-use',
			note: 'Bàn giao cho Trung tâm Văn hóa - Thể thao phường sau khi trụ sở mới đi vào sử dụng'
		}
	],
	staffingSupport: [
		{ field: 'land', persons: 3, durationMonths: 12 },
		{ field: 'construction', persons: 2, durationMonths: 12 },
		{ field: 'accounting', persons: 1, durationMonths: 6 },
		{ field: 'it', persons: 1, durationMonths: 6 }
	],
	siteJustification: ''
};
