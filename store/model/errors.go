package model

import "fmt"

// Detail is an error that keeps its English format and arguments, so the
// interface can word it again in the user's language: the catalog looks the
// translation up by Format and fills it with Args (error arguments worded
// the same way). Error() is the English text, as fmt.Errorf would give it,
// and errors.Is and errors.As see the errors wrapped with %w.
type Detail struct {
	Format string
	Args   []any
	err    error
}

// Errorf is fmt.Errorf keeping its format and arguments for translation.
// The format must be a string literal in English: a test checks that the
// catalog words every one.
func Errorf(format string, args ...any) error {
	return &Detail{Format: format, Args: args, err: fmt.Errorf(format, args...)}
}

func (d *Detail) Error() string { return d.err.Error() }

// Unwrap returns the errors wrapped with %w.
func (d *Detail) Unwrap() []error {
	switch u := d.err.(type) {
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}
