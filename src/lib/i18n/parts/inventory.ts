/**
 * Messages of the inventory (facilities, buildings, rooms, condition surveys, import) and of
 * the shared number and date checks: Vietnamese first, English with the same keys.
 */
export const vi = {
	'err.notANumber': '“{input}” không phải là số.',
	'err.numberAmbiguous':
		'“{input}” có hai cách đọc: {a} hoặc {b}; hãy viết đúng một trong hai (dấu chấm ngăn hàng nghìn, dấu phẩy là dấu thập phân).',
	'err.numberMixed':
		'“{input}” dùng dấu chấm và dấu phẩy không nhất quán: dấu chấm ngăn hàng nghìn (1.000), dấu phẩy là dấu thập phân (12,5).',
	'err.numberEnglish':
		'“{input}” là cách viết số kiểu tiếng Anh; nếu là {value} thì hãy viết {value} (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân).',
	'err.integerRead': '“{input}” được đọc là {read}, không phải số nguyên.',
	'err.minRead':
		'“{input}” được đọc là {read} (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân); phải lớn hơn hoặc bằng {min}.',
	'err.maxRead':
		'“{input}” được đọc là {read} (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân); phải nhỏ hơn hoặc bằng {max}.',
	'err.endYearBeforeStart': 'Năm hoàn thành ({end}) không được trước năm khởi công ({start}).',
	'err.dateInFuture': 'Ngày {date} ở tương lai (hôm nay là {today} theo giờ Việt Nam).',
	'err.roomLevel':
		'Tầng {level} nằm ngoài số tầng của nhà: nhà có {levels} tầng nổi (tầng 1 đến tầng {levels}).',
	'err.roomAreaAboveBuilding':
		'Diện tích phòng {area} m² lớn hơn tổng diện tích sàn của nhà ({gross} m²).',
	'err.roomAreaSum':
		'Tổng diện tích các phòng sẽ là {sum} m² ({others} m² các phòng khác + {area} m² phòng này), lớn hơn tổng diện tích sàn của nhà ({gross} m²).',
	'err.buildingLevelsBelowRooms':
		'Nhà đang có phòng ở tầng {level}: không thể giảm số tầng xuống {levels}.',
	'err.buildingAreaBelowRooms':
		'Tổng diện tích các phòng của nhà là {sum} m², lớn hơn tổng diện tích sàn {gross} m² vừa nhập.',
	'err.choiceOf': 'Giá trị “{input}” không hợp lệ; các giá trị được chấp nhận: {allowed}.',
	'survey.assessment': 'Căn cứ đánh giá',
	'survey.kind.visual': 'Quan sát trực quan do cán bộ phường thực hiện (không phải kiểm định)',
	'survey.kind.assessed': 'Đánh giá của tổ chức có chuyên môn (kiểm định, báo cáo số …)',
	'survey.kind.unknown': 'Chưa ghi căn cứ (khảo sát nhập trước khi có trường này)',
	'survey.assessorOrg': 'Tổ chức đánh giá',
	'survey.assessorQualification': 'Năng lực / chứng chỉ của tổ chức',
	'survey.reportNumber': 'Số báo cáo',
	'survey.foundation': 'Nền móng',
	'component.foundation': 'Nền móng',
	'survey.derived': 'Cấp nguy hiểm xác định từ đánh giá bộ phận',
	'survey.derivedNone': 'Chưa xác định được: cần đánh giá nền móng hoặc kết cấu chịu lực chính.',
	'survey.rule':
		'Quy tắc (TCVN 9381:2012, bộ phận chịu lực kém nhất quyết định): lấy điểm thấp nhất của nền móng và kết cấu chịu lực chính; 4-5 → cấp A, 3 → cấp B, 2 → cấp C, 1 → cấp D. Các bộ phận khác là bằng chứng, không tính trung bình.',
	'survey.governedBy': 'Theo {component} = {rating} → cấp {level}',
	'survey.override': 'Điều chỉnh cấp nguy hiểm',
	'survey.overrideNone': '— Không điều chỉnh (dùng cấp xác định) —',
	'survey.overrideReason': 'Lý do điều chỉnh (bắt buộc khi điều chỉnh)',
	'survey.overridden': 'Cấp đã điều chỉnh: {level}; cấp xác định: {derived}. Lý do: {reason}',
	'survey.governing': 'Cấp nguy hiểm áp dụng',
	'survey.ratingNone': '— Chưa đánh giá —',
	'err.overrideReason': 'Hãy ghi lý do điều chỉnh cấp nguy hiểm (ít nhất 10 ký tự).',
	'err.levelUndetermined':
		'Chưa xác định được cấp nguy hiểm: hãy đánh giá nền móng hoặc kết cấu chịu lực chính, hoặc chọn cấp kèm lý do.',
	'err.assessorRequired': 'Với đánh giá của tổ chức chuyên môn, hãy ghi tên tổ chức.',
	'err.reportRequired': 'Với đánh giá của tổ chức chuyên môn, hãy ghi số báo cáo.',
	'io.templateTitle': 'Tải mẫu',
	'io.templateHint':
		'Mẫu có tên cột tiếng Việt (tên cột tiếng Anh như trong tệp xuất cũng được chấp nhận) và trang hướng dẫn các giá trị hợp lệ.',
	'io.templateCsv': 'Mẫu CSV',
	'io.templateXlsx': 'Mẫu XLSX',
	'io.guideColumn': 'Cột',
	'io.guideRequired': 'Bắt buộc',
	'io.guideFormat': 'Cách ghi',
	'io.yes': 'Có',
	'io.no': 'Không',
	'io.formatText': 'Chữ',
	'io.formatNumber': 'Số (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân: 1.234,5)',
	'io.formatChoice': 'Một trong: {allowed}'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'err.notANumber': '“{input}” is not a number.',
	'err.numberAmbiguous':
		'“{input}” can be read two ways: {a} or {b}; type one of these (Vietnamese style: dot for thousands, comma for decimals).',
	'err.numberMixed':
		'“{input}” mixes dots and commas inconsistently: a dot separates thousands (1.000), a comma is the decimal mark (12,5).',
	'err.numberEnglish':
		'“{input}” is written the English way; if you mean {value}, write {value} (dot for thousands, comma for decimals).',
	'err.integerRead': '“{input}” was read as {read}, which is not a whole number.',
	'err.minRead':
		'“{input}” was read as {read} (dot for thousands, comma for decimals); it must be at least {min}.',
	'err.maxRead':
		'“{input}” was read as {read} (dot for thousands, comma for decimals); it must be at most {max}.',
	'err.endYearBeforeStart':
		'The completion year ({end}) cannot be before the start year ({start}).',
	'err.dateInFuture': 'The date {date} is in the future (today is {today} in Viet Nam).',
	'err.roomLevel':
		'Level {level} is outside the building: it has {levels} storeys above ground (levels 1 to {levels}).',
	'err.roomAreaAboveBuilding':
		'The room area, {area} m², is larger than the building’s gross floor area ({gross} m²).',
	'err.roomAreaSum':
		'The rooms would total {sum} m² ({others} m² of other rooms + {area} m² of this one), more than the building’s gross floor area ({gross} m²).',
	'err.buildingLevelsBelowRooms':
		'The building has a room on level {level}: its storeys cannot be reduced to {levels}.',
	'err.buildingAreaBelowRooms':
		'The building’s rooms total {sum} m², more than the gross floor area of {gross} m² entered.',
	'err.choiceOf': '“{input}” is not allowed; accepted values: {allowed}.',
	'survey.assessment': 'Basis of the assessment',
	'survey.kind.visual': 'Visual screening by ward staff (not a structural assessment)',
	'survey.kind.assessed': 'Assessment by a qualified organisation (report number …)',
	'survey.kind.unknown': 'Basis not recorded (survey entered before this field existed)',
	'survey.assessorOrg': 'Assessing organisation',
	'survey.assessorQualification': 'Its qualification / certificate',
	'survey.reportNumber': 'Report number',
	'survey.foundation': 'Foundation',
	'component.foundation': 'Foundation',
	'survey.derived': 'Danger level derived from the component ratings',
	'survey.derivedNone': 'Not derived yet: rate the foundation or the main load-bearing structure.',
	'survey.rule':
		'Rule (TCVN 9381:2012, the worst load-bearing part governs): take the lowest rating of the foundation and the main load-bearing structure; 4-5 → level A, 3 → B, 2 → C, 1 → D. Other components are evidence, not averaged.',
	'survey.governedBy': 'From {component} = {rating} → level {level}',
	'survey.override': 'Override the danger level',
	'survey.overrideNone': '— No override (use the derived level) —',
	'survey.overrideReason': 'Reason for the override (required when overriding)',
	'survey.overridden': 'Level overridden: {level}; derived: {derived}. Reason: {reason}',
	'survey.governing': 'Danger level applied',
	'survey.ratingNone': '— Not rated —',
	'err.overrideReason': 'Give the reason for overriding the danger level (at least 10 characters).',
	'err.levelUndetermined':
		'The danger level cannot be derived: rate the foundation or the main load-bearing structure, or choose a level with a reason.',
	'err.assessorRequired': 'For an assessment by a qualified organisation, name the organisation.',
	'err.reportRequired': 'For an assessment by a qualified organisation, give the report number.',
	'io.templateTitle': 'Download a template',
	'io.templateHint':
		'The template has Vietnamese column names (the English names of the export are accepted too) and a sheet listing the allowed values.',
	'io.templateCsv': 'CSV template',
	'io.templateXlsx': 'XLSX template',
	'io.guideColumn': 'Column',
	'io.guideRequired': 'Required',
	'io.guideFormat': 'How to write it',
	'io.yes': 'Yes',
	'io.no': 'No',
	'io.formatText': 'Text',
	'io.formatNumber': 'Number (dot for thousands, comma for decimals: 1.234,5)',
	'io.formatChoice': 'One of: {allowed}'
};
