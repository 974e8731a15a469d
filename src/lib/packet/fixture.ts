/** A small hand-made packet input for tests. */
import type { PacketInput } from './model';

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
							conditionIndex: 60,
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
							conditionIndex: 30,
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
