/**
 * Illustrative sample data for phường Bình Trưng and phường An Khánh (Ho Chi Minh City).
 * Names follow the 2025 reform; coordinates fall inside the ward's working extent
 * (an estimate, not the legal boundary); areas, counts and costs are invented but plausible.
 * Every page that shows this data says "Dữ liệu mẫu".
 */
import type { DossierFields } from '../../../packet/dossier-types';
import anKhanh from './sample/an-khanh.json';
import binhTrung from './sample/binh-trung.json';
import { sampleWard, type SampleWard } from './sample/kit';

export type {
	SampleBuilding,
	SampleFacility,
	SampleRoomPlan,
	SampleSite,
	SampleUnit,
	SampleWard
} from './sample/kit';

export const BINH_TRUNG: SampleWard = sampleWard(binhTrung, 'binh-trung.json');
export const AN_KHANH: SampleWard = sampleWard(anKhanh, 'an-khanh.json');

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
