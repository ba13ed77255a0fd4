package attach

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"txct/tui/base"
	"txct/tui/tuitest"
)

func cands() []Candidate {
	return []Candidate{
		{No: 1, Item: "Đề nghị sửa đường ĐT.768 đoạn qua xã Tân Thành", Body: "Sở Giao thông vận tải", Answer: "Đã có trong kế hoạch 2026–2030.", ID: "A1", Archived: "Cử tri xã Tân Thành đề nghị nâng cấp ĐT.768", Score: 0.82, Accept: true},
		{No: 4, Item: "Nạo vét kênh N2 \x1b]52;c;aGk=\x07", Body: "Công ty thủy lợi", Answer: "Đã nạo vét.", ID: "A2", Archived: "Đề nghị nạo vét kênh N2 phục vụ tưới tiêu", Score: 0.41},
	}
}

// TestToggleAndConfirm: Space flips the line under the cursor, Enter
// confirms, and the choices come back; Esc cancels everything.
func TestToggleAndConfirm(t *testing.T) {
	m := New(cands(), base.VI)
	for _, k := range []string{"down", "space", "down", "enter"} {
		m.Update(tuitest.KeyMsg(k))
	}
	if !m.Confirmed || !m.Cands[0].Accept || !m.Cands[1].Accept {
		t.Fatalf("confirmed %v, accepts %v %v", m.Confirmed, m.Cands[0].Accept, m.Cands[1].Accept)
	}
	m = New(cands(), base.VI)
	m.Update(tuitest.KeyMsg("space"))
	if _, cmd := m.Update(tuitest.KeyMsg("esc")); cmd == nil || m.Confirmed {
		t.Fatal("Esc did not cancel")
	}
	if m.Cands[0].Accept {
		t.Fatal("Space did not untick the first line")
	}
	// stray letters change nothing
	m = New(cands(), base.VI)
	for _, k := range []string{"x", "a", "ệ", "1"} {
		m.Update(tuitest.KeyMsg(k))
	}
	if m.Confirmed || !m.Cands[0].Accept || m.Cands[1].Accept {
		t.Fatal("a stray key changed a choice")
	}
}

// TestView fits 80×24 and 120×36, shows both texts, the score and the
// answer, and never passes escape sequences from the files through.
func TestView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 36}} {
		m := New(cands(), base.VI)
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := m.View().Content
		lines := strings.Split(v, "\n")
		if len(lines) > size[1] {
			t.Errorf("%d lines at %v", len(lines), size)
		}
		for _, l := range lines {
			if w := base.Width(l); w > size[0] {
				t.Errorf("line of %d cells at %v: %q", w, size, l)
			}
		}
		for _, want := range []string{"Báo cáo, mục 1", "Kho A1 (điểm 0.82)", "Sở Giao thông vận tải", "nâng cấp ĐT.768", "[x]", "[ ]", "(1/2 được chọn)"} {
			if !strings.Contains(v, want) {
				t.Errorf("view at %v lacks %q", size, want)
			}
		}
		if strings.Contains(v, "\x1b]52") || strings.Contains(v, "\x07") {
			t.Errorf("raw escape from a file in the view")
		}
	}
}
