package ingest

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"
)

// TestDevPackLegacyCSV writes the dev pack's petitions (when the pack is
// beside the repository) as CSV files in each legacy encoding, whole, three
// rows and one row at a time, and reads them back: every file must come
// back exactly or be refused, never read in another encoding.
func TestDevPackLegacyCSV(t *testing.T) {
	f, err := os.Open("../../../shared/eval/dev/archive.jsonl")
	if err != nil {
		t.Skip("dev pack not found")
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var p struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &p) == nil && p.Text != "" {
			texts = append(texts, strings.ReplaceAll(p.Text, "\"", "'"))
		}
	}
	for _, e := range legacyEncodings {
		rows := texts
		if e == TCVN3 {
			// VN3 has no capitals with tones (they were drawn with
			// .VnTimeH from the lower-case codes): write such words in
			// lower case, as they come back.
			rows = make([]string, len(texts))
			for i, s := range texts {
				rows[i] = lowerTonedCapitals(s)
			}
		}
		for _, size := range []int{len(rows), 3, 1} {
			right, refused, fields := 0, 0, 0
			for start := 0; start < len(rows); start += size {
				chunk := rows[start:min(start+size, len(rows))]
				var csv strings.Builder
				csv.WriteString("ma,noi dung\n")
				for i, r := range chunk {
					csv.WriteString("R" + itoa(start+i+1) + ",\"" + r + "\"\n")
				}
				b, err := e.Encode(csv.String())
				if err != nil {
					t.Fatal(err)
				}
				res, err := Read(strings.NewReader(string(b)), "pack.csv", Options{})
				if err != nil {
					if !errors.Is(err, ErrEncoding) {
						t.Fatalf("%s: %v", e.Name, err)
					}
					refused++
					continue
				}
				ok := len(res.Petitions) == len(chunk)
				for i := 0; ok && i < len(chunk); i++ {
					ok = res.Petitions[i].Text == strings.TrimSpace(chunk[i])
				}
				if !ok {
					if len(res.Petitions) != len(chunk) {
						t.Logf("%d petitions for %d rows (%d duplicates)", len(res.Petitions), len(chunk), res.Duplicates)
					} else {
						for i := range chunk {
							if res.Petitions[i].Text != strings.TrimSpace(chunk[i]) {
								t.Logf("%q\n%q", res.Petitions[i].Text, chunk[i])
								break
							}
						}
					}
					t.Errorf("%s, %d-row file at row %d read as %s with different text", e.Name, size, start+1, res.Encoding)
					continue
				}
				right++
				fields += len(chunk)
			}
			t.Logf("%-14s %4d-row files: %d read exactly (%d fields), %d refused", e.Name, size, right, fields, refused)
		}
	}
}

// lowerTonedCapitals writes capitals that carry a tone or a modifier in
// lower case (Ủy → ủy), leaving Đ, Ă, Â, Ê, Ô, Ơ, Ư, which VN3 has.
func lowerTonedCapitals(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x80 && unicode.IsUpper(r) && !strings.ContainsRune("ĐĂÂÊÔƠƯ", r) {
			return unicode.ToLower(r)
		}
		return r
	}, s)
}
