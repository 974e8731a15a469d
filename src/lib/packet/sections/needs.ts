/** The sections on the ward's need: necessity, current facilities, scale, staffing. */
import { W, fieldLabel, formatDecimal, num, r1, r4, table } from './kit';
import { emptyBody, type SectionBody, type SnapshotContext } from './context';

/** Necessity: needs against norms, the 70 % rule, condition, staff shortage. */
export function necessity(c: SnapshotContext): SectionBody {
	const {
		input,
		n,
		ns,
		normWords,
		normWordsEn,
		asOfVi,
		asOfEn,
		allBuildings,
		staffWords,
		inventoryWords
	} = c;
	const out = emptyBody();
	const poor = allBuildings.filter((b) => b.dangerLevel === 'C' || b.dangerLevel === 'D').length;
	out.numbers = {
		headcount: num(n.headcount, 'người', 'positions', 'Σ approved', staffWords),
		entitledWorkAreaM2: num(
			r1(n.workAreaM2),
			'm²',
			'needs',
			'workAreaM2',
			W(
				`Diện tích định mức: ${normWords}, nhân với biên chế được giao của từng chức danh.`,
				`Entitled area: ${normWordsEn}, times the approved staff of each title.`
			),
			ns
		),
		occupiedWorkAreaM2: num(
			r1(n.occupiedWorkAreaM2),
			'm²',
			'needs',
			'occupiedWorkAreaM2',
			W(
				`Tổng diện tích các phòng làm việc đang được các đơn vị sử dụng theo số liệu kiểm kê, ${asOfVi}.`,
				`Sum of the working rooms the units occupy in the inventory, as of ${asOfEn}.`
			),
			ns
		),
		shortfallM2: num(
			r1(Math.max(0, n.workAreaM2 - n.occupiedWorkAreaM2)),
			'm²',
			'needs',
			'workAreaM2 − occupiedWorkAreaM2',
			W(
				'Hiệu số giữa diện tích làm việc theo định mức và diện tích đang sử dụng.',
				'Entitled working area less the area occupied.'
			),
			ns
		),
		ratioToNorm: num(
			r4(n.ratioToNorm),
			'%',
			'needs',
			'ratioToNorm',
			W(
				'Tỷ lệ giữa diện tích làm việc đang sử dụng và diện tích làm việc theo định mức.',
				'Working area occupied divided by the entitled working area.'
			),
			ns
		),
		threshold: num(
			n.threshold,
			'%',
			'norm-set',
			'justification threshold',
			W(
				'Ngưỡng 70 % định mức theo chủ trương của Thủ tướng Chính phủ năm 2017 về sắp xếp, bố trí trụ sở làm việc (cần đối chiếu văn bản gốc).',
				'The 70 % of the norm threshold of the Prime Minister’s 2017 policy on arranging office buildings (to verify against the official text).'
			)
		),
		facilityCount: num(n.siteCount, 'cơ sở', 'inventory', 'count(facilities)', inventoryWords),
		buildingsCorD: num(
			poor,
			'nhà',
			'inventory',
			'count(buildings with danger level C or D)',
			W(
				'Số nhà có kết quả khảo sát gần nhất xếp cấp nguy hiểm C hoặc D theo TCVN 9381:2012.',
				'Buildings whose latest survey grades them at danger level C or D under TCVN 9381:2012.'
			)
		),
		vacantPosts: num(
			input.staffing.totals.vacant,
			'người',
			'positions',
			'Σ max(0, approved − filled)',
			W(
				`Tổng số biên chế được giao chưa có người đảm nhiệm theo danh mục vị trí việc làm, ${asOfVi}.`,
				`Approved posts not filled in the list of positions, as of ${asOfEn}.`
			)
		)
	};
	out.tables.push(
		table(
			'units',
			'Nhu cầu diện tích làm việc theo đơn vị',
			'Working area needs by unit',
			[
				['Đơn vị', 'Unit'],
				['Biên chế', 'Staff'],
				['Định mức (m²)', 'Entitled (m²)'],
				['Đang sử dụng (m²)', 'Occupied (m²)'],
				['Chênh lệch (m²)', 'Gap (m²)']
			],
			n.units.map((u) => [u.name, u.headcount, r1(u.workAreaM2), r1(u.occupiedAreaM2), r1(u.gapM2)])
		)
	);
	return out;
}

/** Current facilities: counts and the buildings table. */
export function facilities(c: SnapshotContext): SectionBody {
	const { inv, allBuildings, inventoryWords } = c;
	const out = emptyBody();
	out.numbers = {
		facilities: num(
			inv.facilities.length,
			'cơ sở',
			'inventory',
			'count(facilities)',
			inventoryWords
		),
		buildings: num(allBuildings.length, 'nhà', 'inventory', 'count(buildings)', inventoryWords),
		rooms: num(
			allBuildings.reduce((s, b) => s + b.roomCount, 0),
			'phòng',
			'inventory',
			'count(rooms)',
			inventoryWords
		),
		roomsAreaM2: num(
			r1(allBuildings.reduce((s, b) => s + b.roomsAreaM2, 0)),
			'm²',
			'inventory',
			'Σ rooms.area_m2',
			inventoryWords
		),
		photos: num(
			inv.photos.length,
			'ảnh',
			'inventory',
			'count(photos)',
			W('Ảnh chụp kèm các phiếu khảo sát hiện trạng.', 'Photos attached to the condition surveys.')
		)
	};
	out.tables.push(
		table(
			'buildings',
			'Hiện trạng cơ sở vật chất',
			'Current facilities',
			[
				['Cơ sở', 'Facility'],
				['Nhà', 'Building'],
				['Năm xây dựng', 'Built'],
				['Số phòng', 'Rooms'],
				['Diện tích phòng (m²)', 'Room area (m²)'],
				['Cấp nguy hiểm', 'Danger level']
			],
			inv.facilities.flatMap((f) =>
				f.buildings.map((b) => [
					f.name,
					b.name,
					b.yearBuilt === null ? null : String(b.yearBuilt),
					b.roomCount,
					r1(b.roomsAreaM2),
					b.dangerLevel ?? '—'
				])
			)
		)
	);
	return out;
}

