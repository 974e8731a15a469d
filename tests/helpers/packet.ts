/** A small hand-made packet input for the packet and export specs (test code, not in $lib). */
import type { DossierInputs } from '$lib/packet/dossier-types';
import type { PacketDraft } from '$lib/packet/types';
import { buildSnapshot, defaultDraft, type PacketInput } from '$lib/packet/model';
import { amountInWords } from '$lib/packet/words';

/**
 * A dossier for the fixture ward, hand-computed: GFA 1,700 m², 5 storeys, rate 9,800,000 đồng/m²
 * → construction 16,660,000,000; land and clearance 6,000,000,000; contingency 10 % of
 * 22,660,000,000 = 2,266,000,000; total 24,926,000,000 đồng.
 */
export function sampleDossier(): DossierInputs {
	const rate = {
		id: 1,
		key: 'office-le-5',
		version: 1,
		storeysFrom: 1,
		storeysTo: 5,
		vndPerM2: 9_800_000,
		source: 'Bộ Xây dựng, Quyết định công bố suất vốn đầu tư xây dựng công trình năm 2024',
		year: 2024,
		verify: true,
		note: ''
	};
	return {
		format: 'truso-dossier/1',
		ward: { id: 1, code: 'w', name: 'Phường Thử', city: 'Thành phố Hồ Chí Minh', isSample: true },
		proposalId: null,
		asOf: '2026-12-05',
		legalBases: [
			{
				id: 1,
				key: 'luat-dau-tu-cong-2024',
				version: 1,
				kind: 'law',
				number: '58/2024/QH15',
				issuedOn: '2024-11-29',
				issuer: 'Quốc hội',
				title: 'Luật Đầu tư công',
				citation: 'Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024',
				inForceFrom: '2025-01-01',
				inForceTo: null,
				verify: true,
				verifyNote: '',
				sortOrder: 1
			},
			{
				id: 2,
				key: 'nd-85-2025',
				version: 1,
				kind: 'decree',
				number: '85/2025/NĐ-CP',
				issuedOn: '2025-04-08',
				issuer: 'Chính phủ',
				title: 'Nghị định quy định chi tiết một số điều của Luật Đầu tư công',
				citation:
					'Nghị định số 85/2025/NĐ-CP ngày 08 tháng 4 năm 2025 quy định chi tiết một số điều của Luật Đầu tư công',
				inForceFrom: '2025-04-08',
				inForceTo: null,
				verify: true,
				verifyNote: '',
				sortOrder: 1
			}
		],
		site: {
			code: 'P2',
			name: 'Khu đất 2',
			address: '12 đường Số 3, phường Thử',
			landAreaM2: 3000,
			rank: 1,
			topRanked: { code: 'P2', name: 'Khu đất 2' },
			isTopRanked: true,
			justification: '',
			landCostVnd: 5_000_000_000,
			clearanceCostVnd: 1_000_000_000
		},
		scale: { grossFloorAreaM2: 1700, storeys: 5 },
		investmentForm: 'new-build',
		investmentFormLabelVi: 'Xây dựng mới',
		investmentFormLabelEn: 'New build',
		fundingSource: 'Ngân sách Thành phố (vốn đầu tư công trung hạn 2026 - 2030)',
		investor: 'Ủy ban nhân dân phường Thử',
		schedule: { startYear: 2027, endYear: 2029 },
		rate,
		estimate: {
			gfaM2: 1700,
			storeys: 5,
			rateVndPerM2: 9_800_000,
			rate,
			constructionVnd: 16_660_000_000,
			landAndClearanceVnd: 6_000_000_000,
			contingencyShare: 0.1,
			contingencyVnd: 2_266_000_000,
			totalVnd: 24_926_000_000,
			roundingVnd: 1_000_000
		},
		totalInWordsVi: amountInWords(24_926_000_000),
		yearlySplit: [
			{ year: 2027, amountVnd: 8_000_000_000 },
			{ year: 2028, amountVnd: 10_000_000_000 },
			{ year: 2029, amountVnd: 6_926_000_000 }
		],
		yearlySplitTotalVnd: 24_926_000_000,
		operatingCostVndPerYear: 450_000_000,
		facilities: [
			{
				code: 'TS-01',
				name: 'Trụ sở',
				address: '1 đường Số 1, phường Thử',
				landAreaM2: 1000,
				originWard: null,
				fate: 'public-use',
				fateLabelVi: 'Bàn giao cho mục đích công cộng khác',
				fateLabelEn: 'Hand over for another public use',
				note: 'Trung tâm Văn hóa - Thể thao phường'
			}
		],
		staffingSupport: [
			{
				field: 'land',
				persons: 2,
				durationMonths: 12,
				fieldLabelVi: 'Đất đai',
				fieldLabelEn: 'Land'
			}
		],
		problems: [],
		complete: true
	};
}

