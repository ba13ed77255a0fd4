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
	fs.StringVar(&g.db, "db", g.db, `database file (default $TXCT_DB, else txct.db in %LOCALAPPDATA%\txct on Windows, ~/Library/Application Support/txct on macOS, $XDG_DATA_HOME/txct or ~/.local/share/txct elsewhere)`)
	fs.Func("lang", "UI language: vi (default) or en; also TXCT_LANG", g.oneOf(&g.lang, "vi", "en"))
	fs.Func("tone", "Telex tone placement: old (hòa, default) or new (hoà); also TXCT_TONE", g.oneOf(&g.tone, "old", "new"))
	fs.StringVar(&g.openRef, "open", g.openRef, "open this session's screen at start (number, uid or latest)")
	fs.StringVar(&g.share, "share-addr", g.share, "HOST:PORT the session screen shares on (Ctrl+T; default: this machine's LAN address)")
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
// program holds open names the program to close.
func (g *global) words(err error) error {
	if msg, ok := (base.Text{Lang: g.language()}).FileError(err); ok {
		var ee *ExitError
		if errors.As(err, &ee) {
			return &ExitError{Code: ee.Code, Err: errors.New(msg)}
		}
		return errors.New(msg)
	}
	return err
}

type command struct {
	name    string
	summary string
	run     func(g *global, args []string, env Env) error
}

var commands []command

func init() {
	commands = []command{
		{"demo", "load the demo archive and example session [--yes]; --remove deletes what the demo created", runDemo},
		{"import", "import archive files (JSONL, CSV, XLSX, XLS) and past reports (DOCX, PDF): txct import [--encoding E] [--dry-run] [--yes] [--session S] [--date D] FILE...", runImport},
		{"check", "read remarks on stdin, write repeat matches as JSON lines [--top N] [--jsonl]", runCheck},
		{"sessions", "list sessions with their deadlines [--json]", runSessions},
		{"export", "export a session's documents, or a round's or sitting's report: txct export SESSION|--round SESSION|--sitting SITTING --out DIR [--format docx,xlsx,md] [--force] [--to BODY] [--signer NAME] [--strict] [issuer flags: txct export -h]", runExport},
		{"archive", "write the archive out or forward a session: txct archive export FILE.xlsx|FILE.jsonl [--status LIST] [--authority LIST] [--since DATE] | txct archive forward SESSION", runArchive},
		{"round", "show a session's round, or mark two remarks of its points as one demand: txct round SESSION | txct round same SESSION:N SESSION:M | txct round same --clear SESSION:N", runRound},
		{"answers", "record the answers of a filled-in tracking sheet: txct answers import FILE.xlsx|FILE.csv", runAnswers},
		{"bundle", "move a session: txct bundle export SESSION FILE | txct bundle import FILE", runBundle},
		{"backup", "write a consistent copy of the database: txct backup FILE", runBackup},
		{"restore", "replace the database with a backup: txct restore FILE", runRestore},
		{"verify", "check the database file's consistency", runVerify},
		{"serve", "share a session read-only on the local network: txct serve [--session SESSION] [--addr HOST:PORT] [--hide-addresses]", runServe},
		{"deadline", "show or set the deadline rule: [--days N] [--working|--calendar] [--days-off LIST]", runDeadline},
		{"version", "print the version", runVersion},
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

// parseFlags parses args with fs; a flag error is a usage error (the flag
// package has already printed what went wrong and the flags).
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	return err
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
	fmt.Fprintf(env.Stderr, "txct: %v\n", err)
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return 1
}

func run(args []string, env Env) error {
	g := global{stderr: env.Stderr}
	fs := flag.NewFlagSet("txct", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	g.register(fs)
	fs.Usage = func() { usage(env.Stderr, fs) }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return g.words(runTUI(&g, env))
	}
	name := rest[0]
	if name == "help" {
		usage(env.Stdout, fs)
		return nil
	}
	for _, c := range commands {
		if c.name == name {
			return g.words(c.run(&g, rest[1:], env))
		}
	}
	usage(env.Stderr, fs)
	return usageError(g.text().F("cli.unknowncmd", name))
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "usage: txct [--db PATH] [--lang vi|en] [COMMAND] [ARGS]")
	fmt.Fprintln(w, "\nWith no command, txct opens the terminal app.\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nGlobal flags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// subFlags makes a command's flag set, which also accepts the global flags
// (so "txct check --db x" works as well as "txct --db x check").
func subFlags(name string, g *global, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("txct "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	g.register(fs)
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