/** Scale: the areas under the norms and the gross floor area. */
export function scale(c: SnapshotContext): SectionBody {
	const { n, ns, normWords, normWordsEn, d, set, settingWords, settingSrc, gfa, gfaWords } = c;
	const out = emptyBody();
	out.numbers = {
		workAreaM2: num(
			r1(n.workAreaM2),
			'm²',
			'needs',
			'workAreaM2',
			W(
				`Diện tích làm việc theo định mức: ${normWords}.`,
				`Entitled working area: ${normWordsEn}.`
			),
			ns
		),
		commonAreaM2: num(
			r1(n.commonAreaM2),
			'm²',
			'needs',
			'commonAreaM2',
			W(
				`Diện tích sử dụng chung bằng ${formatDecimal(n.commonAreaRatio * 100, 1)} % diện tích làm việc theo ${n.normSet.legalBasis} (tỷ lệ cần đối chiếu văn bản gốc).`,
				`Common-use area at ${n.commonAreaRatio * 100} % of the working area under ${n.normSet.legalBasis} (ratio to verify).`
			),
			ns
		),
		specialisedAreaM2: num(
			r1(n.specialisedAreaM2),
			'm²',
			'needs',
			'specialisedAreaM2',
			W(
				'Diện tích chuyên dùng do phường kê khai theo quy định của Thành phố.',
				'Specialised area entered by the ward under the city’s rules.'
			),
			ns
		),
		usableM2: num(
			r1(n.totalUsableM2),
			'm²',
			'needs',
			'totalUsableM2',
			W(
				'Tổng của diện tích làm việc, diện tích sử dụng chung và diện tích chuyên dùng.',
				'Sum of the working, common-use and specialised areas.'
			),
			ns
		),
		grossFloorAreaM2: num(
			gfa,
			'm²',
			d?.scale.grossFloorAreaM2 ? 'setting' : 'needs',
			'grossFloorAreaM2',
			gfaWords
		)
	};
	if (!d?.scale.grossFloorAreaM2) {
		out.numbers.grossToUsableRatio = num(
			set.grossToUsable.value,
			'',
			'setting',
			set.grossToUsable.key,
			settingWords(
				set.grossToUsable,
				'Hệ số diện tích sàn xây dựng trên diện tích sử dụng',
				'Gross-to-usable ratio'
			),
			settingSrc(set.grossToUsable)
		);
	}
	if (d?.scale.storeys) {
		out.numbers.storeys = num(
			d.scale.storeys,
			'tầng',
			'setting',
			'storeys',
			W(
				'Số tầng nổi do phường xác định trong hồ sơ đề xuất.',
				'Storeys above ground set by the ward in the dossier.'
			)
		);
	}
	return out;
}

/** Staffing support by field. */
export function staffing(c: SnapshotContext): SectionBody {
	const { input, asOfVi, asOfEn, staffWords, d } = c;
	const out = emptyBody();
	const st = input.staffing;
	out.numbers = {
		approved: num(st.totals.approved, 'người', 'positions', 'Σ approved', staffWords),
		filled: num(
			st.totals.filled,
			'người',
			'positions',
			'Σ filled',
			W(
				`Số người đang làm việc theo danh mục vị trí việc làm, ${asOfVi}.`,
				`People in post in the list of positions, as of ${asOfEn}.`
			)
		),
		vacant: num(
			st.totals.vacant,
			'người',
			'positions',
			'Σ max(0, approved − filled)',
			W(
				`Tổng số biên chế được giao chưa có người đảm nhiệm, ${asOfVi}.`,
				`Approved posts not filled, as of ${asOfEn}.`
			)
		)
	};
	out.tables.push(
		table(
			'fields',
			'Biên chế và số còn thiếu theo lĩnh vực',
			'Staff and vacancies by field',
			[
				['Lĩnh vực', 'Field'],
				['Biên chế được giao', 'Approved'],
				['Hiện có', 'Filled'],
				['Còn thiếu', 'Vacant'],
				['Dự kiến năm sau', 'Planned next year']
			],
			st.rows.map((r) => [
				(r.fieldLabel ?? fieldLabel(r.field)).vi,
				r.approved,
				r.filled,
				r.vacant,
				r.planned
			])
		)
	);
	if (d?.staffingSupport.length) {
		out.tables.push(
			table(
				'support',
				'Nhân sự đề nghị Thành phố hỗ trợ',
				'Staff support asked of the city',
				[
					['Lĩnh vực', 'Field'],
					['Số người', 'Persons'],
					['Thời gian (tháng)', 'Duration (months)']
				],
				d.staffingSupport.map((x) => [x.fieldLabelVi, x.persons, x.durationMonths])
			)
		);
	}
	return out;
}
