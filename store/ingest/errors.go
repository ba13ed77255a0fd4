// Package ingest parses the files txct imports and writes the files it hands
// over to another laptop: the petition archive (JSONL, CSV, XLSX, including CSV
// in the legacy Vietnamese 8-bit encodings TCVN3, VNI-Windows and
// Windows-1258) and session bundles (txct-session/1). It is pure: readers and
// writers in, model values out, with no bbolt and no clock. The store calls a
// reader, then writes every row of a file in one transaction, so a reader
// either returns all rows of a file or an error that names the file and the
// line, cell or JSON path at fault.
package ingest

import (
	"errors"
	"strconv"

	"txct/store/model"
)

// Sentinel errors, wrapped in *Error; check them with errors.Is.
var (
	// ErrTooLarge is returned for a field, line, row or file over a limit.
	ErrTooLarge = errors.New("too large")
	// ErrNUL is returned for a NUL byte in a text file.
	ErrNUL = errors.New("NUL byte in text")
	// ErrInvalidUTF8 is returned for invalid UTF-8 inside a UTF-8 file.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrEncoding is returned when a file is not UTF-8 and no legacy
	// Vietnamese encoding fits it.
	ErrEncoding = errors.New("unknown text encoding")
	// ErrFormat is returned when the file's format cannot be told or read.
	ErrFormat = errors.New("unsupported format")
)

// Limits on hostile or broken input. A reader never holds more than one
// line (or record) over these sizes in memory before it fails.
const (
	// MaxField is the largest value of one column or JSON string, in bytes.
	MaxField = 1 << 20
	// MaxLine is the largest JSONL line or CSV record (all its physical
	// lines), in bytes.
	MaxLine = 4 << 20
	// MaxXLSX is the largest XLSX file, and the largest unzipped size of its
	// parts. Excelize holds a workbook in memory, so it is capped.
	MaxXLSX = 256 << 20
	// MaxBundle is the largest session bundle.
	MaxBundle = 32 << 20
)

// Error is an error about input: it names the file and where in it the
// problem is. The CLI and the TUI print it as it is.
type Error struct {
	File   string // the file name as given to the reader
	Line   int    // 1-based line (JSONL, CSV, JSON syntax) or row (XLSX); 0 if unknown
	Col    int    // 1-based column of a JSON syntax error; 0 if unknown
	Sheet  string // XLSX sheet name
	Cell   string // XLSX cell reference such as "C7"
	Column string // the column (header) of a CSV value at fault
	Path   string // JSON path in a bundle, such as "remarks[3].field"
	Err    error
}

// Error formats e as "file:line: …", "file: Sheet1!C7: …" or
// "file: remarks[3].field: …".
func (e *Error) Error() string { return e.Where("row", "column") + ": " + e.Err.Error() }

// Where is the position part of the message, "file:line", "file: Sheet1
// row 5: column "text"" and so on, with the words for a spreadsheet row and
// a CSV column given, so the interface can say them in its language.
func (e *Error) Where(row, column string) string {
	s := e.File
	switch {
	case e.Sheet != "" && e.Cell != "":
		s += ": " + quoteSheet(e.Sheet) + "!" + e.Cell
	case e.Sheet != "" && e.Line > 0:
		s += ": " + quoteSheet(e.Sheet) + " " + row + " " + strconv.Itoa(e.Line)
	case e.Sheet != "":
		s += ": " + quoteSheet(e.Sheet)
	case e.Line > 0:
		s += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			s += ":" + strconv.Itoa(e.Col)
		}
	}
	if e.Path != "" {
		s += ": " + e.Path
	}
	if e.Column != "" {
		s += ": " + column + " " + strconv.Quote(e.Column)
	}
	return s
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// quoteSheet quotes a sheet name the way Excel formulas do when it holds
// spaces or punctuation.
func quoteSheet(s string) string {
	for _, r := range s {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f) {
			return "'" + s + "'"
		}
	}
	return s
}

// lineErr makes an *Error at a line.
func lineErr(file string, line int, err error) *Error {
	return &Error{File: file, Line: line, Err: err}
}

// errorf is model.Errorf, kept short for the many call sites: the error
// keeps its format and arguments, so the interface words it in the user's
// language.
func errorf(format string, args ...any) error { return model.Errorf(format, args...) }
