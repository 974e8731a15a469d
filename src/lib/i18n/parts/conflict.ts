/** Messages of the edit-conflict panel (optimistic concurrency): Vietnamese first, English. */
export const vi = {
	'conflict.title': 'Bản ghi đã được người khác sửa',
	'conflict.message':
		'Chưa lưu: trong lúc bạn sửa, bản ghi này đã được lưu bởi người khác. Giá trị bạn nhập vẫn còn trong biểu mẫu; hãy so sánh rồi chọn.',
	'conflict.savedBy': 'Bản đã lưu bởi {who} lúc {when}.',
	'conflict.savedByUnknown': 'Bản đã lưu bởi người khác.',
	'conflict.deleted': 'Bản ghi này đã bị xóa trong lúc bạn sửa; không thể lưu.',
	'conflict.field': 'Trường',
	'conflict.mine': 'Giá trị của bạn',
	'conflict.theirs': 'Giá trị đã lưu',
	'conflict.same': 'Các trường bạn gửi không khác bản đã lưu; lưu lại để xác nhận.',
	'conflict.empty': '(trống)',
	'conflict.useTheirs': 'Dùng giá trị này',
	'conflict.keepMine': 'Giữ giá trị của tôi và lưu',
	'conflict.takeTheirs': 'Lấy toàn bộ giá trị đã lưu',
	'conflict.takenHint': 'Đã điền giá trị đã lưu vào biểu mẫu; bấm Lưu nếu muốn sửa tiếp.',
	'conflict.api': 'Bản ghi đã được sửa (phiên bản {version}); hãy tải lại và sửa trên bản mới.',
	'conflict.noVersion':
		'Chưa lưu: biểu mẫu không cho biết bạn đã sửa trên phiên bản nào của bản ghi. Những gì bạn nhập vẫn còn trong biểu mẫu; hãy so sánh với bản đã lưu rồi chọn.'
} as const;

export const en: Record<keyof typeof vi, string> = {
	'conflict.title': 'Someone else changed this record',
	'conflict.message':
		'Not saved: while you were editing, someone else saved this record. What you typed is still in the form; compare and choose.',
	'conflict.savedBy': 'Saved by {who} at {when}.',
	'conflict.savedByUnknown': 'Saved by someone else.',
	'conflict.deleted': 'This record was deleted while you were editing; it cannot be saved.',
	'conflict.field': 'Field',
	'conflict.mine': 'Your value',
	'conflict.theirs': 'Saved value',
	'conflict.same':
		'The fields you sent do not differ from the saved record; save again to confirm.',
	'conflict.empty': '(empty)',
	'conflict.useTheirs': 'Use this value',
	'conflict.keepMine': 'Keep my values and save',
	'conflict.takeTheirs': 'Take all saved values',
	'conflict.takenHint': 'The saved values are in the form; press Save to go on editing.',
	'conflict.api': 'The record has changed (version {version}); reload it and edit the new version.',
	'conflict.noVersion':
		'Not saved: the form did not say which version of the record you edited. What you typed is still in the form; compare with the saved record and choose.'
};
