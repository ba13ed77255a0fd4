package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"txct/store/match"
	"txct/store/model"
	"txct/store/safefile"
)

// Errors about the output folder, wrapped with the folder's name; the TUI
// words them in the user's language.
var (
	ErrNoFolder    = errors.New("does not exist and cannot be made")
	ErrNotFolder   = errors.New("is not a folder")
	ErrNotWritable = errors.New("cannot be written")
)

// WriteFiles writes the chosen formats of the session into dir, made
// (mode 0700) if it does not exist, and returns the paths written. Each file goes to a temporary file in dir readable only by its owner,
// is synced, then renamed to its name, so a kill never leaves a truncated
// file under a final name. An existing file is never overwritten unless
// o.Force; a suffix -2, -3… is added instead.
func WriteFiles(dir string, snap model.Snapshot, formats []string, o Options) ([]string, error) {
	if len(formats) == 0 {
		return nil, fmt.Errorf("no format chosen (docx, xlsx, md)")
	}
	for _, f := range formats {
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("unknown format %q: choose from %s", f, strings.Join(Formats, ", "))
		}
	}
	if _, err := o.prepare(); err != nil {
		return nil, err
	}
	if err := checkFolder(dir); err != nil {
		return nil, err
	}
	base := Slug(snap.Session)
	type doc struct {
		name  string
		write func(io.Writer) error
	}
	var docs []doc
	for _, f := range formats {
		switch f {
		case "docx":
			docs = append(docs,
				doc{"bien-ban-" + base + ".docx", func(w io.Writer) error { return Minutes(w, snap, o) }},
				doc{"bao-cao-tong-hop-" + base + ".docx", func(w io.Writer) error { return Report(w, snap, o) }})
		case "xlsx":
			docs = append(docs, doc{"tong-hop-" + base + ".xlsx", func(w io.Writer) error { return Spreadsheet(w, snap, o) }})
		case "md":
			docs = append(docs, doc{"bien-ban-bao-cao-" + base + ".md", func(w io.Writer) error { return Markdown(w, snap, o) }})
		}
	}
	var written []string
	for _, d := range docs {
		var buf bytes.Buffer
		if err := d.write(&buf); err != nil {
			return written, fmt.Errorf("%s: %w", d.name, err)
		}
		path, err := place(dir, d.name, buf.Bytes(), o.Force)
		if err != nil {
			return written, err
		}
		written = append(written, path)
	}
	// Make the new names durable too: sync the folder (best effort; some
	// systems cannot open a folder for syncing).
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return written, nil
}

// checkFolder makes dir (mode 0700) if it does not exist and finds out,
// before any work, whether files can be made there.
func checkFolder(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		// A folder that does not exist yet is made, owner-only: the
		// documents carry voters' names.
		if err := safefile.MkdirAll(dir); err != nil {
			return fmt.Errorf("output folder %s %w: %v", dir, ErrNoFolder, err)
		}
		fi, err = os.Stat(dir)
	}
	switch {
	case err != nil:
		return fmt.Errorf("output folder %s: %w", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("output folder %s %w", dir, ErrNotFolder)
	}
	// Find out now, before any work, whether files can be made there.
	probe, err := os.CreateTemp(dir, ".txct-export-*")
	if err != nil {
		return fmt.Errorf("output folder %s %w: %v", dir, ErrNotWritable, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// place writes data under name in dir (or a free suffixed name) atomically.
func place(dir, name string, data []byte, force bool) (string, error) {
	tmp, err := safefile.WriteTemp(dir, ".txct-export-*", bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("output folder %s %w: %v", dir, ErrNotWritable, err)
	}
	defer os.Remove(tmp)
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; ; i++ {
		path := filepath.Join(dir, name)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, i, ext))
		}
		if force {
			// Windows refuses while Word has the document open: the
			// error names it, so the clerk knows what to close.
			return path, safefile.Replace(tmp, path)
		}
		// A hard link fails if the name is taken, so two exports racing for
		// one name cannot overwrite each other.
		if err := os.Link(tmp, path); err == nil {
			return path, nil
		} else if !errors.Is(err, os.ErrExist) {
			// Some file systems have no hard links: check, then rename.
			if _, serr := os.Stat(path); errors.Is(serr, os.ErrNotExist) {
				return path, safefile.Replace(tmp, path)
			}
		}
		if i > 999 {
			return "", fmt.Errorf("no free name for %s in %s", name, dir)
		}
	}
}

// Slug names a session's files: its date and place, folded to ASCII, e.g.
// "2026-11-20-tan-thanh".
func Slug(s model.Session) string {
	place := s.Locality
	if place == "" {
		place = s.Place
	}
	var b strings.Builder
	dash := true
	for _, r := range match.Fold(place) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.Trim(b.String(), "-")
	if len(slug) > 40 {
		slug = strings.Trim(slug[:40], "-")
	}
	if slug == "" {
		return s.Date
	}
	return s.Date + "-" + slug
}
