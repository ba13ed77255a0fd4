// Package cli implements txct's command line: the TUI by default, and the
// subcommands documented in the README (import, check, export, sessions,
// bundle, backup, restore, verify, demo). main only calls Main.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"txct/store"
	"txct/store/model"
	"txct/store/userdirs"
	"txct/tui/base"
)

// Env is what a command may touch: its streams and whether they are terminals.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	StdinTTY       bool
	StdoutTTY      bool
	StderrTTY      bool
	Now            func() time.Time
	// Stop, if set, ends a command that runs until interrupted (serve)
	// when it is closed; otherwise ctrl+c does.
	Stop <-chan struct{}
}

// global holds the flags that every command accepts.
type global struct {
	db      string
	lang    string
	tone    string
	openRef string
	share   string
	// stderr takes the one-time notice that the database moved; nil while
	// the terminal app opens the database, which shows moved itself.
	stderr io.Writer
	// moved is that notice, once the database was moved ("" if not).
	moved string
}

// register adds the global flags to fs. The current values are the
// defaults, so a command's own flag set does not undo what was given before
// the command name.
func (g *global) register(fs *flag.FlagSet) {
	t := g.text()
	fs.StringVar(&g.db, "db", g.db, t.F("cli.f.db", `%LOCALAPPDATA%\txct`))
	fs.Func("lang", t.S("cli.f.lang"), g.oneOf(&g.lang, "vi", "en"))
	fs.Func("tone", t.S("cli.f.tone"), g.oneOf(&g.tone, "old", "new"))
	fs.StringVar(&g.openRef, "open", g.openRef, t.S("cli.f.open"))
	fs.StringVar(&g.share, "share-addr", g.share, t.S("cli.f.shareaddr"))
}

// oneOf sets *dst to a flag's value when it is one of the choices; any other
// value is a bad command line.
func (g *global) oneOf(dst *string, choices ...string) func(string) error {
	return func(v string) error {
		if slices.Contains(choices, v) {
			*dst = v
			return nil
		}
		return errors.New(g.text().F("cli.notoneof", v, strings.Join(choices, ", ")))
	}
}

func (g *global) path() (string, error) {
	if g.db != "" {
		return userdirs.ExpandHome(g.db), nil
	}
	if os.Getenv("TXCT_DB") == "" {
		// A database in the folder older versions used moves, once, to the
		// system's data folder.
		from, to, err := store.MoveToDataDir()
		if err != nil {
			return "", err
		}
		if from != "" {
			g.moved = g.text().F("file.moved", from, to)
			if g.stderr != nil {
				fmt.Fprintf(g.stderr, "txct: %s\n", g.moved)
			}
		}
	}
	return store.DefaultPath()
}

func (g *global) language() base.Lang {
	if g.lang != "" {
		return base.ParseLang(g.lang)
	}
	return base.LangFromEnv()
}

// text is the string catalog in the language asked for, for human-readable
// output (JSON output keeps its English keys and codes).
func (g *global) text() base.Text { return base.Text{Lang: g.language()} }

// open opens the database for a command; the error names the file.
func (g *global) open(opts store.Options) (*store.Store, error) {
	p, err := g.path()
	if err != nil {
		return nil, err
	}
	return store.Open(p, opts)
}

// words puts the errors a user acts on in the UI language: a file another
// program holds open names the program to close, and a bad flag says what
// was wrong with it.
func (g *global) words(err error) error {
	msg, ok := g.text().FileError(err)
	if !ok {
		msg, ok = g.flagError(err)
	}
	if ok {
		var ee *ExitError
		if errors.As(err, &ee) {
			return &ExitError{Code: ee.Code, Err: errors.New(msg)}
		}
		return errors.New(msg)
	}
	return err
}

// command is a subcommand; its summary in help is the catalog's
// "cli.cmd.<name>".
type command struct {
	name string
	run  func(g *global, args []string, env Env) error
}

var commands []command

func init() {
	commands = []command{
		{"demo", runDemo},
		{"import", runImport},
		{"check", runCheck},
		{"sessions", runSessions},
		{"export", runExport},
		{"archive", runArchive},
		{"round", runRound},
		{"answers", runAnswers},
		{"bundle", runBundle},
		{"backup", runBackup},
		{"restore", runRestore},
		{"verify", runVerify},
		{"serve", runServe},
		{"deadline", runDeadline},
		{"version", runVersion},
	}
}

// Version is txct's version; release builds stamp it (.ci/release, with
// -ldflags "-X txct/cmd/cli.Version=…").
var Version = "0.1.0-dev"

// ExitError carries a specific exit status.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// ExitUsage is the exit status of a bad command line: an unknown command or
// flag, a flag without its value, missing or extra arguments.
const ExitUsage = 2

// usageError is a bad command line's error, saying msg: it exits with
// ExitUsage.
func usageError(msg string) error {
	return &ExitError{Code: ExitUsage, Err: errors.New(msg)}
}

// badUsage is a bad command line's error that shows how the command is
// used (syntax), in the UI language.
func (g *global) badUsage(syntax string) error {
	return usageError(g.text().F("cli.usage", syntax))
}

// flagParseError is the flag package's error for a bad flag; words() puts
// it in the UI language.
type flagParseError struct{ error }

// parseFlags parses args with fs; a flag error is a usage error (fs's
// Usage has already listed the flags).
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return &ExitError{Code: ExitUsage, Err: flagParseError{err}}
	}
	return err
}

