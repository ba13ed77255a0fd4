package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func checkDB(t *testing.T) string {
	t.Helper()
	path := tempDB(t)
	arch := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(arch, []byte(`{"id":"A1","text":"Đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã","field":"giao thông","authority":"tỉnh","location":"xã Dũng Liệt","raised_at":"2021-08-20","session":"Sau kỳ họp thứ 2","response":"","status":"answered"}
`), 0o600)
	if code, _, errs := call(t, "", "--db", path, "import", arch); code != 0 {
		t.Fatal(errs)
	}
	return path
}

func utf16With(s string, bigEndian bool) string {
	var b []byte
	for _, u := range append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

// What Windows consoles, Notepad and PowerShell send to 'txct check'.
func TestCheckInputEncodings(t *testing.T) {
	path := checkDB(t)
	remark := "Đề nghị xây mới cầu tràn Nà Ca đã xuống cấp"
	read := []struct {
		name, in string
		jsonl    bool
	}{
		{"UTF-8 with BOM", "\uFEFF" + remark + "\n", false},
		{"UTF-8 with BOM, jsonl", "\uFEFF" + `{"text":"` + remark + `"}` + "\n", true},
		{"UTF-16LE with BOM (Out-File)", utf16With(remark+"\r\n", false), false},
		{"UTF-16BE with BOM", utf16With(remark+"\n", true), false},
		{"question mark after Vietnamese", "Sao vậy?Tôi hỏi về cầu tràn Nà Ca\n", false},
	}
	for _, tt := range read {
		args := []string{"--db", path, "check", "--top", "1"}
		if tt.jsonl {
			args = append(args, "--jsonl")
		}
		code, out, errs := call(t, tt.in, args...)
		if code != 0 {
			t.Errorf("%s: exit %d %q", tt.name, code, errs)
			continue
		}
		var o checkOut
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &o); err != nil {
			t.Errorf("%s: %v: %q", tt.name, err, out)
			continue
		}
		if strings.HasPrefix(o.Text, "\uFEFF") || !o.Repeat || o.Matches[0].ID != "A1" {
			t.Errorf("%s: %+v", tt.name, o)
		}
	}
	refused := []struct{ name, in string }{
		{"code page 1258", "Tuy\xeat \xd0T.341 xu\xf4\xecng c\xe2\xdfp\n"},
		{"replacement character", "Tuy\uFFFDn \uFFFDT.341\n"},
		{"PowerShell ASCII pipe", "Tuy?n ?T.341 xu?ng c?p\n"},
		{"second line garbled", "cầu tràn Nà Ca\nTuy\xeat\n"},
	}
	if _, _, errs := call(t, "Tuy?n\n", "--lang", "en", "--db", path, "check"); !strings.Contains(errs, "stdin:1: text is not UTF-8") || !strings.Contains(errs, "[Text.UTF8Encoding]::new()") {
		t.Errorf("in English: %q", errs)
	}
	for _, tt := range refused {
		code, _, errs := call(t, tt.in, "--db", path, "check")
		if code == 0 || !strings.Contains(errs, "không phải UTF-8") || !strings.Contains(errs, "chcp 65001") {
			t.Errorf("%s: exit %d %q", tt.name, code, errs)
		}
		if tt.name == "second line garbled" && !strings.Contains(errs, "stdin:2") {
			t.Errorf("%s: the error does not name line 2: %q", tt.name, errs)
		}
	}
}

// Someone typing remarks by hand gets each answer before typing the next.
func TestCheckAnswersEachLine(t *testing.T) {
	path := checkDB(t)
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		code := Main([]string{"--db", path, "check"}, Env{Stdin: inR, Stdout: outW, Stderr: io.Discard, Now: clock})
		outW.Close()
		done <- code
	}()
	answers := bufio.NewScanner(outR)
	for i, remark := range []string{"cầu tràn Nà Ca xuống cấp", "nạo vét kênh"} {
		if _, err := io.WriteString(inW, remark+"\n"); err != nil {
			t.Fatal(err)
		}
		// The input stays open: the answer must come without it ending.
		got := make(chan string, 1)
		go func() {
			if answers.Scan() {
				got <- answers.Text()
			}
			close(got)
		}()
		select {
		case a := <-got:
			if !strings.Contains(a, `"text":"`+remark+`"`) {
				t.Errorf("answer %d: %s", i, a)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer to line %d while the input stays open", i+1)
		}
	}
	inW.Close()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}
