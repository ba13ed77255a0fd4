package base

import (
	"txct/store"
	"txct/store/model"
)

// Strings of the pre-export check, shared by the export dialog and
// `txct export`.
func init() {
	add(map[string][2]string{
		"check.title":         {"Trước khi xuất: %d điểm cần xem", "Before export: %d things to look at"},
		"check.none":          {"Trước khi xuất: không còn gì cần xem.", "Before export: nothing left to look at."},
		"check.no_text":       {"Ý kiến số %d: chưa có nội dung", "Remark %d: no text"},
		"check.no_voter":      {"Ý kiến số %d: chưa ghi tên cử tri", "Remark %d: no voter named"},
		"check.guessed_field": {"Ý kiến số %d: lĩnh vực còn là phỏng đoán, chưa ai chọn", "Remark %d: the field is still a guess"},
		"check.guessed_level": {"Ý kiến số %d: thẩm quyền còn là phỏng đoán, chưa ai chọn", "Remark %d: the level is still a guess"},
		"check.open_repeat":   {"Ý kiến số %d: có thể lặp lại kiến nghị %s, chưa xác nhận hay bỏ qua", "Remark %d: may repeat %s, neither confirmed nor dismissed"},
		"check.duplicate":     {"Ý kiến số %d: cùng nội dung với ý kiến số %s, chưa gộp", "Remark %d: same demand as remark %s, not merged"},
		"check.no_diacritics": {"Ý kiến số %d: gõ không dấu", "Remark %d: typed without diacritics"},
		"check.unknown_ref":   {"Ý kiến số %d: kiến nghị lặp lại %s không có trong kho, văn bản sẽ không trích dẫn", "Remark %d: repeated petition %s is not in the archive; the documents leave it out"},
		"exp.checkkeys":       {"%s: mục sau · %s: mở ý kiến để sửa · vẫn xuất được", "%s: next · %s: open the remark · export still allowed"},
		"check.strict":        {"Chưa xuất: còn %d điểm cần xem (--strict)", "Not exported: %d things to look at (--strict)"},
	})
}

// CheckLine says one item of the pre-export check in the UI language.
func (t Text) CheckLine(it store.CheckItem) string {
	switch it.Kind {
	case store.CheckNoText:
		return t.F("check.no_text", it.Remark)
	case store.CheckNoVoter:
		return t.F("check.no_voter", it.Remark)
	case store.CheckGuessedField:
		return t.F("check.guessed_field", it.Remark)
	case store.CheckGuessedLevel:
		return t.F("check.guessed_level", it.Remark)
	case store.CheckOpenRepeat:
		return t.F("check.open_repeat", it.Remark, it.Ref)
	case store.CheckDuplicate:
		return t.F("check.duplicate", it.Remark, it.Ref)
	case store.CheckNoDiacritics:
		return t.F("check.no_diacritics", it.Remark)
	case store.CheckUnknownRef:
		return t.F("check.unknown_ref", it.Remark, model.Safe(it.Ref, false))
	}
	return string(it.Kind)
}