// The flag package's errors, which it words only in English.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: (\S+)$`)
	flagNoArg     = regexp.MustCompile(`^flag needs an argument: (\S+)$`)
	flagInvalid   = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(\S+): (.*)$`)
	flagSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError words a bad flag's error in the UI language.
func (g *global) flagError(err error) (string, bool) {
	var fe flagParseError
	if !errors.As(err, &fe) {
		return "", false
	}
	t, msg := g.text(), fe.Error()
	if m := flagUndefined.FindStringSubmatch(msg); m != nil {
		return t.F("cli.flag.undefined", m[1]), true
	}
	if m := flagNoArg.FindStringSubmatch(msg); m != nil {
		return t.F("cli.flag.noarg", m[1]), true
	}
	if m := flagInvalid.FindStringSubmatch(msg); m != nil {
		return t.F("cli.flag.invalid", m[1], m[2], m[3]), true
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return t.F("cli.flag.syntax", m[1]), true
	}
	return msg, true
}

// Main runs txct with args (without the program name) and returns the exit
// status. Errors are printed on stderr as one clear message, never a trace.
func Main(args []string, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	err := run(args, env)
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	g := global{lang: langIn(args)}
	fmt.Fprintf(env.Stderr, "txct: %s\n", g.text().Err(err))
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return 1
}

func run(args []string, env Env) error {
	// The language is known before any flag set is made, wherever --lang
	// stands, so help and errors of the flags are in it.
	g := global{stderr: env.Stderr, lang: langIn(args)}
	fs := flag.NewFlagSet("txct", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's English lines; words() says them
	g.register(fs)
	fs.Usage = func() { g.usage(env.Stderr, fs) }
	if err := parseFlags(fs, args); err != nil {
		return g.words(err)
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return g.words(runTUI(&g, env))
	}
	name := rest[0]
	if name == "help" {
		g.usage(env.Stdout, fs)
		return nil
	}
	for _, c := range commands {
		if c.name == name {
			return g.words(c.run(&g, rest[1:], env))
		}
	}
	g.usage(env.Stderr, fs)
	return usageError(g.text().F("cli.unknowncmd", name))
}

// langIn is the value of the --lang flag among args, wherever it stands,
// or "" when it is not there or not a language.
func langIn(args []string) string {
	lang := ""
	for i, a := range args {
		if a == "--" {
			break
		}
		name, v, eq := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !eq && i+1 < len(args) {
			v = args[i+1]
		}
		if v == "vi" || v == "en" {
			lang = v
		}
	}
	return lang
}

// usage is txct's help: the commands and the global flags.
func (g *global) usage(w io.Writer, fs *flag.FlagSet) {
	t := g.text()
	fmt.Fprintf(w, "%s\n\n%s\n\n%s\n", t.S("cli.help.usage"), t.S("cli.help.noarg"), t.S("cli.help.commands"))
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, t.S("cli.cmd."+c.name))
	}
	fmt.Fprintf(w, "\n%s\n", t.S("cli.help.global"))
	printFlags(w, fs, t)
}

// printFlags lists fs's flags as the flag package does, in t's language.
func printFlags(w io.Writer, fs *flag.FlagSet, t base.Text) {
	fs.VisitAll(func(f *flag.Flag) {
		line := "  -" + f.Name
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			line += " " + t.S("cli.help.value")
		}
		line += "\n    \t" + f.Usage
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			def := strconv.Quote(f.DefValue)
			if _, err := strconv.Atoi(f.DefValue); err == nil {
				def = f.DefValue
			}
			line += t.F("cli.help.default", def)
		}
		fmt.Fprintln(w, line)
	})
}

// subFlags makes a command's flag set, which also accepts the global flags
// (so "txct check --db x" works as well as "txct --db x check"). The flag
// package's own English lines are dropped: a bad flag is reported once, in
// the UI language, by words().
func subFlags(name string, g *global, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("txct "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	g.register(fs)
	fs.Usage = func() {
		t := g.text()
		fmt.Fprintln(env.Stderr, t.F("cli.help.flagsof", fs.Name()))
		printFlags(env.Stderr, fs, t)
	}
	return fs
}

// parseNoArgs parses the flags of a command that takes no positional
// argument; a stray word is a bad command line, not something to ignore.
func (g *global) parseNoArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError(g.text().F("cli.unexpected", pos[0], fs.Name()))
	}
	return nil
}

func runVersion(g *global, args []string, env Env) error {
	if err := g.parseNoArgs(subFlags("version", g, env), args); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, Version)
	return nil
}

// parseInterspersed parses flags that may come after positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// openSession opens the database with opts and finds the session ref in
// it. The caller closes the store; on an error it is already closed.
func (g *global) openSession(ref string, opts store.Options) (*store.Store, model.Session, error) {
	db, err := g.open(opts)
	if err != nil {
		return nil, model.Session{}, err
	}
	sess, err := g.findSession(db, ref)
	if err != nil {
		db.Close()
		return nil, model.Session{}, err
	}
	return db, sess, nil
}

// findSession resolves SESSION: a numeric id, a bundle UID, or "latest".
func (g *global) findSession(db *store.Store, ref string) (model.Session, error) {
	if ref == "latest" {
		ss, err := db.Sessions()
		if err != nil {
			return model.Session{}, err
		}
		if len(ss) == 0 {
			return model.Session{}, errors.New(g.text().S("cli.nosessions"))
		}
		return ss[0].Session, nil
	}
	id, err := strconv.ParseUint(ref, 10, 64)
	if err != nil {
		var ok bool
		if id, ok = db.SessionByUID(ref); !ok {
			return model.Session{}, errors.New(g.text().F("cli.nosession", ref))
		}
	}
	sess, err := db.Session(id)
	if errors.Is(err, store.ErrNotFound) {
		return sess, errors.New(g.text().F("cli.nosession", ref))
	}
	return sess, err
}

func splitList(s string) []string { return splitOn(s, ",") }

// splitOn splits a flag's list by sep, dropping empty entries.
func splitOn(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
