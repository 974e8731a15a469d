/** Generated sentences of the report, from the snapshot's numbers (before the narrative). */
import { formatTraced, type PacketLocale } from './labels';
import type { PacketSnapshot, SectionKey } from './types';

/** Paragraphs generated for a section in the given language. */
export function generatedParagraphs(
	s: PacketSnapshot,
	key: SectionKey,
	locale: PacketLocale
): string[] {
	const sec = s.sections.find((x) => x.key === key);
	if (!sec) return [];
	const v = (k: string) => {
		const x = sec.numbers[k];
		return x ? formatTraced(x.value, x.unit, locale) : '—';
	};
	const vi = locale === 'vi';
	const has = (k: string) => sec.numbers[k] !== undefined && sec.numbers[k].value !== null;
	switch (key) {
		case 'necessity': {
			const ratio = sec.numbers.ratioToNorm?.value ?? 0;
			const below = ratio < (sec.numbers.threshold?.value ?? 0.7);
			return vi
				? [
						`Theo định mức hiện hành, ${v('headcount')} biên chế được giao được hưởng ${v('entitledWorkAreaM2')} diện tích làm việc; diện tích làm việc đang sử dụng là ${v('occupiedWorkAreaM2')}, đạt ${v('ratioToNorm')} định mức (${below ? 'dưới' : 'không dưới'} ngưỡng ${v('threshold')}), còn thiếu ${v('shortfallM2')}.`,
						`Cơ quan đang làm việc phân tán tại ${v('facilityCount')}; ${v('buildingsCorD')} được đánh giá cấp nguy hiểm C hoặc D (TCVN 9381:2012); chỉ số tình trạng bình quân ${v('meanConditionIndex')}. Số biên chế còn thiếu: ${v('vacantPosts')}.`
					]
				: [
						`Under the current norms, ${v('headcount')} approved staff are entitled to ${v('entitledWorkAreaM2')} of working area; the working area occupied is ${v('occupiedWorkAreaM2')}, ${v('ratioToNorm')} of the norm (${below ? 'below' : 'not below'} the ${v('threshold')} threshold), a shortfall of ${v('shortfallM2')}.`,
						`The offices are spread over ${v('facilityCount')}; ${v('buildingsCorD')} are at danger level C or D (TCVN 9381:2012); mean condition index ${v('meanConditionIndex')}. Vacant posts: ${v('vacantPosts')}.`
					];
		}
		case 'facilities':
			return vi
				? [
						`Phường đang quản lý ${v('facilities')} với ${v('buildings')}, ${v('rooms')}, tổng diện tích phòng ${v('roomsAreaM2')}; ${v('photos')} kèm theo hồ sơ.`
					]
				: [
						`The ward manages ${v('facilities')} with ${v('buildings')}, ${v('rooms')}, total room area ${v('roomsAreaM2')}; ${v('photos')} attached.`
					];
		case 'arrangement':
			if (!has('headcount'))
				return [
					vi ? 'Chưa có phương án bố trí được áp dụng.' : 'No arrangement has been applied yet.'
				];
			return vi
				? [
						`Phương án bố trí trước mắt đã áp dụng: bố trí ${v('placed')} trên ${v('headcount')}, còn ${v('unplaced')} chưa bố trí được, ${v('moved')} chuyển chỗ; diện tích bình quân ${v('areaPerPersonM2')} so với định mức ${v('normM2PerPerson')}.`
					]
				: [
						`Applied short-term arrangement: ${v('placed')} of ${v('headcount')} placed, ${v('unplaced')} not placed, ${v('moved')} moving; ${v('areaPerPersonM2')} per person against a norm of ${v('normM2PerPerson')}.`
					];
		case 'sites':
			if (!has('eligible'))
				return [vi ? 'Chưa có kết quả đánh giá địa điểm.' : 'No site scoring yet.'];
			return vi
				? [
						`Đã xem xét ${v('candidates')}, trong đó ${v('eligible')} đủ điều kiện được chấm điểm đa tiêu chí (tổng trọng số, TOPSIS, PROMETHEE II, phân tích độ nhạy và SMAA). Tỷ số nhất quán CR = ${v('cr')}.`
					]
				: [
						`${v('candidates')} were considered, ${v('eligible')} scored by multi-criteria methods (weighted sum, TOPSIS, PROMETHEE II, sensitivity and SMAA). Consistency ratio CR = ${v('cr')}.`
					];
		case 'recommended':
			if (!has('landAreaM2') && !has('score'))
				return [vi ? 'Chưa chọn địa điểm đề xuất.' : 'No site recommended yet.'];
			return vi
				? [
						`Địa điểm đề xuất có diện tích ${v('landAreaM2')}, ${v('households')} phải di dời, điểm đánh giá ${v('score')} (hạng ${v('rank')}).`
					]
				: [
						`The recommended site has ${v('landAreaM2')} of land, ${v('households')} to relocate, score ${v('score')} (rank ${v('rank')}).`
					];
		case 'scale':
			return vi
				? [
						`Tổng diện tích sử dụng ${v('usableM2')} = diện tích làm việc ${v('workAreaM2')} + sử dụng chung ${v('commonAreaM2')} + chuyên dùng ${v('specialisedAreaM2')}; tổng diện tích sàn xây dựng = ${v('usableM2')} × ${v('grossToUsableRatio')} = ${v('grossFloorAreaM2')}.`
					]
				: [
						`Total usable area ${v('usableM2')} = working ${v('workAreaM2')} + common-use ${v('commonAreaM2')} + specialised ${v('specialisedAreaM2')}; gross floor area = ${v('usableM2')} × ${v('grossToUsableRatio')} = ${v('grossFloorAreaM2')}.`
					];
		case 'estimate':
			return vi
				? [
						`Chi phí xây dựng = ${v('grossFloorAreaM2')} × ${v('unitCostVndPerM2')} = ${v('constructionVnd')}.`,
						`Chi phí đất và giải phóng mặt bằng = ${v('landCostVnd')} + ${v('clearanceCostVnd')}.`,
						`Dự phòng = ${v('contingencyRatio')} × (xây dựng + đất) = ${v('contingencyVnd')}.`,
						`Tổng mức đầu tư sơ bộ: ${v('totalVnd')}.`
					]
				: [
						`Construction = ${v('grossFloorAreaM2')} × ${v('unitCostVndPerM2')} = ${v('constructionVnd')}.`,
						`Land and clearance = ${v('landCostVnd')} + ${v('clearanceCostVnd')}.`,
						`Contingency = ${v('contingencyRatio')} × (construction + land) = ${v('contingencyVnd')}.`,
						`Preliminary total investment: ${v('totalVnd')}.`
					];
		case 'schedule': {
			const a = sec.numbers.startYear?.value;
			const b = sec.numbers.endYear?.value;
			return [vi ? `Thời gian thực hiện: ${a} - ${b}.` : `Implementation: ${a} - ${b}.`];
		}
		case 'staffing':
			return vi
				? [
						`Biên chế được giao ${v('approved')}, hiện có ${v('filled')}, còn thiếu ${v('vacant')}. Phường đề nghị Thành phố hỗ trợ bổ sung cán bộ theo các lĩnh vực nêu tại bảng dưới.`
					]
				: [
						`Approved ${v('approved')}, filled ${v('filled')}, vacant ${v('vacant')}. The ward asks the city for staff in the fields listed below.`
					];
		default:
			return [];
	}
}
