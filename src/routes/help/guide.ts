/**
 * The in-app guide: the ward officer's path from inventory to submission, in Vietnamese and
 * English. Screenshots are taken by the end-to-end tests (tests/e2e/screenshots.spec.ts).
 */
import type { Locale } from '$lib/i18n';

export interface GuideStep {
	id: string;
	title: string;
	body: string[];
	link?: { href: string; label: string };
	image?: { src: string; alt: string };
}

const vi: GuideStep[] = [
	{
		id: 'start',
		title: '1. Đăng nhập và chọn phường',
		body: [
			'Đăng nhập bằng tài khoản được quản trị viên cấp. Cán bộ phường chỉ thấy phường của mình; Sở Xây dựng và Sở Quy hoạch - Kiến trúc xem hồ sơ của mọi phường.',
			'Nút “English” ở góc trên chuyển giao diện sang tiếng Anh. Số và ngày hiển thị theo kiểu Việt Nam (1.234,5 m²; 29/11/2026).'
		]
	},
	{
		id: 'inventory',
		title: '2. Kiểm kê cơ sở vật chất',
		body: [
			'Trang “Cơ sở vật chất” liệt kê các cơ sở cũ tiếp nhận từ các phường trước sáp nhập, trên bản đồ cùng các ga metro và vùng TOD 500 m / 1.000 m. Khi không có mạng, bản đồ vẫn hiển thị các lớp trên nền trơn.',
			'Mở một cơ sở để thêm nhà, tầng và phòng (tầng 1 là tầng trệt), ghi đơn vị đang sử dụng và số người. Có thể nhập hàng loạt phòng từ tệp CSV/XLSX: hệ thống kiểm tra từng dòng và chỉ nhập khi tất cả đều hợp lệ.',
			'Ghi nhận khảo sát hiện trạng theo TCVN 9381:2012 (cấp A-D) và đánh giá bộ phận 1-5, kèm ảnh chụp bằng điện thoại tại hiện trường. Phòng trong nhà cấp C hoặc D không được dùng khi bố trí lại.'
		],
		link: { href: 'facilities', label: 'Mở trang Cơ sở vật chất' },
		image: {
			src: '/help/facilities.png',
			alt: 'Trang Cơ sở vật chất với bản đồ, danh sách và biểu đồ'
		}
	},
	{
		id: 'survey',
		title: '3. Khảo sát một nhà',
		body: [
			'Trang của một nhà cho thấy các phòng theo tầng, các lần khảo sát với ảnh và chỉ số hiện trạng. Mẫu khảo sát dùng được trên màn hình điện thoại.'
		],
		image: { src: '/help/building.png', alt: 'Trang một nhà với danh sách phòng và khảo sát' }
	},
	{
		id: 'needs',
		title: '4. Tính nhu cầu theo định mức',
		body: [
			'Trang “Nhu cầu theo định mức” tính diện tích làm việc được hưởng theo Nghị định 155/2025/NĐ-CP từ biên chế được giao của từng đơn vị, so với diện tích đang sử dụng, và cho biết tỷ lệ so với định mức (ngưỡng 70 %). Có thể so sánh với Nghị định 152/2017/NĐ-CP.',
			'Bảng thiếu hụt nhân sự theo lĩnh vực (đất đai, xây dựng, tài chính, kế toán, ngoại vụ…) có thể in hoặc xuất ra tệp để đề nghị Thành phố hỗ trợ.'
		],
		link: { href: 'needs', label: 'Mở trang Nhu cầu' }
	},
	{
		id: 'plans',
		title: '5. Bố trí tạm thời trong các cơ sở cũ',
		body: [
			'Trang “Bố trí tạm thời” tìm phương án xếp các đơn vị vào các phòng hiện có sao cho mọi người có chỗ làm việc, ít phải chia đơn vị ra nhiều nhà và ít phải di chuyển; đơn vị tiếp dân được xếp ở tầng trệt.',
			'Lưu nhiều phương án để so sánh, xem sơ đồ tầng và danh sách chuyển phòng, chỉnh tay nếu cần, rồi áp dụng phương án đã chọn.'
		],
		link: { href: 'plans', label: 'Mở trang Bố trí tạm thời' }
	},
	{
		id: 'sites',
		title: '6. Chọn địa điểm trụ sở mới',
		body: [
			'Trang “Địa điểm trụ sở mới” so sánh các khu đất ứng viên (kể cả phương án cải tạo tại chỗ) theo các tiêu chí của TCVN 4601:2012 và tiêu chí địa phương (khoảng cách ga metro, ngập, pháp lý đất, chi phí).',
			'Lãnh đạo phường đặt trọng số trực tiếp hoặc so sánh cặp (AHP) và xem chỉ số nhất quán CR; kết quả theo nhiều phương pháp, phân tích độ nhạy và SMAA cho biết lựa chọn có vững hay không.'
		],
		link: { href: 'sites', label: 'Mở trang Địa điểm' }
	},
	{
		id: 'proposal',
		title: '7. Lập và trình hồ sơ',
		body: [
			'Trang “Hồ sơ đề xuất” tập hợp tờ trình và báo cáo đề xuất chủ trương đầu tư từ chính các số liệu trên; mỗi con số đều ghi rõ nguồn. Tải bộ hồ sơ DOCX/PDF/ZIP, rồi trình Thành phố.',
			'Sở Xây dựng góp ý theo từng phần và có thể trả lại; phường chỉnh sửa, trình lại phiên bản mới; Sở thấy rõ thay đổi giữa các phiên bản rồi phê duyệt.'
		],
		link: { href: 'proposals', label: 'Mở trang Hồ sơ đề xuất' }
	}
];