/** The fixture's packet with the dossier and the documents' data: what the city receives. */
export function samplePacket(date = '2026-12-05') {
	const d: PacketDraft = defaultDraft('Phường Thử', date);
	d.submission.number = '12/TTr-UBND';
	d.submission.signerName = 'Nguyễn Văn An';
	const input = sampleInput();
	input.dossier = sampleDossier();
	input.documents = {
		justification: [
			{
				met: true,
				text: {
					vi: 'Diện tích làm việc đang sử dụng bằng 60 % định mức (ngưỡng 70 %).',
					en: 'Working area in use is 60 % of the norm (threshold 70 %).'
				}
			}
		],
		arrangement: [
			{ unit: 'Văn phòng', headcount: 20, seated: 20, areaM2: 200, normM2: 300 },
			{ unit: 'Kinh tế', headcount: 20, seated: 18, areaM2: 160, normM2: 300 }
		],
		vacancies: [
			{
				field: { vi: 'Đất đai', en: 'Land' },
				position: { vi: 'Chuyên viên quản lý đất đai', en: 'Land officer' },
				unit: 'Phòng Kinh tế',
				approved: 4,
				filled: 1,
				vacant: 3
			}
		]
	};
	return buildSnapshot(input, d);
}

export function sampleInput(): PacketInput {
	return {
		ward: {
			id: 1,
			code: 'w',
			name: 'Phường Thử',
			city: 'Thành phố Hồ Chí Minh',
			isSample: true,
			extent: [10.77, 106.74, 10.81, 106.79]
		},
		assembledAt: '2026-11-29T00:00:00.000Z',
		needs: {
			normSet: {
				id: 3,
				key: 'nd-155-2025',
				version: 1,
				name: 'NĐ 155/2025',
				legalBasis: 'Nghị định 155/2025/NĐ-CP'
			},
			commonAreaRatio: 0.7,
			headcount: 40,
			workAreaM2: 600,
			commonAreaM2: 420,
			specialisedAreaM2: 230,
			totalUsableM2: 1250,
			occupiedWorkAreaM2: 360,
			ratioToNorm: 0.6,
			threshold: 0.7,
			justified: true,
			reasons: ['ratio'],
			worstDangerLevel: 'C',
			siteCount: 3,
			units: [
				{
					code: 'VP',
					name: 'Văn phòng',
					headcount: 20,
					workAreaM2: 300,
					occupiedAreaM2: 200,
					gapM2: -100
				},
				{
					code: 'KT',
					name: 'Kinh tế',
					headcount: 20,
					workAreaM2: 300,
					occupiedAreaM2: 160,
					gapM2: -140
				}
			]
		},
		inventory: {
			facilities: [
				{
					id: 10,
					code: 'TS-01',
					name: 'Trụ sở',
					kind: 'headquarters',
					originWard: null,
					lat: 10.79,
					lng: 106.76,
					landAreaM2: 1000,
					buildings: [
						{
							id: 20,
							code: 'A',
							name: 'Nhà A',
							levels: 3,
							yearBuilt: 2000,
							roomCount: 12,
							roomsAreaM2: 400,
							dangerLevel: 'B',
							surveyedOn: '2025-08-01'
						},
						{
							id: 21,
							code: 'B',
							name: 'Nhà B',
							levels: 1,
							yearBuilt: 1990,
							roomCount: 4,
							roomsAreaM2: 100,
							dangerLevel: 'C',
							surveyedOn: '2025-08-01'
						}
					]
				}
			],
			photos: [{ id: 5, path: 'w/a.jpg', contentType: 'image/jpeg', caption: 'Nhà B' }]
		},
		scenario: {
			id: 7,
			name: 'PA1',
			appliedAt: '2026-10-01T00:00:00.000Z',
			headcount: 40,
			placed: 38,
			unplaced: 2,
			moved: 12,
			areaPerPersonM2: 9.5,
			normM2PerPerson: 15
		},
		scoring: {
			runId: 4,
			name: 'Run 1',
			createdAt: '2026-11-01T00:00:00.000Z',
			method: 'weighted-sum',
			criteria: [
				{
					key: 'land-area',
					labelVi: 'Diện tích',
					labelEn: 'Area',
					type: 'benefit',
					unit: 'm²',
					weight: 0.6,
					basis: null
				},
				{
					key: 'land-cost',
					labelVi: 'Chi phí',
					labelEn: 'Cost',
					type: 'cost',
					unit: 'VND',
					weight: 0.4,
					basis: null
				}
			],
			weights: { source: 'ahp', setBy: ['Chủ tịch'], cr: 0.05 },
			results: {
				'weighted-sum': [
					{ code: 'P2', score: 0.8, rank: 1 },
					{ code: 'P1', score: 0.5, rank: 2 }
				]
			},
			firstPlaceAgreement: true,
			sensitivity: [
				{
					criterion: 'land-area',
					baseWeight: 0.6,
					switches: [{ weight: 0.2, from: 'P2', to: 'P1' }]
				}
			],
			smaa: {
				eligible: ['P2', 'P1'],
				rankAcceptability: [
					[0.9, 0.1],
					[0.1, 0.9]
				]
			},
			contributions: [
				{ code: 'P2', values: { 'land-area': 0.5, 'land-cost': 0.3 } },
				{ code: 'P1', values: { 'land-area': 0.3, 'land-cost': 0.2 } }
			],
			screenedOut: []
		},
		sites: [
			{
				id: 31,
				code: 'P1',
				name: 'Khu đất 1',
				lat: 10.78,
				lng: 106.75,
				polygon: null,
				landAreaM2: 2000,
				legalStatus: 'state-ready',
				householdsToRelocate: 0,
				landCostVnd: 0,
				clearanceCostVnd: 0
			},
			{
				id: 32,
				code: 'P2',
				name: 'Khu đất 2',
				lat: 10.8,
				lng: 106.77,
				polygon: null,
				landAreaM2: 3000,
				legalStatus: 'to-acquire',
				householdsToRelocate: 4,
				landCostVnd: 5_000_000_000,
				clearanceCostVnd: 1_000_000_000
			}
		],
		stations: [
			{ code: 'rach-chiec', name: 'Rạch Chiếc', lat: 10.80854, lng: 106.75529, future: false }
		],
		settings: {
			unitCost: {
				id: 1,
				key: 'investment.unitCostVndPerM2',
				value: 11_000_000,
				source: 'Bộ Xây dựng',
				year: 2026
			},
			contingency: {
				id: 2,
				key: 'investment.contingencyRatio',
				value: 0.1,
				source: 'Giả định',
				year: 2026
			},
			grossToUsable: {
				id: 3,
				key: 'investment.grossToUsableRatio',
				value: 1.35,
				source: 'Giả định',
				year: 2026
			}
		},
		staffing: {
			rows: [
				{ field: 'land', approved: 4, filled: 1, vacant: 3, planned: 1 },
				{ field: 'finance', approved: 2, filled: 2, vacant: 0, planned: 0 }
			],
			totals: { approved: 6, filled: 3, vacant: 3, planned: 1 }
		}
	};
}
