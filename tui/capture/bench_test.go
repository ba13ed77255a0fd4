package capture

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"txct/store/model"
	"txct/tui/base"
)

// benchNotes is 20,000 words of notes spread over the minutes sections, in
// paragraphs of about 80 words, as a long session produces.
func benchNotes() []model.Note {
	words := strings.Fields("Đại biểu báo cáo kết quả kỳ họp thứ mười hai, trả lời các kiến nghị của cử tri về giao thông, đất đai và y tế trên địa bàn xã")
	var notes []model.Note
	for i, sec := range model.Sections {
		var paras []string
		for p := 0; p < 50; p++ {
			var b strings.Builder
			for w := 0; w < 80; w++ {
				b.WriteString(words[(i+p+w)%len(words)])
				b.WriteByte(' ')
			}
			paras = append(paras, strings.TrimSpace(b.String()))
		}
		notes = append(notes, model.Note{Section: sec, Text: strings.Join(paras, "\n")})
	}
	return notes // 5 × 50 × 80 = 20,000 words
}

func benchModel(b testing.TB, remarks int) *Model {
	sess := testSession()
	sess.Notes = benchNotes()
	m := NewWith(testCtx(base.VI), newFakeSaver(), sess, sampleRemarks(remarks))
	m.SetSize(120, 38)
	press(m, ctrlN, enter, enter)
	typeText(m, "Cử tri đề nghị ")
	_ = m.View()
	return m
}

// BenchmarkKeystroke is one typed key in a remark (Update, the flush that
// applies it, and View of the session screen) at several session sizes: it
// must not grow with them.
func BenchmarkKeystroke(b *testing.B) {
	for _, n := range []int{10, 100, 300} {
		b.Run(fmt.Sprintf("remarks=%d", n), func(b *testing.B) {
			m := benchModel(b, n)
			keys := []rune("sửa đường liên thôn ")
			i := 0
			for b.Loop() {
				r := keys[i%len(keys)]
				i++
				m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
				m.Update(flushMsg{}) // a typist's key is applied alone
				_ = m.View()
				if i%60 == 0 { // keep the field from growing without bound
					press(m, ctrlS, enter, enter)
				}
			}
		})
	}
}

var tabKey = tea.KeyPressMsg{Code: tea.KeyTab}

// BenchmarkAnswerKeystroke is one key typed into the multi-line answer
// field of a remark, in a session of 300 remarks.
func BenchmarkAnswerKeystroke(b *testing.B) {
	m := benchModel(b, 300)  // the new remark's text holds "Cử tri đề nghị "
	press(m, tabKey, tabKey) // answerer, then the answer
	if m.ed.focus != fAnswer {
		b.Fatalf("focus on field %d, not the answer", m.ed.focus)
	}
	keys := []rune("xã sẽ báo cáo tỉnh trong tháng 12 ")
	i := 0
	for b.Loop() {
		r := keys[i%len(keys)]
		i++
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m.Update(flushMsg{})
		_ = m.View()
		if i%300 == 0 { // an answer of a few lines, then the next remark's
			press(m, ctrlS, enter, enter)
			typeText(m, "Cử tri đề nghị ")
			press(m, tabKey, tabKey)
		}
	}
}

// BenchmarkNotesKeystroke is one key typed into the notes of a section that
// already holds 4,000 words (20,000 over the session).
func BenchmarkNotesKeystroke(b *testing.B) {
	m := benchModel(b, 300)
	press(m, esc, ctrlLeft)
	keys := []rune("ghi chú thêm ")
	i := 0
	for b.Loop() {
		r := keys[i%len(keys)]
		i++
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m.Update(flushMsg{}) // a typist's key is applied alone
		_ = m.View()
		if i%200 == 0 {
			press(m, enter)
		}
	}
}

// burst types n keys into the remark's text field as a paste without
// bracketed paste arrives: one key message each, no frame in between. The
// flush message the first key's command sends is delivered every chunk
// keys (the terminal reader hands the program a few hundred bytes at a
// time; a smaller chunk is the worse case).
func burst(m *Model, n, chunk int) {
	keys := []rune("Cử tri thôn Đồng Rạ đề nghị sửa đường liên thôn, ")
	for i := range n {
		r := keys[i%len(keys)]
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		_ = m.View() // the program draws after every message
		if (i+1)%chunk == 0 {
			m.Update(flushMsg{})
			_ = m.View()
		}
	}
	m.Update(flushMsg{})
}

// BenchmarkKeyBurst is 10,000 key messages into one field (a paste without
// bracketed paste) and one frame after them; the field keeps its 8,000
// character limit.
// The same burst with the built-in Telex on, and into a notes tab.
func BenchmarkKeyBurst(b *testing.B) {
	for _, where := range []string{"remark", "remark-telex", "notes", "notes-telex"} {
		for _, chunk := range []int{16, 256} {
			b.Run(fmt.Sprintf("%s/flush-every=%d", where, chunk), func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					m := benchModel(b, 100)
					if strings.HasSuffix(where, "telex") {
						press(m, f9)
					}
					if strings.HasPrefix(where, "notes") {
						press(m, esc, ctrlLeft)
					}
					b.StartTimer()
					burst(m, 10000, chunk)
					_ = m.View()
				}
			})
		}
	}
}
