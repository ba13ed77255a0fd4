package doc

import (
	"fmt"
	"strings"
)

// Markdown renders d as Markdown for review in a terminal or a diff: the
// same words as the DOCX, non-breaking spaces as plain ones.
func (d *Document) Markdown() string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case Header:
			if x.Parent != "" {
				line("%s  ", strings.ToUpper(x.Parent))
			}
			line("**%s**  ", strings.ToUpper(x.Body))
			line("%s", NumberLine(x.Type, x.Issuer))
			line("")
			line("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ")
			line("**Độc lập - Tự do - Hạnh phúc**  ")
			line("")
			line("*%s*", DateLine(x.Place, x.Date))
		case Title:
			line("# %s", x.Kind)
			line("")
			line("**%s**", x.Summary)
		case Heading:
			t := x.Text
			if x.Level == 1 {
				t = strings.ToUpper(t)
			}
			line("%s %s", strings.Repeat("#", x.Level+1), mdEscape(t))
		case Para:
			line("%s", mdRuns(x.Runs))
		case List:
			for i, it := range x.Items {
				label := x.label(i)
				if x.Style == Lettered {
					// "a)" is not list syntax; escape nothing, indent nothing.
					line("%s %s  ", label, mdRuns(it.Runs))
				} else {
					line("%s %s", label, mdRuns(it.Runs))
				}
				for _, p := range it.More {
					line("   %s", mdRuns(p.Runs))
				}
				if len(it.More) > 0 && i < len(x.Items)-1 {
					line("")
				}
			}
		case Signatures:
			left, right := []string{}, sigLines(x.Right)
			if x.Left != nil {
				left = sigLines(*x.Left)
			} else {
				for i, l := range RecipientLines(x.Recipients) {
					if i == 0 {
						l = "**_" + l + "_**"
					}
					left = append(left, l)
				}
			}
			rows := max(len(left), len(right))
			line("| %s | %s |", cell(left, 0), cell(right, 0))
			line("|---|---|")
			for i := 1; i < rows; i++ {
				line("| %s | %s |", cell(left, i), cell(right, i))
			}
			if x.Left != nil && len(x.Recipients) > 0 {
				line("")
				for i, l := range RecipientLines(x.Recipients) {
					if i == 0 {
						line("**_%s_**  ", l)
					} else {
						line("%s  ", l)
					}
				}
			}
		case Table:
			for _, p := range x.Caption {
				line("%s", mdRuns(p.Runs))
				line("")
			}
			titles := make([]string, len(x.Columns))
			seps := make([]string, len(x.Columns))
			for i, c := range x.Columns {
				titles[i], seps[i] = c.Title, "---"
			}
			line("| %s |", strings.Join(titles, " | "))
			line("|%s|", strings.Join(seps, "|"))
			for _, r := range x.Rows {
				cells := make([]string, len(r))
				for i, c := range r {
					cells[i] = strings.ReplaceAll(strings.ReplaceAll(mdEscape(c), "|", "\\|"), "\n", "<br>")
				}
				line("| %s |", strings.Join(cells, " | "))
			}
			if len(x.Rows) == 0 && x.Empty != "" {
				line("| %s |%s", x.Empty, strings.Repeat(" |", len(x.Columns)-1))
			}
		case Break:
			line("---")
		}
		line("")
	}
	return strings.ReplaceAll(b.String(), NBSP, " ")
}

func sigLines(s Signature) []string {
	var out []string
	for _, c := range s.Capacity {
		out = append(out, "**"+strings.ToUpper(c)+"**")
	}
	// An empty name stays blank, as in the DOCX: the signer writes it.
	if s.Name == "" {
		return append(out, "", "", "")
	}
	return append(out, "", "", "**"+s.Name+"**")
}

func cell(ls []string, i int) string {
	if i < len(ls) {
		return ls[i]
	}
	return ""
}

func mdRuns(rs []Run) string { return emphasise(rs, mdEscape, "*") }

// mdEscape keeps typed asterisks and underscores from turning into
// emphasis.
var mdEscaper = strings.NewReplacer("*", "\\*", "_", "\\_", "`", "\\`")

func mdEscape(s string) string { return mdEscaper.Replace(s) }
