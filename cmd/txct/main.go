// Command txct records voter-contact sessions (tiếp xúc cử tri) in the
// terminal: see the README, or run "txct help".
package main

import (
	"os"

	"txct/cmd/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		StdinTTY: cli.IsTerminal(os.Stdin), StdoutTTY: cli.IsTerminal(os.Stdout), StderrTTY: cli.IsTerminal(os.Stderr),
	}))
}
