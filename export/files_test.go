package export

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"txct/store/model"

	"txct/store/safefile"
)

func TestWriteFiles(t *testing.T) {
	snap := example()
	dir := t.TempDir()
	files, err := WriteFiles(dir, snap, Formats, opts())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"bien-ban-2026-11-20-tan-thanh.docx", "bao-cao-tong-hop-2026-11-20-tan-thanh.docx",
		"tong-hop-2026-11-20-tan-thanh.xlsx", "bien-ban-bao-cao-2026-11-20-tan-thanh.md"}
	if len(files) != len(want) {
		t.Fatalf("wrote %v", files)
	}
	for i, f := range files {
		if filepath.Base(f) != want[i] {
			t.Errorf("file %d named %s, want %s", i, filepath.Base(f), want[i])
		}
		if err := safefile.CheckPrivate(f); err != nil {
			t.Error(err)
		}
	}
	first, _ := os.ReadFile(files[3])

	again, err := WriteFiles(dir, snap, []string{"md", "xlsx"}, opts())
	if err != nil || filepath.Base(again[0]) != "bien-ban-bao-cao-2026-11-20-tan-thanh-2.md" || filepath.Base(again[1]) != "tong-hop-2026-11-20-tan-thanh-2.xlsx" {
		t.Errorf("second export %v %v, want -2 suffixes", again, err)
	}
	third, _ := WriteFiles(dir, snap, []string{"md"}, opts())
	if filepath.Base(third[0]) != "bien-ban-bao-cao-2026-11-20-tan-thanh-3.md" {
		t.Errorf("third export named %s, want -3", third[0])
	}
	if now, _ := os.ReadFile(files[3]); string(now) != string(first) {
		t.Error("an existing file was changed without --force")
	}

	changed := example()
	changed.Session.Voters = 999
	forced, err := WriteFiles(dir, changed, []string{"md"}, Options{Today: today, Force: true})
	if err != nil || filepath.Base(forced[0]) != want[3] {
		t.Fatalf("--force wrote %v %v", forced, err)
	}
	if now, _ := os.ReadFile(forced[0]); !strings.Contains(string(now), "Có 999 cử tri") {
		t.Error("--force did not overwrite")
	}
	if err := safefile.CheckPrivate(forced[0]); err != nil {
		t.Error(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".txct-export-*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestWriteFilesErrors(t *testing.T) {
	snap := example()
	dir := t.TempDir()
	// A missing folder is made, owner-only.
	missing := filepath.Join(dir, "không-có", "con")
	if files, err := WriteFiles(missing, snap, []string{"md"}, opts()); err != nil || len(files) != 1 {
		t.Errorf("missing folder: %v %v", files, err)
	}
	if fi, err := os.Stat(missing); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700) {
		t.Errorf("made folder: %v %v", fi.Mode(), err)
	}
	file := filepath.Join(dir, "a-file")
	os.WriteFile(file, nil, 0o600)
	// One that cannot be made, under a file, is refused by name.
	under := filepath.Join(file, "x")
	if _, err := WriteFiles(under, snap, []string{"md"}, opts()); !errors.Is(err, ErrNoFolder) || !strings.Contains(err.Error(), under) {
		t.Errorf("folder under a file: %v", err)
	}
	if _, err := WriteFiles(file, snap, []string{"md"}, opts()); !errors.Is(err, ErrNotFolder) || !strings.Contains(err.Error(), file) {
		t.Errorf("not a folder: %v", err)
	}
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o500)
	if os.Geteuid() != 0 { // root writes anywhere
		if _, err := WriteFiles(ro, snap, []string{"md"}, opts()); !errors.Is(err, ErrNotWritable) || !strings.Contains(err.Error(), ro) {
			t.Errorf("read-only folder: %v", err)
		}
	}
	for _, formats := range [][]string{{"pdf"}, {}, {"docx", "DOCX"}} {
		if _, err := WriteFiles(dir, snap, formats, opts()); err == nil {
			t.Errorf("formats %v accepted", formats)
		}
	}
	if _, err := WriteFiles(dir, snap, []string{"md"}, Options{Margins: Margins{Top: 10, Bottom: 20, Left: 30, Right: 15}}); err == nil || !strings.Contains(err.Error(), "top margin") {
		t.Errorf("bad margin: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 || !slices.ContainsFunc(entries, func(e os.DirEntry) bool { return e.Name() == "ro" }) {
		t.Errorf("a failed export left files: %v", entries)
	}
}

func TestSlug(t *testing.T) {
	cases := []struct {
		name string
		s    model.Session
		want string
	}{
		{"locality", model.Session{Date: "2026-11-20", Locality: "Tân Thành", Place: "Hội trường"}, "2026-11-20-tan-thanh"},
		{"place when no locality", model.Session{Date: "2026-11-20", Place: "Nhà văn hóa ấp Đồng Sổ"}, "2026-11-20-nha-van-hoa-ap-dong-so"},
		{"đ and caps", model.Session{Date: "2027-01-05", Locality: "ĐẮK LẮK / Buôn Đôn"}, "2027-01-05-dak-lak-buon-don"},
		{"decomposed input", model.Session{Date: "2027-01-05", Locality: "Phu\u0301 Ho\u0300a"}, "2027-01-05-phu-hoa"},
		{"escapes dropped", model.Session{Date: "2027-01-05", Locality: "x\x1b]52;c;aGk=\x07y"}, "2027-01-05-x-52-c-agk-y"},
		{"empty", model.Session{Date: "2026-11-20"}, "2026-11-20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Slug(c.s); got != c.want {
				t.Errorf("Slug = %q, want %q", got, c.want)
			}
		})
	}
}
