package capture

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// In the notes tabs the first wrapped line of the paragraph being typed was
// not shown until Home was pressed.
func TestNotesFirstWrappedLineShown(t *testing.T) {
	for _, sz := range [][2]int{{80, 22}, {120, 34}} {
		m, _ := newTest(t, 0, sz[0], sz[1])
		press(m, ctrlLeft, ctrlLeft) // Khai mạc
		words := "Bà Đỗ Thị Hồng Nhung, Chủ tịch Ủy ban MTTQ xã, tuyên bố lý do, giới thiệu thành phần tham dự và chương trình hội nghị; dự hội nghị có ba đại biểu HĐND tỉnh, lãnh đạo xã và một trăm hai mươi sáu cử tri của chín ấp trong xã."
		typeText(m, words)
		v := ansi.Strip(m.View())
		if !strings.Contains(v, "Bà Đỗ Thị Hồng Nhung") || !strings.Contains(v, "chín ấp trong xã.") {
			t.Errorf("%dx%d: the paragraph being typed is not all in view:\n%s", sz[0], sz[1], v)
		}
	}
}

// After resizing to 30×10 (or 20×5) and back, the remark's text field showed
// blank although its text was saved.
func TestTextShownAfterTinyResize(t *testing.T) {
	for _, tiny := range [][2]int{{30, 10}, {20, 5}} {
		m, _ := newTest(t, 3, 120, 34)
		press(m, ctrlN, enter, enter)
		typeText(m, "Đề nghị tỉnh sớm nâng cấp tuyến đường ĐT.767C đoạn qua ấp Trung Tâm vì xuống cấp")
		m.SetSize(tiny[0], tiny[1])
		_ = m.View()
		typeText(m, " nghiêm")
		m.SetSize(120, 34)
		v := ansi.Strip(m.View())
		if !strings.Contains(v, "Đề nghị tỉnh sớm") || !strings.Contains(v, "xuống cấp nghiêm") {
			t.Errorf("after %v and back the text field does not show its text:\n%s", tiny, v)
		}
		if got := m.remarks[3].Text; !strings.HasSuffix(got, "xuống cấp nghiêm") {
			t.Errorf("text typed while tiny lost: %q", got)
		}
	}
}