const en: GuideStep[] = [
	{
		id: 'start',
		title: '1. Log in and choose the ward',
		body: [
			'Log in with the account your administrator gave you. Ward officers see their own ward; the city’s Department of Construction and Department of Planning and Architecture review every ward’s proposals.',
			'The “Tiếng Việt” / “English” button at the top switches the language. Numbers and dates follow the Vietnamese conventions in Vietnamese (1.234,5 m²; 29/11/2026).'
		]
	},
	{
		id: 'inventory',
		title: '2. Inventory the facilities',
		body: [
			'The Facilities page lists the old facilities inherited from the merged wards, on a map with the metro stations and the 500 m / 1,000 m TOD areas. Without network the map still shows every layer on a plain background.',
			'Open a facility to add buildings, levels and rooms (level 1 is the ground floor), with the unit using each room and its people. Rooms can be imported from a CSV/XLSX file: every row is checked and nothing is imported unless all rows are valid.',
			'Record condition surveys under TCVN 9381:2012 (levels A-D) with component ratings 1-5 and photos taken on a phone. Rooms in buildings graded C or D are not used for reallocation.'
		],
		link: { href: 'facilities', label: 'Open the Facilities page' },
		image: {
			src: '/help/facilities.png',
			alt: 'The Facilities page with the map, the list and the charts'
		}
	},
	{
		id: 'survey',
		title: '3. Survey a building',
		body: [
			'A building’s page shows its rooms by level, its surveys with photos and the condition index. The survey form works on a phone screen.'
		],
		image: { src: '/help/building.png', alt: 'A building page with its rooms and surveys' }
	},
	{
		id: 'needs',
		title: '4. Compute the needs against the norms',
		body: [
			'The Needs page computes the working area each unit is entitled to under Decree 155/2025 from its approved staffing, compares it with what it occupies and shows the ratio to the norm (the 70 % threshold). Decree 152/2017 can be compared.',
			'The staffing-gap table by field (land, construction, finance, accounting, foreign affairs…) can be printed or exported as the ward’s request for support.'
		],
		link: { href: 'needs', label: 'Open the Needs page' }
	},
	{
		id: 'plans',
		title: '5. Arrange the units in the old facilities',
		body: [
			'The Short-term arrangement page finds how to place the units in the existing rooms so that everyone has working space, units are split over few buildings and few people move; public-facing units go on the ground floor.',
			'Keep several scenarios side by side, read the stack plan and the move list, edit by hand if needed, then apply the chosen scenario.'
		],
		link: { href: 'plans', label: 'Open the Arrangement page' }
	},
	{
		id: 'sites',
		title: '6. Choose the site of the new headquarters',
		body: [
			'The Sites page compares candidate sites (including renovating in place) on the TCVN 4601:2012 criteria and local ones (distance to the metro, flooding, land status, cost).',
			'The ward’s leaders set weights directly or by pairwise comparison (AHP) with the consistency ratio shown; several methods, sensitivity and SMAA show whether the choice is robust.'
		],
		link: { href: 'sites', label: 'Open the Sites page' }
	},
	{
		id: 'proposal',
		title: '7. Prepare and submit the proposal',
		body: [
			'The Proposals page assembles the submission (tờ trình) and the investment policy report from the figures above; every number names its source. Download the DOCX/PDF/ZIP packet, then submit it to the city.',
			'The city comments section by section and may return it; the ward revises and resubmits a new version; the city sees what changed and approves.'
		],
		link: { href: 'proposals', label: 'Open the Proposals page' }
	}
];

export function guide(locale: Locale): GuideStep[] {
	return locale === 'en' ? en : vi;
}
