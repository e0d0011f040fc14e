"""The fish completion script and the man page, generated from the parser itself (as shtab
does bash, zsh and tcsh), so neither can drift from the real commands.

Both walk the same tree: every command path (`config`, `config set`, ...) with its parser.
Plain string building, no dependency: `mirror completion fish|man` is the only caller.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

Path = tuple[str, ...]


def command_tree(parser: argparse.ArgumentParser, prefix: Path = ()) -> Iterator[tuple[Path, argparse.ArgumentParser, str]]:
    """(path, parser, one-line help) for every command, parents before children; an alias
    shares its parser with the main name and is listed once, under the main name."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        seen: set[int] = set()
        for name, sub in action.choices.items():
            if id(sub) in seen:
                continue
            seen.add(id(sub))
            path = (*prefix, name)
            yield path, sub, helps.get(name, "")
            yield from command_tree(sub, path)


def subcommand_names(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    """(name, help) of a parser's direct subcommands, aliases included (they complete too)."""
    names: list[tuple[str, str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            by_parser = {id(sub): name for name, sub in action.choices.items() if name in helps}
            for name, sub in action.choices.items():
                names.append((name, helps.get(name) or helps.get(by_parser.get(id(sub), ""), "")))
    return names


def options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.option_strings and a.help != argparse.SUPPRESS]


def positionals(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions
            if not a.option_strings and not isinstance(a, argparse._SubParsersAction)]


def _takes_value(action: argparse.Action) -> bool:
    return action.nargs != 0


# -- fish ------------------------------------------------------------------------------------

def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_help(text: str | None) -> str:
    first = (text or "").split("\n")[0].replace("%%", "%")
    return _fish_quote(first[:90])


def fish_script(parser: argparse.ArgumentParser, prog: str = "mirror") -> str:
    """A fish completion script: command names, options (with their help), and the values
    of options and arguments that have a fixed set of choices, for every command path."""
    tree = list(command_tree(parser))
    valued = sorted({s for _, p, _ in [((), parser, ""), *tree] for a in options(p) if _takes_value(a)
                     for s in a.option_strings})
    fn = f"__{prog}_command"
    lines = [
        f"# fish completion for {prog}, generated from its parser: `{prog} completion fish`.",
        f"# Install: {prog} completion fish > ~/.config/fish/completions/{prog}.fish",
        "",
        f"set -g __{prog}_paths " + " ".join(_fish_quote(" ".join(path)) for path, _, _ in tree),
        "",
        "# The command path typed so far (e.g. 'config set'), options and their values skipped.",
        f"function {fn}",
        "    set -l words",
        "    set -l skip 0",
        "    for token in (commandline -opc)[2..-1]",
        "        if test $skip = 1",
        "            set skip 0",
        "            continue",
        "        end",
        "        switch $token",
        *([f"            case {' '.join(valued)}", "                set skip 1"] if valued else []),
        "            case '-*'",
        "            case '*'",
        "                set -a words $token",
        "        end",
        "    end",
        "    set -l found ''",
        "    set -l path ''",
        "    for word in $words",
        "        set path (string trim -- \"$path $word\")",
        f"        if contains -- $path $__{prog}_paths",
        "            set found $path",
        "        else",
        "            break",
        "        end",
        "    end",
        "    echo $found",
        "end",
        "",
        f"function __{prog}_at",
        f"    set -l here ({fn})",
        "    test \"$here\" = \"$argv\"",
        "end",
        "",
        f"complete -c {prog} -e",
    ]
    for path, sub, _ in [((), parser, ""), *tree]:
        condition = f"-n {_fish_quote(f'__{prog}_at ' + ' '.join(path))}"
        for name, text in subcommand_names(sub):
            lines.append(f"complete -c {prog} {condition} -f -a {_fish_quote(name)} -d {_fish_help(text)}")
        for action in options(sub):
            flags = []
            for opt in action.option_strings:
                if opt.startswith("--"):
                    flags.append(f"-l {opt[2:]}")
                elif len(opt) == 2:
                    flags.append(f"-s {opt[1]}")
                else:
                    flags.append(f"-o {opt[1:]}")
            value = ""
            if _takes_value(action):
                value = " -r"
                if action.choices:
                    value = " -x -a " + _fish_quote(" ".join(str(c) for c in action.choices))
            lines.append(f"complete -c {prog} {condition} {' '.join(flags)}{value} -d {_fish_help(action.help)}")
        for action in positionals(sub):
            if action.choices:
                lines.append(f"complete -c {prog} {condition} -f -a "
                             f"{_fish_quote(' '.join(str(c) for c in action.choices))} -d {_fish_help(action.help)}")
    return "\n".join(lines) + "\n"


# -- man page ------------------------------------------------------------------------------

def _roff(text: str) -> str:
    """Text safe in a roff line: backslashes escaped, a leading dot or quote neutralised."""
    out = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + out if out[:1] in (".", "'") else out


def _option_term(action: argparse.Action) -> str:
    """`\\fB\\-\\-tag\\fR \\fITAG\\fR`: the option's spellings, and its value's name if it takes one."""
    term = "\\fB" + ", ".join(_roff(o) for o in action.option_strings) + "\\fR"
    if _takes_value(action):
        name = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
        term += f" \\fI{_roff(name)}\\fR"
    return term


def _usage(parser: argparse.ArgumentParser) -> str:
    return " ".join(parser.format_usage().split())[len("usage: "):]


EXIT_STATUS = (
    (0, "success"),
    (1, "unexpected internal error (a bug: one line, details in mirror.log)"),
    (2, "usage error (bad flag, missing argument)"),
    (3, "not found (unknown or ambiguous ID, missing file)"),
    (4, "invalid input (empty reflection, bad date, malformed import file)"),
    (5, "engine unavailable where the command needs it"),
    (6, "bundle refused (corrupt, hostile, tampered, wrong passphrase, untrusted signature)"),
    (7, "storage problem (locked, corrupt, read-only, disk full, newer schema)"),
)

ENVIRONMENT = (
    ("MIRROR_HOME", "the journal folder (default: the user data folder); --home wins"),
    ("OLLAMA_HOST", "the Ollama server (host, host:port or URL; 0.0.0.0 means this machine) "
                    "when config.toml sets no ollama.endpoint"),
    ("ANTHROPIC_BASE_URL", "the Anthropic API URL when config.toml sets no anthropic.base_url"),
    ("ANTHROPIC_API_KEY", "the Anthropic API key (or `mirror set-key anthropic`)"),
    ("NO_COLOR", "no colour in the output"),
    ("VISUAL, EDITOR", "the editor `mirror reflect` opens when no text is given"),
)


def man_page(parser: argparse.ArgumentParser, version: str, prog: str = "mirror") -> str:
    """mirror(1) in roff (man(7) macros): synopsis, every command with its usage and options,
    exit status, environment, files. No date in it, so the page is the same on every build."""
    out = [
        f'.TH {prog.upper()} 1 "" "{prog} {version}" "User Commands"',
        ".SH NAME",
        f"{prog} \\- {_roff(parser.description or '')}",
        ".SH SYNOPSIS",
        f".B {prog}",
        "[\\fB\\-\\-json\\fR] [\\fB\\-\\-home\\fR \\fIDIR\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]",
        ".SH DESCRIPTION",
        _roff("Every command takes --json (one JSON document on stdout; a failure is one object "
              "with error, code and exit) and --home DIR. Run a command with --help for details."),
        ".SH OPTIONS",
    ]
    for action in options(parser):
        out += [".TP", _option_term(action), _roff(action.help or "")]
    common = {a.dest for a in options(parser)}
    out.append(".SH COMMANDS")
    for path, sub, text in command_tree(parser):
        out += [f".SS {_roff(' '.join((prog, *path)))}", _roff(text or sub.description or ""),
                ".PP", f"\\fBusage:\\fR {_roff(_usage(sub))}"]
        for action in positionals(sub):
            if action.help and action.help != argparse.SUPPRESS:
                name = action.metavar if isinstance(action.metavar, str) else action.dest
                out += [".TP", f"\\fI{_roff(name)}\\fR", _roff(action.help)]
        for action in options(sub):
            if action.dest not in common:  # the global options are described once, above
                out += [".TP", _option_term(action), _roff(action.help or "")]
    out.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        out += [".TP", f"\\fB{code}\\fR", _roff(meaning)]
    out.append(".SH ENVIRONMENT")
    for name, meaning in ENVIRONMENT:
        out += [".TP", f"\\fB{_roff(name)}\\fR", _roff(meaning)]
    out += [
        ".SH FILES",
        ".TP", "\\fI$MIRROR_HOME/mirror.db\\fR", _roff("the journal (SQLite, mode 0600)"),
        ".TP", "\\fI$MIRROR_HOME/config.toml\\fR", _roff("settings (`mirror config list` shows each one's source)"),
        ".TP", "\\fI$MIRROR_HOME/secrets.toml\\fR", _roff("API keys (mode 0600)"),
        ".SH SEE ALSO",
        _roff(f"{prog} completion bash|zsh|tcsh|fish"),
    ]
    return "\n".join(out) + "\n"
