package telex

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// typeKeys types keys into a Composer the way the app does: letters compose,
// ⌫ deletes from the word (or from the text once the word is empty), and any
// other key ends the word (Commit) and is typed as it is. It returns the text
// before the last word ends and after.
func typeKeys(keys string, style Style) (shown, final string) {
	c := Composer{Style: style}
	var text []rune
	for _, k := range keys {
		switch {
		case k == '⌫':
			if !c.Backspace() && len(text) > 0 {
				text = text[:len(text)-1]
			}
		case c.Accepts(k):
			c.Key(k)
		default:
			text = append(text, []rune(c.Commit())...)
			c.Reset()
			text = append(text, k)
		}
	}
	return string(text) + c.Word(), string(text) + c.Commit()
}

// TestCases runs testdata/cases.tsv: the cases and public Telex test
// expectations (bamboo-core, vi-rs), each naming its source in the file.
func TestCases(t *testing.T) {
	f, err := os.Open("testdata/cases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	style, line, n := StyleOld, 0, 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
			continue
		case l == "@style new":
			style = StyleNew
			continue
		case l == "@style old":
			style = StyleOld
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 3 {
			t.Fatalf("cases.tsv:%d: %d columns", line, len(cols))
		}
		n++
		shown, final := typeKeys(cols[0], style)
		if cols[1] != "-" && shown != cols[1] {
			t.Errorf("cases.tsv:%d: %q shows %q, want %q", line, cols[0], shown, cols[1])
		}
		if cols[2] != "-" && final != cols[2] {
			t.Errorf("cases.tsv:%d: %q ends as %q, want %q", line, cols[0], final, cols[2])
		}
	}
	if n < 100 {
		t.Errorf("only %d cases read", n)
	}
}
