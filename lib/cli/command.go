package cli

import (
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/pflag"
)

// Command describes a kdbg command for its flag set and --help.
type Command struct {
	Name    string // as typed, such as "kdbg-spec"
	Usage   string // the synopsis after the name
	Summary string // what the command does, in a sentence or two
	Manual  string // the package whose doc.go is the manual, for go doc
}

// Flags are the flag set of a command and the flags every command shares.
type Flags struct {
	*pflag.FlagSet
	quiet, verbose bool
	cmd            Command
	stderr         io.Writer
}

// NewFlags returns a flag set for c with -q/--quiet and -v/--verbose, whose --help
// prints the synopsis, the summary, the flags and where the manual is, on stderr.
func (c Command) NewFlags(stderr io.Writer) *Flags {
	f := &Flags{FlagSet: pflag.NewFlagSet(c.Name, pflag.ContinueOnError), cmd: c, stderr: stderr}
	f.SetOutput(stderr)
	f.Usage = f.usage
	f.BoolVarP(&f.quiet, "quiet", "q", false, "print no notes or warnings on stderr")
	f.BoolVarP(&f.verbose, "verbose", "v", false, "print debug details on stderr")
	return f
}

func (f *Flags) usage() {
	fmt.Fprintf(f.stderr, "usage: %s %s\n\n%s\n\nFlags:\n%s\nManual: go doc %s\n",
		f.cmd.Name, f.cmd.Usage, f.cmd.Summary, f.FlagUsages(), f.cmd.Manual)
}

// Parse parses args. It returns ErrHelp after printing the help for --help, which the
// command ends on with exit 0, and a UsageError for bad flags.
func (f *Flags) Parse(args []string) error {
	err := f.FlagSet.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		return err
	case err != nil:
		return Usagef("%w; see %s --help", err, f.cmd.Name)
	case f.quiet && f.verbose:
		return Usagef("-q and -v cannot be used together")
	}
	return nil
}

// ErrHelp is returned by Parse after --help.
var ErrHelp = pflag.ErrHelp

// Logger returns the stderr logger that -q and -v set the level of.
func (f *Flags) Logger() *slog.Logger {
	return NewLogger(f.stderr, f.quiet, f.verbose)
}

// Exit reports err as the command and returns the exit code: 0 after --help.
func (f *Flags) Exit(err error) int {
	if errors.Is(err, ErrHelp) {
		return ExitOK
	}
	return Report(f.stderr, f.cmd.Name, err)
}
