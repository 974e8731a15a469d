/**
 * Generated sentences of the report, from the snapshot's numbers and dossier (before the
 * ward's own narrative). No internal keys or codes: names, numbers with units, dates in words.
 */
import { formatTraced, type PacketLocale } from './labels';
import type { PacketSnapshot, SectionKey } from './types';

const money = (v: number | null | undefined, locale: PacketLocale) =>
	formatTraced(v ?? null, 'đồng', locale);

/** "phường Bình Trưng" mid-sentence (the ward's name begins with a capital in the register). */
export function wardMid(name: string): string {
	return name.replace(/^Phường\b/, 'phường');
}

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
	const d = s.dossier;
	const docs = s.documents;
	const ward = vi ? wardMid(s.ward.name) : s.ward.name;
	switch (key) {
		case 'necessity': {
			const ratio = sec.numbers.ratioToNorm?.value ?? 0;
			const below = ratio < (sec.numbers.threshold?.value ?? 0.7);
			const out = vi
				? [
						`Theo định mức hiện hành, ${v('headcount')} biên chế được giao được bố trí ${v('entitledWorkAreaM2')} diện tích làm việc; diện tích làm việc đang sử dụng là ${v('occupiedWorkAreaM2')}, đạt ${v('ratioToNorm')} định mức (${below ? 'dưới' : 'không dưới'} ngưỡng ${v('threshold')}), còn thiếu ${v('shortfallM2')}.`,
						`Cơ quan đang làm việc phân tán tại ${v('facilityCount')}; ${v('buildingsCorD')} được đánh giá cấp nguy hiểm C hoặc D theo TCVN 9381:2012 (bộ phận chịu lực kém nhất quyết định). Số biên chế chưa có người đảm nhiệm: ${v('vacantPosts')}.`
					]
				: [
						`Under the current norms, ${v('headcount')} approved staff are entitled to ${v('entitledWorkAreaM2')} of working area; the working area occupied is ${v('occupiedWorkAreaM2')}, ${v('ratioToNorm')} of the norm (${below ? 'below' : 'not below'} the ${v('threshold')} threshold), a shortfall of ${v('shortfallM2')}.`,
						`The offices are spread over ${v('facilityCount')}; ${v('buildingsCorD')} are at danger level C or D under TCVN 9381:2012 (the worst load-bearing part governs). Vacant posts: ${v('vacantPosts')}.`
					];
			const crit = docs?.justification ?? [];
			if (crit.length) {
				const met = crit.filter((c) => c.met);
				out.push(
					vi
						? `Đối chiếu các tiêu chí xem xét đầu tư trụ sở mới, phường đáp ứng ${met.length} trên ${crit.length} tiêu chí (chỉ cần đáp ứng một tiêu chí):`
						: `Against the criteria for a new headquarters, the ward meets ${met.length} of ${crit.length} (one suffices):`
				);
				for (const c of crit) {
					out.push(
						`- ${c.text[locale]} ${vi ? (c.met ? '(đáp ứng)' : '(không đáp ứng)') : c.met ? '(met)' : '(not met)'}`
					);
				}
			}
			out.push(
				vi
					? `Việc đầu tư phù hợp với chủ trương sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp; vị trí đề xuất cần được Sở Quy hoạch - Kiến trúc xác nhận sự phù hợp với quy hoạch được duyệt.`
					: `The investment follows the reorganisation of administrative units and two-tier local government; the planning fit of the proposed site is to be confirmed by the Department of Planning and Architecture.`
			);
			return out;
		}
		case 'facilities':
			return vi
				? [
						`Phường đang quản lý ${v('facilities')} với ${v('buildings')}, ${v('rooms')}, tổng diện tích phòng ${v('roomsAreaM2')}${has('photos') && sec.numbers.photos.value ? `; ${v('photos')} khảo sát kèm theo hồ sơ` : ''}.`
					]
				: [
						`The ward manages ${v('facilities')} with ${v('buildings')}, ${v('rooms')}, total room area ${v('roomsAreaM2')}${sec.numbers.photos?.value ? `; ${v('photos')} attached` : ''}.`
					];
		case 'objectives':
			return vi
				? [
						`Đầu tư xây dựng trụ sở làm việc tập trung của ${ward} bảo đảm diện tích làm việc theo định mức cho cán bộ, công chức; phục vụ người dân và doanh nghiệp tại một đầu mối; chấm dứt tình trạng làm việc phân tán và trong các công trình xuống cấp.`
					]
				: [
						`A single headquarters for ${ward}: working space to the norms for its staff, one place for citizens and businesses, an end to scattered offices and degraded buildings.`
					];
		case 'scale': {
			const sc = s.sections.find((x) => x.key === 'scale')!;
			const gfa = v('grossFloorAreaM2');
			const storeys = sc.numbers.storeys?.value;
			const site = d?.site;
			const out = vi
				? [
						`Tổng diện tích sử dụng theo định mức ${v('usableM2')}, gồm diện tích làm việc ${v('workAreaM2')}, diện tích sử dụng chung ${v('commonAreaM2')} và diện tích chuyên dùng ${v('specialisedAreaM2')}.`,
						`Tổng diện tích sàn xây dựng khoảng ${gfa}${storeys ? `, cao ${storeys} tầng` : ''}.`
					]
				: [
						`Usable area under the norms ${v('usableM2')}: working ${v('workAreaM2')}, common-use ${v('commonAreaM2')}, specialised ${v('specialisedAreaM2')}.`,
						`Gross floor area about ${gfa}${storeys ? `, ${storeys} storeys` : ''}.`
					];
			if (site) {
				out.push(
					vi
						? `Địa điểm: ${site.name}, ${site.address}${site.landAreaM2 ? `, diện tích ${formatTraced(site.landAreaM2, 'm²', 'vi')}` : ''}.`
						: `Location: ${site.name}, ${site.address}${site.landAreaM2 ? `, ${formatTraced(site.landAreaM2, 'm²', 'en')} of land` : ''}.`
				);
			}
			return out;
		}
		case 'sites': {
			if (!has('eligible')) {
				return [vi ? 'Chưa có kết quả đánh giá địa điểm.' : 'No site scoring yet.'];
			}
			const cr = has('cr')
				? vi
					? ` Tỷ số nhất quán của ma trận so sánh cặp là ${v('cr')} (yêu cầu dưới 0,1).`
					: ` Consistency ratio of the pairwise comparisons: ${v('cr')} (under 0.1 required).`
				: '';
			return vi
				? [
						`Đã xem xét ${v('candidates')}, trong đó ${v('eligible')} đủ điều kiện được chấm điểm đa tiêu chí bằng ba phương pháp (tổng có trọng số, TOPSIS, PROMETHEE II), có phân tích độ nhạy của trọng số và phân tích SMAA.${cr}`
					]
				: [
						`${v('candidates')} were considered, ${v('eligible')} scored by three multi-criteria methods (weighted sum, TOPSIS, PROMETHEE II) with a sensitivity analysis of the weights and SMAA.${cr}`
					];
		}
		case 'recommended': {
			if (!has('landAreaM2') && !has('score')) {
				return [vi ? 'Chưa chọn địa điểm đề xuất.' : 'No site recommended yet.'];
			}
			const site = d?.site;
			const name = site?.name ?? s.map.sites.find((x) => x.recommended)?.name ?? '';
			const out = vi
				? [
						`Phường đề xuất địa điểm ${name}${site?.address ? `, ${site.address}` : ''}, diện tích ${v('landAreaM2')}, ${v('households')} phải di dời; điểm đánh giá ${v('score')}, xếp hạng ${v('rank')}.`
					]
				: [
						`The ward recommends ${name}${site?.address ? `, ${site.address}` : ''}: ${v('landAreaM2')} of land, ${v('households')} to relocate; score ${v('score')}, rank ${v('rank')}.`
					];
			if (site && !site.isTopRanked && site.topRanked) {
				out.push(
					vi
						? `Địa điểm đề xuất không phải địa điểm xếp thứ nhất (${site.topRanked.name}). Lý do lựa chọn: ${site.justification || 'chưa nêu'}`
						: `The recommended site is not the first-ranked one (${site.topRanked.name}). Reasons: ${site.justification || 'not given'}`
				);
			}
			return out;
		}
		case 'estimate': {
			const words = d?.totalInWordsVi;
			return vi
				? [
						`Chi phí xây dựng: ${v('grossFloorAreaM2')} nhân suất vốn đầu tư ${v('unitCostVndPerM2')}, bằng ${v('constructionVnd')}.`,
						`Chi phí bồi thường, hỗ trợ, tái định cư và giải phóng mặt bằng: ${v('landCostVnd')}.`,
						`Chi phí dự phòng ${v('contingencyRatio')}: ${v('contingencyVnd')}.`,
						`Tổng mức đầu tư sơ bộ: ${v('totalVnd')}${words ? ` (bằng chữ: ${words})` : ''}.`
					]
				: [
						`Construction: ${v('grossFloorAreaM2')} at ${v('unitCostVndPerM2')}, ${v('constructionVnd')}.`,
						`Compensation, resettlement and site clearance: ${v('landCostVnd')}.`,
						`Contingency ${v('contingencyRatio')}: ${v('contingencyVnd')}.`,
						`Preliminary total investment: ${v('totalVnd')}.`
					];
		}
		case 'funding': {
			if (!d) return [];
			const split = d.yearlySplit
				.map((y) =>
					vi
						? `năm ${y.year}: ${money(y.amountVnd, 'vi')}`
						: `${y.year}: ${money(y.amountVnd, 'en')}`
				)
				.join('; ');
			return vi
				? [
						`Nguồn vốn: ${d.fundingSource || 'chưa xác định'}.`,
						split ? `Dự kiến phân kỳ vốn: ${split}.` : 'Chưa lập kế hoạch vốn theo năm.'
					]
				: [
						`Funding source: ${d.fundingSource || 'not set'}.`,
						split ? `Yearly split: ${split}.` : 'No yearly split yet.'
					];
		}
		case 'operating':
			if (!d) return [];
			return has('perYear')
				? [
						vi
							? `Chi phí vận hành, bảo trì công trình sau khi đưa vào sử dụng dự kiến khoảng ${v('perYear')} mỗi năm, bố trí từ ngân sách chi thường xuyên của phường.`
							: `Operating and maintenance cost once in use: about ${v('perYear')} a year, from the ward’s recurrent budget.`
					]
				: [vi ? 'Chưa ước tính chi phí vận hành.' : 'Operating cost not estimated yet.'];
		case 'impact':
			return vi
				? [
						`Dự án không thuộc loại hình có nguy cơ tác động xấu đến môi trường; trong thi công áp dụng các biện pháp giảm bụi, tiếng ồn theo quy định.`,
						`Về xã hội và hiệu quả: tập trung các bộ phận vào một trụ sở giúp người dân giải quyết thủ tục tại một nơi, giảm chi phí thuê, sửa chữa các cơ sở xuống cấp, và giải phóng các cơ sở cũ cho mục đích công cộng khác.`
					]
				: [
						`The project is not of a type likely to harm the environment; dust and noise are controlled during works as required.`,
						`Social effect and efficiency: one building for every service, lower rent and repair costs for degraded buildings, and the old facilities freed for other public uses.`
					];
		case 'schedule': {
			const a = sec.numbers.startYear?.value;
			const b = sec.numbers.endYear?.value;
			const out: string[] = [];
			if (d) {
				out.push(
					vi
						? `Chủ đầu tư: ${d.investor || 'chưa xác định'}. Hình thức đầu tư: ${d.investmentFormLabelVi.toLocaleLowerCase('vi-VN') || 'chưa xác định'}.`
						: `Investor: ${d.investor || 'not set'}. Form of investment: ${d.investmentFormLabelEn.toLowerCase() || 'not set'}.`
				);
			}
			out.push(
				vi ? `Thời gian thực hiện: từ năm ${a} đến năm ${b}.` : `Implementation: ${a} to ${b}.`
			);
			return out;
		}
		case 'arrangement': {
			const out = has('headcount')
				? vi
					? [
							`Trong thời gian chờ đầu tư, phường đã áp dụng phương án bố trí trước mắt tại các cơ sở hiện có: bố trí ${v('placed')} trên ${v('headcount')}, còn ${v('unplaced')} chưa bố trí được, ${v('moved')} chuyển chỗ; diện tích bình quân ${v('areaPerPersonM2')} so với định mức ${v('normM2PerPerson')}.`
						]
					: [
							`Until the new building is in use, the ward applied a short-term arrangement in its facilities: ${v('placed')} of ${v('headcount')} placed, ${v('unplaced')} not placed, ${v('moved')} moving; ${v('areaPerPersonM2')} per person against a norm of ${v('normM2PerPerson')}.`
						]
				: arrangementFromUnits(s, vi);
			if (d?.facilities.length) {
				out.push(
					vi
						? 'Sau khi trụ sở mới đưa vào sử dụng, các cơ sở cũ được xử lý như bảng dưới (giữ lại sử dụng, bàn giao cho mục đích công cộng khác, hoặc giao lại để xử lý theo quy định).'
						: 'Once the new building is in use, the old facilities are kept, handed over for another public use or returned for handling, as the table below shows.'
				);
			}
			return out;
		}
		case 'staffing': {
			const out = vi
				? [`Biên chế được giao ${v('approved')}, hiện có ${v('filled')}, còn thiếu ${v('vacant')}.`]
				: [`Approved ${v('approved')}, filled ${v('filled')}, vacant ${v('vacant')}.`];
			const asks = d?.staffingSupport ?? [];
			if (asks.length) {
				out.push(
					vi
						? `Phường đề nghị Thành phố hỗ trợ: ${asks.map((a) => `${a.persons} người lĩnh vực ${a.fieldLabelVi.toLocaleLowerCase('vi-VN')} trong ${a.durationMonths} tháng`).join('; ')} (chi tiết tại công văn gửi Sở Nội vụ).`
						: `The ward asks the city for: ${asks.map((a) => `${a.persons} in ${a.fieldLabelEn.toLowerCase()} for ${a.durationMonths} months`).join('; ')} (see the letter to the Department of Home Affairs).`
				);
			}
			return out;
		}
		default:
			return [];
	}
}

