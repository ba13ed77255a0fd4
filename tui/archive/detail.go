package archive

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

// detailView draws the record m.cur (or its editor) in w×h cells; x0 is the
// pane's left edge on the screen, for the real cursor.
func (m *Model) detailView(w, h, x0 int) string {
	if m.cur < 0 || m.cur >= len(m.entries) {
		return ""
	}
	if m.ed != nil {
		return m.editView(w, h, x0)
	}
	lines := m.detailLines(&m.entries[m.cur], w)
	m.dmax = max(0, len(lines)-h)
	m.dtop = max(0, min(m.dtop, m.dmax))
	return strings.Join(lines[m.dtop:min(len(lines), m.dtop+h)], "\n")
}

// head is the record's id with its status, then its text wrapped.
func (m *Model) head(e *entry, w int) []string {
	s, t := m.ctx.Styles, m.ctx.Text
	mk, sst := statusMark(s, e.p.Status)
	st := mk
	if e.p.Status != "" {
		st += " " + t.S("status."+string(e.p.Status))
	}
	top := s.Title.Render(ansi.Truncate(e.id, max(1, w-lipgloss.Width(st)-2), "…")) + "  " + sst.Render(st)
	return append([]string{top}, wrap(e.text, w, s.Value)...)
}

func (m *Model) detailLines(e *entry, w int) []string {
	s, t := m.ctx.Styles, m.ctx.Text
	p := &e.p
	lines := m.head(e, w)
	if m.pending != nil {
		q := t.F("arc.confirm", t.S("status."+string(*m.pending)))
		lines = append(lines, wrap(q, w, s.Badge)...)
	}
	lines = append(lines, "")
	keys := []string{"arc.d.field", "arc.d.level", "arc.d.place", "arc.d.raised", "arc.d.sentto", "arc.d.waited", "arc.d.body", "arc.d.date", "arc.d.ref", "arc.d.same"}
	lw := 0
	for _, k := range keys {
		lw = max(lw, lipgloss.Width(t.S(k)))
	}
	lw = min(lw+2, w/3)
	kv := func(k, v string) {
		if strings.TrimSpace(v) == "" {
			v = t.S("arc.d.none")
		}
		vl := wrap(v, max(1, w-lw), s.Value)
		for i, l := range vl {
			head := strings.Repeat(" ", lw)
			if i == 0 {
				head = s.Label.Render(pad(t.S(k), lw))
			}
			lines = append(lines, head+l)
		}
	}
	kv("arc.d.field", fieldLabel(t, p.Field))
	kv("arc.d.level", levelLabel(t, p.Authority))
	kv("arc.d.place", safe(p.Location))
	kv("arc.d.raised", joinDot(base.ShortDate(p.RaisedAt), safe(p.Session)))
	if p.Status == model.StatusForwarded {
		kv("arc.d.sentto", levelLabel(t, p.Authority))
		kv("arc.d.waited", t.F("arc.waited", waited(p.RaisedAt, m.ctx.Now())))
	}
	kv("arc.d.body", safe(p.Body))
	kv("arc.d.date", base.ShortDate(p.AnsweredAt))
	kv("arc.d.ref", safe(p.Ref))
	if m.same != nil {
		lines = append(lines, "", s.Label.Render(t.S("arc.same.ask")), m.same.View())
	}
	if len(m.cluster) > 0 {
		kv("arc.d.same", safe(strings.Join(m.cluster, ", ")))
	}
	lines = append(lines, "", s.Subtitle.Render(t.S("arc.d.resp")))
	if strings.TrimSpace(p.Response) == "" {
		lines = append(lines, s.Muted.Render(t.S("arc.d.noresp")))
	} else {
		lines = append(lines, wrap(model.Safe(p.Response, true), w, s.Answer)...)
	}
	lines = append(lines, "", s.Badge.Render(t.F("arc.d.times", p.TimesRaised())))
	raise := func(date, sess, note string) {
		l := "• " + base.ShortDate(date) + "  " + safe(sess)
		if note != "" {
			l += " (" + note + ")"
		}
		for i, x := range wrap(l, max(1, w-2), s.Value) {
			if i > 0 {
				x = "  " + x
			}
			lines = append(lines, x)
		}
	}
	raise(p.RaisedAt, p.Session, t.S("arc.d.first"))
	for _, r := range p.Raises {
		raise(r.Date, r.Session, "")
	}
	return lines
}

// editView draws the answer editor under the record's head.
func (m *Model) editView(w, h, x0 int) string {
	s, t := m.ctx.Styles, m.ctx.Text
	e := &m.entries[m.ed.idx]
	head := m.head(e, w)
	if len(head) > 4 {
		head = append(head[:3], s.Muted.Render("…"))
	}
	lines := append(head, "", s.Subtitle.Render(t.S("arc.e.title")))
	var at [edFields]int // line of each field
	for f, label := range []string{"arc.e.body", "arc.e.ref", "arc.e.date"} {
		lines = append(lines, s.Label.Render(t.S(label)))
		at[f] = len(lines)
		lines = append(lines, m.ed.input(f).View())
	}
	lines = append(lines, s.Label.Render(t.S("arc.e.resp")))
	at[edResp] = len(lines)
	m.ed.setWidth(w)
	m.ed.setHeight(h - at[edResp] - 2)
	lines = append(lines, strings.Split(m.ed.resp.View(), "\n")...)
	lines = append(lines, "", s.Muted.Render(ansi.Truncate(base.Hints(m.ctx.Keys.NextField, m.ctx.Keys.PrevField, m.ctx.Keys.Submit, m.keys.cancel), w, "…")))
	c := m.ed.resp.Cursor()
	if in := m.ed.input(m.ed.field); in != nil {
		c = in.Cursor()
	}
	if c != nil {
		c.X += x0
		c.Y += at[m.ed.field]
		m.cursor = c
	}
	return strings.Join(lines, "\n")
}

func safe(s string) string { return model.Safe(s, false) }

func joinDot(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " · " + b
}

// wrap word-wraps s (which may hold newlines) to w cells, each line styled.
func wrap(s string, w int, st lipgloss.Style) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\t", "    "), "\n") {
		for _, l := range strings.Split(ansi.Wrap(para, w, ""), "\n") {
			out = append(out, st.Render(l))
		}
	}
	return out
}