/** The applied arrangement told from its units (when the snapshot has no scenario figures). */
function arrangementFromUnits(s: PacketSnapshot, vi: boolean): string[] {
	const rows = s.documents?.arrangement ?? [];
	if (!rows.length) {
		return [
			vi
				? 'Chưa có phương án bố trí trước mắt được áp dụng.'
				: 'No short-term arrangement applied yet.'
		];
	}
	const l = vi ? 'vi' : 'en';
	type Row = (typeof rows)[number];
	/** The sum of one column over the units, written with its unit. */
	const total = (f: (r: Row) => number, unit: string) =>
		formatTraced(
			rows.reduce((a, r) => a + f(r), 0),
			unit,
			l
		);
	const people = total((r) => r.headcount, 'người');
	const seated = total((r) => r.seated, 'người');
	const area = total((r) => r.areaM2, 'm²');
	const norm = total((r) => r.normM2, 'm²');
	return [
		vi
			? `Trong thời gian chờ đầu tư, phường đã áp dụng phương án bố trí trước mắt tại các cơ sở hiện có: ${seated} trên ${people} có chỗ làm việc, với tổng diện tích ${area} so với định mức ${norm}.`
			: `Until the new building is in use, the ward applied a short-term arrangement: ${seated} of ${people} seated, on ${area} against a norm of ${norm}.`
	];
}
